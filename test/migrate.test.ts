import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openDatabase } from '../src/db/client.js';
import { DatabaseBehindError, ensureMigrated, pendingMigrations } from '../src/db/migrate.js';
import { databaseLocation, openStore } from '../src/app/deps.js';
import { testEnv } from './support/test-env.js';
import { emptyTestDatabaseUrl, tableNames, testDialect } from './support/test-database.js';

/** A database nobody has migrated: a new SQLite file, or an empty PostgreSQL database. */
const emptyDatabase = () => (testDialect === 'postgres' ? emptyTestDatabaseUrl() : join(mkdtempSync(join(tmpdir(), 'praxiswarn-db-')), 'praxiswarn.sqlite'));

test('a database that is behind is refused, untouched, when AUTO_MIGRATE is off', () => {
  const location = emptyDatabase();
  const db = openDatabase(location);
  assert.ok(pendingMigrations(db) > 0);
  assert.throws(() => ensureMigrated(db, { auto: false }), DatabaseBehindError);
  db.$client.close();
  assert.deepEqual(tableNames(location), []);
});

test('start-up migrates a new database (SQLite: in WAL mode) and a second start applies nothing', () => {
  const env = testEnv({ env: testDialect === 'postgres' ? { DATABASE_URL: emptyTestDatabaseUrl() } : {} });
  const first = openStore(env);
  if (testDialect === 'sqlite') assert.equal(first.db.$client.pragma('journal_mode', { simple: true }), 'wal');
  assert.ok(tableNames(databaseLocation(env)).includes('advisories'));
  assert.equal(pendingMigrations(first.db), 0);
  first.db.$client.close();
  const second = openStore({ ...env, AUTO_MIGRATE: false });
  assert.equal(ensureMigrated(second.db, { auto: false }).applied, 0);
  second.db.$client.close();
});

test('openStore with AUTO_MIGRATE off refuses an unmigrated database and seeds nothing', () => {
  const env = testEnv({ env: { AUTO_MIGRATE: 'false', ...(testDialect === 'postgres' ? { DATABASE_URL: emptyTestDatabaseUrl() } : {}) } });
  assert.throws(() => openStore(env), /praxiswarn migrate/);
  assert.deepEqual(tableNames(databaseLocation(env)), []);
});
