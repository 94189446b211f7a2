import { dialectOf, type Db } from '../../src/db/client.js';

/**
 * Rows inserted as multi-row statements of `perStatement` rows (the bare way to write many rows through one
 * connection on either database; on PostgreSQL each statement is a round trip, so one per row would measure the
 * network, not the database). Runs inside the caller's transaction, if any. With `returning`, the ids in order.
 */
export function bulkInsert(db: Db, table: string, columns: string[], rows: unknown[][], { perStatement = 500, returning = false } = {}): number[] {
  const ids: number[] = [];
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const statement = db.$client.prepare(
      `insert into ${table} (${columns.join(', ')}) values ${chunk.map(() => one).join(', ')}${returning ? ' returning id' : ''}`,
    );
    if (returning) for (const row of statement.all(...chunk.flat()) as { id: number }[]) ids.push(row.id);
    else statement.run(...chunk.flat());
  }
  return ids;
}

/**
 * The bare baseline writer of the benchmarks: on SQLite one prepared statement run per row (the fastest bare way
 * there), on PostgreSQL rows gathered into multi-row statements of `perStatement`. Call `flush` at the end.
 */
export function bareWriter(db: Db, table: string, columns: string[], perStatement = 500): { add(row: unknown[]): void; flush(): void } {
  if (dialectOf(db) === 'sqlite') {
    const statement = db.$client.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    return { add: (row) => void statement.run(...row), flush() {} };
  }
  let buffer: unknown[][] = [];
  const flush = () => {
    if (buffer.length > 0) bulkInsert(db, table, columns, buffer, { perStatement });
    buffer = [];
  };
  return {
    add(row) {
      buffer.push(row);
      if (buffer.length >= perStatement) flush();
    },
    flush,
  };
}
