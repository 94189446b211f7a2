import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.js';

const here = fileURLToPath(new URL('.', import.meta.url));
// migrations/ sits at the package root, two folders up from src/db and three from the compiled dist/src/db.
export const migrationsFolder = resolve(here, here.includes(`${sep}dist${sep}`) ? '../../../migrations' : '../../migrations');

export class DatabaseBehindError extends Error {
  override name = 'DatabaseBehindError';
}

/** How many of the shipped migrations the database has not applied yet. */
export function pendingMigrations(db: Db): number {
  const shipped = readMigrationFiles({ migrationsFolder });
  const table = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return shipped.length;
  const last = db.$client.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null };
  return shipped.filter((m) => last.at === null || m.folderMillis > Number(last.at)).length;
}

/**
 * Brings the database up to date (all pending migrations in one transaction), or with `auto: false`
 * refuses a database that is behind, so that no process works on a half-known schema.
 */
export function ensureMigrated(db: Db, { auto }: { auto: boolean }): { applied: number } {
  const pending = pendingMigrations(db);
  if (pending === 0) return { applied: 0 };
  if (!auto) {
    throw new DatabaseBehindError(
      `Die Datenbank ist nicht auf dem aktuellen Stand (${pending} Migration(en) ausstehend). ` +
        'Führen Sie "praxiswarn migrate" aus oder setzen Sie AUTO_MIGRATE=true.',
    );
  }
  try {
    migrate(db, { migrationsFolder });
  } catch (error) {
    // Another process may have migrated at the same moment; only a database that is still behind is an error.
    if (pendingMigrations(db) > 0) throw error;
  }
  return { applied: pending };
}
