CREATE TABLE "access_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"requester_team_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"level" text DEFAULT 'view' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_requests_kind_check" CHECK ("access_requests"."record_kind" in ('profile', 'case', 'location')),
	CONSTRAINT "access_requests_status_check" CHECK ("access_requests"."status" in ('pending', 'approved', 'refused', 'withdrawn')),
	CONSTRAINT "access_requests_level_check" CHECK ("access_requests"."level" in ('view', 'edit'))
);
--> statement-breakpoint
CREATE TABLE "case_type_sharing" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_type_id" uuid NOT NULL,
	"team_id" uuid,
	"organisation_id" uuid,
	"level" text NOT NULL,
	CONSTRAINT "case_type_sharing_target_check" CHECK (("case_type_sharing"."team_id" is null) <> ("case_type_sharing"."organisation_id" is null)),
	CONSTRAINT "case_type_sharing_level_check" CHECK ("case_type_sharing"."level" in ('view', 'edit'))
);
--> statement-breakpoint
CREATE TABLE "lookups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"list" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"group_name" text,
	"code" text,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lookups_list_check" CHECK ("lookups"."list" in ('case_type', 'vulnerability', 'warning_marker', 'ethnicity', 'intervention'))
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"original_name" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "location_access" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"team_id" uuid,
	"organisation_id" uuid,
	"level" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "location_access_target_check" CHECK (("location_access"."team_id" is null) <> ("location_access"."organisation_id" is null)),
	CONSTRAINT "location_access_level_check" CHECK ("location_access"."level" in ('view', 'edit'))
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"town" text,
	"postcode" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"search_text" text NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_kind_check" CHECK ("locations"."kind" in ('home', 'premises', 'public_space', 'business')),
	CONSTRAINT "locations_coordinates_check" CHECK (("locations"."latitude" is null) = ("locations"."longitude" is null))
);
--> statement-breakpoint
CREATE TABLE "profile_access" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"team_id" uuid,
	"organisation_id" uuid,
	"level" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_access_target_check" CHECK (("profile_access"."team_id" is null) <> ("profile_access"."organisation_id" is null)),
	CONSTRAINT "profile_access_level_check" CHECK ("profile_access"."level" in ('view', 'edit'))
);
--> statement-breakpoint
CREATE TABLE "profile_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"profile_id" uuid NOT NULL,
	"location_id" uuid,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"town" text,
	"postcode" text,
	"from_date" date,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "profile_names" (
	"id" uuid PRIMARY KEY NOT NULL,
	"profile_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"search_name" text NOT NULL,
	"first_sound" text NOT NULL,
	"last_sound" text NOT NULL,
	CONSTRAINT "profile_names_kind_check" CHECK ("profile_names"."kind" in ('name', 'alias'))
);
--> statement-breakpoint
CREATE TABLE "profile_relationships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_profile_id" uuid NOT NULL,
	"to_profile_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_relationships_kind_check" CHECK ("profile_relationships"."kind" in ('parent', 'sibling', 'partner', 'ex_partner', 'associate', 'carer', 'family_member', 'other')),
	CONSTRAINT "profile_relationships_not_self_check" CHECK ("profile_relationships"."from_profile_id" <> "profile_relationships"."to_profile_id")
);
--> statement-breakpoint
CREATE TABLE "profile_vulnerabilities" (
	"profile_id" uuid NOT NULL,
	"lookup_id" uuid NOT NULL,
	CONSTRAINT "profile_vulnerabilities_profile_id_lookup_id_pk" PRIMARY KEY("profile_id","lookup_id")
);
--> statement-breakpoint
CREATE TABLE "profile_warning_markers" (
	"profile_id" uuid NOT NULL,
	"lookup_id" uuid NOT NULL,
	CONSTRAINT "profile_warning_markers_profile_id_lookup_id_pk" PRIMARY KEY("profile_id","lookup_id")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date,
	"approximate_age" integer,
	"approximate_age_on" date,
	"gender" text,
	"ethnicity_id" uuid,
	"phone" text,
	"email" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"key_information" text,
	"reason_created" text NOT NULL,
	"risk_level" text,
	"photo_file_id" uuid,
	"thumbnail_file_id" uuid,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"merged_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profiles_gender_check" CHECK ("profiles"."gender" in ('female', 'male', 'transgender', 'non_binary', 'prefer_not_to_say', 'not_known')),
	CONSTRAINT "profiles_risk_level_check" CHECK ("profiles"."risk_level" in ('standard', 'medium', 'high')),
	CONSTRAINT "profiles_roles_check" CHECK ("profiles"."roles" <@ array['victim', 'perpetrator', 'witness', 'vulnerable_person', 'family_member', 'other']::text[]),
	CONSTRAINT "profiles_approximate_age_check" CHECK ("profiles"."approximate_age" is null or ("profiles"."approximate_age" between 0 and 120))
);
--> statement-breakpoint
CREATE TABLE "case_access" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"team_id" uuid,
	"organisation_id" uuid,
	"level" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_access_target_check" CHECK (("case_access"."team_id" is null) <> ("case_access"."organisation_id" is null)),
	CONSTRAINT "case_access_level_check" CHECK ("case_access"."level" in ('view', 'edit'))
);
--> statement-breakpoint
CREATE TABLE "case_interventions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"intervention_type_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"start_date" date,
	"end_date" date,
	"outcome" text,
	"notes" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_interventions_status_check" CHECK ("case_interventions"."status" in ('proposed', 'issued', 'in_force', 'breached', 'complied', 'expired', 'withdrawn')),
	CONSTRAINT "case_interventions_dates_check" CHECK ("case_interventions"."end_date" is null or "case_interventions"."start_date" is null or "case_interventions"."end_date" >= "case_interventions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "case_locations" (
	"case_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_locations_case_id_location_id_pk" PRIMARY KEY("case_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "case_profiles" (
	"case_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_profiles_case_id_profile_id_pk" PRIMARY KEY("case_id","profile_id"),
	CONSTRAINT "case_profiles_role_check" CHECK ("case_profiles"."role" in ('victim', 'perpetrator', 'witness', 'vulnerable_person', 'family_member', 'other'))
);
--> statement-breakpoint
CREATE TABLE "case_reference_counters" (
	"partnership_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_reference_counters_partnership_id_year_pk" PRIMARY KEY("partnership_id","year")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"case_type_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"summary" text,
	"lead_organisation_id" uuid,
	"lead_officer_id" uuid,
	"single_point_of_contact_id" uuid,
	"start_date" date,
	"end_date" date,
	"parent_case_id" uuid,
	"outcome" text,
	"closure_reason" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('open', 'closed', 'archived')),
	CONSTRAINT "cases_dates_check" CHECK ("cases"."end_date" is null or "cases"."start_date" is null or "cases"."end_date" >= "cases"."start_date"),
	CONSTRAINT "cases_not_own_parent_check" CHECK ("cases"."parent_case_id" is null or "cases"."parent_case_id" <> "cases"."id")
);
--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_requester_team_id_teams_id_fk" FOREIGN KEY ("requester_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_type_sharing" ADD CONSTRAINT "case_type_sharing_case_type_id_lookups_id_fk" FOREIGN KEY ("case_type_id") REFERENCES "public"."lookups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_type_sharing" ADD CONSTRAINT "case_type_sharing_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_type_sharing" ADD CONSTRAINT "case_type_sharing_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lookups" ADD CONSTRAINT "lookups_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_access" ADD CONSTRAINT "location_access_record_id_locations_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_access" ADD CONSTRAINT "location_access_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_access" ADD CONSTRAINT "location_access_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_access" ADD CONSTRAINT "location_access_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_record_id_profiles_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_addresses" ADD CONSTRAINT "profile_addresses_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_addresses" ADD CONSTRAINT "profile_addresses_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_names" ADD CONSTRAINT "profile_names_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_names" ADD CONSTRAINT "profile_names_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_relationships" ADD CONSTRAINT "profile_relationships_from_profile_id_profiles_id_fk" FOREIGN KEY ("from_profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_relationships" ADD CONSTRAINT "profile_relationships_to_profile_id_profiles_id_fk" FOREIGN KEY ("to_profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_relationships" ADD CONSTRAINT "profile_relationships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_vulnerabilities" ADD CONSTRAINT "profile_vulnerabilities_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_vulnerabilities" ADD CONSTRAINT "profile_vulnerabilities_lookup_id_lookups_id_fk" FOREIGN KEY ("lookup_id") REFERENCES "public"."lookups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_warning_markers" ADD CONSTRAINT "profile_warning_markers_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_warning_markers" ADD CONSTRAINT "profile_warning_markers_lookup_id_lookups_id_fk" FOREIGN KEY ("lookup_id") REFERENCES "public"."lookups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_ethnicity_id_lookups_id_fk" FOREIGN KEY ("ethnicity_id") REFERENCES "public"."lookups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_photo_file_id_stored_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_thumbnail_file_id_stored_files_id_fk" FOREIGN KEY ("thumbnail_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_merged_into_id_profiles_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_record_id_cases_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_intervention_type_id_lookups_id_fk" FOREIGN KEY ("intervention_type_id") REFERENCES "public"."lookups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD CONSTRAINT "case_interventions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_locations" ADD CONSTRAINT "case_locations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_locations" ADD CONSTRAINT "case_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_locations" ADD CONSTRAINT "case_locations_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_profiles" ADD CONSTRAINT "case_profiles_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_profiles" ADD CONSTRAINT "case_profiles_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_profiles" ADD CONSTRAINT "case_profiles_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reference_counters" ADD CONSTRAINT "case_reference_counters_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_case_type_id_lookups_id_fk" FOREIGN KEY ("case_type_id") REFERENCES "public"."lookups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_officer_id_users_id_fk" FOREIGN KEY ("lead_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_single_point_of_contact_id_users_id_fk" FOREIGN KEY ("single_point_of_contact_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_parent_case_id_cases_id_fk" FOREIGN KEY ("parent_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_requests_owner_status_idx" ON "access_requests" USING btree ("owner_team_id","status");--> statement-breakpoint
CREATE INDEX "access_requests_requester_idx" ON "access_requests" USING btree ("requester_id","created_at");--> statement-breakpoint
CREATE INDEX "access_requests_record_idx" ON "access_requests" USING btree ("record_kind","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_one_pending_key" ON "access_requests" USING btree ("record_kind","record_id","requester_team_id") WHERE "access_requests"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "case_type_sharing_team_key" ON "case_type_sharing" USING btree ("case_type_id","team_id") WHERE "case_type_sharing"."team_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_type_sharing_organisation_key" ON "case_type_sharing" USING btree ("case_type_id","organisation_id") WHERE "case_type_sharing"."organisation_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "lookups_partnership_list_key" ON "lookups" USING btree ("partnership_id","list","key");--> statement-breakpoint
CREATE INDEX "lookups_partnership_list_position_idx" ON "lookups" USING btree ("partnership_id","list","position");--> statement-breakpoint
CREATE INDEX "stored_files_partnership_idx" ON "stored_files" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "location_access_record_team_key" ON "location_access" USING btree ("record_id","team_id") WHERE "location_access"."team_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "location_access_record_organisation_key" ON "location_access" USING btree ("record_id","organisation_id") WHERE "location_access"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "location_access_record_idx" ON "location_access" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "location_access_team_idx" ON "location_access" USING btree ("team_id","record_id");--> statement-breakpoint
CREATE INDEX "location_access_organisation_idx" ON "location_access" USING btree ("organisation_id","record_id");--> statement-breakpoint
CREATE INDEX "locations_owner_team_idx" ON "locations" USING btree ("owner_team_id");--> statement-breakpoint
CREATE INDEX "locations_partnership_postcode_idx" ON "locations" USING btree ("partnership_id",replace("postcode", ' ', ''));--> statement-breakpoint
CREATE INDEX "locations_search_trgm_idx" ON "locations" USING gin ("partnership_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "profile_access_record_team_key" ON "profile_access" USING btree ("record_id","team_id") WHERE "profile_access"."team_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "profile_access_record_organisation_key" ON "profile_access" USING btree ("record_id","organisation_id") WHERE "profile_access"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "profile_access_record_idx" ON "profile_access" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "profile_access_team_idx" ON "profile_access" USING btree ("team_id","record_id");--> statement-breakpoint
CREATE INDEX "profile_access_organisation_idx" ON "profile_access" USING btree ("organisation_id","record_id");--> statement-breakpoint
CREATE INDEX "profile_addresses_profile_idx" ON "profile_addresses" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "profile_addresses_location_idx" ON "profile_addresses" USING btree ("location_id") WHERE "profile_addresses"."location_id" is not null;--> statement-breakpoint
CREATE INDEX "profile_names_profile_idx" ON "profile_names" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "profile_names_search_trgm_idx" ON "profile_names" USING gin ("partnership_id","search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "profile_names_sound_idx" ON "profile_names" USING btree ("partnership_id","last_sound","first_sound");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_relationships_pair_kind_key" ON "profile_relationships" USING btree ("from_profile_id","to_profile_id","kind");--> statement-breakpoint
CREATE INDEX "profile_relationships_to_idx" ON "profile_relationships" USING btree ("to_profile_id");--> statement-breakpoint
CREATE INDEX "profiles_owner_team_idx" ON "profiles" USING btree ("owner_team_id","updated_at");--> statement-breakpoint
CREATE INDEX "profiles_partnership_dob_idx" ON "profiles" USING btree ("partnership_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "profiles_partnership_updated_idx" ON "profiles" USING btree ("partnership_id","updated_at");--> statement-breakpoint
CREATE INDEX "profiles_merged_into_idx" ON "profiles" USING btree ("merged_into_id") WHERE "profiles"."merged_into_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_access_record_team_key" ON "case_access" USING btree ("record_id","team_id") WHERE "case_access"."team_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_access_record_organisation_key" ON "case_access" USING btree ("record_id","organisation_id") WHERE "case_access"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "case_access_record_idx" ON "case_access" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "case_access_team_idx" ON "case_access" USING btree ("team_id","record_id");--> statement-breakpoint
CREATE INDEX "case_access_organisation_idx" ON "case_access" USING btree ("organisation_id","record_id");--> statement-breakpoint
CREATE INDEX "case_interventions_case_idx" ON "case_interventions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_locations_location_idx" ON "case_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "case_profiles_profile_idx" ON "case_profiles" USING btree ("profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_partnership_reference_key" ON "cases" USING btree ("partnership_id",lower("reference"));--> statement-breakpoint
CREATE INDEX "cases_owner_team_idx" ON "cases" USING btree ("owner_team_id","updated_at");--> statement-breakpoint
CREATE INDEX "cases_parent_idx" ON "cases" USING btree ("parent_case_id") WHERE "cases"."parent_case_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_search_trgm_idx" ON "cases" USING gin ("partnership_id","search_text" gin_trgm_ops);