const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;
// 1 January 1980, midnight: the earliest time a zip file can hold, as reproducible builds use.
const dosTime = 0;
const dosDate = (1 << 5) | 1;

/**
 * The same zip with every entry's time set to one fixed moment. The writer stamps each part with
 * the time it was packed; without this the same letter would give different bytes each time.
 */
export function withFixedTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  // The writer adds no archive comment, so the end record is the last 22 bytes.
  const end = out.length - 22;
  if (end < 0 || out.readUInt32LE(end) !== endOfDirectory) throw new Error('not a zip file without a comment');
  let at = out.readUInt32LE(end + 16);
  for (let n = out.readUInt16LE(end + 10); n > 0; n--) {
    if (out.readUInt32LE(at) !== directoryEntry) throw new Error('a broken zip directory');
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== localHeader) throw new Error('a broken zip entry');
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
