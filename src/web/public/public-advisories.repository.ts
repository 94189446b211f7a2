import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { advisories, advisoryActions, advisoryCves, advisoryProducts } from '../../advisories/advisories.table.js';
import { advisorySourceList } from '../../advisories/advisories.repository.js';
import { products, vendors } from '../../catalog/catalog.table.js';

export type PublicAdvisorySummary = {
  id: number;
  title: string;
  summary: string;
  severity: (typeof advisories.$inferSelect)['severity'];
  /** `archive`: older news, listed but never mailed. */
  status: 'published' | 'archive';
  releasedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
};

/** What anyone may read: published and archived advisories (no practice data is involved). */
const publicStatuses = ['published', 'archive'] as const;

/** One public (published or archived) advisory with products (and vendors), fixed versions, actions, CVEs and sources. */
export function getPublishedAdvisory(db: Db, id: number) {
  const advisory = db.select().from(advisories).where(and(eq(advisories.id, id), inArray(advisories.status, [...publicStatuses]))).get();
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
