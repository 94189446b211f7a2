import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openDatabase } from '../src/db/client.js';
import { DatabaseBehindError, ensureMigrated, pendingMigrations } from '../src/db/migrate.js';
import { openStore } from '../src/app/deps.js';
import { testEnv } from './support/test-env.js';

const tables = (file: string) => {
  const db = openDatabase(file);
  const names = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  db.$client.close();
  return names;
};

test('a database that is behind is refused, untouched, when AUTO_MIGRATE is off', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'praxiswarn-db-')), 'praxiswarn.sqlite');
  const db = openDatabase(file);
  assert.ok(pendingMigrations(db) > 0);
  assert.throws(() => ensureMigrated(db, { auto: false }), DatabaseBehindError);
  db.$client.close();
  assert.deepEqual(tables(file), []);
});

test('start-up migrates a new database in WAL mode and a second start applies nothing', () => {
  const env = testEnv();
  const first = openStore(env);
  assert.equal(first.db.$client.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(pendingMigrations(first.db), 0);
  first.db.$client.close();
  const second = openStore({ ...env, AUTO_MIGRATE: false });
  assert.equal(ensureMigrated(second.db, { auto: false }).applied, 0);
  second.db.$client.close();
});

test('openStore with AUTO_MIGRATE off refuses an unmigrated file and seeds nothing', () => {
  const env = testEnv({ env: { AUTO_MIGRATE: 'false' } });
  assert.throws(() => openStore(env), /praxiswarn migrate/);
  assert.deepEqual(tables(join(env.DATA_DIR, 'praxiswarn.sqlite')), []);
});
