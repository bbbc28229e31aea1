-- Written by hand: drizzle-kit does not emit functions.
--
-- The sound-alike key of a name: Double Metaphone of its spelling after a few rewrites of common
-- British variants that Double Metaphone keys apart (measured on PostgreSQL 15 and PGlite, which
-- agree): Thompson, Simpson and Sampson against Thomson, Simson and Samson (a silent p); Shepherd
-- against Sheppard; Nicholls, Nicholson and Nicholas against Nicolls, Nicolson and Nicolas;
-- Rodgers against Rogers; McIntosh against Mackintosh; Graham against Graeme; Anthony against
-- Antony; Theresa against Teresa; Nathalie against Natalie; Micheal against Michael; Sean against
-- Shaun. A name without these spellings keeps the key it had. Names when written and the words
-- searched for are keyed by this one function, so both sides always rewrite alike.
CREATE FUNCTION name_sound(name text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT dmetaphone(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
      lower(unaccent(name)),
      '\msean\M', 'shaun', 'g'),
      '\mmicheal\M', 'michael', 'g'),
      '\mnathal', 'natal', 'g'),
      '\mtheres', 'teres', 'g'),
      '\msheph', 'shep', 'g'),
      -- McIntosh and MacIntyre keyed as Mackintosh is; Mace and Macey left alone
      '\mma?c(?=[ei][a-z]{3})', 'mak', 'g'),
      'nich', 'nic', 'g'),
      'nthon', 'nton', 'g'),
      'aham', 'am', 'g'),
      'mps', 'ms', 'g'),
      'dg', 'g', 'g'))
$$;
--> statement-breakpoint
UPDATE profile_names SET first_sound = name_sound(first_name), last_sound = name_sound(last_name)
 WHERE first_sound <> name_sound(first_name) OR last_sound <> name_sound(last_name);
--> statement-breakpoint
-- What search matches a street or town against in a person's addresses, lower-cased and
-- unaccented as `locations.search_text` is. Declared immutable so that it can be indexed: the
-- unaccent dictionary is named in full and does not change under a running database.
CREATE FUNCTION profile_address_search_text(line1 text, line2 text, town text, postcode text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, concat_ws(' ', line1, line2, town, postcode)))
$$;
--> statement-breakpoint
CREATE INDEX "profile_addresses_search_trgm_idx" ON "profile_addresses"
  USING gin (profile_address_search_text("address_line1", "address_line2", "town", "postcode") gin_trgm_ops);
