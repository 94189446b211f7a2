import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { openDatabase, type Db } from '../src/db/client.js';
import { asyncFaceOf } from '../src/db/async-db.js';
import { ensureMigrated } from '../src/db/migrate.js';
import { seedCatalog } from '../src/catalog/catalog.seed.js';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { readConfigFile } from '../src/config/files.js';
import { openPostgresSync, PostgresQueryError } from '../src/db/pg-sync.js';
import { PostgresUnavailableError } from '../src/db/postgres.js';
import { deliveries, practices } from '../src/db/schema.js';
import { claimDeliveries, claimDeliveriesAsync, markSentAsync } from '../src/notify/deliveries.repository.js';
import { matchAdvisory } from '../src/notify/match.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { publishAdvisory } from './support/advisories.js';
import { freshPostgresDatabase } from './support/postgres.js';

// The asynchronous face of a PostgreSQL database (src/db/async-db.ts, `queryAsync` in src/db/pg-sync.ts), which the
// send path uses on PostgreSQL, against a real server in both passes of the suite.

let database: { url: string; drop(): Promise<void> };
let db: Db;
before(async () => {
  database = await freshPostgresDatabase();
  db = openDatabase(database.url);
  ensureMigrated(db, { auto: true });
  seedCatalog(db, readConfigFile('config/catalog.json', catalogSchema));
});
after(async () => {
  db.$client.close();
  await database.drop();
});

const client = () => db.$client as unknown as ReturnType<typeof openPostgresSync>;

test('many statements in flight at once each get their own answer, with rows shaped as the synchronous face gives them', async () => {
  const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => client().queryAsync('select ? as n, count(*) as c, (1 = 1) as yes', [i], false)));
  answers.forEach(({ rows }, i) => assert.deepEqual(rows, [{ n: i, c: 1, yes: 1 }], `answer ${i}`));
  const sync = client().prepare('select count(*) as c, (1 = 1) as yes').get();
  const { rows } = await client().queryAsync('select count(*) as c, (1 = 1) as yes', [], false);
  assert.deepEqual(rows[0], sync);
});

test('the process goes on while PostgreSQL works: timers run during a slow asynchronous statement', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  await client().queryAsync('select pg_sleep(0.3)', [], false);
  clearInterval(timer);
  assert.ok(ticks >= 10, `timers ran ${ticks} times during 300 ms of waiting`);
});

test('a failing statement rejects with the error and the statement; the others in flight are answered', async () => {
  const results = await Promise.allSettled([client().queryAsync('select 1 as a', [], false), client().queryAsync('select * from no_such_table', [], false), client().queryAsync('select 2 as a', [], false)]);
  assert.equal(results[0]!.status, 'fulfilled');
  assert.equal(results[2]!.status, 'fulfilled');
  const failed = results[1] as PromiseRejectedResult;
  assert.ok(failed.reason instanceof PostgresQueryError);
  assert.equal(failed.reason.code, '42P01');
  assert.match(failed.reason.statement ?? '', /no_such_table/);
});

test('a statement of the asynchronous face is prepared by name on its connection, and parsed anew when a migration changes its result columns', async () => {
  // A named statement is listed in its own session's pg_prepared_statements while it runs; an unnamed one is not.
  const { rows } = await client().queryAsync("select count(*) as c from pg_prepared_statements where statement like '%count(*) as c from pg_prepared_statements%'", [], false);
  assert.deepEqual(rows, [{ c: 1 }]);

  client().exec('create table async_named (a integer)');
  client().prepare('insert into async_named (a) values (?)').run(7);
  // Prepared on every pooled connection at once, then the column's type changes under them.
  const readAll = () => Promise.all(Array.from({ length: 12 }, () => client().queryAsync('select * from async_named', [], false)));
  for (const { rows } of await readAll()) assert.deepEqual(rows, [{ a: 7 }]);
  client().exec("alter table async_named alter column a type text using a::text");
  for (const { rows } of await readAll()) assert.deepEqual(rows, [{ a: '7' }], 'read again with the new type, not refused');
  client().exec('drop table async_named');
});

test('drizzle builders on the asynchronous face read and write the same columns (snake_case) as the synchronous face', async () => {
  const face = asyncFaceOf(db)!;
  assert.ok(face, 'PostgreSQL has an asynchronous face');
  const practice = addPractice(db, { name: 'Praxis Asynchron', email: 'async@praxis.test', productIds: ['cgm-albis'] }, { now: new Date(), origin: 'cli' });
  const [row] = await face.select().from(practices).where(eq(practices.id, practice.id));
  assert.deepEqual(row, db.select().from(practices).where(eq(practices.id, practice.id)).get());
  await face.update(practices).set({ bounceCount: 2 }).where(eq(practices.id, practice.id));
  assert.equal(db.select().from(practices).where(eq(practices.id, practice.id)).get()!.bounceCount, 2, 'written on one face, read on the other');
  assert.equal(asyncFaceOf(openDatabase(`file:${join(mkdtempSync(join(tmpdir(), 'pw-face-')), 'db.sqlite')}`)), undefined, 'SQLite has none');
});

test('two claims of the same deliveries at once on the asynchronous face: each delivery goes to one of them, and a mark is seen by both faces', async () => {
  const now = new Date();
  for (let i = 0; i < 40; i++) addPractice(db, { name: `Praxis Wettlauf ${i + 1}`, email: `race-${i + 1}@praxis.test`, productIds: ['cgm-albis'] }, { now, origin: 'cli' });
  const advisoryId = publishAdvisory(db, { title: 'ALBIS: Update Wettlauf', severity: 'hoch', products: [{ id: 'cgm-albis' }] });
  const ids = matchAdvisory(db, advisoryId, { now, mailDomain: 'praxiswarn.test' }).sort((a, b) => a - b);
  assert.ok(ids.length >= 40);
  const face = asyncFaceOf(db)!;
  const [first, second] = await Promise.all([claimDeliveriesAsync(face, ids, now), claimDeliveriesAsync(face, [...ids].reverse(), now)]);
  const taken = [...first, ...second].map((d) => d.id).sort((a, b) => a - b);
  assert.deepEqual(taken, ids, 'every delivery claimed exactly once');
  assert.deepEqual(
    first.map((d) => d.id),
    ids.filter((id) => first.some((d) => d.id === id)),
    'in the order given',
  );
  assert.deepEqual(claimDeliveries(db, ids, now), [], 'nothing left to claim on the synchronous face either');
  await markSentAsync(face, ids, now);
  const rows = db.select({ status: deliveries.status, sentAt: deliveries.sentAt }).from(deliveries).where(inArray(deliveries.id, ids)).all();
  assert.ok(rows.every((r) => r.status === 'sent' && r.sentAt?.getTime() === now.getTime()));
});

test('a server that does not answer rejects with one German sentence naming it, without its password', async () => {
  const unreachable = openPostgresSync('postgres://praxiswarn:geheim@127.0.0.1:1/praxiswarn');
  try {
    await assert.rejects(unreachable.queryAsync('select 1', [], false), (error: Error) => {
      assert.ok(error instanceof PostgresUnavailableError);
      assert.match(error.message, /^PostgreSQL unter postgres:\/\/praxiswarn:\*\*\*@127\.0\.0\.1:1\/praxiswarn ist nicht erreichbar/);
      assert.doesNotMatch(error.message, /geheim/);
      return true;
    });
  } finally {
    unreachable.close();
  }
});

test('closing with a statement in flight rejects it; a process that never closes still exits once nothing waits', async () => {
  const own = openPostgresSync(database.url);
  const slow = own.queryAsync('select pg_sleep(0.5)', [], false);
  own.close();
  await assert.rejects(slow, /geschlossen/);
  await assert.rejects(own.queryAsync('select 1', [], false), /geschlossen/);
  // Connections left open, one that answered an asynchronous statement and one that never had any: nothing may keep
  // the process alive (the port is ref'd only while a statement waits).
  const script = join(mkdtempSync(join(tmpdir(), 'pw-exit-')), 'left-open.mts');
  writeFileSync(
    script,
    `import { openPostgresSync } from ${JSON.stringify(new URL('../src/db/pg-sync.ts', import.meta.url).href)};
const c = openPostgresSync(process.env.URL);
const idle = openPostgresSync(process.env.URL);
idle.prepare('select 1').get();
const { rows } = await c.queryAsync('select 41 + 1 as n', [], false);
console.log(rows[0].n);`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, URL: database.url }, encoding: 'utf8', timeout: 20_000 });
  assert.equal(run.signal, null, `the process exited on its own (${run.stderr})`);
  assert.equal(run.stdout.trim(), '42');
  assert.equal(run.status, 0);
});
