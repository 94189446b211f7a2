import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns.js';

export const sourceKinds = ['rss', 'atom', 'html', 'csaf'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** CSS selectors that find items on a list page and the article body on an item page. */
export type SourceSelectors = {
  item?: string;
  link?: string;
  title?: string;
  date?: string;
  /** Body of the linked article page; when set, every item's link is fetched and this part becomes the notice text. */
  article?: string;
  /** Parts of the article to drop (contact blocks, share buttons, newsletter boxes). */
  remove?: string[];
};

export const sources = sqliteTable('sources', {
  id: text().primaryKey(),
  name: text().notNull(),
  publisher: text().notNull(),
  kind: text({ enum: sourceKinds }).notNull(),
  url: text().notNull(),
  selectors: text({ mode: 'json' }).$type<SourceSelectors>(),
  /** `auto`: advisories from this source publish at once; `review`: they wait as drafts for an editor. */
  trust: text({ enum: ['auto', 'review'] }).notNull().default('review'),
  intervalMinutes: integer().notNull().default(60),
  enabled: integer({ mode: 'boolean' }).notNull().default(true),
  etag: text(),
  lastModified: text(),
  /** Hash of the list document last read in full (see collectItems): the same document again is not parsed again. */
  bodyHash: text(),
  nextCheckAt: timestamp().notNull().$defaultFn(() => new Date(0)),
  lastCheckedAt: timestamp(),
  lastSuccessAt: timestamp(),
  errorCount: integer().notNull().default(0),
  /** The last failure in German words, for the admin. */
  lastError: text(),
  /** Items the last successful read found on the list or feed (a selector that silently finds fewer shows here). */
  lastItemCount: integer(),
  /** What went wrong inside the last successful read (an article that answered 404 and was skipped), in German. */
  lastPartialErrors: text({ mode: 'json' }).$type<{ url: string; message: string }[]>(),
  /** When a read last brought a never-seen item: a source that used to bring news and went quiet is suspicious. */
  lastNewItemAt: timestamp(),
  /** `config` sources are seeded from config/sources.json; `admin` sources were added in the web UI. */
  origin: text({ enum: ['config', 'admin'] }).notNull().default('config'),
  createdAt: createdAt(),
});
