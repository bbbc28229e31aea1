import { sql } from 'drizzle-orm';
import { starterFiles, starterLetters } from '../../modules/documents/starter-letters/index.ts';
import type { DocumentType } from '../../platform/files/content.ts';
import type { Drizzle } from '../connection.ts';
import { documentTemplates, partnerships, storedFiles } from '../schema/index.ts';
import type { Tx } from '../transaction.ts';

const docx: DocumentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// A starter's rows take ids made from the partnership's id and the letter's key: inserting one
// again is a no-op, so a starter its administrators renamed, replaced or retired never comes back.
const templateId = (key: string) => sql`uuid_generate_v5(p.id, ${`starter-letter:${key}`})`;
const fileId = (key: string) => sql`uuid_generate_v5(p.id, ${`starter-letter-file:${key}`})`;

/**
 * Gives a partnership (or every partnership) each starter letter of the template library it has
 * not had yet. The documents are built only when one is missing, which after the first start
 * is never.
 */
export async function ensureStarterTemplates(tx: Tx | Drizzle, partnershipId?: string): Promise<void> {
  const which = partnershipId ? sql`p.id = ${partnershipId}` : sql`true`;
  for (const letter of starterLetters) {
    const { rows } = await tx.execute<{ id: string }>(sql`
      select p.id from ${partnerships} p
       where ${which} and not exists (select 1 from ${documentTemplates} t where t.id = ${templateId(letter.key)})`);
    if (rows.length === 0) continue;
    const file = (await starterFiles()).find((f) => f.letter === letter)!;
    await tx.execute(sql`
      insert into ${storedFiles} (id, partnership_id, storage_key, content_type, byte_size, sha256, original_name)
      select ${fileId(letter.key)}, p.id, ${file.storageKey}, ${docx}, ${file.bytes.length}, ${file.sha256}, ${letter.fileName}
        from ${partnerships} p where ${which}
      on conflict (id) do nothing`);
    await tx.execute(sql`
      insert into ${documentTemplates} (id, partnership_id, folder, title, description, stored_file_id, file_name)
      select ${templateId(letter.key)}, p.id, ${letter.folder}, ${letter.title}, ${letter.description}, ${fileId(letter.key)}, ${letter.fileName}
        from ${partnerships} p where ${which}
      on conflict (id) do nothing`);
  }
}
