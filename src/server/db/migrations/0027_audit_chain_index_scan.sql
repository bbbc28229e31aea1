-- audit_chain_extend as in 0010, but finding where the chain stopped through the (xid, seq) index.
-- Its plan is made once for no chain in particular, and `last_xid IS NULL OR (xid, seq) > ...`
-- kept the comparison out of the index condition: every call read the whole index from the
-- first event (377 ms at 800,000 events, growing with the log), though it chained a few hundred.
-- An empty chain now starts after (0, 0), before every event (real xids start at 3).
CREATE OR REPLACE FUNCTION audit_chain_extend(max_rows integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  horizon xid8 := pg_snapshot_xmin(pg_current_snapshot());
  last_position bigint := 0;
  last_hash text := 'genesis';
  next_hash text;
  last_xid xid8 := '0'::xid8;
  last_seq bigint := 0;
  e audit_events;
  added integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(4242002) THEN
    RETURN 0;
  END IF;
  SELECT c.position, c.hash, ev.xid, ev.seq INTO last_position, last_hash, last_xid, last_seq
    FROM audit_chain c JOIN audit_events ev ON ev.id = c.event_id ORDER BY c.position DESC LIMIT 1;
  IF NOT FOUND THEN
    last_position := 0;
    last_hash := 'genesis';
    last_xid := '0'::xid8;
    last_seq := 0;
  END IF;
  FOR e IN SELECT * FROM audit_events ev
            WHERE ev.xid < horizon AND (ev.xid, ev.seq) > (last_xid, last_seq)
            ORDER BY ev.xid, ev.seq LIMIT max_rows LOOP
    next_hash := audit_chain_digest(last_hash, last_position + 1, e);
    INSERT INTO audit_chain (position, event_id, prev_hash, hash) VALUES (last_position + 1, e.id, last_hash, next_hash);
    last_position := last_position + 1;
    last_hash := next_hash;
    added := added + 1;
  END LOOP;
  RETURN added;
END
$$;
