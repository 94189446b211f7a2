import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns.js';
import { sources } from '../sources/sources.table.js';

/** A raw item as a source published it: one row per source and item, its version bumped when the content changes. */
export const notices = sqliteTable(
  'notices',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    sourceId: text()
      .notNull()
      .references(() => sources.id),
    externalId: text().notNull(),
    url: text(),
    title: text().notNull(),
    publishedAt: timestamp(),
    /** Plain text of the notice, paragraphs and list items on lines of their own. */
    text: text().notNull(),
    contentHash: text().notNull(),
    /** For sources whose text comes from an article page: the fingerprint of the list entry it was fetched for. */
    listHash: text(),
    version: integer().notNull().default(1),
    /** Brought by a read that shows a source's archive (its first read, or a burst of never-seen items): not news. */
    archived: integer({ mode: 'boolean' }).notNull().default(false),
    fetchedAt: createdAt(),
    normalizedAt: timestamp(),
    normalizeError: text(),
  },
  (t) => [
    uniqueIndex('notices_source_item_uq').on(t.sourceId, t.externalId),
    index('notices_unnormalized_idx').on(t.normalizedAt),
  ],
);
