import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
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

/** Saves the manage form: name, cadence, severity, partner, products, scopes and versions. */
export function updatePreferences(db: Db, practiceId: number, p: Preferences, now: Date): void {
  db.transaction((tx) => {
    tx.update(practices).set({ name: p.name, cadence: p.cadence, minSeverity: p.minSeverity, partnerEmail: p.partnerEmail }).where(eq(practices.id, practiceId)).run();
    replaceSubscriptions(tx, practiceId, p, now);
  });
}

/** The practice's current choices, in the shape of the form. */
export function loadPreferences(db: Writer, practiceId: number): Omit<Preferences, 'name' | 'partnerEmail' | 'cadence' | 'minSeverity'> {
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
export function coveredProducts(db: Writer, practiceId: number): Map<string, string | null> {
  const rows = db
    .select({ id: products.id, version: subscriptions.version })
    .from(products)
    .leftJoin(subscriptions, and(eq(subscriptions.productId, products.id), eq(subscriptions.practiceId, practiceId)))
    .where(
      or(
        sql`${subscriptions.practiceId} IS NOT NULL`,
        sql`EXISTS (SELECT 1 FROM ${scopeSubscriptions} ss WHERE ss.practice_id = ${practiceId} AND ((ss.scope = 'vendor' AND ss.value = ${products.vendorId}) OR (ss.scope = 'category' AND ss.value = ${products.category})))`,
      ),
    )
    .all();
  return new Map(rows.map((r) => [r.id, r.version]));
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
