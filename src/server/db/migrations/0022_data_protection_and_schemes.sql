-- Data protection and the Keep Safe Card scheme (issue 17): one person's emergency view on an
-- access list (user_id, only an expiring 'emergency' view), the emergency accesses and their
-- review, information sharing agreements with their parties, each organisation's lawful basis
-- for a profile, the partnership's data protection settings, and the scheme register (schemes,
-- cardholders, cards, look-ups) with the look-up flag on users.
CREATE TABLE "emergency_accesses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"review_outcome" text,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "emergency_accesses_outcome_check" CHECK ("emergency_accesses"."review_outcome" is null or "emergency_accesses"."review_outcome" in ('justified', 'not_justified')),
	CONSTRAINT "emergency_accesses_review_check" CHECK (("emergency_accesses"."review_outcome" is null) = ("emergency_accesses"."reviewed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "data_protection_settings" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"review_reminder_days" integer DEFAULT 30 NOT NULL,
	"lawful_basis_review_months" integer DEFAULT 12 NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_protection_settings_reminder_check" CHECK ("data_protection_settings"."review_reminder_days" between 1 and 90),
	CONSTRAINT "data_protection_settings_review_months_check" CHECK ("data_protection_settings"."lawful_basis_review_months" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "profile_lawful_bases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"special_category_condition" text,
	"agreement_id" uuid,
	"consent_given_on" date,
	"consent_method" text,
	"review_on" date NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_reason" text,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "profile_lawful_bases_basis_check" CHECK ("profile_lawful_bases"."basis" in ('public-task', 'legal-obligation', 'vital-interests', 'consent', 'legitimate-interests', 'contract')),
	CONSTRAINT "profile_lawful_bases_condition_check" CHECK ("profile_lawful_bases"."special_category_condition" is null or "profile_lawful_bases"."special_category_condition" in ('explicit-consent', 'employment-social-security', 'vital-interests', 'not-for-profit', 'made-public', 'legal-claims', 'substantial-public-interest', 'health-social-care', 'public-health', 'archiving-research', 'law-enforcement-s35')),
	CONSTRAINT "profile_lawful_bases_consent_check" CHECK ("profile_lawful_bases"."basis" <> 'consent' or ("profile_lawful_bases"."consent_given_on" is not null and "profile_lawful_bases"."consent_method" is not null)),
	CONSTRAINT "profile_lawful_bases_method_check" CHECK ("profile_lawful_bases"."consent_method" is null or "profile_lawful_bases"."consent_method" in ('written', 'verbal', 'electronic', 'parent-or-guardian')),
	CONSTRAINT "profile_lawful_bases_end_check" CHECK (("profile_lawful_bases"."ended_at" is null) = ("profile_lawful_bases"."end_reason" is null) and ("profile_lawful_bases"."end_reason" is null or "profile_lawful_bases"."end_reason" in ('consent-withdrawn', 'superseded', 'no-longer-needed')))
);
--> statement-breakpoint
CREATE TABLE "sharing_agreement_parties" (
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"signed_on" date,
	"signatory" text,
	CONSTRAINT "sharing_agreement_parties_agreement_id_organisation_id_pk" PRIMARY KEY("agreement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "sharing_agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"lawful_basis" text NOT NULL,
	"special_category_condition" text,
	"legislation" text,
	"status" text NOT NULL,
	"starts_on" date NOT NULL,
	"review_on" date NOT NULL,
	"ends_on" date,
	"document_file_id" uuid,
	"document_name" text,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sharing_agreements_status_check" CHECK ("sharing_agreements"."status" in ('draft', 'active', 'ended')),
	CONSTRAINT "sharing_agreements_basis_check" CHECK ("sharing_agreements"."lawful_basis" in ('public-task', 'legal-obligation', 'vital-interests', 'consent', 'legitimate-interests', 'contract')),
	CONSTRAINT "sharing_agreements_condition_check" CHECK ("sharing_agreements"."special_category_condition" is null or "sharing_agreements"."special_category_condition" in ('explicit-consent', 'employment-social-security', 'vital-interests', 'not-for-profit', 'made-public', 'legal-claims', 'substantial-public-interest', 'health-social-care', 'public-health', 'archiving-research', 'law-enforcement-s35')),
	CONSTRAINT "sharing_agreements_dates_check" CHECK ("sharing_agreements"."ends_on" is null or "sharing_agreements"."ends_on" >= "sharing_agreements"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "cardholders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"condition" text NOT NULL,
	"communication" text NOT NULL,
	"medication_notes" text,
	"carers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"emergency_contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uses_disability_contact_line" boolean DEFAULT false NOT NULL,
	"show_condition_on_card" boolean DEFAULT false NOT NULL,
	"parental_consent_by" text,
	"parental_consent_on" date,
	"keyworker_id" uuid,
	"joined_on" date NOT NULL,
	"review_due_on" date NOT NULL,
	"review_confirmed_on" date,
	"left_on" date,
	"removal_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cardholders_status_check" CHECK ("cardholders"."status" in ('active', 'review_due', 'removed', 'withdrawn')),
	CONSTRAINT "cardholders_removal_reason_check" CHECK ("cardholders"."removal_reason" is null or "cardholders"."removal_reason" in ('review_unconfirmed', 'withdrawn', 'deceased', 'moved_away', 'other')),
	CONSTRAINT "cardholders_left_check" CHECK (("cardholders"."status" in ('removed', 'withdrawn')) = ("cardholders"."left_on" is not null)),
	CONSTRAINT "cardholders_consent_check" CHECK (("cardholders"."parental_consent_by" is null) = ("cardholders"."parental_consent_on" is null))
);
--> statement-breakpoint
CREATE TABLE "scheme_cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme_id" uuid NOT NULL,
	"cardholder_id" uuid NOT NULL,
	"card_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"issue_reason" text NOT NULL,
	"issued_by" uuid,
	"printed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheme_cards_status_check" CHECK ("scheme_cards"."status" in ('active', 'replaced', 'withdrawn', 'expired')),
	CONSTRAINT "scheme_cards_issue_reason_check" CHECK ("scheme_cards"."issue_reason" in ('new', 'renewal', 'lost', 'details-changed'))
);
--> statement-breakpoint
CREATE TABLE "scheme_lookups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"cardholder_id" uuid,
	"card_id" uuid,
	"user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"method" text NOT NULL,
	"reason" text NOT NULL,
	"found" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheme_lookups_method_check" CHECK ("scheme_lookups"."method" in ('card_number', 'name_and_date_of_birth'))
);
--> statement-breakpoint
CREATE TABLE "schemes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"team_id" uuid NOT NULL,
	"review_months" integer DEFAULT 24 NOT NULL,
	"removal_months" integer DEFAULT 3 NOT NULL,
	"card_valid_months" integer DEFAULT 24 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schemes_key_check" CHECK ("schemes"."key" in ('keep-safe')),
	CONSTRAINT "schemes_months_check" CHECK ("schemes"."review_months" between 1 and 120 and "schemes"."removal_months" between 1 and 24 and "schemes"."card_valid_months" between 1 and 120)
);
--> statement-breakpoint
ALTER TABLE "location_access" DROP CONSTRAINT "location_access_target_check";--> statement-breakpoint
ALTER TABLE "profile_access" DROP CONSTRAINT "profile_access_target_check";--> statement-breakpoint
ALTER TABLE "case_access" DROP CONSTRAINT "case_access_target_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "scheme_look_up" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "location_access" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "profile_access" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "case_access" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_accesses" ADD CONSTRAINT "emergency_accesses_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_protection_settings" ADD CONSTRAINT "data_protection_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_protection_settings" ADD CONSTRAINT "data_protection_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_lawful_bases" ADD CONSTRAINT "profile_lawful_bases_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_lawful_bases" ADD CONSTRAINT "profile_lawful_bases_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_lawful_bases" ADD CONSTRAINT "profile_lawful_bases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_lawful_bases" ADD CONSTRAINT "profile_lawful_bases_agreement_id_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_lawful_bases" ADD CONSTRAINT "profile_lawful_bases_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_lawful_bases" ADD CONSTRAINT "profile_lawful_bases_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreement_parties" ADD CONSTRAINT "sharing_agreement_parties_agreement_id_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sharing_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreement_parties" ADD CONSTRAINT "sharing_agreement_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_document_file_id_stored_files_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cardholders" ADD CONSTRAINT "cardholders_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cardholders" ADD CONSTRAINT "cardholders_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cardholders" ADD CONSTRAINT "cardholders_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cardholders" ADD CONSTRAINT "cardholders_keyworker_id_users_id_fk" FOREIGN KEY ("keyworker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cardholders" ADD CONSTRAINT "cardholders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_cards" ADD CONSTRAINT "scheme_cards_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_cards" ADD CONSTRAINT "scheme_cards_cardholder_id_cardholders_id_fk" FOREIGN KEY ("cardholder_id") REFERENCES "public"."cardholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_cards" ADD CONSTRAINT "scheme_cards_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_lookups" ADD CONSTRAINT "scheme_lookups_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_lookups" ADD CONSTRAINT "scheme_lookups_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_lookups" ADD CONSTRAINT "scheme_lookups_cardholder_id_cardholders_id_fk" FOREIGN KEY ("cardholder_id") REFERENCES "public"."cardholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_lookups" ADD CONSTRAINT "scheme_lookups_card_id_scheme_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."scheme_cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_lookups" ADD CONSTRAINT "scheme_lookups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_lookups" ADD CONSTRAINT "scheme_lookups_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_lookups" ADD CONSTRAINT "scheme_lookups_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schemes" ADD CONSTRAINT "schemes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schemes" ADD CONSTRAINT "schemes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_accesses_owner_pending_idx" ON "emergency_accesses" USING btree ("owner_team_id","granted_at") WHERE "emergency_accesses"."reviewed_at" is null;--> statement-breakpoint
CREATE INDEX "emergency_accesses_org_pending_idx" ON "emergency_accesses" USING btree ("owner_organisation_id","granted_at") WHERE "emergency_accesses"."reviewed_at" is null;--> statement-breakpoint
CREATE INDEX "emergency_accesses_partnership_idx" ON "emergency_accesses" USING btree ("partnership_id","granted_at");--> statement-breakpoint
CREATE INDEX "emergency_accesses_profile_idx" ON "emergency_accesses" USING btree ("profile_id","granted_at");--> statement-breakpoint
CREATE INDEX "emergency_accesses_user_idx" ON "emergency_accesses" USING btree ("user_id","granted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_lawful_bases_current_key" ON "profile_lawful_bases" USING btree ("profile_id","organisation_id") WHERE "profile_lawful_bases"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "profile_lawful_bases_profile_idx" ON "profile_lawful_bases" USING btree ("profile_id","recorded_at");--> statement-breakpoint
CREATE INDEX "profile_lawful_bases_review_idx" ON "profile_lawful_bases" USING btree ("review_on") WHERE "profile_lawful_bases"."ended_at" is null and "profile_lawful_bases"."reminded_at" is null;--> statement-breakpoint
CREATE INDEX "sharing_agreement_parties_organisation_idx" ON "sharing_agreement_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sharing_agreements_partnership_review_idx" ON "sharing_agreements" USING btree ("partnership_id","review_on");--> statement-breakpoint
CREATE INDEX "sharing_agreements_remind_idx" ON "sharing_agreements" USING btree ("review_on") WHERE "sharing_agreements"."status" <> 'ended' and "sharing_agreements"."reminded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "cardholders_scheme_profile_key" ON "cardholders" USING btree ("scheme_id","profile_id");--> statement-breakpoint
CREATE INDEX "cardholders_scheme_status_idx" ON "cardholders" USING btree ("scheme_id","status","review_due_on");--> statement-breakpoint
CREATE INDEX "cardholders_profile_idx" ON "cardholders" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "cardholders_keyworker_idx" ON "cardholders" USING btree ("keyworker_id") WHERE "cardholders"."keyworker_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "scheme_cards_number_active_key" ON "scheme_cards" USING btree ("scheme_id","card_number") WHERE "scheme_cards"."status" = 'active';--> statement-breakpoint
CREATE INDEX "scheme_cards_number_idx" ON "scheme_cards" USING btree ("scheme_id","card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "scheme_cards_cardholder_active_key" ON "scheme_cards" USING btree ("cardholder_id") WHERE "scheme_cards"."status" = 'active';--> statement-breakpoint
CREATE INDEX "scheme_cards_cardholder_idx" ON "scheme_cards" USING btree ("cardholder_id","created_at");--> statement-breakpoint
CREATE INDEX "scheme_lookups_scheme_idx" ON "scheme_lookups" USING btree ("scheme_id","at");--> statement-breakpoint
CREATE INDEX "scheme_lookups_cardholder_idx" ON "scheme_lookups" USING btree ("cardholder_id","at") WHERE "scheme_lookups"."cardholder_id" is not null;--> statement-breakpoint
CREATE INDEX "scheme_lookups_user_idx" ON "scheme_lookups" USING btree ("user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "schemes_partnership_key" ON "schemes" USING btree ("partnership_id","key");--> statement-breakpoint
CREATE INDEX "schemes_team_idx" ON "schemes" USING btree ("team_id");--> statement-breakpoint
ALTER TABLE "location_access" ADD CONSTRAINT "location_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "location_access_user_idx" ON "location_access" USING btree ("user_id","record_id") WHERE "location_access"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "location_access_record_user_key" ON "location_access" USING btree ("record_id","user_id") WHERE "location_access"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "profile_access_user_idx" ON "profile_access" USING btree ("user_id","record_id") WHERE "profile_access"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "profile_access_record_user_key" ON "profile_access" USING btree ("record_id","user_id") WHERE "profile_access"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "case_access_user_idx" ON "case_access" USING btree ("user_id","record_id") WHERE "case_access"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_access_record_user_key" ON "case_access" USING btree ("record_id","user_id") WHERE "case_access"."user_id" is not null;--> statement-breakpoint
ALTER TABLE "location_access" ADD CONSTRAINT "location_access_user_grant_check" CHECK ("location_access"."user_id" is null or ("location_access"."source" = 'emergency' and "location_access"."level" = 'view' and "location_access"."expires_at" is not null));--> statement-breakpoint
ALTER TABLE "location_access" ADD CONSTRAINT "location_access_target_check" CHECK (num_nonnulls("location_access"."team_id", "location_access"."organisation_id", "location_access"."user_id") = 1);--> statement-breakpoint
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_user_grant_check" CHECK ("profile_access"."user_id" is null or ("profile_access"."source" = 'emergency' and "profile_access"."level" = 'view' and "profile_access"."expires_at" is not null));--> statement-breakpoint
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_target_check" CHECK (num_nonnulls("profile_access"."team_id", "profile_access"."organisation_id", "profile_access"."user_id") = 1);--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_user_grant_check" CHECK ("case_access"."user_id" is null or ("case_access"."source" = 'emergency' and "case_access"."level" = 'view' and "case_access"."expires_at" is not null));--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_target_check" CHECK (num_nonnulls("case_access"."team_id", "case_access"."organisation_id", "case_access"."user_id") = 1);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('task_assigned', 'task_accepted', 'task_declined', 'task_updated', 'task_completed', 'task_overdue', 'action_due', 'record_changed', 'access_requested', 'access_decided', 'adjustment_requested', 'adjustment_decided', 'panel_referral', 'contact_overdue', 'community_trigger', 'referral_received', 'referral_overdue', 'referral_assigned', 'client_message', 'client_request', 'emergency_access', 'emergency_access_reviewed', 'review_due', 'scheme_review_due', 'scheme_lookup'));