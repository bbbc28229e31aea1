import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { storedFiles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/transaction.ts';

export type StoredFile = typeof storedFiles.$inferSelect;

export interface NewStoredFile {
  partnershipId: string;
  createdBy: string | null;
  originalName: string | null;
  storageKey: string;
  contentType: string;
  bytes: Buffer;
}

export async function recordStoredFile(tx: Tx, file: NewStoredFile): Promise<StoredFile> {
  const [row] = await tx.insert(storedFiles).values({
    partnershipId: file.partnershipId,
    storageKey: file.storageKey,
    contentType: file.contentType,
    byteSize: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    originalName: file.originalName,
    createdBy: file.createdBy,
  }).returning();
  return row!;
}

export async function getStoredFile(tx: Tx, id: string): Promise<StoredFile | null> {
  const [row] = await tx.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row ?? null;
}

/**
 * Forgets files in the transaction and returns their storage keys: the caller deletes the bytes
 * once the transaction has committed, so a rollback never leaves a record without its file.
 */
export async function forgetStoredFiles(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.delete(storedFiles).where(inArray(storedFiles.id, ids)).returning({ storageKey: storedFiles.storageKey });
  return rows.map((r) => r.storageKey);
}
