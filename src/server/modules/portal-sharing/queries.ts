import { and, asc, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { documents, documentVersions, portalDocuments, portalTasks, storedFiles, tasks, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { teamCanView } from '../../platform/access/kinds.ts';
import { canReadContent } from '../../platform/access/records.ts';
import { isTaskParty } from '../../platform/access/tasks.ts';

/** A task on a person or on a case they are linked to, written with the table's name as the task predicates are. */
const onPersonOrTheirCase = (profileId: string) => sql`((tasks.record_kind = 'profile' and tasks.record_id = ${profileId})
  or (tasks.record_kind = 'case' and exists (select 1 from case_profiles cp where cp.case_id = tasks.record_id and cp.profile_id = ${profileId})))`;

/** Whether the actor may see a task on a person or case: a party to it, or able to open its record (as the tasks module decides). */
export function taskVisibleTo(actor: Actor): SQL {
  const opens = (kind: 'profile' | 'case') => teamCanView(kind, sql`tasks.record_id`, sql`${actor.teamId}::uuid`, sql`${actor.organisationId}::uuid`);
  return sql`(${isTaskParty(actor)} or (tasks.record_kind = 'profile' and ${opens('profile')}) or (tasks.record_kind = 'case' and ${opens('case')}))`;
}

/** A cancelled task is no longer the client's to do: it leaves both sides' lists. */
const live = ne(tasks.status, 'cancelled');

// Documents.

/** The documents shared with the person, each with its current version's file; `readable` keeps to those a reader may read. */
export function sharedDocuments(tx: Tx, profileId: string, readable?: SQL, documentId?: string) {
  return tx.select({
    id: documents.id,
    title: documents.title,
    fileName: documentVersions.fileName,
    contentType: storedFiles.contentType,
    size: storedFiles.byteSize,
    sharedAt: portalDocuments.sharedAt,
    sharedBy: { id: users.id, name: users.name },
  })
    .from(portalDocuments)
    .innerJoin(documents, eq(documents.id, portalDocuments.documentId))
    .innerJoin(documentVersions, and(eq(documentVersions.documentId, documents.id), eq(documentVersions.version, documents.currentVersion)))
    .innerJoin(storedFiles, eq(storedFiles.id, documentVersions.storedFileId))
    .innerJoin(users, eq(users.id, portalDocuments.sharedBy))
    .where(and(eq(portalDocuments.profileId, profileId), readable, documentId === undefined ? undefined : eq(documents.id, documentId)))
    .orderBy(desc(portalDocuments.sharedAt), desc(documents.id));
}

export const readableBy = (actor: Actor) => canReadContent(actor, documents);

/** A document on the person's own record that the actor may read; null for any other. */
export async function documentOnPerson(tx: Tx, actor: Actor, profileId: string, documentId: string) {
  const [row] = await tx.select({ id: documents.id }).from(documents).where(and(
    eq(documents.id, documentId),
    eq(documents.partnershipId, actor.partnershipId),
    eq(documents.recordKind, 'profile'),
    eq(documents.recordId, profileId),
    canReadContent(actor, documents),
  ));
  return row ?? null;
}

/** False when it was shared already. */
export async function shareDocument(tx: Tx, values: typeof portalDocuments.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(portalDocuments).values(values).onConflictDoNothing().returning({ id: portalDocuments.documentId });
  return rows.length > 0;
}

/** False when it was not shared with this person. */
export async function unshareDocument(tx: Tx, profileId: string, documentId: string): Promise<boolean> {
  const rows = await tx.delete(portalDocuments)
    .where(and(eq(portalDocuments.documentId, documentId), eq(portalDocuments.profileId, profileId)))
    .returning({ id: portalDocuments.documentId });
  return rows.length > 0;
}

// Tasks.

/** The person's own tasks: still to do soonest due first, then those they ticked off; `visible` keeps to those a reader may see. */
export function clientTasks(tx: Tx, profileId: string, visible?: SQL, taskId?: string) {
  return tx.select({
    id: tasks.id,
    title: tasks.title,
    description: tasks.description,
    dueOn: tasks.dueOn,
    doneAt: portalTasks.doneAt,
    markedBy: { id: users.id, name: users.name },
    assignee: { acceptedBy: tasks.acceptedBy, assignedUserId: tasks.assignedUserId, assignedTeamId: tasks.assignedTeamId, assignedOrganisationId: tasks.assignedOrganisationId },
    recordKind: tasks.recordKind,
    recordId: tasks.recordId,
  })
    .from(portalTasks)
    .innerJoin(tasks, eq(tasks.id, portalTasks.taskId))
    .innerJoin(users, eq(users.id, portalTasks.markedBy))
    .where(and(eq(portalTasks.profileId, profileId), live, visible, taskId === undefined ? undefined : eq(tasks.id, taskId)))
    .orderBy(sql`${portalTasks.doneAt} desc nulls first`, asc(tasks.dueOn), asc(tasks.id));
}
export type ClientTaskRow = Awaited<ReturnType<typeof clientTasks>>[number];

/** A task on the person or a case they are linked to that the actor may see, with whether it is still to do; null for any other. */
export async function taskForPerson(tx: Tx, actor: Actor, profileId: string, taskId: string) {
  const [row] = await tx.select({ id: tasks.id, status: tasks.status }).from(tasks).where(and(
    eq(tasks.id, taskId),
    eq(tasks.partnershipId, actor.partnershipId),
    onPersonOrTheirCase(profileId),
    taskVisibleTo(actor),
  ));
  return row ?? null;
}

/** The person a task is marked as the client's own for, if any: a task on a case is one person's, not everyone's linked to it. */
export async function markedFor(tx: Tx, taskId: string): Promise<string | null> {
  const [row] = await tx.select({ profileId: portalTasks.profileId }).from(portalTasks).where(eq(portalTasks.taskId, taskId));
  return row?.profileId ?? null;
}

/** False when it was marked already. */
export async function markTask(tx: Tx, values: typeof portalTasks.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(portalTasks).values(values).onConflictDoNothing().returning({ id: portalTasks.taskId });
  return rows.length > 0;
}

/** False when it was not marked as this person's. */
export async function unmarkTask(tx: Tx, profileId: string, taskId: string): Promise<boolean> {
  const rows = await tx.delete(portalTasks)
    .where(and(eq(portalTasks.taskId, taskId), eq(portalTasks.profileId, profileId)))
    .returning({ id: portalTasks.taskId });
  return rows.length > 0;
}

/** Ticks the client's task off, once; false when it was already. */
export async function markDone(tx: Tx, profileId: string, taskId: string): Promise<boolean> {
  const rows = await tx.update(portalTasks)
    .set({ doneAt: new Date() })
    .where(and(eq(portalTasks.taskId, taskId), eq(portalTasks.profileId, profileId), isNull(portalTasks.doneAt)))
    .returning({ id: portalTasks.taskId });
  return rows.length > 0;
}
