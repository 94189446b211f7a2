import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { deliveries } from './deliveries.table.js';

export type Delivery = typeof deliveries.$inferSelect;

/** By default a claim older than this belongs to a worker that died mid-send; the delivery may be taken again. */
export const staleClaimMs = 10 * 60 * 1000;

/**
 * Takes a delivery for sending. Only one worker wins; a sent or failed delivery is never taken again.
 * Returns undefined when there is nothing to do.
 */
export function claimDelivery(db: Db, id: number, now: Date, claimTimeoutMs = staleClaimMs): Delivery | undefined {
  return statements(db).claim.get({ id, now: now.getTime(), staleBefore: now.getTime() - claimTimeoutMs });
}

export function markSent(db: Db, id: number, now: Date): void {
  statements(db).markSent.run({ id, now: now.getTime() });
}

// Claim and mark run once per mail: prepared once per database, they skip building and compiling the SQL each time
// (measured in bench/send.bench.ts).
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

function statements(db: Db) {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepare(db)));
  return s;
}

function prepare(db: Db) {
  const claim = db
    .update(deliveries)
    .set({ status: 'sending', attempts: sql`${deliveries.attempts} + 1`, claimedAt: sql`${sql.placeholder('now')}` })
    .where(
      and(
        eq(deliveries.id, sql.placeholder('id')),
        or(eq(deliveries.status, 'pending'), and(eq(deliveries.status, 'sending'), lt(deliveries.claimedAt, sql.placeholder('staleBefore')))),
      ),
    )
    .returning()
    .prepare();
  const markSent = db
    .update(deliveries)
    .set({ status: 'sent', sentAt: sql`${sql.placeholder('now')}`, lastError: null })
    .where(eq(deliveries.id, sql.placeholder('id')))
    .prepare();
  return { claim, markSent };
}

/** Hands the delivery back for a later attempt. */
export function releaseDelivery(db: Db, id: number, error: string): void {
  db.update(deliveries).set({ status: 'pending', lastError: error, claimedAt: null }).where(eq(deliveries.id, id)).run();
}

export function markFailed(db: Db, id: number, error: string): void {
  db.update(deliveries).set({ status: 'failed', lastError: error }).where(eq(deliveries.id, id)).run();
}

/** Deliveries still owed (pending, or claimed by a worker that has gone quiet): the sweep makes sure each has a job. */
export function owedDeliveries(
  db: Db,
  now: Date,
  { limit = 5000, claimTimeoutMs = staleClaimMs }: { limit?: number; claimTimeoutMs?: number } = {},
): { id: number; attempts: number }[] {
  return db
    .select({ id: deliveries.id, attempts: deliveries.attempts })
    .from(deliveries)
    .where(or(eq(deliveries.status, 'pending'), and(eq(deliveries.status, 'sending'), lt(deliveries.claimedAt, new Date(now.getTime() - claimTimeoutMs)))))
    .orderBy(asc(deliveries.id))
    .limit(limit)
    .all();
}

export function deliveriesByIds(db: Db, ids: number[]): Delivery[] {
  return ids.length ? db.select().from(deliveries).where(inArray(deliveries.id, ids)).all() : [];
}
