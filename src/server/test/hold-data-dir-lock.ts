// A process that takes the embedded data directory's lock and keeps it until it is killed
// (src/server/db/recovery.test.ts). Prints "locked", or "refused: <message>".
import { acquireDataDirLock } from '../db/lock.ts';

try {
  await acquireDataDirLock(process.argv[2]!);
  console.log('locked');
  setInterval(() => undefined, 60_000);
} catch (error) {
  console.log(`refused: ${(error as Error).message}`);
}
