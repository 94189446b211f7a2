import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { compareVersions } from '../src/notify/match.js';
import { messageIdFor } from '../src/notify/message-id.js';
import { openDatabase } from '../src/db/client.js';
import { ensureMigrated } from '../src/db/migrate.js';
import { bindValues, postgresText, splitParameters } from '../src/db/pg-sql.js';
import { openPostgresSync, PostgresQueryError, waitForAnswer, type PostgresSyncClient } from '../src/db/pg-sync.js';
import { PostgresUnavailableError } from '../src/db/postgres.js';
import { freshPostgresDatabase } from './support/postgres.js';

// The synchronous PostgreSQL connection (src/db/pg-sync.ts) and the SQL it rewrites, against a real server.

let database: { url: string; drop(): Promise<void> };
let client: PostgresSyncClient;
before(async () => {
  database = await freshPostgresDatabase();
  const db = openDatabase(database.url);
  ensureMigrated(db, { auto: true });
  db.$client.close();
  client = openPostgresSync(database.url);
  client.exec('CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL)');
});
after(async () => {
  client.close();
  await database.drop();
});

test('parameters become $n, named ones reused; quoted text, identifiers, comments and casts are left alone', () => {
  const split = splitParameters(`select '?' as "a?b", @x, ?, @x -- what?\n, ?::text /* ? */ from "t" where n = ?`);
  assert.deepEqual(split.slots, ['x', 0, 'x', 1, 2]);
  assert.equal(split.texts.join('§'), `select '?' as "a?b", §, §, § -- what?\n, §::text /* ? */ from "t" where n = §`);
  const positional = splitParameters('select ?, ? from t where n = ?');
  const bound = bindValues(positional, [1, 'a', 2.5]);
  assert.equal(postgresText(positional, bound), 'select $1::bigint, $2 from t where n = $3::float8');
  assert.deepEqual(bindValues(positional, [[1, 2, 3]]), [1, 2, 3], 'an array binds like separate values');
  assert.throws(() => bindValues(positional, [1]), /Zu wenige Parameter/);
  assert.throws(() => bindValues(splitParameters('select @a'), [{ b: 1 }]), /@a fehlt/);
});

test('an upsert target loses its table name, which PostgreSQL does not accept there', () => {
  const split = splitParameters('insert into "vendors" ("id") values (?) on conflict ("vendors"."id") do update set "name" = excluded.name');
  assert.match(split.texts.join('?'), /on conflict \("id"\) do update set "name" = excluded\.name/);
});

test('rows come back as SQLite gives them: counts as numbers, conditions as 1/0, JSON as text', () => {
  const row = client.prepare(`select count(*) as n, (1 = 1) as yes, exists (select 1 where false) as no, '{"a": [1]}'::jsonb as j, 2.5::numeric as x`).get();
  assert.deepEqual(row, { n: 1, yes: 1, no: 0, j: '{"a": [1]}', x: 2.5 });
  assert.deepEqual(client.prepare('select 1 as a, 2 as b').raw().all(), [[1, 2]]);
  assert.deepEqual(client.prepare('select 7 as a').pluck().get(), 7);
});

test('a transaction commits, rolls back on an error, and nests as savepoints', () => {
  const insert = client.prepare('insert into t (id, name) values (?, ?)');
  client.transaction(() => insert.run(1, 'eins'))();
  assert.throws(
    () =>
      client.transaction(() => {
        insert.run(2, 'zwei');
        insert.run(1, 'doppelt');
      })(),
    (error: unknown) => error instanceof PostgresQueryError && error.code === '23505',
  );
  const outer = client.transaction(() => {
    insert.run(3, 'drei');
    assert.throws(() => client.transaction(() => insert.run(1, 'doppelt'))());
    insert.run(4, 'vier');
    return client.inTransaction;
  });
  assert.equal(outer(), true);
  assert.equal(client.inTransaction, false);
  assert.deepEqual(client.prepare('select id from t order by id').pluck().all(), [1, 3, 4]);
  assert.equal(insert.run(5, 'fünf').changes, 1);
  assert.throws(() => client.transaction(async () => insert.run(6, 'sechs'))(), /cannot return a promise/);
  assert.deepEqual(client.prepare('select name from t where id in (5, 6)').pluck().all(), ['fünf'], 'the promise transaction was rolled back');
});

test('a transaction begins with its first statement and takes the write lock there; one without statements sends nothing', () => {
  const heldLocks = () =>
    client.prepare(`select count(*) as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and objid = ?`).pluck().get(7_347_201);
  const inside = client.transaction(() => [client.prepare('select txid_current_if_assigned() is null as fresh, now() = statement_timestamp() as first').get(), heldLocks()])();
  assert.deepEqual(inside, [{ fresh: 1, first: 0 }, 1], 'inside a transaction (now() is its start) holding the lock');
  assert.equal(heldLocks(), 0, 'released at commit');
  assert.equal(client.transaction(() => 'nichts')(), 'nichts');
  assert.throws(() => client.transaction(() => { throw new Error('vor der ersten Anweisung'); })(), /vor der ersten Anweisung/);
  // A BEGIN left pending would ride on this statement: now() would then be the BEGIN's moment, not this statement's.
  assert.equal(client.prepare('select now() = statement_timestamp() as alone').pluck().get(), 1, 'no transaction begun behind the scenes');
  assert.equal(heldLocks(), 0);
});

test('an error names the statement; the connection goes on working after it', () => {
  assert.throws(
    () => client.prepare('select * from nirgends where id = ?').all(1),
    (error: unknown) => error instanceof PostgresQueryError && error.code === '42P01' && error.statement === 'select * from nirgends where id = $1::bigint',
  );
  assert.equal(client.prepare('select 1 as one').pluck().get(), 1);
});

test("the SQL functions of the migration set compute what SQLite's JS functions compute", () => {
  const pairs: [string, string][] = [
    ['11.01.02.102', '11.1.2.102'],
    ['11.1.2.101', '11.1.2.102'],
    ['11.1.3', '11.1.2.102'],
    ['v2.4b', '2.4a'],
    ['Version 2.4', '2.4a'],
    ['2.4', '2.4.0.0'],
    ['2.10', '2.9'],
    ['Q1/2024', '2.0'],
    ['', '1.0'],
    [' 3.0 ', '3'],
  ];
  const at = client.prepare('select praxiswarn_version_at_least(?, ?) as v');
  for (const [have, fixed] of pairs) {
    const js = (compareVersions(have, fixed) ?? -1) >= 0 ? 1 : 0;
    assert.equal(at.pluck().get(have, fixed), js, `${have} ≥ ${fixed}`);
  }
  for (const key of ['alert:1:2', 'digest:2026-12-05:77', 'outage:Störung:9']) {
    assert.equal(client.prepare('select praxiswarn_message_id(?, ?)').pluck().get(key, 'praxiswarn.test'), messageIdFor(key, 'praxiswarn.test'));
  }
});

test('every table with a generated key takes the next key when drizzle inserts NULL for it', () => {
  const identities = client.prepare("select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and is_identity = 'YES'").pluck().all();
  const filled = client.prepare("select event_object_table from information_schema.triggers where trigger_name = 'praxiswarn_fill_id'").pluck().all();
  assert.ok(identities.length >= 10);
  assert.deepEqual([...new Set(filled)].sort(), [...identities].sort());
  const insert = client.prepare("insert into product_proposals (id, name, evidence, seen_count, status, created_at) values (null, ?, 'Satz', 1, 'open', 0) returning id");
  const ids = [1, 2].map((i) => insert.pluck().get(`P${i}`) as number);
  assert.equal(ids[1], ids[0]! + 1);
});

test('text and JSON with U+0000 (a hostile page) are stored without it instead of failing', () => {
  client.prepare('insert into t (id, name) values (?, ?)').run(20, 'Titel\u0000mit Null');
  assert.equal(client.prepare('select name from t where id = 20').pluck().get(), 'Titelmit Null');
  const json = JSON.stringify(['a\u0000b', 'c\\u0000d']);
  const stored = client.prepare('select ?::jsonb as j').pluck().get(json) as string;
  assert.deepEqual(JSON.parse(stored), ['ab', 'c\\u0000d'], 'an escaped backslash before u0000 is text, not the character');
});

test('a server that does not answer is one German sentence naming it, without its password', () => {
  const unreachable = openPostgresSync('postgres://praxiswarn:geheim@127.0.0.1:1/praxiswarn');
  assert.throws(
    () => unreachable.prepare('select 1').get(),
    (error: Error) =>
      error instanceof PostgresUnavailableError &&
      /^PostgreSQL unter postgres:\/\/praxiswarn:\*\*\*@127\.0\.0\.1:1\/praxiswarn ist nicht erreichbar: .*ECONNREFUSED/.test(error.message) &&
      !error.message.includes('geheim'),
  );
  unreachable.close();
});

test('`praxiswarn migrate` against a PostgreSQL that does not answer says so in one line and exits 1', () => {
  const result = spawnSync(process.execPath, ['bin/praxiswarn.js', 'migrate'], {
    env: { PATH: process.env.PATH, DATABASE_URL: 'postgres://pw:geheim@127.0.0.1:1/pw', DATA_DIR: mkdtempSync(join(tmpdir(), 'praxiswarn-pg-')) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 1);
  assert.equal(result.stderr.trim(), 'PostgreSQL unter postgres://pw:***@127.0.0.1:1/pw ist nicht erreichbar: connect ECONNREFUSED 127.0.0.1:1');
});

test('a wake-up that is not this answer is waited through: the late notify of the previous answer', () => {
  // The race it guards against: the thread stores answer n and is paused before its notify; meanwhile the caller
  // reads answer n, posts request n + 1 and waits; the late notify then wakes it with no answer there yet.
  const flag = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(flag, 0, 1);
  const notifier = new Worker(
    `const { workerData } = require('node:worker_threads');
     const flag = new Int32Array(workerData);
     const until = Date.now() + 300;
     while (Date.now() < until) { Atomics.notify(flag, 0); Atomics.wait(flag, 0, 1, 5); }
     Atomics.store(flag, 0, 2);
     Atomics.notify(flag, 0);`,
    { eval: true, workerData: flag.buffer },
  );
  const started = Date.now();
  assert.equal(waitForAnswer(flag, 2, 10_000), true);
  assert.equal(Atomics.load(flag, 0), 2, 'returned only once the answer was stored');
  assert.ok(Date.now() - started >= 250, 'the spurious wake-ups did not end the wait');
  assert.equal(waitForAnswer(flag, 3, 200), false, 'no answer: false after the limit');
  void notifier.terminate();
});

test('ten thousand calls in a row each get their own answer', () => {
  const echo = client.prepare('select ?::int as n');
  for (let i = 0; i < 10_000; i++) assert.equal((echo.get(i) as { n: number }).n, i);
});
