import type pg from 'pg';
import { timelinePage } from '../../src/server/modules/timeline/queries.ts';
import type { Actor } from '../../src/server/platform/access/actor.ts';
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
 * The statement the timeline module runs for a profile's first page, unfiltered, as the actor,
 * less its audit event (the bench writes nothing but through the API): built by the module's own
 * query function on a database that keeps it rather than running it (`statementOf`), so the raw
 * figure is for exactly the SQL the API sends (bench/run.ts names it, so it is prepared as the API's is).
 */
export async function timelineStatement(actor: BenchActor, profile: { id: string }, limit: number): Promise<Statement> {
  const as: Actor = { ...actor, kind: 'user', name: 'Bench user', role: 'practitioner', isSupervisor: false, readOnly: false };
  const shape = {
    kind: 'profile' as const, kinds: [...timelineEntryKinds], includeLinked: false, reportTypes: false, organisation: false, from: false, to: false,
    cursorKind: null, entries: true, audited: false,
  };
  return statementOf((tx) => timelinePage({ tx }, shape, { actor: as, id: profile.id, limit, cursor: null }, {}));
}
