import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns.js';
import { practices } from '../practices/practices.table.js';
import { advisories } from '../advisories/advisories.table.js';

/** An IT service firm that looks after practices: signs up with double opt-in like a practice. */
export const firms = sqliteTable('firms', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  /** Stored lower-cased; one firm per address. */
  email: text().notNull().unique(),
  status: text({ enum: ['pending', 'active', 'unsubscribed'] }).notNull().default('pending'),
  consentVersion: text(),
  consentAt: timestamp(),
  createdAt: createdAt(),
  confirmedAt: timestamp(),
  unsubscribedAt: timestamp(),
});

/** A practice's invitation of a firm by its address; the firm has access while `revokedAt` is null. */
export const firmPractices = sqliteTable(
  'firm_practices',
  {
    firmId: integer()
      .notNull()
      .references(() => firms.id, { onDelete: 'cascade' }),
    practiceId: integer()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    invitedAt: timestamp().notNull(),
    revokedAt: timestamp(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.practiceId] }), index('firm_practices_practice_idx').on(t.practiceId)],
);

export const firmDeliveryKinds = ['firm_confirm', 'firm_access', 'firm_invited', 'firm_alert'] as const;
export type FirmDeliveryKind = (typeof firmDeliveryKinds)[number];

/**
 * The firms' outbox, beside the practices' (`deliveries`): one `firm_alert` per firm and advisory lists all of the
 * firm's practices it affects, instead of a copy per practice.
 */
export const firmDeliveries = sqliteTable(
  'firm_deliveries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    firmId: integer()
      .notNull()
      .references(() => firms.id, { onDelete: 'cascade' }),
    advisoryId: integer().references(() => advisories.id),
    kind: text({ enum: firmDeliveryKinds }).notNull(),
    dedupeKey: text().notNull().unique(),
    /** The practices a firm_alert lists, fixed when written so that a retry sends the same mail. */
    practiceIds: text({ mode: 'json' }).$type<number[]>(),
    status: text({ enum: ['pending', 'sending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    messageId: text().notNull(),
    lastError: text(),
    createdAt: createdAt(),
    claimedAt: timestamp(),
    sentAt: timestamp(),
  },
  (t) => [index('firm_deliveries_status_idx').on(t.status, t.createdAt)],
);
