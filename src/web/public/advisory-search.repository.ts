import { and, asc, desc, eq, gte, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { advisories, advisoryCves, advisoryProducts } from '../../advisories/advisories.table.js';
import { products, vendors, type ProductCategory } from '../../catalog/catalog.table.js';
import type { AdvisoryKind } from './advisory-filter.js';
import type { PublicAdvisorySummary } from './public-advisories.repository.js';

export type PublicFilter = {
  /** Words that must each appear in the title, the summary, a product's name or alias, or its vendor's name. */
  q?: string;
  productId?: string;
  vendorId?: string;
  category?: ProductCategory;
  minSeverity?: 'mittel' | 'hoch' | 'kritisch';
  /** Only advisories whose own date (the publisher's, else when listed here) is on or after this. */
  since?: Date | null;
  kind?: AdvisoryKind;
  /** Leave out the archive (the feed carries news only). */
  newsOnly?: boolean;
};

export type ListedAdvisory = PublicAdvisorySummary & { kind: AdvisoryKind; products: { id: string; name: string; vendor: string }[] };

const severitiesFrom: Record<NonNullable<PublicFilter['minSeverity']>, PublicAdvisorySummary['severity'][]> = {
  mittel: ['mittel', 'unbekannt', 'hoch', 'kritisch'],
  hoch: ['hoch', 'kritisch'],
  kritisch: ['kritisch'],
};

const ownDate = sql`coalesce(${advisories.publishedAt}, ${advisories.releasedAt})`;

/**
 * The rule that keeps the two kinds apart, from what the advisory holds: a security flaw names a CVE or a version
 * that is affected or fixed (an update closes it); anything without either is a notice (deadlines, outages, an
 * attack on a vendor, the end of support). An editor turns a notice into a flaw by adding a CVE or a version.
 */
const isFlaw = sql<number>`(exists (select 1 from ${advisoryCves} where ${advisoryCves.advisoryId} = ${advisories.id})
  or exists (select 1 from ${advisoryProducts} where ${advisoryProducts.advisoryId} = ${advisories.id}
    and (coalesce(${advisoryProducts.fixedVersion}, '') <> '' or coalesce(${advisoryProducts.affectedVersions}, '') <> '')))`;

// The aliases are a JSON list (jsonb on PostgreSQL): searched as their text.
// SQLite's lower() folds ASCII only; German capitals are folded by hand so that "ärzte" finds "Ärzte".
const folded = (value: SQLWrapper) => sql`replace(replace(replace(lower(${value}), 'Ä', 'ä'), 'Ö', 'ö'), 'Ü', 'ü')`;
const likePattern = (word: string) => `%${word.toLocaleLowerCase('de-DE').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Conditions of a filter, all but the kind (the counts per kind are taken under the rest). */
function conditions(filter: PublicFilter): SQL[] {
  // Security advisories only: TI outages (gematik status notices) are not warnings and are not counted as such.
  const where: SQL[] = [inArray(advisories.status, filter.newsOnly ? ['published'] : ['published', 'archive']), eq(advisories.category, 'security')];
  const onProducts = (condition: SQL) =>
    sql`exists (select 1 from ${advisoryProducts} inner join ${products} on ${products.id} = ${advisoryProducts.productId}
      inner join ${vendors} on ${vendors.id} = ${products.vendorId} where ${advisoryProducts.advisoryId} = ${advisories.id} and ${condition})`;
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = likePattern(word);
    const like = (value: SQLWrapper) => sql`${folded(value)} like ${pattern} escape '\\'`;
    where.push(sql`(${like(advisories.title)} or ${like(advisories.summary)} or ${onProducts(sql`(${like(products.name)} or ${like(sql`cast(${products.aliases} as text)`)} or ${like(vendors.name)})`)})`);
  }
  if (filter.productId) where.push(onProducts(sql`${products.id} = ${filter.productId}`));
  if (filter.vendorId) where.push(sql`(${advisories.vendorId} = ${filter.vendorId} or ${onProducts(sql`${products.vendorId} = ${filter.vendorId}`)})`);
  if (filter.category) where.push(onProducts(sql`${products.category} = ${filter.category}`));
  if (filter.minSeverity) where.push(inArray(advisories.severity, severitiesFrom[filter.minSeverity]));
  if (filter.since) where.push(gte(ownDate, filter.since.getTime()));
  return where;
}

/**
 * One page of public advisories under a filter, newest first by their own date, each with its kind and products;
 * `total` counts the chosen kind, `counts` each kind under the same filter.
 */
export function searchPublicAdvisories(db: Db, filter: PublicFilter, { limit, offset = 0 }: { limit: number; offset?: number }) {
  const base = conditions(filter);
  const kindColumn = sql<number>`${isFlaw}`.as('flaw');
  const perKind = db.select({ flaw: kindColumn, n: sql<number>`count(*)` }).from(advisories).where(and(...base)).groupBy(sql`flaw`).all();
  const counts: Record<AdvisoryKind, number> = { luecken: 0, hinweise: 0 };
  for (const row of perKind) counts[row.flaw ? 'luecken' : 'hinweise'] += row.n;
  const where = filter.kind ? and(...base, filter.kind === 'luecken' ? sql`${isFlaw}` : sql`not ${isFlaw}`) : and(...base);
  const rows = db
    .select({ id: advisories.id, title: advisories.title, summary: advisories.summary, severity: advisories.severity, status: advisories.status, releasedAt: advisories.releasedAt, publishedAt: advisories.publishedAt, updatedAt: advisories.updatedAt, flaw: kindColumn })
    .from(advisories)
    .where(where)
    .orderBy(desc(ownDate), desc(advisories.id))
    .limit(limit)
    .offset(offset)
    .all();
  const named = productsOf(db, rows.map((r) => r.id));
  const list: ListedAdvisory[] = rows.map(({ flaw, ...r }) => ({ ...(r as PublicAdvisorySummary), kind: flaw ? 'luecken' : 'hinweise', products: named.get(r.id) ?? [] }));
  return { rows: list, counts, total: filter.kind ? counts[filter.kind] : counts.luecken + counts.hinweise };
}

function productsOf(db: Db, ids: number[]) {
  const byAdvisory = new Map<number, ListedAdvisory['products']>();
  if (ids.length === 0) return byAdvisory;
  const rows = db
    .select({ advisoryId: advisoryProducts.advisoryId, id: products.id, name: products.name, vendor: vendors.name })
    .from(advisoryProducts)
    .innerJoin(products, eq(products.id, advisoryProducts.productId))
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .where(inArray(advisoryProducts.advisoryId, ids))
    .orderBy(asc(products.name))
    .all();
  for (const { advisoryId, ...p } of rows) byAdvisory.set(advisoryId, [...(byAdvisory.get(advisoryId) ?? []), p]);
  return byAdvisory;
}

/** What the filter form offers: only products, vendors and categories that public advisories name. */
export function filterOptions(db: Db) {
  const named = db
    .selectDistinct({ id: products.id, name: products.name, category: products.category, vendorId: vendors.id, vendor: vendors.name })
    .from(advisoryProducts)
    .innerJoin(advisories, eq(advisories.id, advisoryProducts.advisoryId))
    .innerJoin(products, eq(products.id, advisoryProducts.productId))
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .where(inArray(advisories.status, ['published', 'archive']))
    .all();
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');
  const vendorList = [...new Map(named.map((p) => [p.vendorId, { id: p.vendorId, name: p.vendor }])).values()].sort(byName);
  return { products: named.sort(byName), vendors: vendorList, categories: [...new Set(named.map((p) => p.category))] };
}
