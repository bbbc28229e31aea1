CREATE TABLE "agenda_actions" (
	"item_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	CONSTRAINT "agenda_actions_item_id_task_id_pk" PRIMARY KEY("item_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_item_versions" (
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"minutes" text,
	"risks" text,
	"edited_by" uuid NOT NULL,
	"edited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agenda_item_versions_item_id_version_pk" PRIMARY KEY("item_id","version")
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"minutes" text,
	"risks" text,
	"minuted_by" uuid,
	"minuted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_research" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"known" text NOT NULL,
	"opinion" text,
	"withheld" text,
	"withheld_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"attendees" text,
	"confidentiality_agreed" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_organisation_id_pk" PRIMARY KEY("meeting_id","organisation_id"),
	CONSTRAINT "meeting_attendance_status_check" CHECK ("meeting_attendance"."status" in ('present', 'apologies', 'information-sent', 'observer'))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"panel_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text,
	"online_link" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('planned', 'closed')),
	CONSTRAINT "meetings_ends_check" CHECK ("meetings"."ends_at" is null or "meetings"."ends_at" > "meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "panel_coordinators" (
	"panel_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "panel_coordinators_panel_id_user_id_pk" PRIMARY KEY("panel_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "panel_organisations" (
	"panel_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "panel_organisations_panel_id_organisation_id_pk" PRIMARY KEY("panel_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "panel_referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"panel_id" uuid NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"criteria" text[] NOT NULL,
	"repeat" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"has_children" boolean DEFAULT false NOT NULL,
	"latest_assessment_id" uuid,
	"referred_by" uuid NOT NULL,
	"referred_by_team_id" uuid NOT NULL,
	"referred_by_organisation_id" uuid NOT NULL,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_referrals_record_kind_check" CHECK ("panel_referrals"."record_kind" in ('profile', 'case')),
	CONSTRAINT "panel_referrals_status_check" CHECK ("panel_referrals"."status" in ('waiting', 'listed', 'heard', 'withdrawn')),
	CONSTRAINT "panel_referrals_criteria_check" CHECK ("panel_referrals"."criteria" <@ array['dash-14', 'ram-high', 'professional-judgement', 'escalation', 'repeat']::text[])
);
--> statement-breakpoint
CREATE TABLE "panels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"chair_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panels_kind_check" CHECK ("panels"."kind" in ('marac', 'community-marac', 'marat', 'jag', 'channel', 'hub', 'case-conference'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_coordinator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "agenda_actions" ADD CONSTRAINT "agenda_actions_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_actions" ADD CONSTRAINT "agenda_actions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_versions" ADD CONSTRAINT "agenda_item_versions_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_versions" ADD CONSTRAINT "agenda_item_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_referral_id_panel_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."panel_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_minuted_by_users_id_fk" FOREIGN KEY ("minuted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_research" ADD CONSTRAINT "agenda_research_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_research" ADD CONSTRAINT "agenda_research_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_research" ADD CONSTRAINT "agenda_research_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_research" ADD CONSTRAINT "agenda_research_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_coordinators" ADD CONSTRAINT "panel_coordinators_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_coordinators" ADD CONSTRAINT "panel_coordinators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_organisations" ADD CONSTRAINT "panel_organisations_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_organisations" ADD CONSTRAINT "panel_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_referrals" ADD CONSTRAINT "panel_referrals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_referrals" ADD CONSTRAINT "panel_referrals_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_referrals" ADD CONSTRAINT "panel_referrals_latest_assessment_id_assessments_id_fk" FOREIGN KEY ("latest_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_referrals" ADD CONSTRAINT "panel_referrals_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_referrals" ADD CONSTRAINT "panel_referrals_referred_by_team_id_teams_id_fk" FOREIGN KEY ("referred_by_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_referrals" ADD CONSTRAINT "panel_referrals_referred_by_organisation_id_organisations_id_fk" FOREIGN KEY ("referred_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels" ADD CONSTRAINT "panels_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels" ADD CONSTRAINT "panels_chair_user_id_users_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_actions_task_key" ON "agenda_actions" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_meeting_referral_key" ON "agenda_items" USING btree ("meeting_id","referral_id");--> statement-breakpoint
CREATE INDEX "agenda_items_referral_idx" ON "agenda_items" USING btree ("referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_research_item_organisation_key" ON "agenda_research" USING btree ("item_id","organisation_id");--> statement-breakpoint
CREATE INDEX "meetings_panel_idx" ON "meetings" USING btree ("panel_id","starts_at");--> statement-breakpoint
CREATE INDEX "panel_coordinators_user_idx" ON "panel_coordinators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "panel_organisations_organisation_idx" ON "panel_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "panel_referrals_repeat_idx" ON "panel_referrals" USING btree ("panel_id","record_kind","record_id","created_at");--> statement-breakpoint
CREATE INDEX "panel_referrals_panel_status_idx" ON "panel_referrals" USING btree ("panel_id","status","created_at");--> statement-breakpoint
CREATE INDEX "panel_referrals_record_idx" ON "panel_referrals" USING btree ("record_kind","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "panels_partnership_name_key" ON "panels" USING btree ("partnership_id",lower("name"));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('task_assigned', 'task_accepted', 'task_declined', 'task_updated', 'task_completed', 'task_overdue', 'action_due', 'record_changed', 'access_requested', 'access_decided', 'adjustment_requested', 'adjustment_decided', 'panel_referral'));
