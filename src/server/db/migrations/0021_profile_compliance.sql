-- The facts the compliance checks read about each profile from other tables, one row per profile,
-- kept by triggers in the same transaction as the write that changes them. Counting a 200-person
-- team's profiles then reads one index range of this table instead of probing reports, contacts,
-- plans, assessments and cases for every profile, and a gap put right leaves the figures as the
-- transaction commits. Triggers rather than the jobs queue: a supervisor who fixes a gap must see
-- the count fall at once. Hand-written below the table: drizzle-kit emits no views, functions or
-- triggers.
CREATE TABLE "profile_compliance" (
	"profile_id" uuid PRIMARY KEY NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"reason_letters" integer NOT NULL,
	"has_report" boolean DEFAULT false NOT NULL,
	"last_recorded_at" timestamp with time zone,
	"has_completed_matrix" boolean DEFAULT false NOT NULL,
	"matrix_required_since" timestamp with time zone,
	"open_case_types" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"next_contact_due" date
);
--> statement-breakpoint
ALTER TABLE "profile_compliance" ADD CONSTRAINT "profile_compliance_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_compliance" ADD CONSTRAINT "profile_compliance_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_compliance_owner_team_idx" ON "profile_compliance" USING btree ("owner_team_id");--> statement-breakpoint
-- The dashboard's vulnerability breakdown reads the people with each of a partnership's
-- vulnerabilities from this index instead of scanning every profile's.
CREATE INDEX "profile_vulnerabilities_lookup_idx" ON "profile_vulnerabilities" USING btree ("lookup_id","profile_id");--> statement-breakpoint
-- How many letters a reason gives: "n/a" or "12 34" says nothing, whatever its length. Counted when
-- the profile is written, not each time a team's compliance is read.
CREATE FUNCTION reason_letters(reason text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT length(regexp_replace(reason, '[^[:alpha:]]', '', 'g'))
$$;
--> statement-breakpoint
-- The facts worked out from the tables they come from: the one definition. The triggers refresh
-- a profile's row from it (filtered to the profile, each grouped subquery reads only its rows),
-- the backfill below fills the table from it, and the tests compare the table with it.
CREATE VIEW profile_compliance_facts AS
SELECT p.id AS profile_id,
       p.owner_team_id,
       reason_letters(p.reason_created) AS reason_letters,
       reported.profile_id IS NOT NULL AS has_report,
       greatest(reported.last_created_at, contacted.last_created_at) AS last_recorded_at,
       matrix.profile_id IS NOT NULL AS has_completed_matrix,
       required.since AS matrix_required_since,
       coalesce(open_cases.case_types, '{}'::uuid[]) AS open_case_types,
       plan.next_contact_due
  FROM profiles p
  LEFT JOIN contact_plans plan ON plan.profile_id = p.id
  LEFT JOIN (SELECT r.record_id AS profile_id, max(r.created_at) AS last_created_at
               FROM reports r WHERE r.record_kind = 'profile' GROUP BY r.record_id) reported ON reported.profile_id = p.id
  LEFT JOIN (SELECT vc.profile_id, max(vc.created_at) AS last_created_at
               FROM victim_contacts vc GROUP BY vc.profile_id) contacted ON contacted.profile_id = p.id
  LEFT JOIN (SELECT a.record_id AS profile_id
               FROM assessments a JOIN assessment_templates t ON t.id = a.template_id AND t.key = 'asb-risk-matrix'
              WHERE a.record_kind = 'profile' AND a.status = 'completed' GROUP BY a.record_id) matrix ON matrix.profile_id = p.id
  LEFT JOIN (SELECT ar.record_id AS profile_id, min(ar.raised_at) AS since
               FROM assessment_requirements ar JOIN assessment_templates t ON t.id = ar.template_id AND t.key = 'asb-risk-matrix'
              WHERE ar.record_kind = 'profile' AND ar.met_at IS NULL GROUP BY ar.record_id) required ON required.profile_id = p.id
  LEFT JOIN (SELECT cp.profile_id, array_agg(DISTINCT c.case_type_id ORDER BY c.case_type_id) AS case_types
               FROM case_profiles cp JOIN cases c ON c.id = cp.case_id
              WHERE c.status = 'open' GROUP BY cp.profile_id) open_cases ON open_cases.profile_id = p.id;
--> statement-breakpoint
-- Works out again the named group of facts ('recorded', 'matrix', 'cases', 'plan') of each
-- profile, in the order of their ids so that two transactions lock rows in the same order. The
-- row's lock comes first: in READ COMMITTED each later statement sees what any transaction that
-- held it committed, so two writers on one profile cannot leave it as only one of them saw it. A
-- row that was missing gets every fact.
CREATE FUNCTION profile_compliance_refresh(ids uuid[], facts text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  p uuid;
  created boolean;
BEGIN
  FOR p IN SELECT DISTINCT id FROM unnest(ids) id WHERE id IS NOT NULL ORDER BY id LOOP
    INSERT INTO profile_compliance (profile_id, owner_team_id, reason_letters)
      SELECT pr.id, pr.owner_team_id, reason_letters(pr.reason_created) FROM profiles pr WHERE pr.id = p ON CONFLICT DO NOTHING;
    created := FOUND;
    PERFORM 1 FROM profile_compliance WHERE profile_id = p FOR UPDATE;
    CONTINUE WHEN NOT FOUND;
    IF created OR facts = 'recorded' THEN
      UPDATE profile_compliance f SET has_report = v.has_report, last_recorded_at = v.last_recorded_at
        FROM profile_compliance_facts v WHERE v.profile_id = p AND f.profile_id = p;
    END IF;
    IF created OR facts = 'matrix' THEN
      UPDATE profile_compliance f SET has_completed_matrix = v.has_completed_matrix, matrix_required_since = v.matrix_required_since
        FROM profile_compliance_facts v WHERE v.profile_id = p AND f.profile_id = p;
    END IF;
    IF created OR facts = 'cases' THEN
      UPDATE profile_compliance f SET open_case_types = v.open_case_types
        FROM profile_compliance_facts v WHERE v.profile_id = p AND f.profile_id = p;
    END IF;
    IF created OR facts = 'plan' THEN
      UPDATE profile_compliance f SET next_contact_due = v.next_contact_due
        FROM profile_compliance_facts v WHERE v.profile_id = p AND f.profile_id = p;
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
-- Fills or corrects every row from the view in one pass: the backfill here, and bench/generate.ts
-- after it loads with triggers off.
CREATE FUNCTION profile_compliance_rebuild() RETURNS void
LANGUAGE sql AS $$
  INSERT INTO profile_compliance AS f (profile_id, owner_team_id, reason_letters, has_report, last_recorded_at, has_completed_matrix, matrix_required_since, open_case_types, next_contact_due)
  SELECT v.profile_id, v.owner_team_id, v.reason_letters, v.has_report, v.last_recorded_at, v.has_completed_matrix, v.matrix_required_since, v.open_case_types, v.next_contact_due
    FROM profile_compliance_facts v
  ON CONFLICT (profile_id) DO UPDATE
    SET owner_team_id = excluded.owner_team_id, reason_letters = excluded.reason_letters, has_report = excluded.has_report, last_recorded_at = excluded.last_recorded_at,
        has_completed_matrix = excluded.has_completed_matrix, matrix_required_since = excluded.matrix_required_since,
        open_case_types = excluded.open_case_types, next_contact_due = excluded.next_contact_due
$$;
--> statement-breakpoint
-- A new profile starts with nothing recorded; its owner and reason follow every change.
CREATE FUNCTION profile_compliance_on_profiles() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO profile_compliance (profile_id, owner_team_id, reason_letters)
      SELECT n.id, n.owner_team_id, reason_letters(n.reason_created) FROM new_rows n ON CONFLICT DO NOTHING;
  ELSE
    UPDATE profile_compliance f SET owner_team_id = n.owner_team_id, reason_letters = reason_letters(n.reason_created)
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE f.profile_id = n.id AND (n.owner_team_id, n.reason_created) IS DISTINCT FROM (o.owner_team_id, o.reason_created);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profile_compliance_profiles_insert AFTER INSERT ON profiles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_profiles();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_profiles_update AFTER UPDATE ON profiles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_profiles();
--> statement-breakpoint
-- A new report or contact only moves its profile's facts one way, so it updates them in place
-- (the update re-reads a row another writer changed); one moved or removed works them out again.
CREATE FUNCTION profile_compliance_on_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE profile_compliance f SET has_report = true, last_recorded_at = greatest(f.last_recorded_at, n.last_created_at)
      FROM (SELECT record_id, max(created_at) AS last_created_at FROM new_rows WHERE record_kind = 'profile' GROUP BY record_id ORDER BY record_id) n
     WHERE f.profile_id = n.record_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM profile_compliance_refresh(array(
      SELECT unnest(array[o.record_id, n.record_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.record_kind = 'profile' OR n.record_kind = 'profile')
         AND (o.record_kind, o.record_id, o.created_at) IS DISTINCT FROM (n.record_kind, n.record_id, n.created_at)), 'recorded');
  ELSE
    PERFORM profile_compliance_refresh(array(SELECT o.record_id FROM old_rows o WHERE o.record_kind = 'profile'), 'recorded');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profile_compliance_reports_insert AFTER INSERT ON reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_reports();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_reports_update AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_reports();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_reports_delete AFTER DELETE ON reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_reports();
--> statement-breakpoint
CREATE FUNCTION profile_compliance_on_victim_contacts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE profile_compliance f SET last_recorded_at = greatest(f.last_recorded_at, n.last_created_at)
      FROM (SELECT profile_id, max(created_at) AS last_created_at FROM new_rows GROUP BY profile_id ORDER BY profile_id) n
     WHERE f.profile_id = n.profile_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM profile_compliance_refresh(array(
      SELECT unnest(array[o.profile_id, n.profile_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.profile_id, o.created_at) IS DISTINCT FROM (n.profile_id, n.created_at)), 'recorded');
  ELSE
    PERFORM profile_compliance_refresh(array(SELECT o.profile_id FROM old_rows o), 'recorded');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profile_compliance_victim_contacts_insert AFTER INSERT ON victim_contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_victim_contacts();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_victim_contacts_update AFTER UPDATE ON victim_contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_victim_contacts();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_victim_contacts_delete AFTER DELETE ON victim_contacts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_victim_contacts();
--> statement-breakpoint
-- Assessments and the assessments a record still needs: saving a draft's answers changes nothing
-- here, so only a change of status, template or record works the matrix facts out again.
CREATE FUNCTION profile_compliance_on_assessments() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM profile_compliance_refresh(array(SELECT n.record_id FROM new_rows n WHERE n.record_kind = 'profile' AND n.status = 'completed'), 'matrix');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM profile_compliance_refresh(array(
      SELECT unnest(array[o.record_id, n.record_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.record_kind = 'profile' OR n.record_kind = 'profile')
         AND (o.record_kind, o.record_id, o.template_id, o.status) IS DISTINCT FROM (n.record_kind, n.record_id, n.template_id, n.status)), 'matrix');
  ELSE
    PERFORM profile_compliance_refresh(array(SELECT o.record_id FROM old_rows o WHERE o.record_kind = 'profile' AND o.status = 'completed'), 'matrix');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profile_compliance_assessments_insert AFTER INSERT ON assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_assessments();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_assessments_update AFTER UPDATE ON assessments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_assessments();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_assessments_delete AFTER DELETE ON assessments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_assessments();
--> statement-breakpoint
CREATE FUNCTION profile_compliance_on_assessment_requirements() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM profile_compliance_refresh(array(SELECT n.record_id FROM new_rows n WHERE n.record_kind = 'profile'), 'matrix');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM profile_compliance_refresh(array(
      SELECT unnest(array[o.record_id, n.record_id]) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o.record_kind = 'profile' OR n.record_kind = 'profile')
         AND (o.record_kind, o.record_id, o.template_id, o.raised_at, o.met_at) IS DISTINCT FROM (n.record_kind, n.record_id, n.template_id, n.raised_at, n.met_at)), 'matrix');
  ELSE
    PERFORM profile_compliance_refresh(array(SELECT o.record_id FROM old_rows o WHERE o.record_kind = 'profile'), 'matrix');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profile_compliance_assessment_requirements_insert AFTER INSERT ON assessment_requirements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_assessment_requirements();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_assessment_requirements_update AFTER UPDATE ON assessment_requirements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_assessment_requirements();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_assessment_requirements_delete AFTER DELETE ON assessment_requirements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_assessment_requirements();
--> statement-breakpoint
-- The people on a case, and a case opening, closing or changing type.
CREATE FUNCTION profile_compliance_on_case_profiles() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM profile_compliance_refresh(array(SELECT n.profile_id FROM new_rows n), 'cases');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM profile_compliance_refresh(array(
      SELECT moved.profile_id
        FROM ((SELECT o.case_id, o.profile_id FROM old_rows o EXCEPT SELECT n.case_id, n.profile_id FROM new_rows n)
              UNION (SELECT n.case_id, n.profile_id FROM new_rows n EXCEPT SELECT o.case_id, o.profile_id FROM old_rows o)) moved), 'cases');
  ELSE
    PERFORM profile_compliance_refresh(array(SELECT o.profile_id FROM old_rows o), 'cases');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profile_compliance_case_profiles_insert AFTER INSERT ON case_profiles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_case_profiles();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_case_profiles_update AFTER UPDATE ON case_profiles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_case_profiles();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_case_profiles_delete AFTER DELETE ON case_profiles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_case_profiles();
--> statement-breakpoint
CREATE FUNCTION profile_compliance_on_cases() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM profile_compliance_refresh(array(
    SELECT cp.profile_id FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN case_profiles cp ON cp.case_id = n.id
     WHERE (o.status, o.case_type_id) IS DISTINCT FROM (n.status, n.case_type_id)), 'cases');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profile_compliance_cases_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_cases();
--> statement-breakpoint
-- A victim's contact plan: set, moved on by a contact, moved to another profile by a merge.
CREATE FUNCTION profile_compliance_on_contact_plans() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM profile_compliance_refresh(array(SELECT n.profile_id FROM new_rows n), 'plan');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM profile_compliance_refresh(array(
      SELECT changed.profile_id
        FROM ((SELECT o.profile_id, o.next_contact_due FROM old_rows o EXCEPT SELECT n.profile_id, n.next_contact_due FROM new_rows n)
              UNION (SELECT n.profile_id, n.next_contact_due FROM new_rows n EXCEPT SELECT o.profile_id, o.next_contact_due FROM old_rows o)) changed), 'plan');
  ELSE
    PERFORM profile_compliance_refresh(array(SELECT o.profile_id FROM old_rows o), 'plan');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profile_compliance_contact_plans_insert AFTER INSERT ON contact_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_contact_plans();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_contact_plans_update AFTER UPDATE ON contact_plans
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_contact_plans();
--> statement-breakpoint
CREATE TRIGGER profile_compliance_contact_plans_delete AFTER DELETE ON contact_plans
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION profile_compliance_on_contact_plans();
--> statement-breakpoint
SELECT profile_compliance_rebuild();
