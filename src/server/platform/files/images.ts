import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { Tx } from '../../db/transaction.ts';
import { AppError } from '../errors.ts';
import { newStorageKey, type FileStorage } from './storage.ts';
import { recordStoredFile, type StoredFile } from './stored.ts';

/** The upload is not an image we accept, whatever its name or declared type said. */
export class UnsupportedFileTypeError extends AppError {
  readonly status = 422;
  readonly code = 'unsupported_file_type';
}

const acceptedTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** Beyond this a "photo" is a decompression bomb, not a picture of a person. */
const maxInputPixels = 50_000_000;
const maxEdge = 2000;
const thumbnailEdge = 160;

export interface EncodedImage {
  bytes: Buffer;
  contentType: 'image/jpeg';
}

export interface PreparedImage {
  full: EncodedImage;
  thumbnail: EncodedImage;
}

/**
 * Checks what the bytes really are and re-encodes them as a clean JPEG plus a square thumbnail.
 * Re-encoding drops every piece of metadata (sharp keeps none unless asked), so a photo taken
 * at a victim's home does not carry its GPS position; `rotate()` first applies the camera's
 * orientation, which would otherwise be lost with the metadata. Pure CPU work: run it before
 * opening a transaction.
 */
export async function prepareImage(bytes: Buffer): Promise<PreparedImage> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed || !acceptedTypes.has(sniffed.mime)) {
    throw new UnsupportedFileTypeError('The file is not a JPEG, PNG or WebP image.');
  }
  const source = () => sharp(bytes, { limitInputPixels: maxInputPixels }).rotate().flatten({ background: '#ffffff' });
  try {
    const [full, thumbnail] = await Promise.all([
      source().resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85, mozjpeg: true }).toBuffer(),
      source().resize(thumbnailEdge, thumbnailEdge, { fit: 'cover' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
    ]);
    return { full: { bytes: full, contentType: 'image/jpeg' }, thumbnail: { bytes: thumbnail, contentType: 'image/jpeg' } };
  } catch {
    throw new UnsupportedFileTypeError('The image could not be read: it may be damaged or too large.');
  }
}

export interface StoredImage {
  full: StoredFile;
  thumbnail: StoredFile;
}

export interface StoredFileOwner {
  partnershipId: string;
  createdBy: string | null;
  originalName: string | null;
}

/**
 * Writes a prepared image's bytes to storage and records both files. If recording fails, the
 * bytes just written are removed; if the caller's transaction later fails, the caller removes
 * them (the keys are in the result).
 */
export async function storeImage(tx: Tx, files: FileStorage, image: PreparedImage, owner: StoredFileOwner): Promise<StoredImage> {
  const written: string[] = [];
  try {
    const store = async (encoded: EncodedImage, originalName: string | null) => {
      const key = newStorageKey();
      await files.put(key, encoded.bytes);
      written.push(key);
      return recordStoredFile(tx, { ...owner, originalName, storageKey: key, contentType: encoded.contentType, bytes: encoded.bytes });
    };
    const full = await store(image.full, owner.originalName);
    const thumbnail = await store(image.thumbnail, null);
    return { full, thumbnail };
  } catch (error) {
    await Promise.allSettled(written.map((key) => files.delete(key)));
    throw error;
  }
}

export type DocumentImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/tiff';

/**
 * An image uploaded as a document, re-encoded in its own format at its own size (a scanned
 * letter must stay legible) so that none of its metadata survives; the camera's orientation is
 * applied first, as it would otherwise be lost with the metadata.
 */
export async function reencodeImage(bytes: Buffer, type: DocumentImageType): Promise<Buffer> {
  const image = sharp(bytes, { limitInputPixels: maxInputPixels }).rotate();
  try {
    switch (type) {
      case 'image/jpeg': return await image.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
      case 'image/png': return await image.png().toBuffer();
      case 'image/webp': return await image.webp({ quality: 90 }).toBuffer();
      case 'image/gif': return await image.gif().toBuffer();
      case 'image/tiff': return await image.tiff().toBuffer();
    }
  } catch {
    throw new UnsupportedFileTypeError('The image could not be read: it may be damaged or too large.');
  }
}
