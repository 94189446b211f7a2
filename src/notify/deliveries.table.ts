import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns.js';
import { practices } from '../practices/practices.table.js';
import { advisories } from '../advisories/advisories.table.js';

// `access`: the manage link sent to an already active address that signed up again (instead of a confirmation);
// `welcome`: sent once a practice confirmed, listing the advisories on its products that are still open.
// `deputy_confirm`: asks a practice's deputy address to confirm it takes the alerts during a closing period;
// `held`: the "Zur Kenntnis" alerts that waited during a closing period, in one mail on the first day back;
// `outage` / `outage_resolved`: a TI outage and its end, for practices that opted in to "TI-Störungen".
export const deliveryKinds = ['confirm', 'access', 'welcome', 'alert', 'update', 'digest', 'reminder', 'deputy_confirm', 'held', 'outage', 'outage_resolved'] as const;
export type DeliveryKind = (typeof deliveryKinds)[number];
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
    /** The advisory revision an update mail announces, or the digest period (`daily:2026-11-25`, `weekly:2026-W48`). */
    revision: integer(),
    period: text(),
    /** The advisories a digest lists, fixed when it is written so that a retry sends the same mail. */
    advisoryIds: text({ mode: 'json' }).$type<number[]>(),
    status: text({ enum: deliveryStatuses }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    messageId: text().notNull(),
    /** Sent to this address instead of the practice's (its deputy during a closing period); null: the practice. */
    recipient: text(),
    /** Not sent before this time (alerts held while the practice is closed); null: at once. */
    notBefore: timestamp(),
    lastError: text(),
    createdAt: createdAt(),
    claimedAt: timestamp(),
    sentAt: timestamp(),
  },
  (t) => [
    index('deliveries_status_idx').on(t.status, t.createdAt),
    index('deliveries_practice_idx').on(t.practiceId),
    index('deliveries_advisory_idx').on(t.advisoryId),
  ],
);

/** Every advisory that matched a practice, whatever its cadence: the digest reads these, the practice sees them. */
export const matches = sqliteTable(
  'matches',
  {
    practiceId: integer()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    advisoryId: integer()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.advisoryId] }), index('matches_advisory_idx').on(t.advisoryId), index('matches_created_idx').on(t.createdAt)],
);

/** One row per digest period (`daily:2026-11-25`): written when the period's deliveries are all in the outbox. */
export const digestRuns = sqliteTable('digest_runs', {
  period: text().primaryKey(),
  startedAt: timestamp().notNull(),
  completedAt: timestamp(),
  deliveries: integer().notNull().default(0),
});
