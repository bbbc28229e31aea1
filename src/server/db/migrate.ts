import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database } from './connection.ts';
import { ensurePartnershipDefaults } from './seed/partnership-defaults.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Held while migrating, so instances started together against one PostgreSQL migrate one at a time. */
const migrationLock = 4242019;

/**
 * Applies the committed SQL migrations in order (already-applied ones are skipped), then gives
 * every partnership the lookup values, questions and templates a release has added.
 */
export async function applyMigrations(database: Database): Promise<void> {
  const apply = async () => {
    await migrate(database.db, { migrationsFolder });
    await ensurePartnershipDefaults(database.db);
  };
  // The embedded database serves one process (its own lock), so nothing to wait for.
  if (!database.connection) return apply();
  // A connection of its own holds the lock, so the pool's are all free for the migrations.
  const holder = new pg.Client(database.connection);
  await holder.connect();
  try {
    await holder.query('select pg_advisory_lock($1)', [migrationLock]);
    await apply();
  } finally {
    await holder.end();
  }
}
