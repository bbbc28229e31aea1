CREATE TABLE "assessment_information_requests" (
	"assessment_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_information_requests_assessment_id_task_id_pk" PRIMARY KEY("assessment_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"key" text NOT NULL,
	"text" text NOT NULL,
	"guidance" text,
	"kind" text NOT NULL,
	"nature" text NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scale_min" integer,
	"scale_max" integer,
	"status" text NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"submitted_by" uuid,
	"submitted_by_team_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_questions_kind_check" CHECK ("assessment_questions"."kind" in ('yes_no', 'single_choice', 'multiple_choice', 'scale', 'number', 'date', 'text', 'family_grid')),
	CONSTRAINT "assessment_questions_nature_check" CHECK ("assessment_questions"."nature" in ('objective', 'subjective')),
	CONSTRAINT "assessment_questions_status_check" CHECK ("assessment_questions"."status" in ('submitted', 'approved', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "assessment_requirements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"raised_by_assessment_id" uuid NOT NULL,
	"raised_by" uuid NOT NULL,
	"action_id" uuid,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"met_by_assessment_id" uuid,
	"met_at" timestamp with time zone,
	CONSTRAINT "assessment_requirements_record_kind_check" CHECK ("assessment_requirements"."record_kind" in ('profile', 'case'))
);
--> statement-breakpoint
CREATE TABLE "assessment_template_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"owner_team_id" uuid,
	"built_in" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_templates_status_check" CHECK ("assessment_templates"."status" in ('active', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"template_version_id" uuid NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visibility" text NOT NULL,
	"score" integer,
	"adjusted_score" integer,
	"adjustment_reason" text,
	"adjustment_status" text,
	"adjusted_by" uuid,
	"adjusted_at" timestamp with time zone,
	"adjustment_decided_by" uuid,
	"adjustment_decided_at" timestamp with time zone,
	"adjustment_note" text,
	"review_on" date,
	"review_action_id" uuid,
	"review_of" uuid,
	"created_by" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_team_id" uuid NOT NULL,
	"author_organisation_id" uuid NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_record_kind_check" CHECK ("assessments"."record_kind" in ('profile', 'case')),
	CONSTRAINT "assessments_status_check" CHECK ("assessments"."status" in ('draft', 'completed')),
	CONSTRAINT "assessments_visibility_check" CHECK ("assessments"."visibility" in ('shared', 'team', 'private')),
	CONSTRAINT "assessments_adjustment_check" CHECK ("assessments"."adjustment_status" is null or "assessments"."adjustment_status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "assessments_completed_check" CHECK (("assessments"."status" = 'completed') = ("assessments"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "risk_level_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"from_level" text,
	"to_level" text,
	"assessment_id" uuid,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "assessment_information_requests" ADD CONSTRAINT "assessment_information_requests_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_information_requests" ADD CONSTRAINT "assessment_information_requests_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_questions" ADD CONSTRAINT "assessment_questions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_questions" ADD CONSTRAINT "assessment_questions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_questions" ADD CONSTRAINT "assessment_questions_submitted_by_team_id_teams_id_fk" FOREIGN KEY ("submitted_by_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requirements" ADD CONSTRAINT "assessment_requirements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requirements" ADD CONSTRAINT "assessment_requirements_template_id_assessment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."assessment_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requirements" ADD CONSTRAINT "assessment_requirements_raised_by_assessment_id_assessments_id_fk" FOREIGN KEY ("raised_by_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requirements" ADD CONSTRAINT "assessment_requirements_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requirements" ADD CONSTRAINT "assessment_requirements_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requirements" ADD CONSTRAINT "assessment_requirements_met_by_assessment_id_assessments_id_fk" FOREIGN KEY ("met_by_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_template_versions" ADD CONSTRAINT "assessment_template_versions_template_id_assessment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."assessment_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_template_versions" ADD CONSTRAINT "assessment_template_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_templates" ADD CONSTRAINT "assessment_templates_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_templates" ADD CONSTRAINT "assessment_templates_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_templates" ADD CONSTRAINT "assessment_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_template_id_assessment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."assessment_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_template_version_id_assessment_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."assessment_template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_adjusted_by_users_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_adjustment_decided_by_users_id_fk" FOREIGN KEY ("adjustment_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_review_action_id_actions_id_fk" FOREIGN KEY ("review_action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_author_team_id_teams_id_fk" FOREIGN KEY ("author_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_level_changes" ADD CONSTRAINT "risk_level_changes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_level_changes" ADD CONSTRAINT "risk_level_changes_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_level_changes" ADD CONSTRAINT "risk_level_changes_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_level_changes" ADD CONSTRAINT "risk_level_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_questions_key" ON "assessment_questions" USING btree ("partnership_id","key");--> statement-breakpoint
CREATE INDEX "assessment_questions_status_idx" ON "assessment_questions" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE INDEX "assessment_requirements_open_idx" ON "assessment_requirements" USING btree ("record_kind","record_id") WHERE "assessment_requirements"."met_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_template_versions_key" ON "assessment_template_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_templates_key" ON "assessment_templates" USING btree ("partnership_id","key");--> statement-breakpoint
CREATE INDEX "assessments_record_idx" ON "assessments" USING btree ("record_kind","record_id","template_id","completed_at");--> statement-breakpoint
CREATE INDEX "assessments_team_drafts_idx" ON "assessments" USING btree ("author_team_id","updated_at") WHERE "assessments"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "assessments_template_completed_idx" ON "assessments" USING btree ("template_id","completed_at") WHERE "assessments"."status" = 'completed';--> statement-breakpoint
CREATE INDEX "assessments_pending_idx" ON "assessments" USING btree ("author_team_id") WHERE "assessments"."adjustment_status" = 'pending';--> statement-breakpoint
CREATE INDEX "assessments_review_idx" ON "assessments" USING btree ("author_id","review_on") WHERE "assessments"."review_on" is not null;--> statement-breakpoint
CREATE INDEX "risk_level_changes_profile_idx" ON "risk_level_changes" USING btree ("profile_id","changed_at");--> statement-breakpoint
CREATE INDEX "risk_level_changes_partnership_idx" ON "risk_level_changes" USING btree ("partnership_id","changed_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('task_assigned', 'task_accepted', 'task_declined', 'task_updated', 'task_completed', 'task_overdue', 'action_due', 'record_changed', 'access_requested', 'access_decided', 'adjustment_requested', 'adjustment_decided'));