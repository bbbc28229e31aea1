import { fileTypeFromBuffer } from 'file-type';
import { cutText } from '../text.ts';
import { reencodeImage, UnsupportedFileTypeError, type DocumentImageType } from './images.ts';

/**
 * The kinds of file a person may upload as a document or template, named by what their bytes
 * are. `extensions` are the names the kind goes by; the first is added to a file name that has
 * none of them, so a download never opens in the wrong program.
 */
export const documentTypes = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'], previewable: true },
  'image/jpeg': { label: 'JPEG image', extensions: ['jpg', 'jpeg'], previewable: true },
  'image/png': { label: 'PNG image', extensions: ['png'], previewable: true },
  'image/webp': { label: 'WebP image', extensions: ['webp'], previewable: true },
  'image/gif': { label: 'GIF image', extensions: ['gif'], previewable: true },
  'image/tiff': { label: 'TIFF image', extensions: ['tif', 'tiff'], previewable: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word document', extensions: ['docx'], previewable: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel workbook', extensions: ['xlsx'], previewable: false },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { label: 'PowerPoint presentation', extensions: ['pptx'], previewable: false },
  'application/msword': { label: 'Word 97–2003 document', extensions: ['doc'], previewable: false },
  'application/vnd.ms-excel': { label: 'Excel 97–2003 workbook', extensions: ['xls'], previewable: false },
  'application/vnd.ms-powerpoint': { label: 'PowerPoint 97–2003 presentation', extensions: ['ppt'], previewable: false },
  'application/vnd.oasis.opendocument.text': { label: 'OpenDocument text', extensions: ['odt'], previewable: false },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'OpenDocument spreadsheet', extensions: ['ods'], previewable: false },
  'application/vnd.oasis.opendocument.presentation': { label: 'OpenDocument presentation', extensions: ['odp'], previewable: false },
  'application/rtf': { label: 'Rich text', extensions: ['rtf'], previewable: false },
  'text/plain': { label: 'Plain text', extensions: ['txt'], previewable: false },
  'text/csv': { label: 'CSV', extensions: ['csv'], previewable: false },
} as const;

export type DocumentType = keyof typeof documentTypes;

const isDocumentType = (mime: string): mime is DocumentType => Object.hasOwn(documentTypes, mime);

/** Old Office files share one container format (CFB) with installers; only these names make one a document. */
const legacyOffice: Record<string, DocumentType> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };

const images = new Set<DocumentType>(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff']);
const isImage = (type: DocumentType): type is DocumentImageType => images.has(type);

/** Markup a browser would run if it ever rendered the file: text that carries it is not plain text. */
const markup = /<\s*(!doctype|html|head|body|script|iframe|svg|object|embed|meta|link|style|form)\b/i;

export interface CheckedFile {
  bytes: Buffer;
  contentType: DocumentType;
  fileName: string;
}

const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** The name without any folder part, control characters or lone surrogates, ending in an extension of its type. */
export function safeFileName(name: string, type: DocumentType): string {
  const base = cutText(name.split(/[\\/]/).pop()!.replace(/[\p{Cc}\p{Cf}\p{Cs}"]/gu, '').trim(), 200).trim() || 'document';
  const { extensions } = documentTypes[type];
  return (extensions as readonly string[]).includes(extensionOf(base)) ? base : `${base}.${extensions[0]}`;
}

function textType(bytes: Buffer, fileName: string): DocumentType | null {
  if (bytes.includes(0)) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (markup.test(decoded)) return null;
  const extension = extensionOf(fileName);
  if (extension === 'csv') return 'text/csv';
  return extension === 'txt' || extension === '' ? 'text/plain' : null;
}

/**
 * Decides what an upload is from its bytes, never from its name or declared type, and refuses
 * anything outside `documentTypes` (programs, web pages, archives). Images are re-encoded so no
 * metadata (a GPS position, the camera owner's name) leaves with them. CPU work: run it before
 * opening a transaction.
 */
export async function checkDocumentContent(bytes: Buffer, fileName: string): Promise<CheckedFile> {
  const sniffed = await fileTypeFromBuffer(bytes);
  let type: DocumentType | null;
  if (!sniffed) type = textType(bytes, fileName);
  else if (sniffed.mime === 'application/x-cfb') type = legacyOffice[extensionOf(fileName)] ?? null;
  else type = isDocumentType(sniffed.mime) ? sniffed.mime : null;
  if (!type) {
    throw new UnsupportedFileTypeError('This kind of file cannot be uploaded. Upload a PDF, an image, an Office or OpenDocument file, rich text, plain text or CSV.');
  }
  const checked = isImage(type) ? await reencodeImage(bytes, type) : bytes;
  return { bytes: checked, contentType: type, fileName: safeFileName(fileName, type) };
}

/** A Content-Disposition value any browser reads: an ASCII fallback and the real name encoded. */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
