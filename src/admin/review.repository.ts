import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { advisories, advisoryProducts, advisorySources, type Severity } from '../advisories/advisories.table.js';
import { products, vendors } from '../catalog/catalog.table.js';
import type { Db } from '../db/client.js';
import { notices } from '../ingest/notices.table.js';
import { practices, subscriptions } from '../practices/practices.table.js';
import { sources } from '../sources/sources.table.js';

// The same ranking as notify/match.ts: `unbekannt` counts as `mittel`.
const rank: Record<Severity, number> = { niedrig: 1, unbekannt: 2, mittel: 2, hoch: 3, kritisch: 4 };
const severitiesAtOrBelow = (s: Severity) => (Object.keys(rank) as Severity[]).filter((m) => rank[m] <= rank[s]);

export type Audience = { immediate: number; digest: number };

/**
 * How many active practices an advisory would reach, as matching decides it: subscribed to an affected product,
 * at or above their minimum severity; `immediate` ones get an alert, digest ones get it with their digest
 * (a `kritisch` advisory goes out at once to everyone).
 */
export function audienceFor(db: Db, productIds: string[], severity: Severity): Audience {
  if (productIds.length === 0) return { immediate: 0, digest: 0 };
  const rows = db
    .selectDistinct({ id: practices.id, cadence: practices.cadence })
    .from(subscriptions)
    .innerJoin(practices, eq(practices.id, subscriptions.practiceId))
    .where(and(inArray(subscriptions.productId, productIds), eq(practices.status, 'active'), inArray(practices.minSeverity, severitiesAtOrBelow(severity))))
    .all();
  const immediate = rows.filter((r) => r.cadence === 'immediate' || severity === 'kritisch').length;
  return { immediate, digest: rows.length - immediate };
}

export type QueueItem = {
  id: number;
  title: string;
  severity: Severity;
  relevanceReason: string;
  rejectReason: string | null;
  createdAt: Date;
  sources: { name: string; url: string | null }[];
  products: { id: string; name: string }[];
  audience: Audience;
};

/** Drafts (or rejected reports), newest first, with what an editor needs to decide which to open first. */
export function reviewQueue(db: Db, { status = 'draft', limit = 200 }: { status?: 'draft' | 'rejected'; limit?: number } = {}): QueueItem[] {
  const drafts = db.select().from(advisories).where(eq(advisories.status, status)).orderBy(desc(advisories.createdAt), desc(advisories.id)).limit(limit).all();
  return drafts.map((a) => {
    const prods = productsOf(db, a.id);
    return {
      id: a.id,
      title: a.title,
      severity: a.severity,
      relevanceReason: a.relevanceReason,
      rejectReason: a.rejectReason,
      createdAt: a.createdAt,
      sources: sourcesOf(db, a.id).map((s) => ({ name: s.sourceName, url: s.url })),
      products: prods.map((p) => ({ id: p.productId, name: p.name })),
      audience: audienceFor(db, prods.map((p) => p.productId), a.severity),
    };
  });
}

export function productsOf(db: Db, advisoryId: number) {
  return db
    .select({ productId: advisoryProducts.productId, name: products.name, vendor: vendors.name, affectedVersions: advisoryProducts.affectedVersions, fixedVersion: advisoryProducts.fixedVersion })
    .from(advisoryProducts)
    .innerJoin(products, eq(products.id, advisoryProducts.productId))
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .where(eq(advisoryProducts.advisoryId, advisoryId))
    .orderBy(products.name)
    .all();
}

export function sourcesOf(db: Db, advisoryId: number) {
  return db
    .select({
      noticeId: notices.id,
      sourceId: sources.id,
      sourceName: sources.name,
      publisher: sources.publisher,
      title: notices.title,
      url: notices.url,
      text: notices.text,
      publishedAt: notices.publishedAt,
      fetchedAt: notices.fetchedAt,
    })
    .from(advisorySources)
    .innerJoin(notices, eq(notices.id, advisorySources.noticeId))
    .innerJoin(sources, eq(sources.id, notices.sourceId))
    .where(eq(advisorySources.advisoryId, advisoryId))
    .orderBy(advisorySources.addedAt)
    .all();
}

/** Candidates for "merge into": open advisories, newest first, for a select box. */
export function mergeTargets(db: Db, exceptId: number, limit = 100) {
  return db
    .select({ id: advisories.id, title: advisories.title, status: advisories.status })
    .from(advisories)
    .where(and(inArray(advisories.status, ['draft', 'published']), sql`${advisories.id} <> ${exceptId}`))
    .orderBy(desc(advisories.id))
    .limit(limit)
    .all();
}
