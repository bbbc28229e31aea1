-- The audit trail is append-only and hash-chained. Written by hand: drizzle-kit does not emit
-- functions or triggers.

-- The digest covers every column except the hashes themselves; times are hashed as microseconds
-- since the epoch so the text form does not depend on the session's time zone or date style.
CREATE FUNCTION audit_event_digest(prev_hash text, e audit_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(digest(prev_hash || '|' || jsonb_build_object(
    'id', e.id, 'seq', e.seq, 'at', (extract(epoch FROM e.at) * 1000000)::bigint,
    'actorKind', e.actor_kind, 'actorId', e.actor_id, 'actorName', e.actor_name,
    'partnershipId', e.partnership_id, 'organisationId', e.organisation_id, 'teamId', e.team_id,
    'action', e.action, 'outcome', e.outcome, 'entityType', e.entity_type, 'entityId', e.entity_id,
    'subjectOrganisationId', e.subject_organisation_id, 'subjectTeamId', e.subject_team_id,
    'ip', e.ip, 'reason', e.reason, 'changes', e.changes, 'details', e.details
  )::text, 'sha256'), 'hex')
$$;
--> statement-breakpoint
-- One writer at a time extends the chain: the lock is held to the end of the transaction, and the
-- sequence number is taken under it, so the chain's order is the order in which rows commit.
CREATE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(4242001);
  NEW.seq := nextval(pg_get_serial_sequence('audit_events', 'seq'));
  SELECT hash INTO last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
  NEW.prev_hash := coalesce(last_hash, 'genesis');
  NEW.hash := audit_event_digest(NEW.prev_hash, NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
CREATE FUNCTION audit_events_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change();
