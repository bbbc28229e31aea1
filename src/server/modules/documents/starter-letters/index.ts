import { createHash } from 'node:crypto';
import type { FileStorage } from '../../../platform/files/storage.ts';
import { acceptableBehaviourContract } from './acceptable-behaviour-contract.ts';
import { communityProtectionWarning } from './community-protection-warning.ts';
import { toDocx } from './docx.ts';
import { firstWarningLetter } from './first-warning-letter.ts';
import { informationSharingConsent } from './information-sharing-consent.ts';
import type { StarterLetter } from './letter.ts';

/** What every partnership's template library starts with: the ASB toolkit's first steps and a consent form. */
export const starterLetters: readonly StarterLetter[] = [firstWarningLetter, acceptableBehaviourContract, communityProtectionWarning, informationSharingConsent];

export interface StarterFile {
  letter: StarterLetter;
  bytes: Buffer;
  sha256: string;
  /** Named by the bytes' hash, so a key recorded from one wording is never answered with another. */
  storageKey: string;
}

const keyPrefix = 'starter-letters/';
let built: Promise<StarterFile[]> | undefined;

/** The starter letters as documents, built once per process, one after another so each comes out the same. */
export function starterFiles(): Promise<StarterFile[]> {
  built ??= (async () => {
    const files: StarterFile[] = [];
    for (const letter of starterLetters) {
      const bytes = await toDocx(letter);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      files.push({ letter, bytes, sha256, storageKey: `${keyPrefix}${letter.key}-${sha256.slice(0, 16)}` });
    }
    return files;
  })().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}

/**
 * A starter letter's bytes by its storage key, put into the storage on the way. The seed records
 * a starter's file where no storage is at hand (at migration, in a new partnership's transaction,
 * in each test database), so the first read from a storage that lacks the bytes makes them.
 */
export async function starterFileAt(files: FileStorage, storageKey: string): Promise<Buffer | null> {
  if (!storageKey.startsWith(keyPrefix)) return null;
  const file = (await starterFiles()).find((f) => f.storageKey === storageKey);
  if (!file) return null;
  await files.put(storageKey, file.bytes);
  return file.bytes;
}
