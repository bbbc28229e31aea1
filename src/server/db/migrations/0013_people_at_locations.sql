-- A person's address keeps the UPRN of an address picked from a postcode lookup, as a location does,
-- and is linked to the location at the same address: by UPRN, or by postcode and first line.
ALTER TABLE "profile_addresses" ADD COLUMN "uprn" text;--> statement-breakpoint
CREATE INDEX "locations_partnership_uprn_idx" ON "locations" USING btree ("partnership_id","uprn") WHERE "locations"."uprn" is not null;--> statement-breakpoint
CREATE INDEX "profile_addresses_postcode_idx" ON "profile_addresses" USING btree (replace("postcode", ' ', ''));--> statement-breakpoint
CREATE INDEX "profile_addresses_uprn_idx" ON "profile_addresses" USING btree ("uprn") WHERE "profile_addresses"."uprn" is not null;--> statement-breakpoint
ALTER TABLE "profile_addresses" ADD CONSTRAINT "profile_addresses_uprn_check" CHECK ("profile_addresses"."uprn" ~ '^[0-9]{1,12}$');