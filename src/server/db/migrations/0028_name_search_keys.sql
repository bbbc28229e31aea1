-- Function written by hand: drizzle-kit does not emit functions.
--
-- The name search's keys of a name: every three characters in a row inside each of its words
-- (split at spaces only, so that no locale decides what a letter is), each hashed with the
-- partnership into an integer (the first 32 bits of an md5, the same on every server). A name
-- that holds a word typed holds every trigram of it, so its keys contain the word's keys, and a
-- GIN index on them goes straight to that partnership's names: the trigram index's lists hold
-- every partnership's names, and reading them was the largest part of a search (bench/README.md,
-- "Search keys"). Two trigrams that hash alike only cost a recheck: the query still looks for the
-- words in the name and checks the partnership.
CREATE FUNCTION name_trigram_keys(partnership_id uuid, name text) RETURNS integer[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  keys integer[] := '{}';
  word text;
  key integer;
BEGIN
  -- A loop of simple expressions, which PL/pgSQL evaluates without the planner: a query here
  -- (or an SQL function, which cannot be inlined with a FROM) was planned again on every call.
  FOREACH word IN ARRAY regexp_split_to_array(name, '\s+') LOOP
    FOR i IN 1 .. length(word) - 2 LOOP
      key := ('x' || left(md5(partnership_id::text || substr(word, i, 3)), 8))::bit(32)::integer;
      IF NOT key = ANY (keys) THEN
        keys := keys || key;
      END IF;
    END LOOP;
  END LOOP;
  RETURN keys;
END
$$;
--> statement-breakpoint
ALTER TABLE "profile_names" ADD COLUMN "search_keys" integer[] GENERATED ALWAYS AS (name_trigram_keys(partnership_id, search_name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "profile_names_search_keys_idx" ON "profile_names" USING gin ("search_keys");
