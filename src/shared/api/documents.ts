import { z } from 'zod';
import { recordKinds } from '../records.ts';
import { visibilities } from '../work.ts';
import { isoTime, optionalText, ref, text, uuid, version } from './common.ts';

/**
 * Uploads send the file's bytes as the body (any content type); what the file is gets decided
 * from its content. The rest travels in the query string.
 */
export const uploadDocumentQuery = z.object({
  fileName: text(255),
  folder: z.string().trim().max(100).default('General').transform((s) => s || 'General'),
  title: z.string().trim().max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  visibility: z.enum(visibilities).default('shared'),
  reportId: uuid.optional(),
});

/** Query strings carry text: the version is read as a number. */
const queryVersion = z.coerce.number().pipe(version);

export const uploadVersionQuery = z.object({ fileName: text(255), version: queryVersion });

export const updateDocumentBody = z.strictObject({
  version,
  title: text(200).optional(),
  folder: text(100).optional(),
  description: optionalText(2000),
  visibility: z.enum(visibilities).optional(),
});

export const documentVersion = z.object({
  version: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  scanResult: z.enum(['clean', 'not_scanned']),
  uploadedBy: ref,
  uploadedAt: isoTime,
});

/** A document as its reader sees it; a stub (`readable` false) keeps only folder-less facts: who, when. */
export const document = z.object({
  id: uuid,
  record: z.object({ kind: z.enum(recordKinds), id: uuid }),
  reportId: uuid.nullable(),
  readable: z.boolean(),
  folder: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  visibility: z.enum(visibilities).nullable(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  /** Whether the browser can show it (PDF and images). */
  previewable: z.boolean(),
  author: ref.nullable(),
  team: ref,
  organisation: ref,
  currentVersion: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version,
  /** Readable documents only. */
  versions: z.array(documentVersion),
  permissions: z.object({ canChange: z.boolean() }),
});
export type Document = z.infer<typeof document>;
export const documentList = z.object({ items: z.array(document), folders: z.array(z.string()) });

export const documentListQuery = z.object({ folder: z.string().trim().max(100).optional() });

export const documentContentQuery = z.object({
  version: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** `inline` to preview in the browser (PDF and images only), otherwise a download. */
  disposition: z.enum(['inline', 'attachment']).default('attachment'),
});

// The partnership's template library.

export const uploadTemplateQuery = z.object({
  fileName: text(255),
  folder: text(100),
  title: text(200),
  description: z.string().trim().max(2000).optional(),
});

export const replaceTemplateFileQuery = z.object({ fileName: text(255), version: queryVersion });

export const updateTemplateBody = z.strictObject({
  version,
  title: text(200).optional(),
  folder: text(100).optional(),
  description: optionalText(2000),
  active: z.boolean().optional(),
});

export const template = z.object({
  id: uuid,
  folder: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  active: z.boolean(),
  updatedAt: isoTime,
  version,
});
export type Template = z.infer<typeof template>;
export const templateList = z.object({ items: z.array(template), folders: z.array(z.string()) });
export const templateListQuery = z.object({ includeRetired: z.stringbool().default(false) });

export const copyTemplateBody = z.strictObject({
  templateId: uuid,
  folder: text(100).optional(),
  visibility: z.enum(visibilities).default('shared'),
});

/** What the server accepts, for the upload form to say before anyone tries. */
export const documentRules = z.object({ maxBytes: z.number().int(), allowedTypes: z.array(z.string()), virusScanning: z.boolean() });
