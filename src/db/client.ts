import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openPostgresSync } from './pg-sync.js';
import { isPostgresUrl, redactedUrl } from './postgres.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Dialect = 'sqlite' | 'postgres';

/**
 * Opens the database at `location`: a SQLite file (WAL mode with a busy timeout, so web, workers and CLI can share
 * it), or with a postgres:// URL a PostgreSQL database behind the same synchronous interface (pg-sync.ts). The code
 * above this line does not know which; where a statement must differ, it asks `dialectOf`.
 */
export function openDatabase(location: string): Db {
  if (isPostgresUrl(location)) {
    const client = openPostgresSync(location, { name: redactedUrl(location) });
    return drizzle({ client: client as unknown as Database.Database, schema, casing: 'snake_case' }) as Db;
  }
  const file = location.replace(/^file:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return drizzle({ client: sqlite, schema, casing: 'snake_case' }) as Db;
}

export function dialectOf(db: Db): Dialect {
  return (db.$client as unknown as { dialect?: string }).dialect === 'postgres' ? 'postgres' : 'sqlite';
}
