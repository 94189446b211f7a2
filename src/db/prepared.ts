import type { Db } from './client.js';

/**
 * Statements built by `prepare` once per database and reused after that: for queries that run on every job, where
 * building the SQL and compiling it again each time costs more than running it. Also for the asynchronous face of a
 * database (src/db/async-db.ts), which is a database object of its own.
 */
export function preparedPerDb<T, D extends object = Db>(prepare: (db: D) => T): (db: D) => T {
  const cache = new WeakMap<D, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) cache.set(db, (statements = prepare(db)));
    return statements;
  };
}
