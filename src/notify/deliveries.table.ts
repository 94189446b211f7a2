import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns.js';
import { practices } from '../practices/practices.table.js';
import { advisories } from '../advisories/advisories.table.js';

export const deliveryKinds = ['confirm', 'alert', 'update', 'digest'] as const;
export const deliveryStatuses = ['pending', 'sending', 'sent', 'failed'] as const;

/** The outbox: a mail that must go out, written in the same transaction as the decision to send it. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    practiceId: integer()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    advisoryId: integer().references(() => advisories.id),
    kind: text({ enum: deliveryKinds }).notNull(),
    /** Natural key (kind, advisory, practice, revision or period): a repeat is a no-op. */
    dedupeKey: text().notNull().unique(),
    status: text({ enum: deliveryStatuses }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    messageId: text().notNull(),
    lastError: text(),
    createdAt: createdAt(),
    claimedAt: timestamp(),
    sentAt: timestamp(),
  },
  (t) => [index('deliveries_status_idx').on(t.status, t.createdAt), index('deliveries_practice_idx').on(t.practiceId)],
);
