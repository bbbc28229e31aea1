import type pg from 'pg';
import { timeline } from '../../src/server/modules/timeline/queries.ts';
import type { Actor } from '../../src/server/platform/access/actor.ts';
import type { Checked } from '../../src/server/platform/access/check.ts';
import { timelineEntryKinds } from '../../src/shared/work.ts';
import { timelineMarker } from '../load/reports.ts';
import type { BenchActor } from '../run/samples.ts';
import { statementOf, type Statement } from '../run/statement.ts';

/** The long-timeline profile bench/generate.ts marks, with the number of reports on it. */
export async function timelineProfile(pool: pg.Pool): Promise<{ id: string; title: string; reports: number }> {
  const { rows: [found] } = await pool.query<{ id: string; title: string; reports: number }>(
    `select p.id, p.first_name || ' ' || p.last_name as title,
            (select count(*)::int from reports r where r.record_kind = 'profile' and r.record_id = p.id) as reports
       from profiles p where p.reason_created = $1`, [timelineMarker]);
  if (!found) throw new Error('no long-timeline profile: load the database with this version of bench/generate.ts');
  return found;
}

/**
 * The statement the timeline module runs for a profile's first page, unfiltered, as the actor:
 * built by the module's own query function on a database that keeps it rather than running it
 * (`statementOf`), so the raw figure is for exactly the SQL the API sends (sent unnamed: the API
 * prepares it).
 */
export async function timelineStatement(actor: BenchActor, profile: { id: string; title: string }, limit: number): Promise<Statement> {
  const as: Actor = { ...actor, kind: 'user', name: 'Bench user', role: 'practitioner', isSupervisor: false, readOnly: false };
  // The API checks the record first; the bench only builds the statement that follows, so it vouches for the record itself.
  const record = { kind: 'profile' as const, id: profile.id, title: profile.title } as Checked<{ kind: 'profile'; id: string; title: string }>;
  return statementOf((tx) => timeline(tx, { actor: as, record, filter: { kinds: new Set(timelineEntryKinds), includeLinked: false }, cursor: null, limit }));
}
