import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { products } from '../catalog/catalog.table.js';
import { severities } from '../advisories/advisories.table.js';
import { cadences, practices, subscriptions } from './practices.table.js';

export type Practice = typeof practices.$inferSelect;

// Names and addresses end up in mail headers: no line breaks, no control characters.
const singleLine = z.string().trim().regex(/^[^\r\n\p{Cc}]+$/u, 'darf keine Zeilenumbrüche oder Steuerzeichen enthalten');

export const newPracticeSchema = z.object({
  name: singleLine.min(2).max(200),
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  productIds: z.array(z.string().min(1)).min(1, 'mindestens ein Produkt angeben'),
  cadence: z.enum(cadences).default('immediate'),
  minSeverity: z.enum(severities).default('niedrig'),
});

export type NewPractice = z.input<typeof newPracticeSchema>;

export class UnknownProductError extends Error {
  override name = 'UnknownProductError';
}

/**
 * Adds an active practice with its subscriptions (for operators until the double opt-in pages exist).
 * An address that is already known keeps its row and gets the new subscriptions added.
 */
export function addPractice(db: Db, input: NewPractice, { now, origin }: { now: Date; origin: string }): Practice {
  const data = newPracticeSchema.parse(input);
  const known = db.select({ id: products.id }).from(products).where(inArray(products.id, data.productIds)).all();
  const missing = data.productIds.filter((id) => !known.some((k) => k.id === id));
  if (missing.length > 0) throw new UnknownProductError(`Unbekannte Produkt-ID(s): ${missing.join(', ')}`);
  return db.transaction((tx) => {
    const practice = tx
      .insert(practices)
      .values({ name: data.name, email: data.email, cadence: data.cadence, minSeverity: data.minSeverity, status: 'active', origin, createdAt: now, confirmedAt: now })
      .onConflictDoUpdate({ target: practices.email, set: { name: data.name, cadence: data.cadence, minSeverity: data.minSeverity, status: 'active' } })
      .returning()
      .get();
    for (const productId of data.productIds) {
      tx.insert(subscriptions).values({ practiceId: practice.id, productId, createdAt: now }).onConflictDoNothing().run();
    }
    return practice;
  });
}

export function getPractice(db: Db, id: number): Practice | undefined {
  return db.select().from(practices).where(eq(practices.id, id)).get();
}

export function subscribedProductIds(db: Db, practiceId: number): string[] {
  return db.select({ id: subscriptions.productId }).from(subscriptions).where(eq(subscriptions.practiceId, practiceId)).all().map((r) => r.id);
}

/** Stops all mail to the practice; pending deliveries are dropped when their turn comes. Harmless twice. */
export function unsubscribePractice(db: Db, practiceId: number, now: Date): void {
  db.update(practices)
    .set({ status: 'unsubscribed', unsubscribedAt: now })
    .where(and(eq(practices.id, practiceId), ne(practices.status, 'unsubscribed')))
    .run();
}
