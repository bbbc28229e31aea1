-- Insights: the partnership's insight settings, report text for full-text search (English
-- stemming, a stored generated tsvector under GIN) and the indexes dashboards read a partnership's
-- records over a period by.
CREATE TABLE "insight_settings" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"stale_after_days" integer DEFAULT 28 NOT NULL,
	"repeat_victim_incidents" integer DEFAULT 2 NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_settings_stale_check" CHECK ("insight_settings"."stale_after_days" between 1 and 365),
	CONSTRAINT "insight_settings_repeat_check" CHECK ("insight_settings"."repeat_victim_incidents" between 2 and 50)
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body_text)) STORED;--> statement-breakpoint
ALTER TABLE "insight_settings" ADD CONSTRAINT "insight_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_settings" ADD CONSTRAINT "insight_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profiles_partnership_created_idx" ON "profiles" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_partnership_created_idx" ON "cases" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_partnership_closed_idx" ON "cases" USING btree ("partnership_id","closed_at") WHERE "cases"."closed_at" is not null;--> statement-breakpoint
CREATE INDEX "reports_search_idx" ON "reports" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "reports_partnership_kind_occurred_idx" ON "reports" USING btree ("partnership_id","record_kind","occurred_at","report_type_id","record_id");--> statement-breakpoint
CREATE INDEX "tasks_partnership_due_idx" ON "tasks" USING btree ("partnership_id","due_on");