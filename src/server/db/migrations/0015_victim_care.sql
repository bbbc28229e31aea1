-- Victim care: each partnership's settings, contact plans and the contacts with victims, the
-- community trigger's flags and the ASB case reviews opened from them; two notification kinds.
CREATE TABLE "case_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"flag_id" uuid,
	"owner_id" uuid NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"stage" text DEFAULT 'application-received' NOT NULL,
	"application_received_on" date NOT NULL,
	"threshold_due_on" date NOT NULL,
	"threshold_decided_on" date,
	"threshold_met" boolean,
	"meeting_due_on" date,
	"meeting_held_on" date,
	"outcome_due_on" date,
	"outcome_sent_on" date,
	"outcome" text,
	"appeal_received_on" date,
	"appeal_due_on" date,
	"appeal_decided_on" date,
	"appeal_outcome" text,
	"closed_on" date,
	"closed_reason" text,
	"reminder_action_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_reviews_stage_check" CHECK ("case_reviews"."stage" in ('application-received', 'threshold-decision', 'review-meeting', 'outcome', 'appeal', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "community_trigger_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"complaints" integer NOT NULL,
	"organisations" integer NOT NULL,
	"since" date,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"alerted_at" timestamp with time zone,
	"case_review_id" uuid,
	"cleared_at" timestamp with time zone,
	CONSTRAINT "community_trigger_flags_basis_check" CHECK ("community_trigger_flags"."basis" in ('complaints', 'location', 'hate'))
);
--> statement-breakpoint
CREATE TABLE "contact_plans" (
	"profile_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid,
	"frequency_days" integer NOT NULL,
	"preferred_channel" text,
	"safe_times" text,
	"safe_to_text" boolean DEFAULT false NOT NULL,
	"safe_to_voicemail" boolean DEFAULT false NOT NULL,
	"safe_to_email" boolean DEFAULT false NOT NULL,
	"safe_to_letter" boolean DEFAULT false NOT NULL,
	"last_contact_at" timestamp with time zone,
	"next_contact_due" date NOT NULL,
	"supervisors_alerted_at" timestamp with time zone,
	"set_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_plans_frequency_check" CHECK ("contact_plans"."frequency_days" between 1 and 365),
	CONSTRAINT "contact_plans_channel_check" CHECK ("contact_plans"."preferred_channel" in ('phone', 'text', 'email', 'letter', 'visit'))
);
--> statement-breakpoint
CREATE TABLE "victim_care_settings" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"cadence_standard_days" integer DEFAULT 28 NOT NULL,
	"cadence_medium_days" integer DEFAULT 14 NOT NULL,
	"cadence_high_days" integer DEFAULT 7 NOT NULL,
	"cadence_not_assessed_days" integer DEFAULT 14 NOT NULL,
	"overdue_grace_days" integer DEFAULT 2 NOT NULL,
	"trigger_complaints" integer DEFAULT 3 NOT NULL,
	"trigger_months" integer DEFAULT 6 NOT NULL,
	"trigger_location_complaints" integer DEFAULT 5,
	"trigger_any_hate_incident" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_care_settings_cadence_check" CHECK (least("victim_care_settings"."cadence_standard_days", "victim_care_settings"."cadence_medium_days", "victim_care_settings"."cadence_high_days", "victim_care_settings"."cadence_not_assessed_days") >= 1),
	CONSTRAINT "victim_care_settings_grace_check" CHECK ("victim_care_settings"."overdue_grace_days" >= 0),
	CONSTRAINT "victim_care_settings_trigger_check" CHECK ("victim_care_settings"."trigger_complaints" >= 1 and "victim_care_settings"."trigger_months" >= 1 and ("victim_care_settings"."trigger_location_complaints" is null or "victim_care_settings"."trigger_location_complaints" >= 1))
);
--> statement-breakpoint
CREATE TABLE "victim_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"channel" text,
	"reached" boolean NOT NULL,
	"voicemail_left" boolean DEFAULT false NOT NULL,
	"report_id" uuid,
	"note" text,
	"recorded_by" uuid,
	"recorded_by_team_id" uuid NOT NULL,
	"recorded_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "victim_contacts_channel_check" CHECK ("victim_contacts"."channel" in ('phone', 'text', 'email', 'letter', 'visit')),
	CONSTRAINT "victim_contacts_how_check" CHECK ("victim_contacts"."channel" is not null or "victim_contacts"."report_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_flag_id_community_trigger_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."community_trigger_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_reminder_action_id_actions_id_fk" FOREIGN KEY ("reminder_action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_trigger_flags" ADD CONSTRAINT "community_trigger_flags_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_trigger_flags" ADD CONSTRAINT "community_trigger_flags_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_trigger_flags" ADD CONSTRAINT "community_trigger_flags_case_review_id_case_reviews_id_fk" FOREIGN KEY ("case_review_id") REFERENCES "public"."case_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_plans" ADD CONSTRAINT "contact_plans_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_plans" ADD CONSTRAINT "contact_plans_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_plans" ADD CONSTRAINT "contact_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_plans" ADD CONSTRAINT "contact_plans_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_care_settings" ADD CONSTRAINT "victim_care_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_care_settings" ADD CONSTRAINT "victim_care_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_recorded_by_team_id_teams_id_fk" FOREIGN KEY ("recorded_by_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contacts" ADD CONSTRAINT "victim_contacts_recorded_by_organisation_id_organisations_id_fk" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_reviews_open_key" ON "case_reviews" USING btree ("profile_id") WHERE "case_reviews"."stage" <> 'closed';--> statement-breakpoint
CREATE INDEX "case_reviews_profile_idx" ON "case_reviews" USING btree ("profile_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "community_trigger_flags_open_key" ON "community_trigger_flags" USING btree ("profile_id") WHERE "community_trigger_flags"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "community_trigger_flags_cleared_idx" ON "community_trigger_flags" USING btree ("profile_id","cleared_at") WHERE "community_trigger_flags"."cleared_at" is not null;--> statement-breakpoint
CREATE INDEX "community_trigger_flags_partnership_idx" ON "community_trigger_flags" USING btree ("partnership_id","raised_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "community_trigger_flags"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "contact_plans_partnership_due_idx" ON "contact_plans" USING btree ("partnership_id","next_contact_due");--> statement-breakpoint
CREATE INDEX "contact_plans_alert_idx" ON "contact_plans" USING btree ("next_contact_due") WHERE "contact_plans"."supervisors_alerted_at" is null;--> statement-breakpoint
CREATE INDEX "contact_plans_case_idx" ON "contact_plans" USING btree ("case_id") WHERE "contact_plans"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "victim_contacts_profile_at_idx" ON "victim_contacts" USING btree ("profile_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "victim_contacts_report_key" ON "victim_contacts" USING btree ("report_id") WHERE "victim_contacts"."report_id" is not null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('task_assigned', 'task_accepted', 'task_declined', 'task_updated', 'task_completed', 'task_overdue', 'action_due', 'record_changed', 'access_requested', 'access_decided', 'adjustment_requested', 'adjustment_decided', 'panel_referral', 'contact_overdue', 'community_trigger'));--> statement-breakpoint
-- Written by hand: drizzle-kit does not emit INCLUDE. The nightly community trigger sweep reads the
-- period's ASB complaints and hate incidents of every partnership by type and date; the columns it
-- counts by are kept in the index, so it reads the index alone and never the reports themselves.
CREATE INDEX "reports_type_occurred_idx" ON "reports" USING btree ("report_type_id","occurred_at")
  INCLUDE ("record_kind","record_id","author_organisation_id");
