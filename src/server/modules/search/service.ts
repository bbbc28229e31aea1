import type { z } from 'zod';
import type { searchQuery, SearchResult } from '../../../shared/api/search.ts';
import { recordKinds } from '../../../shared/records.ts';
import { readAuditParams } from '../../platform/audit/write.ts';
import type { Context, ReadContext } from '../../platform/context.ts';
import { presentSafety } from '../profiles/present.ts';
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

/** A hit of the sources beside names, as its source found it. */
function hitOf(row: q.HitRow): Hit {
  switch (row.source) {
    case 'address': return addressHit(row.hit as unknown as q.AddressHit);
    case 'case': return caseHit(row.hit as unknown as q.CaseHit);
    case 'location': return locationHit(row.hit as unknown as q.LocationHit);
  }
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
 * kinds. Each kind gives at most `limit` candidates from its indexes: people by name first, as
 * whether they found anybody decides what else is searched, then the other sources in one
 * statement; then access, owners and safety facts are looked up only for the page returned, by
 * the statement that records the search. What the actor cannot open comes back as a locked
 * stub; people found by their address are the exception: only those the actor may open are
 * found so. The search box runs alone (`Runner.read`); the audit view's search by words runs in
 * its own transaction.
 */
export async function search(ctx: ReadContext | Context, query: z.infer<typeof searchQuery>): Promise<{ items: SearchResult[] }> {
  const on = 'tx' in ctx ? { tx: ctx.tx } : { db: ctx.db };
  const terms = searchTermsOf(query.q);
  const isReference = referencePattern.test(terms.text);
  const wanted = (kind: SearchResult['kind']) => !query.kind || query.kind === kind;
  const hits: Hit[] = [];
  if (wanted('profile') && (terms.nameWords.length > 0 || terms.dateOfBirth)) hits.push(...(await q.searchProfiles(on, ctx.actor.partnershipId, query.q, query.limit)).map(profileHit));
  // A case reference is looked for in references only, not in titles and addresses.
  const text = terms.text ? { words: !isReference } : null;
  const plan: q.SearchPlan = {
    text: terms.text,
    limit: query.limit,
    addresses: wanted('profile') && !!terms.text && !isReference,
    cases: wanted('case') ? text : null,
    locations: wanted('location') ? text : null,
  };
  hits.push(...(await q.searchOthers(on, ctx.actor, plan, hits.length === 0)).map(hitOf));
  const page = bestPerRecord(hits)
    .sort((a, b) => b.score - a.score || recordKinds.indexOf(a.kind) - recordKinds.indexOf(b.kind) || a.open.title.localeCompare(b.open.title) || a.id.localeCompare(b.id))
    .slice(0, query.limit);
  const audit = readAuditParams(ctx.actor, ctx.origin, { action: 'search.performed', details: { query: query.q, kind: query.kind ?? null, resultCount: page.length } });
  const seen = new Map((await q.searchPage(on, ctx.actor, page, audit)).map((row) => [row.id, row]));
  return {
    items: page.map((hit): SearchResult => {
      const { accessible, owner, safety } = seen.get(hit.id)!;
      const shown = accessible ? hit.open : hit.locked;
      return {
        kind: hit.kind, id: hit.id, title: shown.title, subtitle: shown.subtitle, accessible, owner,
        score: Math.round(hit.score * 1000) / 1000, safety: safety && presentSafety(safety),
      };
    }),
  };
}
