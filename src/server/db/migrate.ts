import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './connection.ts';
import { ensurePartnershipDefaults } from './seed/partnership-defaults.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies the committed SQL migrations in order (already-applied ones are skipped), then gives
 * every partnership the lookup values, questions and templates a release has added.
 */
export async function applyMigrations(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder });
  await ensurePartnershipDefaults(database.db);
}
