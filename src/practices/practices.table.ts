import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns.js';
import { products } from '../catalog/catalog.table.js';
import { advisories, severities } from '../advisories/advisories.table.js';

export const cadences = ['immediate', 'daily', 'weekly'] as const;
export type Cadence = (typeof cadences)[number];

export const practices = sqliteTable('practices', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  /** Stored lower-cased; one practice per address. */
  email: text().notNull().unique(),
  status: text({ enum: ['pending', 'active', 'unsubscribed'] }).notNull().default('pending'),
  cadence: text({ enum: cadences }).notNull().default('immediate'),
  minSeverity: text({ enum: severities }).notNull().default('niedrig'),
  /** How the practice came to be subscribed: `cli`, `form` (double opt-in) or `import`. */
  origin: text().notNull(),
  /** The practice's IT service partner, who gets a copy of every alert. */
  partnerEmail: text(),
  /** Opted in to "TI-Störungen": gematik notices about outages of the telematics infrastructure (not security). */
  tiOutages: integer({ mode: 'boolean' }).notNull().default(false),
  /** The consent given at sign-up: which text (version), when and from which address. */
  consentVersion: text(),
  consentAt: timestamp(),
  consentIp: text(),
  /** Permanent refusals (5xx) in a row; at the configured limit the address is suppressed. */
  bounceCount: integer().notNull().default(0),
  suppressedAt: timestamp(),
  createdAt: createdAt(),
  confirmedAt: timestamp(),
  unsubscribedAt: timestamp(),
});

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    practiceId: integer()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    productId: text()
      .notNull()
      .references(() => products.id),
    /** The version the practice runs, when it told us: a practice already on the fixed version is not alerted. */
    version: text(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.productId] }), index('subscriptions_product_idx').on(t.productId)],
);

/** A subscription to everything of a vendor or of a category (e.g. all `ti` products). */
export const scopeSubscriptions = sqliteTable(
  'scope_subscriptions',
  {
    practiceId: integer()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    scope: text({ enum: ['vendor', 'category'] }).notNull(),
    value: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.scope, t.value] }), index('scope_subscriptions_value_idx').on(t.scope, t.value)],
);

/** "Erledigt": a practice confirmed one action of an advisory (position) or all of them (position -1). */
export const acknowledgements = sqliteTable(
  'acknowledgements',
  {
    practiceId: integer()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    advisoryId: integer()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    actionPosition: integer().notNull(),
    /** Who ticked it, as typed when ticking (optional): shown in the Nachweis. */
    doneBy: text(),
    /** The IT service firm that ticked it for the practice, if one did. */
    firmId: integer(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.advisoryId, t.actionPosition] }), index('acknowledgements_advisory_idx').on(t.advisoryId)],
);

export const impactAnswerValues = ['betroffen', 'nicht_betroffen', 'unklar'] as const;
export type ImpactAnswer = (typeof impactAnswerValues)[number];
export const impactReasons = ['nicht_im_einsatz', 'aktualisiert', 'anderes_modell'] as const;
export type ImpactReason = (typeof impactReasons)[number];

/** "Betrifft uns?": the practice's answer to an advisory; the last answer counts, answering again replaces it. */
export const impactAnswers = sqliteTable(
  'impact_answers',
  {
    practiceId: integer()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    advisoryId: integer()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    answer: text({ enum: impactAnswerValues }).notNull(),
    /** Only with `nicht_betroffen`. */
    reason: text({ enum: impactReasons }),
    /** The product the reason is about (`nicht_im_einsatz`, `aktualisiert`). */
    productId: text(),
    /** The version installed, with `aktualisiert`. */
    version: text(),
    /** The IT service firm that answered for the practice, if one did. */
    firmId: integer(),
    answeredAt: timestamp().notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.advisoryId] }), index('impact_answers_advisory_idx').on(t.advisoryId)],
);

/**
 * "Urlaubsvertretung": a period (Europe/Berlin calendar days, both inclusive) in which the practice is closed and its
 * alerts go to a deputy address, once that address confirmed through its own link.
 */
export const absences = sqliteTable(
  'absences',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    practiceId: integer()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    /** `YYYY-MM-DD`, first closed day and last closed day, in Europe/Berlin. */
    firstDay: text().notNull(),
    lastDay: text().notNull(),
    deputyEmail: text().notNull(),
    deputyConfirmedAt: timestamp(),
    cancelledAt: timestamp(),
    createdAt: createdAt(),
  },
  (t) => [index('absences_practice_idx').on(t.practiceId, t.lastDay)],
);
