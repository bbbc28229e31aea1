import type { Config } from '../../config.ts';
import type { Tx } from '../../db/transaction.ts';
import { scanWithClamav } from '../../platform/files/clamav.ts';
import { checkDocumentContent, documentTypes, type CheckedFile } from '../../platform/files/content.ts';
import { newStorageKey, type FileStorage } from '../../platform/files/storage.ts';
import { recordStoredFile, type StoredFile } from '../../platform/files/stored.ts';
import { starterFileAt } from './starter-letters/index.ts';

export interface PreparedUpload extends CheckedFile {
  scanResult: 'clean' | 'not_scanned';
}

/**
 * Checks and stores uploaded files for documents and templates. Checking (what the bytes are,
 * re-encoding images, the virus scan) happens before any transaction opens, so a slow scan never
 * holds the database; when a scanner is configured, nothing reaches storage without its verdict.
 */
export function createUploads({ files, settings }: { files: FileStorage; settings: Config['documents'] }) {
  return {
    settings,

    rules() {
      return { maxBytes: settings.maxBytes, allowedTypes: Object.keys(documentTypes), virusScanning: settings.clamav !== undefined };
    },

    async prepare(bytes: Buffer, fileName: string): Promise<PreparedUpload> {
      const checked = await checkDocumentContent(bytes, fileName);
      if (!settings.clamav) return { ...checked, scanResult: 'not_scanned' };
      await scanWithClamav(settings.clamav, bytes);
      return { ...checked, scanResult: 'clean' };
    },

    /**
     * Writes the bytes and records the file in the transaction. The key goes into `written` first,
     * so the caller can remove the bytes if the transaction then fails.
     */
    async store(tx: Tx, upload: PreparedUpload, owner: { partnershipId: string; createdBy: string | null }, written: string[]): Promise<StoredFile> {
      const key = newStorageKey();
      written.push(key);
      await files.put(key, upload.bytes);
      return recordStoredFile(tx, { ...owner, originalName: upload.fileName, storageKey: key, contentType: upload.contentType, bytes: upload.bytes });
    },

    /** Runs a use case that stores files, removing whatever it wrote if it fails. */
    async cleaningUp<T>(work: (written: string[]) => Promise<T>): Promise<T> {
      const written: string[] = [];
      try {
        return await work(written);
      } catch (error) {
        await Promise.allSettled(written.map((key) => files.delete(key)));
        throw error;
      }
    },

    /** The bytes, or null when none are stored; a starter letter this storage has not had yet is made now. */
    async read(storageKey: string): Promise<Buffer | null> {
      return (await files.get(storageKey)) ?? starterFileAt(files, storageKey);
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;
