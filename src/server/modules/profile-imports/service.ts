import type { z } from 'zod';
import { importColumns, type ImportReport, type ImportRow, type profileImportBody } from '../../../shared/api/imports.ts';
import type { Context } from '../../platform/context.ts';
import { createAll, readCsv, reportOf, type PlannedRow as Planned } from '../../platform/csv-import.ts';
import { createProfileRecord, findMatches, type CreateProfileBody } from '../profiles/service.ts';
import { lookupResolver, profileOf } from './rows.ts';

/**
 * How alike an existing profile must be for a row to be reported as that person rather than
 * created: the same or sound-alike name with the same date of birth, or the same name where one
 * side has no date. Lower scores (a shared name, different dates) are different people often
 * enough that an import must not silently skip them.
 */
const importMatchScore = 0.85;

type PlannedRow = Planned<CreateProfileBody>;

/** The same person written twice in one file: same name (ignoring case and accents) and date of birth. */
const personKey = (b: CreateProfileBody) =>
  [b.firstName, b.lastName, b.dateOfBirth ?? ''].map((s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ')).join('\u0000');

/** Checks every row: its problems, or the person it repeats (earlier in the file, or already on the record). */
async function plan(ctx: Context, csv: string): Promise<PlannedRow[]> {
  const resolve = lookupResolver(ctx);
  const earlier = new Map<string, NonNullable<ImportRow['match']>>();
  const rows: PlannedRow[] = [];
  for (const line of readCsv(csv, importColumns, 'people')) {
    const { body, problems } = await profileOf(line, resolve);
    if (!body) {
      rows.push({ row: line.row, status: 'error', problems });
      continue;
    }
    const key = personKey(body);
    const repeated = earlier.get(key);
    if (repeated) {
      rows.push({ row: line.row, status: 'match', problems: [], match: repeated });
      continue;
    }
    earlier.set(key, { row: line.row, firstName: body.firstName, lastName: body.lastName, dateOfBirth: body.dateOfBirth ?? null });
    const [best] = await findMatches(ctx, { firstName: body.firstName, lastName: body.lastName, dateOfBirth: body.dateOfBirth ?? undefined });
    if (best && best.score >= importMatchScore) {
      const { id, firstName, lastName, dateOfBirth } = best.profile;
      rows.push({ row: line.row, status: 'match', problems: [], match: { id, firstName, lastName, dateOfBirth, accessible: best.accessible, owner: best.owner, score: best.score } });
    } else {
      rows.push({ row: line.row, status: 'create', problems: [], body });
    }
  }
  return rows;
}

const matchedIds = (rows: PlannedRow[]) => rows.flatMap((r) => (r.match && 'id' in r.match ? [r.match.id] : []));

/**
 * Imports people from a CSV file into the actor's team. A dry run reports what each row would do
 * and creates nothing. A real run creates every new person in this one transaction, each audited
 * as a profile created, or, if any row has a problem, creates none of them and answers 422 with
 * the same report. Rows that repeat someone already on the record (or earlier in the file) are
 * reported, never created: the match may be a profile the importer cannot open, to ask for.
 */
export async function importProfiles(ctx: Context, body: z.infer<typeof profileImportBody>): Promise<ImportReport> {
  const rows = await plan(ctx, body.csv);
  const subject = { subjectOrganisationId: ctx.actor.organisationId, subjectTeamId: ctx.actor.teamId };
  const errors = rows.filter((r) => r.status === 'error').length;
  if (body.dryRun) {
    ctx.audit({ action: 'profiles.matched', ...subject, details: { import: 'dry_run', rows: rows.length, errors, profileIds: matchedIds(rows) } });
    return reportOf(rows, true);
  }
  const report = await createAll(
    rows,
    async (profile) => (await createProfileRecord(ctx, profile, { checkDuplicates: false })).id,
    (refused) => ctx.refuse({ action: 'profiles.imported', ...subject, details: { code: 'validation_failed', rows: rows.length, errors: refused.summary.error } }),
  );
  ctx.audit({ action: 'profiles.imported', ...subject, details: { rows: rows.length, created: report.summary.create, matched: report.summary.match, profileIds: matchedIds(rows) } });
  return report;
}
