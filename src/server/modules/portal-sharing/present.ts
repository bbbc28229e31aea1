import type { ClientTask, ProfilePortalItems, SharedDocument } from '../../../shared/api/portal.ts';
import type * as q from './queries.ts';

type DocumentRow = Awaited<ReturnType<typeof q.sharedDocuments>>[number];

export function presentDocument(row: DocumentRow): SharedDocument {
  return { id: row.id, title: row.title, fileName: row.fileName, contentType: row.contentType, size: row.size, sharedAt: row.sharedAt.toISOString() };
}

export function presentTask(row: q.ClientTaskRow): ClientTask {
  return { id: row.id, title: row.title, description: row.description, dueOn: row.dueOn, done: row.doneAt !== null, doneAt: row.doneAt?.toISOString() ?? null };
}

export function presentItems(documents: DocumentRow[], tasks: q.ClientTaskRow[]): ProfilePortalItems {
  return {
    documents: documents.map((d) => ({ ...presentDocument(d), sharedBy: d.sharedBy })),
    tasks: tasks.map((t) => ({ ...presentTask(t), markedBy: t.markedBy })),
  };
}
