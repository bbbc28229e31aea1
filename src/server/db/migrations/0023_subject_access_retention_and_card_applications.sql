-- The rest of data protection and the Keep Safe Card (issue 17): subject access requests (the
-- request and its statutory clock, each organisation's review, the items collected with their
-- redactions), retention rules, the review queue and legal holds, when a profile or a case was
-- anonymised, the Keep Safe Card's applications and its application form (referral forms gain a
-- purpose), the profile role `cardholder`, the desk decision `scheme-application`, and the data
-- protection settings for redaction and the download window.
CREATE TABLE "scheme_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"cardholder_id" uuid,
	"referral_id" uuid,
	"kind" text NOT NULL,
	"status" text DEFAULT 'checks' NOT NULL,
	"details" jsonb NOT NULL,
	"checks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"keyworker_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"decision_reason" text,
	"issued_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheme_applications_kind_check" CHECK ("scheme_applications"."kind" in ('new', 'renewal')),
	CONSTRAINT "scheme_applications_status_check" CHECK ("scheme_applications"."status" in ('checks', 'approved', 'issued', 'declined', 'withdrawn')),
	CONSTRAINT "scheme_applications_renewal_check" CHECK ("scheme_applications"."kind" = 'new' or "scheme_applications"."cardholder_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"placed_by" uuid,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_reason" text,
	CONSTRAINT "legal_holds_kind_check" CHECK ("legal_holds"."record_kind" in ('profile', 'case')),
	CONSTRAINT "legal_holds_lift_check" CHECK (("legal_holds"."lifted_at" is null) = ("legal_holds"."lift_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "retention_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"keep_until" date,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_reviews_kind_check" CHECK ("retention_reviews"."record_kind" in ('profile', 'case', 'cardholder')),
	CONSTRAINT "retention_reviews_status_check" CHECK ("retention_reviews"."status" in ('pending', 'kept', 'anonymised', 'deleted')),
	CONSTRAINT "retention_reviews_keep_check" CHECK ("retention_reviews"."status" <> 'kept' or "retention_reviews"."keep_until" is not null)
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"record_kind" text NOT NULL,
	"case_type_id" uuid,
	"starts_from" text NOT NULL,
	"keep_months" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_rules_kind_check" CHECK ("retention_rules"."record_kind" in ('profile', 'case', 'cardholder')),
	CONSTRAINT "retention_rules_starts_check" CHECK ("retention_rules"."starts_from" in ('case_closed', 'last_activity', 'left_scheme')),
	CONSTRAINT "retention_rules_months_check" CHECK ("retention_rules"."keep_months" between 1 and 1200),
	CONSTRAINT "retention_rules_case_type_check" CHECK ("retention_rules"."case_type_id" is null or "retention_rules"."record_kind" = 'case')
);
--> statement-breakpoint
CREATE TABLE "subject_access_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"sealed_content" text NOT NULL,
	"stored_file_id" uuid,
	"file_name" text,
	"decision" text DEFAULT 'include' NOT NULL,
	"exemption" text,
	"replacement_file_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "subject_access_items_kind_check" CHECK ("subject_access_items"."kind" in ('profile', 'relationship', 'case', 'report', 'document', 'assessment', 'task', 'reminder', 'contact', 'safety_plan', 'appointment', 'message', 'lawful_basis', 'emergency_access', 'cardholder', 'referral', 'history', 'viewers')),
	CONSTRAINT "subject_access_items_decision_check" CHECK ("subject_access_items"."decision" in ('include', 'withhold')),
	CONSTRAINT "subject_access_items_exemption_check" CHECK ("subject_access_items"."exemption" is null or "subject_access_items"."exemption" in ('third-party', 'crime-and-taxation', 'law-enforcement-s45', 'legal-privilege', 'serious-harm-health', 'serious-harm-social-work', 'serious-harm-education', 'child-abuse-data', 'management-forecasts', 'negotiations', 'confidential-references')),
	CONSTRAINT "subject_access_items_withheld_check" CHECK ("subject_access_items"."decision" <> 'withhold' or "subject_access_items"."exemption" is not null)
);
--> statement-breakpoint
CREATE TABLE "subject_access_redactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"field" text NOT NULL,
	"start" integer NOT NULL,
	"length" integer NOT NULL,
	"exemption" text NOT NULL,
	"automatic" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_access_redactions_span_check" CHECK ("subject_access_redactions"."start" >= 0 and "subject_access_redactions"."length" > 0),
	CONSTRAINT "subject_access_redactions_exemption_check" CHECK ("subject_access_redactions"."exemption" in ('third-party', 'crime-and-taxation', 'law-enforcement-s45', 'legal-privilege', 'serious-harm-health', 'serious-harm-social-work', 'serious-harm-education', 'child-abuse-data', 'management-forecasts', 'negotiations', 'confidential-references'))
);
--> statement-breakpoint
CREATE TABLE "subject_access_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"profile_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"started_by" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"received_on" date NOT NULL,
	"original_due_on" date NOT NULL,
	"due_on" date NOT NULL,
	"extended_at" timestamp with time zone,
	"extension_reason" text,
	"person_told_on" date,
	"paused_on" date,
	"paused_days" integer DEFAULT 0 NOT NULL,
	"pause_reason" text,
	"requester" text,
	"notes" text,
	"zip_file_id" uuid,
	"ready_at" timestamp with time zone,
	"download_expires_at" timestamp with time zone,
	"downloads" integer DEFAULT 0 NOT NULL,
	"reminded_on" date,
	"failure" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_access_requests_status_check" CHECK ("subject_access_requests"."status" in ('queued', 'collecting', 'in_review', 'packaging', 'ready', 'expired', 'failed', 'cancelled')),
	CONSTRAINT "subject_access_requests_paused_days_check" CHECK ("subject_access_requests"."paused_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subject_access_reviews" (
	"request_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"item_count" integer NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "subject_access_reviews_request_id_organisation_id_pk" PRIMARY KEY("request_id","organisation_id"),
	CONSTRAINT "subject_access_reviews_status_check" CHECK ("subject_access_reviews"."status" in ('pending', 'done'))
);
--> statement-breakpoint
ALTER TABLE "profiles" DROP CONSTRAINT "profiles_roles_check";--> statement-breakpoint
ALTER TABLE "case_profiles" DROP CONSTRAINT "case_profiles_role_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "referral_forms" DROP CONSTRAINT "referral_forms_subject_role_check";--> statement-breakpoint
ALTER TABLE "referrals" DROP CONSTRAINT "referrals_decision_check";--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral_forms" ADD COLUMN "purpose" text DEFAULT 'referral' NOT NULL;--> statement-breakpoint
ALTER TABLE "data_protection_settings" ADD COLUMN "redact_other_agency_staff" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "data_protection_settings" ADD COLUMN "download_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "schemes" ADD COLUMN "application_form_id" uuid;--> statement-breakpoint
ALTER TABLE "scheme_applications" ADD CONSTRAINT "scheme_applications_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_applications" ADD CONSTRAINT "scheme_applications_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_applications" ADD CONSTRAINT "scheme_applications_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_applications" ADD CONSTRAINT "scheme_applications_cardholder_id_cardholders_id_fk" FOREIGN KEY ("cardholder_id") REFERENCES "public"."cardholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_applications" ADD CONSTRAINT "scheme_applications_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_applications" ADD CONSTRAINT "scheme_applications_keyworker_id_users_id_fk" FOREIGN KEY ("keyworker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_applications" ADD CONSTRAINT "scheme_applications_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_applications" ADD CONSTRAINT "scheme_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_rule_id_retention_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."retention_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_reviews" ADD CONSTRAINT "retention_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_case_type_id_lookups_id_fk" FOREIGN KEY ("case_type_id") REFERENCES "public"."lookups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_items" ADD CONSTRAINT "subject_access_items_request_id_subject_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_access_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_items" ADD CONSTRAINT "subject_access_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_items" ADD CONSTRAINT "subject_access_items_stored_file_id_stored_files_id_fk" FOREIGN KEY ("stored_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_items" ADD CONSTRAINT "subject_access_items_replacement_file_id_stored_files_id_fk" FOREIGN KEY ("replacement_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_items" ADD CONSTRAINT "subject_access_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_redactions" ADD CONSTRAINT "subject_access_redactions_request_id_subject_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_access_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_redactions" ADD CONSTRAINT "subject_access_redactions_item_id_subject_access_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."subject_access_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_redactions" ADD CONSTRAINT "subject_access_redactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_zip_file_id_stored_files_id_fk" FOREIGN KEY ("zip_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_reviews" ADD CONSTRAINT "subject_access_reviews_request_id_subject_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_access_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_reviews" ADD CONSTRAINT "subject_access_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_reviews" ADD CONSTRAINT "subject_access_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheme_applications_scheme_status_idx" ON "scheme_applications" USING btree ("scheme_id","status","created_at");--> statement-breakpoint
CREATE INDEX "scheme_applications_profile_idx" ON "scheme_applications" USING btree ("profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scheme_applications_open_key" ON "scheme_applications" USING btree ("scheme_id","profile_id") WHERE "scheme_applications"."status" in ('checks', 'approved');--> statement-breakpoint
CREATE INDEX "legal_holds_record_idx" ON "legal_holds" USING btree ("record_kind","record_id") WHERE "legal_holds"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "legal_holds_partnership_idx" ON "legal_holds" USING btree ("partnership_id","placed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_reviews_pending_key" ON "retention_reviews" USING btree ("record_kind","record_id") WHERE "retention_reviews"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "retention_reviews_partnership_idx" ON "retention_reviews" USING btree ("partnership_id","status","due_on");--> statement-breakpoint
CREATE INDEX "retention_reviews_organisation_idx" ON "retention_reviews" USING btree ("owner_organisation_id","status","due_on");--> statement-breakpoint
CREATE INDEX "retention_reviews_record_idx" ON "retention_reviews" USING btree ("record_kind","record_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_rules_active_key" ON "retention_rules" USING btree ("partnership_id","record_kind",coalesce("case_type_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "retention_rules"."active";--> statement-breakpoint
CREATE INDEX "subject_access_items_request_idx" ON "subject_access_items" USING btree ("request_id","organisation_id","position");--> statement-breakpoint
CREATE INDEX "subject_access_redactions_item_idx" ON "subject_access_redactions" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_access_requests_reference_key" ON "subject_access_requests" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "subject_access_requests_partnership_idx" ON "subject_access_requests" USING btree ("partnership_id","status","due_on");--> statement-breakpoint
CREATE INDEX "subject_access_requests_organisation_idx" ON "subject_access_requests" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "subject_access_requests_profile_idx" ON "subject_access_requests" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "subject_access_requests_expiry_idx" ON "subject_access_requests" USING btree ("status","download_expires_at") WHERE "subject_access_requests"."status" = 'ready';--> statement-breakpoint
CREATE INDEX "subject_access_reviews_organisation_idx" ON "subject_access_reviews" USING btree ("organisation_id","status");--> statement-breakpoint
ALTER TABLE "schemes" ADD CONSTRAINT "schemes_application_form_id_referral_forms_id_fk" FOREIGN KEY ("application_form_id") REFERENCES "public"."referral_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_roles_check" CHECK ("profiles"."roles" <@ array['victim', 'perpetrator', 'witness', 'vulnerable_person', 'family_member', 'cardholder', 'other']::text[]);--> statement-breakpoint
ALTER TABLE "case_profiles" ADD CONSTRAINT "case_profiles_role_check" CHECK ("case_profiles"."role" in ('victim', 'perpetrator', 'witness', 'vulnerable_person', 'family_member', 'cardholder', 'other'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('task_assigned', 'task_accepted', 'task_declined', 'task_updated', 'task_completed', 'task_overdue', 'action_due', 'record_changed', 'access_requested', 'access_decided', 'adjustment_requested', 'adjustment_decided', 'panel_referral', 'contact_overdue', 'community_trigger', 'referral_received', 'referral_overdue', 'referral_assigned', 'client_message', 'client_request', 'emergency_access', 'emergency_access_reviewed', 'review_due', 'scheme_review_due', 'subject_access_review', 'subject_access_due', 'subject_access_ready', 'scheme_lookup', 'scheme_card_expired', 'retention_due'));--> statement-breakpoint
ALTER TABLE "referral_forms" ADD CONSTRAINT "referral_forms_purpose_check" CHECK ("referral_forms"."purpose" in ('referral', 'scheme-application'));--> statement-breakpoint
ALTER TABLE "referral_forms" ADD CONSTRAINT "referral_forms_subject_role_check" CHECK ("referral_forms"."subject_role" in ('victim', 'perpetrator', 'witness', 'vulnerable_person', 'family_member', 'cardholder', 'other'));--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decision_check" CHECK ("referrals"."decision" in ('new-case', 'existing-case', 'scheme-application', 'signpost', 'more-information', 'decline'));--> statement-breakpoint
ALTER TABLE "data_protection_settings" ADD CONSTRAINT "data_protection_settings_download_days_check" CHECK ("data_protection_settings"."download_days" between 1 and 60);