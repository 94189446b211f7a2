import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { postgresMigrationsFolder } from './migrate.js';

export class PostgresUnavailableError extends Error {
  override name = 'PostgresUnavailableError';
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/** The URL as it may be printed: without its password. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(ungültige Adresse)';
  }
}

/** One connection, or an error that names the server (not the password) and what it answered. */
export async function connectPostgres(url: string, { timeoutMs = 5000 }: { timeoutMs?: number } = {}): Promise<pg.Client> {
  if (!isPostgresUrl(url)) throw new PostgresUnavailableError(`Keine PostgreSQL-Adresse: ${redactedUrl(url)} (erwartet postgres://benutzer@host:5432/datenbank).`);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // An error after connecting (the server shut down) must not crash the process; the next query reports it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new PostgresUnavailableError(`PostgreSQL unter ${redactedUrl(url)} ist nicht erreichbar: ${(error as Error).message}`);
  }
  return client;
}

/** Applies the PostgreSQL migration set (migrations/postgres), as start-up does for SQLite. */
export async function migratePostgres(client: pg.Client): Promise<void> {
  await migrate(drizzle({ client, casing: 'snake_case' }), { migrationsFolder: postgresMigrationsFolder });
}
