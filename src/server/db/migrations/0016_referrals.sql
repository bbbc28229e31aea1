-- Referrals and triage: forms teams publish for the public and other professionals (versioned),
-- the referrals they send (sealed at rest), the desk's notes, each step of the state machine, and
-- requests to the referrer for more information; three notification kinds.
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"step" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"user_id" uuid,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "referral_form_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"form_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"template_version_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_forms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"introduction" text,
	"privacy_notice" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"decision_days" integer NOT NULL,
	"subject_role" text,
	"status" text NOT NULL,
	"template_id" uuid,
	"form_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_forms_status_check" CHECK ("referral_forms"."status" in ('draft', 'published', 'closed')),
	CONSTRAINT "referral_forms_lawful_basis_check" CHECK ("referral_forms"."lawful_basis" in ('public-task', 'legal-obligation', 'vital-interests', 'consent', 'legitimate-interests', 'contract')),
	CONSTRAINT "referral_forms_subject_role_check" CHECK ("referral_forms"."subject_role" in ('victim', 'perpetrator', 'witness', 'vulnerable_person', 'family_member', 'other')),
	CONSTRAINT "referral_forms_decision_days_check" CHECK ("referral_forms"."decision_days" between 0 and 60)
);
--> statement-breakpoint
CREATE TABLE "referral_information_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"sealed_question" text NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_via" text,
	"sealed_answer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"sealed_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"form_id" uuid,
	"form_version_id" uuid,
	"reference" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"decision_due_at" timestamp with time zone NOT NULL,
	"paused_at" timestamp with time zone,
	"assigned_to_id" uuid,
	"sealed_subject" text NOT NULL,
	"sealed_submission" text NOT NULL,
	"consent" boolean NOT NULL,
	"created_by" uuid,
	"api_token_id" uuid,
	"decision" text,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"case_id" uuid,
	"profile_id" uuid,
	"report_id" uuid,
	"assessment_id" uuid,
	"signposted_to" text,
	"supervisors_alerted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('new', 'in-triage', 'waiting-for-information', 'accepted', 'signposted', 'declined', 'withdrawn')),
	CONSTRAINT "referrals_channel_check" CHECK ("referrals"."channel" in ('online-form', 'phone', 'paper', 'email', 'in-person', 'api')),
	CONSTRAINT "referrals_decision_check" CHECK ("referrals"."decision" in ('new-case', 'existing-case', 'signpost', 'more-information', 'decline'))
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_form_versions" ADD CONSTRAINT "referral_form_versions_form_id_referral_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."referral_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_form_versions" ADD CONSTRAINT "referral_form_versions_template_version_id_assessment_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."assessment_template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_form_versions" ADD CONSTRAINT "referral_form_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_forms" ADD CONSTRAINT "referral_forms_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_forms" ADD CONSTRAINT "referral_forms_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_forms" ADD CONSTRAINT "referral_forms_template_id_assessment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."assessment_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_forms" ADD CONSTRAINT "referral_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_information_requests" ADD CONSTRAINT "referral_information_requests_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_information_requests" ADD CONSTRAINT "referral_information_requests_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_notes" ADD CONSTRAINT "referral_notes_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_notes" ADD CONSTRAINT "referral_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_form_id_referral_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."referral_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_form_version_id_referral_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."referral_form_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_api_token_id_api_tokens_id_fk" FOREIGN KEY ("api_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_form_versions_form_version_key" ON "referral_form_versions" USING btree ("form_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_forms_slug_key" ON "referral_forms" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "referral_forms_team_idx" ON "referral_forms" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_information_requests_token_key" ON "referral_information_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "referral_information_requests_referral_idx" ON "referral_information_requests" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referral_notes_referral_idx" ON "referral_notes" USING btree ("referral_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_reference_key" ON "referrals" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "referrals_desk_idx" ON "referrals" USING btree ("team_id","status","decision_due_at","id");--> statement-breakpoint
CREATE INDEX "referrals_desk_finished_idx" ON "referrals" USING btree ("team_id","status",coalesce("decided_at", "updated_at"),"id");--> statement-breakpoint
CREATE INDEX "referrals_team_received_idx" ON "referrals" USING btree ("team_id","received_at");--> statement-breakpoint
CREATE INDEX "referrals_overdue_idx" ON "referrals" USING btree ("decision_due_at") WHERE "referrals"."status" in ('new', 'in-triage') and "referrals"."paused_at" is null and "referrals"."supervisors_alerted_at" is null;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('task_assigned', 'task_accepted', 'task_declined', 'task_updated', 'task_completed', 'task_overdue', 'action_due', 'record_changed', 'access_requested', 'access_decided', 'adjustment_requested', 'adjustment_decided', 'panel_referral', 'contact_overdue', 'community_trigger', 'referral_received', 'referral_overdue', 'referral_assigned'));