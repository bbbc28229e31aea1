import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Tx } from '../../src/server/db/transaction.ts';
import { timeline } from '../../src/server/modules/timeline/queries.ts';
import type { Actor } from '../../src/server/platform/access/actor.ts';
import type { Checked } from '../../src/server/platform/access/check.ts';
import { timelineEntryKinds } from '../../src/shared/work.ts';
import type { BenchActor } from '../run/samples.ts';

/**
 * The statement the timeline module runs for a profile's first page, unfiltered, as the actor:
 * built by the module's own query function on a stand-in transaction that keeps it rather than
 * running it, so the raw figure is for exactly the SQL the API sends.
 */
export async function timelineStatement(actor: BenchActor, profile: { id: string; title: string }, limit: number): Promise<{ text: string; values: unknown[] }> {
  let captured: SQL | undefined;
  const tx = { execute: async (query: SQL) => { captured = query; return { rows: [] }; } } as unknown as Tx;
  const as: Actor = { ...actor, kind: 'user', name: 'Bench user', role: 'practitioner', isSupervisor: false, readOnly: false };
  // The API checks the record first; the bench only builds the statement that follows, so it vouches for the record itself.
  const record = { kind: 'profile' as const, id: profile.id, title: profile.title } as Checked<{ kind: 'profile'; id: string; title: string }>;
  await timeline(tx, { actor: as, record, filter: { kinds: new Set(timelineEntryKinds), includeLinked: false }, cursor: null, limit });
  if (!captured) throw new Error('the timeline module ran no statement');
  const { sql, params } = new PgDialect().sqlToQuery(captured);
  return { text: sql, values: params };
}
