import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { dialectOf, type Db, type Dialect } from '../db/client.js';
import type { AsyncDb, FaceDb } from '../db/async-db.js';
import { preparedPerDb } from '../db/prepared.js';
import { idGroupPlaceholders, idGroups } from '../db/id-groups.js';
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

/**
 * claimDelivery for a send job's group, in one statement per `idGroupSize` ids: the claimed ones, in the order given
 * (an id given twice is claimed once).
 */
export function claimDeliveries(db: Db, ids: number[], now: Date, claimTimeoutMs = staleClaimMs): Delivery[] {
  const rows = idGroups(ids).flatMap((group) => statements(db).claimGroup.all(claimValues(group, now, claimTimeoutMs)));
  return inGivenOrder(ids, rows);
}

/** claimDeliveries on the asynchronous face of PostgreSQL (src/db/async-db.ts): each group its own commit. */
export async function claimDeliveriesAsync(db: AsyncDb, ids: number[], now: Date, claimTimeoutMs = staleClaimMs): Promise<Delivery[]> {
  const rows = await Promise.all(idGroups(ids).map((group) => asyncStatements(db).claimGroup.all(claimValues(group, now, claimTimeoutMs))));
  return inGivenOrder(ids, rows.flat());
}

function claimValues(group: Record<string, number>, now: Date, claimTimeoutMs: number) {
  return { ...group, now: now.getTime(), staleBefore: now.getTime() - claimTimeoutMs };
}

/** The claimed rows in the order of `ids`, an id given twice once. */
function inGivenOrder(ids: number[], rows: Delivery[]): Delivery[] {
  const claimed = new Map(rows.map((delivery) => [delivery.id, delivery]));
  return ids.flatMap((id) => {
    const delivery = claimed.get(id);
    claimed.delete(id);
    return delivery ? [delivery] : [];
  });
}

/** Marks handed-over deliveries sent, in one statement per `idGroupSize` ids. */
export function markSent(db: Db, ids: number[], now: Date): void {
  for (const group of idGroups(ids)) statements(db).markSent.run({ ...group, now: now.getTime() });
}

/** markSent on the asynchronous face of PostgreSQL: its own commit. */
export async function markSentAsync(db: AsyncDb, ids: number[], now: Date): Promise<void> {
  await Promise.all(idGroups(ids).map((group) => asyncStatements(db).markSent.run({ ...group, now: now.getTime() })));
}

// Claim and mark run for every mail: prepared once per database, they skip building and compiling the SQL each time
// (measured in bench/send.bench.ts); a send job claims and marks a group of mails in one statement each.
const statements = preparedPerDb((db: Db) => prepare(db, dialectOf(db)));
const asyncStatements = preparedPerDb((db: AsyncDb) => prepare(db, 'postgres'));

function prepare<Mode extends 'sync' | 'async'>(db: FaceDb<Mode>, dialect: Dialect) {
  const claiming = { status: 'sending', attempts: sql`${deliveries.attempts} + 1`, claimedAt: sql`${sql.placeholder('now')}` } as const;
  // Pending, or claimed by a worker that has gone quiet. The unary plus keeps SQLite off the status index: with
  // several ids, it would otherwise walk every pending delivery instead of looking the ids up. PostgreSQL has no
  // unary plus for text and its planner picks the key on its own. Two workers claiming the same id on PostgreSQL:
  // the second waits for the first's row lock, then finds the row no longer claimable.
  // A delivery held back (not_before: a closed practice's "Zur Kenntnis" mail) is not claimable before its time.
  const status = dialect === 'postgres' ? sql`${deliveries.status}` : sql`+${deliveries.status}`;
  const claimable = sql`(${status} = 'pending' or (${status} = 'sending' and ${deliveries.claimedAt} < ${sql.placeholder('staleBefore')}))
    and (${deliveries.notBefore} is null or ${deliveries.notBefore} <= ${sql.placeholder('now')})`;
  const one = eq(deliveries.id, sql.placeholder('id'));
  const group = inArray(deliveries.id, idGroupPlaceholders);
  return {
    claim: db.update(deliveries).set(claiming).where(and(one, claimable)).returning().prepare(),
    claimGroup: db.update(deliveries).set(claiming).where(and(group, claimable)).returning().prepare(),
    markSent: db.update(deliveries).set({ status: 'sent', sentAt: sql`${sql.placeholder('now')}`, lastError: null }).where(group).prepare(),
  };
}

/**
 * Hands a claimed delivery back for a later attempt. One no longer claimed (marked failed meanwhile, or sent by
 * another worker after this claim went stale) stays as it is.
 */
export function releaseDelivery(db: Db, id: number, error: string): void {
  db.update(deliveries)
    .set({ status: 'pending', lastError: error, claimedAt: null })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, 'sending')))
    .run();
}

export function markFailed(db: Db, id: number, error: string): void {
  db.update(deliveries).set({ status: 'failed', lastError: error }).where(eq(deliveries.id, id)).run();
}

/**
 * Deliveries still owed (pending, or claimed by a worker that has gone quiet), and due (`not_before` passed): the sweep
 * makes sure each has a job.
 */
export function owedDeliveries(
  db: Db,
  now: Date,
  { limit = 5000, claimTimeoutMs = staleClaimMs }: { limit?: number; claimTimeoutMs?: number } = {},
): { id: number; attempts: number }[] {
  return db
    .select({ id: deliveries.id, attempts: deliveries.attempts })
    .from(deliveries)
    .where(
      and(
        or(eq(deliveries.status, 'pending'), and(eq(deliveries.status, 'sending'), lt(deliveries.claimedAt, new Date(now.getTime() - claimTimeoutMs)))),
        or(isNull(deliveries.notBefore), lte(deliveries.notBefore, now)),
      ),
    )
    .orderBy(asc(deliveries.id))
    .limit(limit)
    .all();
}

export function deliveriesByIds(db: Db, ids: number[]): Delivery[] {
  return ids.length ? db.select().from(deliveries).where(inArray(deliveries.id, ids)).all() : [];
}
