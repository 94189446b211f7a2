import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Catalog } from './catalog.models.js';
import { products, vendors } from './catalog.table.js';

/** Makes the catalog tables match config/catalog.json (insert or update; products are never deleted, subscriptions refer to them). */
export function seedCatalog(db: Db, catalog: Catalog): void {
  db.transaction((tx) => {
    for (const v of catalog.vendors) {
      tx.insert(vendors)
        .values({ id: v.id, name: v.name, aliases: v.aliases })
        .onConflictDoUpdate({ target: vendors.id, set: { name: sql`excluded.name`, aliases: sql`excluded.aliases` } })
        .run();
    }
    for (const p of catalog.products) {
      const aliases = [...p.aliases, ...p.weakAliases];
      tx.insert(products)
        .values({ id: p.id, vendorId: p.vendor, name: p.name, category: p.category, aliases })
        .onConflictDoUpdate({
          target: products.id,
          set: { vendorId: sql`excluded.vendor_id`, name: sql`excluded.name`, category: sql`excluded.category`, aliases: sql`excluded.aliases` },
        })
        .run();
    }
  });
}
