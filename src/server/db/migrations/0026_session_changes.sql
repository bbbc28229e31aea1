-- Each instance keeps the people behind recent sessions for a moment (platform/auth/session-cache.ts).
-- These triggers tell every instance, on commit, which sessions and users changed, however they
-- were changed: a use case, a sweep, or SQL typed by an operator.
CREATE FUNCTION session_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('concord_sessions', 's:' || OLD.token_hash);
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('concord_sessions', 'u:' || OLD.id::text);
  ELSE
    PERFORM pg_notify('concord_sessions', '*');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every column, last_seen_at included: a kept session's timeouts are worked out from it. A touch
-- is once a minute per session, and costs the touching instance one read more.
CREATE TRIGGER sessions_changed AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION session_changed();
--> statement-breakpoint
CREATE TRIGGER users_changed AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION session_changed();
--> statement-breakpoint
CREATE TRIGGER teams_moved AFTER UPDATE OF organisation_id ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION session_changed();
--> statement-breakpoint
CREATE TRIGGER organisations_moved AFTER UPDATE OF partnership_id ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION session_changed();
