import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { advisories, advisoryProducts, severities, type Severity } from '../advisories/advisories.table.js';
import { products } from '../catalog/catalog.table.js';
import type { Db } from '../db/client.js';
import { z } from 'zod';
import { deliveryCounts, type DeliveryCounts } from './advisory-stats.repository.js';
import { productsOf } from './review.repository.js';
import { answerCounts, type AnswerCounts } from './answer-stats.repository.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const publishedFilterSchema = z.object({
  product: z.string().max(100).optional().catch(undefined),
  vendor: z.string().max(100).optional().catch(undefined),
  severity: z.enum(severities).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  /** `archive`: older news recorded without alerts (see src/advisories/archive.ts). */
  /** `stoerungen`: published TI outages, kept apart from the security advisories (see src/notify/outage.ts). */
  liste: z.enum(['veroeffentlicht', 'archiv', 'stoerungen']).catch('veroeffentlicht'),
});
export type PublishedFilter = z.infer<typeof publishedFilterSchema>;

export type PublishedItem = {
  id: number;
  title: string;
  severity: Severity;
  releasedAt: Date | null;
  /** The date the publisher gave. */
  publishedAt: Date | null;
  archiveReason: string | null;
  revision: number;
  products: { id: string; name: string; vendor: string }[];
  counts: DeliveryCounts;
  /** "Betrifft uns?": the practices' answers. */
  answers: AnswerCounts;
};

// Days are calendar days in Europe/Berlin; a fixed +01:00 is close enough for a filter (an hour off in summer).
const berlinMidnight = (day: string) => new Date(`${day}T00:00:00+01:00`);

/** Published (or archived) advisories, newest release first, filtered by product, vendor, severity and release date. */
export function listPublished(db: Db, filter: PublishedFilter, limit = 200): PublishedItem[] {
  const where: SQL[] = [eq(advisories.status, filter.liste === 'archiv' ? 'archive' : 'published')];
  // The archive lists both kinds; published security advisories and TI outages are listed apart.
  if (filter.liste !== 'archiv') where.push(eq(advisories.category, filter.liste === 'stoerungen' ? 'ti_outage' : 'security'));
  if (filter.severity) where.push(eq(advisories.severity, filter.severity));
  if (filter.from) where.push(gte(advisories.releasedAt, berlinMidnight(filter.from)));
  if (filter.to) where.push(lt(advisories.releasedAt, new Date(berlinMidnight(filter.to).getTime() + 86_400_000)));
  if (filter.product || filter.vendor) {
    const productWhere = filter.product ? eq(advisoryProducts.productId, filter.product) : eq(products.vendorId, filter.vendor!);
    const ids = db
      .selectDistinct({ id: advisoryProducts.advisoryId })
      .from(advisoryProducts)
      .innerJoin(products, eq(products.id, advisoryProducts.productId))
      .where(productWhere)
      .all()
      .map((r) => r.id);
    where.push(inArray(advisories.id, ids));
  }
  const rows = db.select().from(advisories).where(and(...where)).orderBy(desc(advisories.releasedAt), desc(advisories.id)).limit(limit).all();
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    severity: a.severity,
    releasedAt: a.releasedAt,
    publishedAt: a.publishedAt,
    archiveReason: a.archiveReason,
    revision: a.revision,
    products: productsOf(db, a.id).map((p) => ({ id: p.productId, name: p.name, vendor: p.vendor })),
    counts: deliveryCounts(db, a.id),
    answers: answerCounts(db, a.id),
  }));
}
