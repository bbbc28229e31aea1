ALTER TABLE "location_access" ADD COLUMN "source" text DEFAULT 'share' NOT NULL;--> statement-breakpoint
ALTER TABLE "location_access" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "profile_access" ADD COLUMN "source" text DEFAULT 'share' NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_access" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_access" ADD COLUMN "source" text DEFAULT 'share' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_access" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "location_access" ADD CONSTRAINT "location_access_source_check" CHECK ("location_access"."source" in ('share', 'case_type_default', 'access_request', 'panel', 'emergency'));--> statement-breakpoint
ALTER TABLE "profile_access" ADD CONSTRAINT "profile_access_source_check" CHECK ("profile_access"."source" in ('share', 'case_type_default', 'access_request', 'panel', 'emergency'));--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_source_check" CHECK ("case_access"."source" in ('share', 'case_type_default', 'access_request', 'panel', 'emergency'));--> statement-breakpoint
-- Grants made before sources were kept: those an approved access request gave say so.
UPDATE "profile_access" a SET "source" = 'access_request' FROM "access_requests" r
  WHERE r."record_kind" = 'profile' AND r."record_id" = a."record_id" AND r."requester_team_id" = a."team_id" AND r."status" = 'approved';--> statement-breakpoint
UPDATE "case_access" a SET "source" = 'access_request' FROM "access_requests" r
  WHERE r."record_kind" = 'case' AND r."record_id" = a."record_id" AND r."requester_team_id" = a."team_id" AND r."status" = 'approved';--> statement-breakpoint
UPDATE "location_access" a SET "source" = 'access_request' FROM "access_requests" r
  WHERE r."record_kind" = 'location' AND r."record_id" = a."record_id" AND r."requester_team_id" = a."team_id" AND r."status" = 'approved';
