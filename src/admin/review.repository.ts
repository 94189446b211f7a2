import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { advisories, advisoryCves, advisoryProducts, advisorySources, type Severity } from '../advisories/advisories.table.js';
import { products, vendors } from '../catalog/catalog.table.js';
import type { Db } from '../db/client.js';
import { notices } from '../ingest/notices.table.js';
import { practices, subscriptions } from '../practices/practices.table.js';
import { sources } from '../sources/sources.table.js';
import { preselectedTarget, rankMergeTargets, type MergeCandidate, type MergeSuggestion } from './merge-suggestions.js';

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

export type MergeTargets = { ranked: MergeSuggestion[]; preselected: number | null };

/**
 * Candidates for "merge into": open advisories sharing a product, a vendor or a CVE with this one, and the newest
 * others, best first by how likely they report the same incident (see merge-suggestions.ts), with the one to preselect.
 */
export function mergeTargets(db: Db, advisoryId: number, limit = 100): MergeTargets {
  const [self] = mergeCandidates(db, [advisoryId]);
  if (!self) return { ranked: [], preselected: null };
  const open = and(inArray(advisories.status, ['draft', 'published']), sql`${advisories.id} <> ${advisoryId}`);
  const productIds = self.products.map((p) => p.id);
  const vendorIds = self.vendors.map((v) => v.id);
  const byProduct = (where: SQL) =>
    db.selectDistinct({ id: advisoryProducts.advisoryId }).from(advisoryProducts).innerJoin(advisories, eq(advisories.id, advisoryProducts.advisoryId)).innerJoin(products, eq(products.id, advisoryProducts.productId)).where(and(open, where)).all();
  const related = [
    ...(productIds.length ? byProduct(inArray(advisoryProducts.productId, productIds)) : []),
    ...(vendorIds.length ? byProduct(inArray(products.vendorId, vendorIds)) : []),
    ...(vendorIds.length ? db.select({ id: advisories.id }).from(advisories).where(and(open, inArray(advisories.vendorId, vendorIds))).all() : []),
    ...(self.cves.length
      ? db.selectDistinct({ id: advisoryCves.advisoryId }).from(advisoryCves).innerJoin(advisories, eq(advisories.id, advisoryCves.advisoryId)).where(and(open, inArray(advisoryCves.cve, self.cves))).all()
      : []),
  ];
  const newest = db.select({ id: advisories.id }).from(advisories).where(open).orderBy(desc(advisories.id)).limit(limit).all();
  const ranked = rankMergeTargets(self, mergeCandidates(db, [...new Set([...related, ...newest].map((r) => r.id))]));
  return { ranked, preselected: preselectedTarget(ranked) };
}

function mergeCandidates(db: Db, ids: number[]): MergeCandidate[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({ id: advisories.id, title: advisories.title, status: advisories.status, vendorId: advisories.vendorId, vendor: vendors.name })
    .from(advisories)
    .leftJoin(vendors, eq(vendors.id, advisories.vendorId))
    .where(inArray(advisories.id, ids))
    .all();
  const prods = db
    .select({ advisoryId: advisoryProducts.advisoryId, id: products.id, name: products.name, vendorId: products.vendorId, vendor: vendors.name })
    .from(advisoryProducts)
    .innerJoin(products, eq(products.id, advisoryProducts.productId))
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .where(inArray(advisoryProducts.advisoryId, ids))
    .orderBy(products.name)
    .all();
  const cves = db.select().from(advisoryCves).where(inArray(advisoryCves.advisoryId, ids)).all();
  return rows.map((a) => {
    const own = prods.filter((p) => p.advisoryId === a.id);
    const vendorList = [...own.map((p) => ({ id: p.vendorId, name: p.vendor })), ...(a.vendorId && a.vendor ? [{ id: a.vendorId, name: a.vendor }] : [])];
    return {
      id: a.id,
      title: a.title,
      status: a.status,
      products: own.map((p) => ({ id: p.id, name: p.name })),
      vendors: [...new Map(vendorList.map((v) => [v.id, v])).values()],
      cves: cves.filter((c) => c.advisoryId === a.id).map((c) => c.cve),
    };
  });
}
