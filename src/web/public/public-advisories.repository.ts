import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { advisories, advisoryActions, advisoryCves, advisoryProducts } from '../../advisories/advisories.table.js';
import { advisorySourceList } from '../../advisories/advisories.repository.js';
import { products, vendors } from '../../catalog/catalog.table.js';

export type PublicAdvisorySummary = { id: number; title: string; summary: string; severity: (typeof advisories.$inferSelect)['severity']; releasedAt: Date | null; publishedAt: Date | null; updatedAt: Date };

/** Published advisories, newest release first: what anyone may read (no practice data is involved). */
export function listPublishedAdvisories(db: Db, limit = 100): PublicAdvisorySummary[] {
  return db
    .select({ id: advisories.id, title: advisories.title, summary: advisories.summary, severity: advisories.severity, releasedAt: advisories.releasedAt, publishedAt: advisories.publishedAt, updatedAt: advisories.updatedAt })
    .from(advisories)
    .where(eq(advisories.status, 'published'))
    .orderBy(desc(advisories.releasedAt), desc(advisories.id))
    .limit(limit)
    .all();
}

/** One published advisory with products (and vendors), fixed versions, actions, CVEs and sources; undefined otherwise. */
export function getPublishedAdvisory(db: Db, id: number) {
  const advisory = db.select().from(advisories).where(and(eq(advisories.id, id), eq(advisories.status, 'published'))).get();
  if (!advisory) return undefined;
  return {
    ...advisory,
    products: db
      .select({ name: products.name, vendor: vendors.name, affectedVersions: advisoryProducts.affectedVersions, fixedVersion: advisoryProducts.fixedVersion })
      .from(advisoryProducts)
      .innerJoin(products, eq(products.id, advisoryProducts.productId))
      .innerJoin(vendors, eq(vendors.id, products.vendorId))
      .where(eq(advisoryProducts.advisoryId, id))
      .orderBy(asc(products.name))
      .all(),
    actions: db.select({ text: advisoryActions.text }).from(advisoryActions).where(eq(advisoryActions.advisoryId, id)).orderBy(asc(advisoryActions.position)).all().map((a) => a.text),
    cves: db.select({ cve: advisoryCves.cve }).from(advisoryCves).where(eq(advisoryCves.advisoryId, id)).all().map((c) => c.cve),
    sources: advisorySourceList(db, id),
  };
}

export type PublicAdvisory = NonNullable<ReturnType<typeof getPublishedAdvisory>>;
