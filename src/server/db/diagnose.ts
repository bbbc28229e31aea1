import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded database's files are there but PGlite cannot start on them. */
export class UnreadableDataDirError extends Error {}

/**
 * PGlite reports a database it cannot start on as "Aborted()" or "failed to initialize", whatever
 * the cause, and its PostgreSQL log goes nowhere. This names the folder, says what looks wrong
 * (the checks PostgreSQL itself makes first: the version file and the control file's checksum),
 * and how to recover.
 */
export function unreadableDataDir(dataDir: string, pgdata: string, cause: unknown): UnreadableDataDirError {
  const problem = diagnose(pgdata) ?? `PGlite could not start on it (${cause instanceof Error ? cause.message : String(cause)}); its write-ahead log or data files may be damaged`;
  return new UnreadableDataDirError(
    [
      `The embedded database in ${pgdata} cannot be opened: ${problem}.`,
      'To recover, either:',
      `  - restore your latest backup into an empty folder: CONCORD_DATA_DIR=<new folder> npm run concord -- restore <backup file>, then start Concord with that CONCORD_DATA_DIR; or`,
      `  - move ${dataDir} aside (keep it: it may still be rescued) and start again, which creates an empty database.`,
    ].join('\n'),
  );
}

function diagnose(pgdata: string): string | null {
  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    return readdirSync(pgdata).length === 0 ? null : 'it has files but no PG_VERSION, so it is not a whole PostgreSQL data folder';
  }
  const control = join(pgdata, 'global', 'pg_control');
  if (!existsSync(control)) return 'its control file (global/pg_control) is missing';
  // PostgreSQL writes pg_control as one 8 kB block.
  if (statSync(control).size !== 8192) return `its control file (global/pg_control) is ${statSync(control).size} bytes long, not 8192: it was cut short or overwritten`;
  if (!hasValidChecksum(readFileSync(control))) return 'its control file (global/pg_control) fails its checksum: it is corrupt';
  return null;
}

/**
 * The control file ends its data with a CRC-32C of everything before it. Where that is depends on
 * the PostgreSQL version, so every aligned position in the first kilobyte is tried: an intact file
 * matches at its own, and a damaged one at none (a chance match is one in four billion per position).
 */
function hasValidChecksum(file: Buffer): boolean {
  for (let end = 16; end + 4 <= 1024; end += 4) {
    if (crc32c(file.subarray(0, end)) === file.readUInt32LE(end)) return true;
  }
  return false;
}

const table = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
