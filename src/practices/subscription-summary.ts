import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { products, vendors, type ProductCategory } from '../catalog/catalog.table.js';
import { categoryLabels } from './preferences.models.js';
import { scopeSubscriptions, subscriptions } from './practices.table.js';

/** The practice's subscriptions in words, for mails and the manage page: products (with version), vendors, categories. */
export function describeSubscriptions(db: Db, practiceId: number): string[] {
  const own = db
    .select({ name: products.name, version: subscriptions.version })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .where(eq(subscriptions.practiceId, practiceId))
    .all()
    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
    .map((p) => (p.version ? `${p.name} (Version ${p.version})` : p.name));
  const scopes = db.select().from(scopeSubscriptions).where(eq(scopeSubscriptions.practiceId, practiceId)).all();
  const vendorNames = new Map(db.select({ id: vendors.id, name: vendors.name }).from(vendors).all().map((v) => [v.id, v.name]));
  return [
    ...own,
    ...scopes.filter((s) => s.scope === 'vendor').map((s) => `alle Produkte von ${vendorNames.get(s.value) ?? s.value}`),
    ...scopes.filter((s) => s.scope === 'category').map((s) => `alle Produkte aus „${categoryLabels[s.value as ProductCategory] ?? s.value}“`),
  ];
}
