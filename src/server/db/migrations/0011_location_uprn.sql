-- A location keeps the UPRN of the address picked from a postcode lookup, so records of the same
-- property can be matched across agencies whatever the spelling of its address.
ALTER TABLE "locations" ADD COLUMN "uprn" text;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_uprn_check" CHECK ("locations"."uprn" ~ '^[0-9]{1,12}$');