import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/db/client.js';
import { ensureMigrated } from '../../src/db/migrate.js';
import { openPostgresSync, type PostgresSyncClient } from '../../src/db/pg-sync.js';
import { postgresAdminUrl } from './postgres.js';

/**
 * Which database the suite runs on: SQLite files by default, PostgreSQL with PRAXISWARN_TEST_DATABASE=postgres
 * (`.ci/run` runs the suite once each way). On PostgreSQL each testEnv() gets a database of its own, copied from a
 * template migrated once per test file, and dropped when the test process ends.
 */
export const testDialect = process.env.PRAXISWARN_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

let admin: PostgresSyncClient | undefined;
let template: string | undefined;
const created: string[] = [];
const run = `pwt_${process.pid}_${randomBytes(3).toString('hex')}`;

function urlOf(database: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function adminClient(): PostgresSyncClient {
  if (admin) return admin;
  admin = openPostgresSync(postgresAdminUrl);
  process.on('exit', dropAll);
  return admin;
}

/** A fresh, migrated PostgreSQL database for one test environment; its postgres:// URL. */
export function freshTestDatabaseUrl(): string {
  const client = adminClient();
  if (!template) {
    const name = `${run}_template`;
    client.exec(`CREATE DATABASE ${name}`);
    created.push(name);
    const db = openDatabase(urlOf(name));
    ensureMigrated(db, { auto: true });
    db.$client.close();
    template = name;
  }
  const name = `${run}_${created.length}`;
  client.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  created.push(name);
  return urlOf(name);
}

/** A PostgreSQL database with nothing in it, not even the migrations (for the tests of migrating). */
export function emptyTestDatabaseUrl(): string {
  const name = `${run}_${created.length}`;
  adminClient().exec(`CREATE DATABASE ${name}`);
  created.push(name);
  return urlOf(name);
}

/** The tables of the database at `location` (a SQLite file or a postgres:// URL), without the migrations' record. */
export function tableNames(location: string): string[] {
  const db = openDatabase(location);
  try {
    const statement =
      testDialect === 'postgres'
        ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '__drizzle%'";
    return (db.$client.prepare(statement).all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.$client.close();
  }
}

function dropAll(): void {
  if (!admin) return;
  for (const name of created.reverse()) {
    try {
      admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch {
      // Left for the next run of .ci/run, which drops every pwt_ database before it starts.
    }
  }
  admin.close();
}
