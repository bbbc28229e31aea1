import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns.ts';
import { partnerships, users } from './structure.ts';

/**
 * A stored file's metadata; the bytes live in the configured storage under `storageKey`. The
 * content type is what the bytes are, sniffed on upload, never what the uploader claimed.
 */
export const storedFiles = pgTable('stored_files', {
  id: id(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  storageKey: text('storage_key').notNull(),
  contentType: text('content_type').notNull(),
  byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  /** The name it was uploaded with, for display only. */
  originalName: text('original_name'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [index('stored_files_partnership_idx').on(t.partnershipId)]);
