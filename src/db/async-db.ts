import { drizzle, type SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { PostgresSyncClient } from './pg-sync.js';
import type { Db } from './client.js';
import * as schema from './schema.js';

// The asynchronous face of a PostgreSQL database: the same drizzle query builders (drizzle's sqlite-proxy driver),
// each statement sent to the connection thread's pool with this thread free while PostgreSQL works. Only the
// per-mail path of sending uses it (src/notify/send-store.ts): there, waiting for PostgreSQL with the event loop
// blocked held up every other send job of the process and the SMTP replies (docs/scaling.md). SQLite has no such
// face: a statement there is a read of a local file, cheaper than a trip to another thread.
//
// A statement here is its own commit, on another connection than the synchronous face's: it sees only committed
// rows, and must not be mixed into a transaction of the synchronous face.

export type AsyncDb = SqliteRemoteDatabase<typeof schema>;

/** Either face (`'sync'` or `'async'`): for statements written once and prepared on both. */
export type FaceDb<Mode extends 'sync' | 'async'> = BaseSQLiteDatabase<Mode, any, typeof schema>;

const faces = new WeakMap<Db, AsyncDb>();

/** The PostgreSQL client behind `db` where it answers asynchronously too (`queryAsync`), undefined on SQLite. */
export function asyncClientOf(db: Db): PostgresSyncClient | undefined {
  const client = db.$client as unknown as Partial<PostgresSyncClient>;
  return client.dialect === 'postgres' && client.queryAsync ? (client as PostgresSyncClient) : undefined;
}

/** The asynchronous face of `db` on PostgreSQL (drizzle builders over asyncClientOf), undefined on SQLite. */
export function asyncFaceOf(db: Db): AsyncDb | undefined {
  const client = asyncClientOf(db);
  if (!client) return undefined;
  let face = faces.get(db);
  if (!face) faces.set(db, (face = openAsyncFace(client)));
  return face;
}

function openAsyncFace(client: PostgresSyncClient): AsyncDb {
  return drizzle(
    async (sql, params, method) => {
      // drizzle maps rows by position; `run` wants none back.
      const { rows } = await client.queryAsync(sql, params, true);
      if (method === 'get') return { rows: rows[0] as unknown[] };
      return { rows: method === 'run' ? [] : rows };
    },
    // drizzle 0.45 takes the column casing only from the third argument, so the batch callback must be given. A
    // batch would be one commit, which this face does not offer: each statement is its own.
    async () => {
      throw new Error('Die asynchrone PostgreSQL-Verbindung führt keine Stapel (batch) aus; jede Anweisung ist ein eigener Commit.');
    },
    { schema, casing: 'snake_case' },
  );
}
