import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns.js';
import { notices } from '../ingest/notices.table.js';

/** Names that look like products but are not in the catalog, for an admin to accept or dismiss. */
export const productProposals = sqliteTable('product_proposals', {
  id: integer().primaryKey({ autoIncrement: true }),
  /** Normalized (trimmed, single spaces); unique so that repeats only count up. */
  name: text().notNull().unique(),
  vendorId: text(),
  /** The sentence it was first seen in, and the notice. */
  evidence: text().notNull(),
  noticeId: integer().references(() => notices.id, { onDelete: 'set null' }),
  seenCount: integer().notNull().default(1),
  status: text({ enum: ['open', 'accepted', 'dismissed'] }).notNull().default('open'),
  createdAt: createdAt(),
  decidedAt: timestamp(),
});
