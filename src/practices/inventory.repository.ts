import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { products } from '../catalog/catalog.table.js';
import { subscriptions } from './practices.table.js';

/** One of the practice's own products: its inventory ("Ihre Geräte und Programme"), with the version it told us. */
export type InventoryItem = { productId: string; name: string; version: string | null };

/** The products the practice chose itself (not through a vendor or category scope), by name. */
export function inventoryOf(db: Db, practiceId: number): InventoryItem[] {
  return db
    .select({ productId: subscriptions.productId, name: products.name, version: subscriptions.version })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .where(eq(subscriptions.practiceId, practiceId))
    .orderBy(asc(products.name))
    .all();
}

export function hasOwnSubscription(db: Db, practiceId: number, productId: string): boolean {
  return db.select({ id: subscriptions.productId }).from(subscriptions).where(and(eq(subscriptions.practiceId, practiceId), eq(subscriptions.productId, productId))).get() !== undefined;
}

/** The installed version the practice reported ("bereits aktualisiert"); only for a product it subscribed itself. Returns whether it was stored. */
export function recordInstalledVersion(db: Db, practiceId: number, productId: string, version: string): boolean {
  const r = db
    .update(subscriptions)
    .set({ version })
    .where(and(eq(subscriptions.practiceId, practiceId), eq(subscriptions.productId, productId)))
    .run();
  return r.changes > 0;
}

/** Removes one product from the practice's own subscriptions ("Produkt nicht im Einsatz"); harmless when already gone. */
export function removeSubscription(db: Db, practiceId: number, productId: string): boolean {
  const r = db.delete(subscriptions).where(and(eq(subscriptions.practiceId, practiceId), eq(subscriptions.productId, productId))).run();
  return r.changes > 0;
}
