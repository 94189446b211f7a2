import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns.js';
import { products } from '../catalog/catalog.table.js';
import { severities } from '../advisories/advisories.table.js';

export const cadences = ['immediate', 'daily', 'weekly'] as const;
export type Cadence = (typeof cadences)[number];

export const practices = sqliteTable('practices', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  /** Stored lower-cased; one practice per address. */
  email: text().notNull().unique(),
  status: text({ enum: ['pending', 'active', 'unsubscribed'] }).notNull().default('pending'),
  cadence: text({ enum: cadences }).notNull().default('immediate'),
  minSeverity: text({ enum: severities }).notNull().default('niedrig'),
  /** How the practice came to be subscribed: `cli`, `form` (double opt-in) or `import`. */
  origin: text().notNull(),
  createdAt: createdAt(),
  confirmedAt: timestamp(),
});

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    practiceId: integer()
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    productId: text()
      .notNull()
      .references(() => products.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.productId] }), index('subscriptions_product_idx').on(t.productId)],
);
