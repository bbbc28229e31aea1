import type { z } from 'zod';
import type { searchQuery, SearchResult } from '../../../shared/api/search.ts';
import type { Owner } from '../../../shared/api/records.ts';
import { recordKinds } from '../../../shared/records.ts';
import type { Context } from '../../platform/context.ts';
import { safetyOf } from '../profiles/safety.ts';
import * as q from './queries.ts';
import type { ProfileSearchRow } from './sql.ts';
import { searchTermsOf } from './terms.ts';

/** A case reference as people quote it ("ASB/2026/00042", or its start): titles and addresses are not searched for it. */
const referencePattern = /^[a-z0-9]{1,8}\/\d{2,4}(\/\d*)?$/i;

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const day = (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`));
const born = (iso: string | null) => (iso ? `Born ${day(iso)}` : null);
const joined = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ') || null;

/** A result before the actor's access to it is known: what to show if they may open it, and the stub if not. */
interface Hit {
  kind: SearchResult['kind'];
  id: string;
  ownerTeamId: string;
  score: number;
  open: { title: string; subtitle: string | null };
  locked: { title: string; subtitle: string | null };
}

function profileHit(row: ProfileSearchRow): Hit {
  const title = `${row.first_name} ${row.last_name}`;
  return {
    kind: 'profile',
    id: row.id,
    ownerTeamId: row.owner_team_id,
    score: row.score,
    open: { title, subtitle: joined([born(row.date_of_birth), row.alias && `also known as ${row.alias}`]) },
    locked: { title, subtitle: born(row.date_of_birth) },
  };
}

/**
 * A person found by an address: the searcher may open them (see `searchAddresses`), so the address
 * shows why; were their access to go before the page is put together, the stub keeps it back.
 */
function addressHit(row: q.AddressHit): Hit {
  const title = `${row.first_name} ${row.last_name}`;
  const address = [row.address_line1, row.address_line2, row.town, row.postcode].filter(Boolean).join(', ');
  return {
    kind: 'profile',
    id: row.id,
    ownerTeamId: row.owner_team_id,
    score: row.score,
    open: { title, subtitle: joined([born(row.date_of_birth), row.to_date ? `${address}, until ${day(row.to_date)}` : address]) },
    locked: { title, subtitle: born(row.date_of_birth) },
  };
}

function caseHit(row: q.CaseHit): Hit {
  return {
    kind: 'case',
    id: row.id,
    ownerTeamId: row.owner_team_id,
    score: row.score,
    open: { title: row.title, subtitle: joined([row.reference, row.status]) },
    locked: { title: row.title, subtitle: row.reference },
  };
}

function locationHit(row: q.LocationHit): Hit {
  const place = { title: row.name ? `${row.name}, ${row.address_line1}` : row.address_line1, subtitle: [row.address_line2, row.town, row.postcode].filter(Boolean).join(', ') };
  return { kind: 'location', id: row.id, ownerTeamId: row.owner_team_id, score: row.score, open: place, locked: place };
}

/** A record found more than one way (a person by name and by address) counts once, by its best match. */
function bestPerRecord(hits: Hit[]): Hit[] {
  const best = new Map<string, Hit>();
  for (const hit of hits) {
    const key = `${hit.kind}:${hit.id}`;
    const found = best.get(key);
    if (!found || hit.score > found.score) best.set(key, hit);
  }
  return [...best.values()];
}

/**
 * The one search box: people, cases and places of the actor's partnership, best first across
 * kinds. Each kind gives at most `limit` candidates from its indexes; access and owners are looked
 * up only for the page returned, and what the actor cannot open comes back as a locked stub.
 * People found by their address are the exception: only those the actor may open are found so.
 */
export async function search(ctx: Context, query: z.infer<typeof searchQuery>): Promise<{ items: SearchResult[] }> {
  const { partnershipId } = ctx.actor;
  const terms = searchTermsOf(query.q);
  const isReference = referencePattern.test(terms.text);
  const wanted = (kind: SearchResult['kind']) => !query.kind || query.kind === kind;
  const hits: Hit[] = [];
  if (wanted('profile') && (terms.nameWords.length > 0 || terms.dateOfBirth)) hits.push(...(await q.searchProfiles(ctx.tx, partnershipId, query.q, query.limit)).map(profileHit));
  // Streets only when the words named nobody: names such as Green, Hill and Hall are words of
  // streets too, and a street's words are looked for in every partnership's addresses.
  const streets = hits.length === 0;
  if (wanted('profile') && terms.text && !isReference) hits.push(...(await q.searchAddresses(ctx.tx, ctx.actor, terms.text, streets, query.limit)).map(addressHit));
  // Allowing for typing slips in titles and addresses weighs every trigram of them, the dearest
  // search there is: worth it only when the words found nobody.
  const text = { words: !isReference, fuzzy: hits.length === 0 };
  if (wanted('case') && terms.text) hits.push(...(await q.searchCases(ctx.tx, partnershipId, terms.text, text, query.limit)).map(caseHit));
  if (wanted('location') && terms.text) hits.push(...(await q.searchLocations(ctx.tx, partnershipId, terms.text, text, query.limit)).map(locationHit));

  const page = bestPerRecord(hits)
    .sort((a, b) => b.score - a.score || recordKinds.indexOf(a.kind) - recordKinds.indexOf(b.kind) || a.open.title.localeCompare(b.open.title) || a.id.localeCompare(b.id))
    .slice(0, query.limit);
  const openable = await q.openable(ctx.tx, ctx.actor, page);
  const teams = await q.teamsWithOrganisation(ctx.tx, [...new Set(page.map((h) => h.ownerTeamId))]);
  const owners = new Map<string, Owner>(teams.map((t) => [t.id, { team: { id: t.id, name: t.name }, organisation: { id: t.organisationId, name: t.organisationName } }]));
  const safety = await safetyOf(ctx, page.filter((h) => h.kind === 'profile' && openable.has(h.id)).map((h) => h.id));

  const items = page.map((hit): SearchResult => {
    const accessible = openable.has(hit.id);
    const shown = accessible ? hit.open : hit.locked;
    return {
      kind: hit.kind, id: hit.id, title: shown.title, subtitle: shown.subtitle, accessible, owner: owners.get(hit.ownerTeamId)!,
      score: Math.round(hit.score * 1000) / 1000, safety: safety.get(hit.id) ?? null,
    };
  });
  ctx.audit({ action: 'search.performed', details: { query: query.q, kind: query.kind ?? null, resultCount: items.length } });
  return { items };
}
