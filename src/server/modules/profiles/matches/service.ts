import type { z } from 'zod';
import type { matchQuery, ProfileMatch } from '../../../../shared/api/profiles.ts';
import type { Context } from '../../../platform/context.ts';
import { ValidationError } from '../../../platform/errors.ts';
import * as q from './queries.ts';
import { safetyOf } from '../safety.ts';

export type MatchQuery = z.infer<typeof matchQuery>;

/** At or above this a match is likely the same person: creating a profile then needs confirming. */
export const likelyMatchScore = 0.6;
const maxMatches = 10;
const candidatesPerSource = 50;
/** What names that sound alike are worth when their spelling differs more than trigrams forgive. */
const soundsAlikeScore = 0.8;
/** An alias is a slightly weaker sign than the name a person is recorded under. */
const aliasWeight = 0.95;

function termsOf(ctx: Context, query: MatchQuery): q.MatchTerms {
  const firstName = query.firstName || null;
  const lastName = query.lastName || null;
  return {
    partnershipId: ctx.actor.partnershipId,
    name: [firstName, lastName].filter(Boolean).join(' ') || null,
    firstName,
    lastName,
    dateOfBirth: query.dateOfBirth ?? null,
  };
}

const nameScore = (e: q.MatchEvidence) => Math.max(e.similarity, e.soundsAlike ? soundsAlikeScore : 0) * (e.nameKind === 'alias' ? aliasWeight : 1);

/**
 * Scores one candidate from all its names: the best-matching name counts, weighted with the date
 * of birth when one was given (the same date adds, a different one takes away).
 */
function score(terms: q.MatchTerms, evidence: q.MatchEvidence[]): ProfileMatch {
  const best = evidence.reduce((a, b) => (nameScore(b) > nameScore(a) ? b : a));
  const name = terms.name ? nameScore(best) : 0;
  const dob = best.dateOfBirth;
  const sameDob = terms.dateOfBirth !== null && dob === terms.dateOfBirth;
  let value: number;
  if (!terms.dateOfBirth) value = name;
  else if (!terms.name) value = sameDob ? 0.5 : 0;
  else if (sameDob) value = 0.7 * name + 0.3;
  else if (dob) value = 0.56 * name;
  else value = 0.7 * name + 0.15;

  const reasons: string[] = [];
  if (terms.name && best.similarity >= 0.999) reasons.push('same name');
  else if (terms.name && best.similarity >= 0.2) reasons.push('similar name');
  if (evidence.some((e) => e.soundsAlike)) reasons.push('sounds alike');
  // Aliases are part of the record: only those who may open it see which one matched.
  if (name > 0 && best.nameKind === 'alias') reasons.push(best.level !== null ? `alias: ${best.nameFirst} ${best.nameLast}` : 'matches another name they are known by');
  if (sameDob) reasons.push('same date of birth');
  else if (terms.dateOfBirth && dob) reasons.push('different date of birth');

  return {
    profile: { id: best.id, firstName: best.firstName, lastName: best.lastName, dateOfBirth: dob },
    score: Math.round(value * 100) / 100,
    reasons,
    accessible: best.level !== null,
    owner: { team: { id: best.ownerTeamId, name: best.ownerTeamName }, organisation: { id: best.ownerOrganisationId, name: best.ownerOrganisationName } },
    safety: null,
  };
}

/**
 * The profiles across the actor's whole partnership that may be the person described, best
 * first, including ones the actor cannot open (as a stub: names, date of birth, who holds it), so
 * that they can ask for access rather than create a duplicate. Not audited here: callers record
 * why they looked (`matchProfiles`, the duplicate check, the importer).
 */
export async function findMatches(ctx: Context, query: MatchQuery): Promise<ProfileMatch[]> {
  const terms = termsOf(ctx, query);
  const ids = await q.matchCandidates(ctx.tx, terms, candidatesPerSource, maxMatches);
  const evidence = await q.matchEvidence(ctx.tx, ctx.actor, terms, ids);
  const byProfile = new Map<string, q.MatchEvidence[]>();
  for (const e of evidence) byProfile.set(e.id, [...(byProfile.get(e.id) ?? []), e]);
  return [...byProfile.values()]
    .map((e) => score(terms, e))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.profile.lastName.localeCompare(b.profile.lastName) || a.profile.firstName.localeCompare(b.profile.firstName) || a.profile.id.localeCompare(b.profile.id))
    .slice(0, maxMatches);
}

/** "Search and signpost": who is already on the record, audited with what was asked. */
export async function matchProfiles(ctx: Context, query: MatchQuery) {
  if (!query.firstName && !query.lastName && !query.dateOfBirth) {
    throw new ValidationError([{ field: 'lastName', problem: 'give a name or a date of birth to look for' }]);
  }
  const matches = await findMatches(ctx, query);
  // Whoever is about to record this person sees the markers of a match they may open.
  const safety = await safetyOf(ctx, matches.filter((m) => m.accessible).map((m) => m.profile.id));
  const items = matches.map((m) => ({ ...m, safety: safety.get(m.profile.id) ?? null }));
  ctx.audit({ action: 'profiles.matched', details: { query, count: items.length, profileIds: items.map((m) => m.profile.id) } });
  return { items };
}
