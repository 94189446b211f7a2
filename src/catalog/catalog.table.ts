import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { stringList } from '../db/columns.js';

export const productCategories = ['pvs', 'pvs-dental', 'pvs-psych', 'ti', 'router', 'firewall', 'remote', 'os', 'lib', 'backup'] as const;
export type ProductCategory = (typeof productCategories)[number];

/** The catalog is seeded from config/catalog.json; rows exist so that subscriptions and advisories can refer to them. */
export const vendors = sqliteTable('vendors', {
  id: text().primaryKey(),
  name: text().notNull(),
  aliases: stringList(),
});

export const products = sqliteTable(
  'products',
  {
    id: text().primaryKey(),
    vendorId: text()
      .notNull()
      .references(() => vendors.id),
    name: text().notNull(),
    category: text({ enum: productCategories }).notNull(),
    aliases: stringList(),
  },
  (t) => [index('products_vendor_idx').on(t.vendorId)],
);
