import { integer, text } from 'drizzle-orm/sqlite-core';

/** Timestamps are stored as epoch milliseconds so that SQLite compares and indexes them as plain integers. */
export const timestamp = (name?: string) =>
  name ? integer(name, { mode: 'timestamp_ms' }) : integer({ mode: 'timestamp_ms' });

export const createdAt = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date());

/** A JSON array of strings in a text column. */
export const stringList = () =>
  text({ mode: 'json' })
    .$type<string[]>()
    .notNull()
    .$defaultFn(() => []);
