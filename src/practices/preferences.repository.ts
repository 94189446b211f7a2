import type { Statement } from 'better-sqlite3';
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { orderedJoin } from '../db/dialect.js';
import type { Tx } from '../advisories/advisories.repository.js';
import { products, vendors } from '../catalog/catalog.table.js';
import type { Preferences } from './preferences.models.js';
import { practices, scopeSubscriptions, subscriptions } from './practices.table.js';

type Writer = Db | Tx;

/** Catalog ids the preferences name that do not exist (a stale or forged form). */
export function unknownCatalogIds(db: Writer, p: Pick<Preferences, 'productIds' | 'vendorIds'>): string[] {
  const knownProducts = p.productIds.length ? db.select({ id: products.id }).from(products).where(inArray(products.id, p.productIds)).all() : [];
  const knownVendors = p.vendorIds.length ? db.select({ id: vendors.id }).from(vendors).where(inArray(vendors.id, p.vendorIds)).all() : [];
  const known = new Set([...knownProducts, ...knownVendors].map((r) => r.id));
  return [...p.productIds, ...p.vendorIds].filter((id) => !known.has(id));
}

/** Replaces the practice's product and scope subscriptions with the chosen ones. */
export function replaceSubscriptions(tx: Writer, practiceId: number, p: Preferences, now: Date): void {
  tx.delete(subscriptions).where(eq(subscriptions.practiceId, practiceId)).run();
  tx.delete(scopeSubscriptions).where(eq(scopeSubscriptions.practiceId, practiceId)).run();
  if (p.productIds.length) {
    tx.insert(subscriptions)
      .values(p.productIds.map((productId) => ({ practiceId, productId, version: p.versions[productId] || null, createdAt: now })))
      .run();
  }
  const scopes = [
    ...p.vendorIds.map((value) => ({ practiceId, scope: 'vendor' as const, value, createdAt: now })),
    ...p.categories.map((value) => ({ practiceId, scope: 'category' as const, value, createdAt: now })),
  ];
  if (scopes.length) tx.insert(scopeSubscriptions).values(scopes).onConflictDoNothing().run();
}

/** Saves the manage form: name, cadence, severity, partner, "TI-Störungen", products, scopes and versions. */
export function updatePreferences(db: Db, practiceId: number, p: Preferences, now: Date): void {
  db.transaction((tx) => {
    tx.update(practices).set({ name: p.name, cadence: p.cadence, minSeverity: p.minSeverity, partnerEmail: p.partnerEmail, tiOutages: p.tiOutages }).where(eq(practices.id, practiceId)).run();
    replaceSubscriptions(tx, practiceId, p, now);
  });
}

/** The practice's current choices, in the shape of the form. */
export function loadPreferences(db: Writer, practiceId: number): Omit<Preferences, 'name' | 'partnerEmail' | 'cadence' | 'minSeverity' | 'tiOutages'> {
  const subs = db.select().from(subscriptions).where(eq(subscriptions.practiceId, practiceId)).all();
  const scopes = db.select().from(scopeSubscriptions).where(eq(scopeSubscriptions.practiceId, practiceId)).all();
  return {
    productIds: subs.map((s) => s.productId),
    versions: Object.fromEntries(subs.filter((s) => s.version).map((s) => [s.productId, s.version!])),
    vendorIds: scopes.filter((s) => s.scope === 'vendor').map((s) => s.value),
    categories: scopes.filter((s) => s.scope === 'category').map((s) => s.value) as Preferences['categories'],
  };
}

/**
 * Every product the practice hears about: its own subscriptions plus the products of its vendor and category
 * scopes, each with the version the practice gave (only direct subscriptions carry one).
 */
export function coveredProducts(db: Db, practiceId: number): Map<string, string | null> {
  const rows = coveredStatement(db).all({ practiceId }) as { id: string; version: string | null }[];
  return new Map(rows.map((r) => [r.id, r.version]));
}

// Read once per digest and per update or reminder mail, so prepared once per database. It starts from the
// practice's own rows (a few subscriptions and scopes) instead of testing every product of the catalog: scanning
// 2,000 products with an EXISTS each made the digest of 100,000 practices take 96 s (bench/digest.bench.ts).
// A product the practice chose itself keeps its version even when a scope covers it too; UNION drops a product
// that both a vendor and a category scope cover. CROSS JOIN keeps the scopes as the outer loop (SQLite does not
// reorder it): products have no index on category, and a practice without scopes must not scan them.
const covered = new WeakMap<Db, Statement>();

function coveredStatement(db: Db): Statement {
  let s = covered.get(db);
  if (!s) {
    const join = orderedJoin(db);
    s = db.$client.prepare(
      `select s.product_id as id, s.version from subscriptions s where s.practice_id = @practiceId
       union
       select p.id, null from scope_subscriptions ss ${join} products p on p.vendor_id = ss.value
       where ss.practice_id = @practiceId and ss.scope = 'vendor'
         and not exists (select 1 from subscriptions s where s.practice_id = @practiceId and s.product_id = p.id)
       union
       select p.id, null from scope_subscriptions ss ${join} products p on p.category = ss.value
       where ss.practice_id = @practiceId and ss.scope = 'category'
         and not exists (select 1 from subscriptions s where s.practice_id = @practiceId and s.product_id = p.id)`,
    );
    covered.set(db, s);
  }
  return s;
}

/** A confirmation that was never clicked is deleted after this long (data minimisation, Art. 5 DSGVO). */
export const unconfirmedRetentionMs = 7 * 24 * 3600 * 1000;

/** Deletes sign-ups that stayed unconfirmed past the retention; their deliveries and subscriptions go with them. */
export function deleteUnconfirmedSignups(db: Db, now: Date): number {
  return db
    .delete(practices)
    .where(and(eq(practices.status, 'pending'), lt(practices.createdAt, new Date(now.getTime() - unconfirmedRetentionMs))))
    .run().changes;
}
