import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { createdAt, stringList, timestamp } from '../db/columns.js';
import { products, vendors } from '../catalog/catalog.table.js';
import { notices } from '../ingest/notices.table.js';

export const severities = ['kritisch', 'hoch', 'mittel', 'niedrig', 'unbekannt'] as const;
export type Severity = (typeof severities)[number];

/**
 * `archive`: a known, older incident (a source's first read, a burst of never-seen items, or a stated date older than
 * ALERT_MAX_AGE_DAYS): listed publicly under its own date and shown in practices' overviews, never alerted or digested.
 */
/** `ti_outage`: a gematik outage notice ("TI-Störungen"), an opt-in category of its own, never a security advisory. */
export const advisoryCategories = ['security', 'ti_outage'] as const;
export type AdvisoryCategory = (typeof advisoryCategories)[number];

export const advisoryStatuses = ['draft', 'published', 'rejected', 'merged', 'archive'] as const;
export type AdvisoryStatus = (typeof advisoryStatuses)[number];

/** The extractor's draft of an advisory, kept beside what editors made of it (see `extracted`). */
export type ExtractedDraft = {
  relevant: boolean;
  title: string;
  summary: string;
  severity: Severity;
  vendorId: string | null;
  products: { id: string; affectedVersions: string | null; fixedVersion: string | null }[];
  actions: string[];
  cves: string[];
  published: string | null;
};

export const advisories = sqliteTable(
  'advisories',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    title: text().notNull(),
    summary: text().notNull().default(''),
    severity: text({ enum: severities }).notNull().default('unbekannt'),
    status: text({ enum: advisoryStatuses }).notNull().default('draft'),
    relevant: integer({ mode: 'boolean' }).notNull(),
    relevanceReason: text().notNull(),
    category: text({ enum: advisoryCategories }).notNull().default('security'),
    /** Being exploited by attackers ("wird aktiv ausgenutzt"): set from the wording or by an editor; raises urgency. */
    exploited: integer({ mode: 'boolean' }).notNull().default(false),
    /** For a `ti_outage`: when the outage was reported resolved (the follow-up mail goes out once). */
    resolvedAt: timestamp(),
    vendorId: text().references(() => vendors.id),
    revision: integer().notNull().default(1),
    /** The date the publisher gave, when it gave one. */
    publishedAt: timestamp(),
    /** When praxiswarn released it to practices. */
    releasedAt: timestamp(),
    /** When its deliveries were written; a published advisory without it is matched again by the sweep. */
    matchedAt: timestamp(),
    /**
     * What the extractor made of the first notice, as the editor first saw it (title, summary, severity, vendor,
     * products, actions, CVEs): set once, never edited, so the published advisory beside it shows what editors fix.
     */
    extracted: text({ mode: 'json' }).$type<ExtractedDraft>(),
    /** Why it went to the archive instead of out to practices, in German for the admin. */
    archiveReason: text(),
    /** Why an editor rejected it, or why the extractor found it not relevant. */
    rejectReason: text(),
    /** The admin who approved, rejected or merged it last. */
    decidedBy: integer(),
    mergedIntoId: integer().references((): AnySQLiteColumn => advisories.id),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [index('advisories_status_idx').on(t.status, t.createdAt)],
);

export const advisoryProducts = sqliteTable(
  'advisory_products',
  {
    advisoryId: integer()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    productId: text()
      .notNull()
      .references(() => products.id),
    affectedVersions: text(),
    fixedVersion: text(),
  },
  (t) => [primaryKey({ columns: [t.advisoryId, t.productId] }), index('advisory_products_product_idx').on(t.productId)],
);

export const advisoryActions = sqliteTable(
  'advisory_actions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    advisoryId: integer()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    text: text().notNull(),
    /** The sentence of the notice the action was taken from. */
    evidence: text(),
  },
  (t) => [uniqueIndex('advisory_actions_position_uq').on(t.advisoryId, t.position)],
);

export const advisorySources = sqliteTable(
  'advisory_sources',
  {
    advisoryId: integer()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    noticeId: integer()
      .notNull()
      .references(() => notices.id),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.advisoryId, t.noticeId] }), uniqueIndex('advisory_sources_notice_uq').on(t.noticeId)],
);

export const advisoryCves = sqliteTable(
  'advisory_cves',
  {
    advisoryId: integer()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    cve: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.advisoryId, t.cve] })],
);

/** One row per revision: which fields changed and whether the change matters to practices (update mails). */
export const advisoryRevisions = sqliteTable(
  'advisory_revisions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    advisoryId: integer()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    revision: integer().notNull(),
    changedFields: stringList(),
    material: integer({ mode: 'boolean' }).notNull(),
    noticeId: integer().references(() => notices.id),
    createdAt: createdAt(),
    /** When the update mails for a material revision were written; null means they are still owed. */
    notifiedAt: timestamp(),
  },
  (t) => [uniqueIndex('advisory_revisions_uq').on(t.advisoryId, t.revision)],
);
