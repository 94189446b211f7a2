import type pg from 'pg';
import type { Db } from './client.js';
import { pendingMigrations } from './migrate.js';
import { migratePostgres } from './postgres.js';

export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

/** The copy committed, but a table's row count differs between the two databases afterwards. */
export class CopyMismatchError extends Error {
  override name = 'CopyMismatchError';
}

export type CopiedTable = { table: string; rows: number };

type Column = { name: string; pgType: string };
type TablePlan = { name: string; columns: Column[]; selfRefs: string[]; key: string | null; dependsOn: string[] };

// PostgreSQL takes at most 65,535 parameters per statement; a batch stays well below.
const maxParameters = 30_000;
const maxBatchRows = 1_000;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Moves an installation from its SQLite file to an empty PostgreSQL database: applies the PostgreSQL migrations,
 * copies every table in the order of its foreign keys inside one PostgreSQL transaction (a failure leaves the target
 * as it was), moves the id sequences past the copied ids and checks the row count of every table on both sides.
 * SQLite is read inside one read transaction: the copy is the state of the moment it starts.
 */
export async function copyToPostgres(db: Db, client: pg.Client, { onTable }: { onTable?: (t: CopiedTable) => void } = {}): Promise<CopiedTable[]> {
  const behind = pendingMigrations(db);
  if (behind > 0) throw new CopyRefusedError(`Die SQLite-Datenbank ist nicht auf dem aktuellen Stand (${behind} Migration(en) ausstehend). Führen Sie zuerst "praxiswarn migrate" aus.`);
  await migratePostgres(client);
  const plans = orderByForeignKeys(await planTables(db, client));
  for (const plan of plans) {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${q(plan.name)}) AS filled`);
    if (rows[0].filled) throw new CopyRefusedError(`Die PostgreSQL-Datenbank enthält schon Daten (Tabelle ${plan.name}). "db copy" schreibt nur in eine leere Datenbank.`);
  }

  const sqlite = db.$client;
  sqlite.exec('BEGIN');
  await client.query('BEGIN');
  try {
    const copied: CopiedTable[] = [];
    for (const plan of plans) {
      const rows = await copyTable(sqlite, client, plan);
      copied.push({ table: plan.name, rows });
      onTable?.({ table: plan.name, rows });
    }
    await restartIdentities(client);
    await client.query('COMMIT');
    await verifyCounts(sqlite, client, plans);
    return copied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
  }
}

/** The tables of the SQLite file with their columns, typed by what the PostgreSQL migrations made of them. */
async function planTables(db: Db, client: pg.Client): Promise<TablePlan[]> {
  const sqlite = db.$client;
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const { rows: pgColumns } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
  );
  return names.map((name) => {
    const info = sqlite.prepare(`PRAGMA table_info(${q(name)})`).all() as { name: string; pk: number }[];
    const columns = info.map((c) => {
      const target = pgColumns.find((p) => p.table_name === name && p.column_name === c.name);
      if (!target) throw new CopyRefusedError(`Spalte ${name}.${c.name} fehlt in PostgreSQL: die Migrationssätze passen nicht zueinander.`);
      return { name: c.name, pgType: target.data_type };
    });
    const keys = info.filter((c) => c.pk > 0);
    const refs = sqlite.prepare(`PRAGMA foreign_key_list(${q(name)})`).all() as { table: string; from: string }[];
    return {
      name,
      columns,
      // A row may point at a row of its own table that comes later (an advisory merged into a newer one).
      selfRefs: refs.filter((r) => r.table === name).map((r) => r.from),
      key: keys.length === 1 ? keys[0]!.name : null,
      dependsOn: refs.filter((r) => r.table !== name).map((r) => r.table),
    };
  });
}

/** Parents before children, so that every foreign key finds its row. */
function orderByForeignKeys(plans: TablePlan[]): TablePlan[] {
  const left = new Map(plans.map((p) => [p.name, p]));
  const ordered: TablePlan[] = [];
  while (left.size > 0) {
    const ready = [...left.values()].filter((p) => p.dependsOn.every((d) => !left.has(d)));
    if (ready.length === 0) throw new CopyRefusedError(`Fremdschlüssel im Kreis: ${[...left.keys()].join(', ')}`);
    for (const p of ready) {
      ordered.push(p);
      left.delete(p.name);
    }
  }
  return ordered;
}

async function copyTable(sqlite: Db['$client'], client: pg.Client, plan: TablePlan): Promise<number> {
  if (plan.selfRefs.length > 0 && !plan.key) throw new CopyRefusedError(`Tabelle ${plan.name} verweist auf sich selbst, hat aber keinen einfachen Schlüssel.`);
  const names = plan.columns.map((c) => c.name);
  const convert = plan.columns.map((c) => converter(c.pgType, plan.selfRefs.includes(c.name)));
  const perBatch = Math.max(1, Math.min(maxBatchRows, Math.floor(maxParameters / names.length)));
  const insertHead = `INSERT INTO ${q(plan.name)} (${names.map(q).join(', ')}) VALUES `;
  const later: unknown[][] = [];
  let batch: unknown[][] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    await client.query(insertHead + tuples.join(', '), params);
    count += batch.length;
    batch = [];
  };
  const keyAt = plan.key ? names.indexOf(plan.key) : -1;
  for (const row of sqlite.prepare(`SELECT ${names.map(q).join(', ')} FROM ${q(plan.name)}`).raw(true).iterate() as IterableIterator<unknown[]>) {
    if (plan.selfRefs.length > 0) later.push([row[keyAt], ...plan.selfRefs.map((r) => row[names.indexOf(r)])]);
    batch.push(row.map((v, i) => convert[i]!(v)));
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  // The references within the table, now that every row exists.
  for (const [key, ...values] of later) {
    const set = plan.selfRefs.map((r, i) => `${q(r)} = $${i + 2}`).join(', ');
    if (values.every((v) => v === null)) continue;
    await client.query(`UPDATE ${q(plan.name)} SET ${set} WHERE ${q(plan.key!)} = $1`, [key, ...values]);
  }
  return count;
}

/** SQLite's value as PostgreSQL takes it: flags stay 0/1 (smallint), JSON text as it is (jsonb parses it). */
function converter(pgType: string, deferred: boolean): (v: unknown) => unknown {
  if (deferred) return () => null;
  if (pgType === 'boolean') return (v) => (v === null ? null : Number(v) !== 0);
  return (v) => v;
}

/** Identity columns continue after the highest copied id. */
async function restartIdentities(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'",
  );
  for (const { table_name: table, column_name: column } of rows) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), max_id) FROM (SELECT max(${q(column)}) AS max_id FROM ${q(table)}) m WHERE max_id IS NOT NULL`, [
      q(table),
      column,
    ]);
  }
}

async function verifyCounts(sqlite: Db['$client'], client: pg.Client, plans: TablePlan[]): Promise<void> {
  const differ: string[] = [];
  for (const { name } of plans) {
    const here = (sqlite.prepare(`SELECT count(*) AS n FROM ${q(name)}`).get() as { n: number }).n;
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${q(name)}`);
    if (rows[0].n !== here) differ.push(`${name}: SQLite ${here}, PostgreSQL ${rows[0].n}`);
  }
  if (differ.length > 0) throw new CopyMismatchError(`Die Zeilenzahlen stimmen nach dem Kopieren nicht überein (${differ.join('; ')}). Verwenden Sie diese PostgreSQL-Datenbank nicht; legen Sie sie neu an und kopieren Sie noch einmal.`);
}
