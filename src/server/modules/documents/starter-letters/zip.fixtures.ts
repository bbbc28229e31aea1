import { inflateRawSync } from 'node:zlib';

/** A zip's entries with their times, read from its central directory as Word and LibreOffice read it. */
export function zipEntries(zip: Buffer): { name: string; dosTime: number; dosDate: number; read(): Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  if (end < 0) throw new Error('not a zip file');
  const entries = [];
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(at + 28);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      dosTime: zip.readUInt16LE(local + 10),
      dosDate: zip.readUInt16LE(local + 12),
      read() {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + compressedSize);
        return method === 8 ? inflateRawSync(data) : data;
      },
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** One file of a zip as text; throws when it has none of that name. */
export function zipText(zip: Buffer, name: string): string {
  const entry = zipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the zip`);
  return entry.read().toString('utf8');
}
