import { and, desc, eq, like, or, type SQL } from 'drizzle-orm';
import { advisories } from '../advisories/advisories.table.js';
import { products } from '../catalog/catalog.table.js';
import type { Db } from '../db/client.js';
import { deliveries } from '../notify/deliveries.table.js';
import { practices, subscriptions } from '../practices/practices.table.js';

const practiceStatuses = ['pending', 'active', 'unsubscribed'] as const;

/** Practices by name or address (a substring), optionally by status; newest first. */
export function searchPractices(db: Db, { q, status }: { q?: string; status?: string }, limit = 200) {
  const where: SQL[] = [];
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(like(practices.name, pattern), like(practices.email, pattern))!);
  }
  if (status && (practiceStatuses as readonly string[]).includes(status)) where.push(eq(practices.status, status as (typeof practiceStatuses)[number]));
  return db.select().from(practices).where(and(...where)).orderBy(desc(practices.id)).limit(limit).all();
}

export function practiceDetails(db: Db, id: number) {
  const practice = db.select().from(practices).where(eq(practices.id, id)).get();
  if (!practice) return undefined;
  const subs = db
    .select({ productId: subscriptions.productId, name: products.name, version: subscriptions.version })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .where(eq(subscriptions.practiceId, id))
    .orderBy(products.name)
    .all();
  const mails = db
    .select({ id: deliveries.id, kind: deliveries.kind, status: deliveries.status, createdAt: deliveries.createdAt, sentAt: deliveries.sentAt, lastError: deliveries.lastError, advisoryId: deliveries.advisoryId, title: advisories.title })
    .from(deliveries)
    .leftJoin(advisories, eq(advisories.id, deliveries.advisoryId))
    .where(eq(deliveries.practiceId, id))
    .orderBy(desc(deliveries.id))
    .limit(100)
    .all();
  return { practice, subscriptions: subs, deliveries: mails };
}
