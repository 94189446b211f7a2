import type { Db } from './client.js';

/**
 * Statements built by `prepare` once per database and reused after that: for queries that run on every job, where
 * building the SQL and compiling it again each time costs more than running it.
 */
export function preparedPerDb<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) cache.set(db, (statements = prepare(db)));
    return statements;
  };
}
