import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test as nodeTest } from 'node:test';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { pino } from 'pino';
import { openStore, databaseFile } from '../src/app/deps.js';
import { copyToPostgres, CopyRefusedError } from '../src/db/copy.js';
import * as pgTableExports from '../src/db/pg-tables.js';
import { connectPostgres, migratePostgres, PostgresUnavailableError } from '../src/db/postgres.js';
import * as sqliteSchema from '../src/db/schema.js';
import { seedEveryState, brokenFeedPath, brokenFeedRoute, type EveryState } from './support/every-state.js';
import { csafPages, sitePages, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { freshPostgresDatabase } from './support/postgres.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';
import { testDialect } from './support/test-database.js';

const run = promisify(execFile);
// These tests copy a SQLite installation to PostgreSQL: they run in the SQLite pass of the suite, where testEnv()
// gives SQLite files; the PostgreSQL pass runs every other test on PostgreSQL itself.
const test = testDialect === 'postgres' ? (name: string, _fn: unknown) => nodeTest(name, { skip: 'läuft im SQLite-Durchlauf (kopiert SQLite nach PostgreSQL)' }) : nodeTest;
let site: FixtureServer;
before(async () => {
  site = await startFixtureServer({ ...sitePages, ...csafPages, [brokenFeedPath]: brokenFeedRoute });
});
after(async () => {
  await site.close();
});

type ColumnShape = { table: string; column: string; notNull: boolean };

async function withPostgres<T>(work: (client: pg.Client, url: string) => Promise<T>): Promise<T> {
  const database = await freshPostgresDatabase();
  const client = await connectPostgres(database.url);
  try {
    return await work(client, database.url);
  } finally {
    await client.end();
    await database.drop();
  }
}

test('the PostgreSQL migrations make the same tables, columns, keys and indexes as the SQLite ones', async () => {
  const sqliteTables = Object.entries(sqliteSchema).filter(([, t]) => is(t, SQLiteTable)).map(([name]) => name);
  // drizzle-kit sees only what pg-tables.ts exports by name.
  assert.deepEqual(Object.keys(pgTableExports).sort(), sqliteTables.sort());

  const { db } = openStore(testEnv());
  const sqlite = db.$client;
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const expectedColumns: ColumnShape[] = names.flatMap((table) =>
    (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; notnull: number; pk: number }[]).map((c) => ({ table, column: c.name, notNull: c.notnull === 1 || c.pk > 0 })),
  );
  const expectedIndexes = names.flatMap((table) =>
    (sqlite.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; origin: string }[]).filter((i) => i.origin === 'c').map((i) => `${table}.${i.name}`),
  );
  const expectedKeys = names.map((table) => ({
    table,
    key: (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name).join(','),
  }));
  const expectedForeignKeys = names.flatMap((table) =>
    (sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string; on_delete: string }[]).map((f) => `${table}.${f.from} → ${f.table} (${f.on_delete})`),
  );
  sqlite.close();

  await withPostgres(async (client) => {
    await migratePostgres(client);
    // A second run applies nothing and fails on nothing.
    await migratePostgres(client);
    const { rows: columns } = await client.query<{ table_name: string; column_name: string; is_nullable: string }>(
      "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    );
    // SQLite appends a column added later at the end of its table; only the set counts.
    const key = (c: ColumnShape) => `${c.table}.${c.column} ${c.notNull ? 'NOT NULL' : 'NULL'}`;
    assert.deepEqual(columns.map((c) => key({ table: c.table_name, column: c.column_name, notNull: c.is_nullable === 'NO' })).sort(), expectedColumns.map(key).sort());
    // A unique column is a unique index on SQLite and a unique constraint (with its index of that name) on PostgreSQL.
    const { rows: indexes } = await client.query<{ tablename: string; indexname: string }>(
      "SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_pk'",
    );
    assert.deepEqual(indexes.map((i) => `${i.tablename}.${i.indexname}`).sort(), expectedIndexes.sort());
    const { rows: keys } = await client.query<{ table: string; key: string }>(
      `SELECT c.relname AS table, string_agg(a.attname, ',' ORDER BY k.ord) AS key
         FROM pg_constraint p JOIN pg_class c ON c.oid = p.conrelid
         CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE p.contype = 'p' AND c.relnamespace = 'public'::regnamespace GROUP BY c.relname ORDER BY c.relname`,
    );
    assert.deepEqual(keys, expectedKeys.filter((k) => k.key !== ''));
    const { rows: fks } = await client.query<{ fk: string }>(
      `SELECT c.relname || '.' || a.attname || ' → ' || r.relname || ' (' ||
              CASE p.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'NO ACTION' END || ')' AS fk
         FROM pg_constraint p JOIN pg_class c ON c.oid = p.conrelid JOIN pg_class r ON r.oid = p.confrelid
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.conkey[1]
        WHERE p.contype = 'f' AND c.relnamespace = 'public'::regnamespace`,
    );
    assert.deepEqual(fks.map((f) => f.fk).sort(), expectedForeignKeys.sort());
  });
});

test('both migration sets are up to date with the tables: drizzle-kit finds nothing left to generate', async () => {
  // drizzle-kit takes its output folder relative to the project; a scratch copy keeps the committed sets untouched.
  mkdirSync('test-output', { recursive: true });
  const scratch = mkdtempSync('test-output/drizzle-kit-');
  try {
    for (const [dialect, schema] of [['postgresql', './src/db/pg-tables.ts'], ['sqlite', './src/**/*.table.ts']] as const) {
      const folder = dialect === 'postgresql' ? 'postgres' : 'sqlite';
      cpSync(`migrations/${folder}`, `${scratch}/${folder}`, { recursive: true });
      const { stdout } = await run(process.execPath, ['node_modules/drizzle-kit/bin.cjs', 'generate', '--dialect', dialect, '--schema', schema, '--out', `./${scratch}/${folder}`, '--casing', 'snake_case']);
      assert.match(stdout, /No schema changes/, `${dialect}: run npm run db:generate and commit migrations/${folder}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('db copy moves every row of an installation in every state to PostgreSQL, and ids continue after the copied ones', async () => {
  const world: EveryState = await seedEveryState(site, { logger: pino({ level: 'silent' }) });
  try {
    const sqlite = world.deps.db.$client;
    await withPostgres(async (client) => {
      const copied = await copyToPostgres(world.deps.db, client);
      const tables = copied.map((c) => c.table);
      assert.ok(tables.indexOf('practices') < tables.indexOf('deliveries') && tables.indexOf('advisories') < tables.indexOf('advisory_actions'), tables.join(', '));
      for (const { table, rows } of copied) {
        const here = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
        const { rows: there } = await client.query(`SELECT count(*)::int AS n FROM "${table}"`);
        assert.equal(rows, here, table);
        assert.equal(there[0].n, here, table);
      }
      // The world has rows where it matters for the types: practices, deliveries, merged advisories, JSON and booleans.
      for (const table of ['practices', 'deliveries', 'advisories', 'advisory_actions', 'audit_log', 'firms', 'absences']) {
        assert.ok(copied.find((c) => c.table === table)!.rows > 0, `${table} has rows to copy`);
      }

      // Values arrive as they were: text with umlauts, epoch milliseconds, flags as 0/1, JSON.
      const practice = sqlite.prepare('SELECT id, name, email, created_at, ti_outages FROM practices ORDER BY id LIMIT 1').get() as Record<string, unknown>;
      const { rows: same } = await client.query('SELECT name, email, created_at, ti_outages FROM practices WHERE id = $1', [practice.id]);
      assert.deepEqual(
        { name: same[0].name, email: same[0].email, createdAt: Number(same[0].created_at), tiOutages: same[0].ti_outages },
        { name: practice.name, email: practice.email, createdAt: practice.created_at, tiOutages: practice.ti_outages },
      );
      const withJson = sqlite.prepare('SELECT id, extracted FROM advisories WHERE extracted IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number; extracted: string };
      const { rows: json } = await client.query('SELECT extracted FROM advisories WHERE id = $1', [withJson.id]);
      assert.deepEqual(json[0].extracted, JSON.parse(withJson.extracted));
      // A merged advisory still points at the one it joined, whichever was copied first.
      const merged = sqlite.prepare('SELECT id, merged_into_id FROM advisories WHERE merged_into_id IS NOT NULL').all() as { id: number; merged_into_id: number }[];
      assert.ok(merged.length > 0);
      for (const m of merged) {
        const { rows: r } = await client.query('SELECT merged_into_id FROM advisories WHERE id = $1', [m.id]);
        assert.equal(Number(r[0].merged_into_id), m.merged_into_id);
      }
      // A row written on PostgreSQL after the move gets the next id, not one already taken.
      const maxId = (sqlite.prepare('SELECT max(id) AS id FROM practices').get() as { id: number }).id;
      const { rows: inserted } = await client.query(
        "INSERT INTO practices (email, name, origin, created_at) VALUES ('neu@praxis.test', 'Praxis Neu', 'cli', 0) RETURNING id",
      );
      assert.ok(Number(inserted[0].id) > maxId);
    });
  } finally {
    await removeQueues(world.deps.queues);
    await world.close();
  }
});

test('db copy refuses a target that holds data, and a failure mid-copy leaves no copied row behind', async () => {
  const env = testEnv();
  const { db } = openStore(env);
  try {
    await withPostgres(async (client) => {
      await migratePostgres(client);
      // A rule only the target has: the copy fails at the products table, after vendors went in.
      await client.query("ALTER TABLE products ADD CONSTRAINT refuse_one CHECK (id <> 'cgm-albis')");
      await assert.rejects(copyToPostgres(db, client), /refuse_one/);
      const { rows } = await client.query('SELECT (SELECT count(*) FROM vendors)::int AS vendors, (SELECT count(*) FROM products)::int AS products');
      assert.deepEqual(rows[0], { vendors: 0, products: 0 });

      await client.query('ALTER TABLE products DROP CONSTRAINT refuse_one');
      const first = await copyToPostgres(db, client);
      assert.ok(first.find((t) => t.table === 'products')!.rows > 50);
      await assert.rejects(copyToPostgres(db, client), (error: Error) => error instanceof CopyRefusedError && /enthält schon Daten/.test(error.message));
      const { rows: after } = await client.query('SELECT count(*)::int AS n FROM products');
      assert.equal(after[0].n, first.find((t) => t.table === 'products')!.rows);
    });
  } finally {
    db.$client.close();
  }
});

test('praxiswarn db copy: a German summary on success, a plain error and exit code 1 when PostgreSQL does not answer', async () => {
  const env = testEnv();
  openStore(env).db.$client.close();
  const cli = (args: string[]) =>
    run(process.execPath, ['bin/praxiswarn.js', 'db', 'copy', '--from', `file:${databaseFile(env)}`, ...args], { env: { ...process.env, DATA_DIR: env.DATA_DIR, SOURCES_FILE: env.SOURCES_FILE } });

  const down = await cli(['--to', 'postgres://praxis:geheim@127.0.0.1:1/praxiswarn']).then(
    () => assert.fail('a copy to a closed port must fail'),
    (error: { code: number; stderr: string }) => error,
  );
  assert.equal(down.code, 1);
  assert.match(down.stderr, /PostgreSQL unter postgres:\/\/praxis:\*\*\*@127\.0\.0\.1:1\/praxiswarn ist nicht erreichbar/);
  assert.doesNotMatch(down.stderr, /geheim/);
  await assert.rejects(connectPostgres('mysql://127.0.0.1/x'), PostgresUnavailableError);

  await withPostgres(async (client, url) => {
    const { stdout } = await cli(['--to', url]);
    assert.match(stdout, /products\s+\d+ Zeilen/);
    assert.match(stdout, /Fertig: \d+ Tabellen, [\d.]+ Zeilen in [\d,]+ s; die Zeilenzahlen stimmen auf beiden Seiten überein\./);
    const { rows } = await client.query('SELECT count(*)::int AS n FROM vendors');
    assert.ok(rows[0].n > 10);
  });
});
