-- Report text search looks in one partnership's reports: the partnership leads the GIN index
-- (btree_gin), so a common word's matches in other partnerships are never read or rechecked.
DROP INDEX "reports_search_idx";--> statement-breakpoint
CREATE INDEX "reports_search_idx" ON "reports" USING gin ("partnership_id","search_vector");