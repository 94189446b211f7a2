import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { practices } from '../practices/practices.table.js';

/**
 * Counts a permanent refusal (5xx) of a practice's address; at `limit` refusals in a row the address is suppressed:
 * nothing more is sent to it until an admin or the practice fixes it. Returns whether it is suppressed now.
 */
export function recordBounce(db: Db, practiceId: number, { now, limit }: { now: Date; limit: number }): boolean {
  const row = db
    .update(practices)
    .set({ bounceCount: sql`${practices.bounceCount} + 1` })
    .where(eq(practices.id, practiceId))
    .returning({ bounceCount: practices.bounceCount, suppressedAt: practices.suppressedAt })
    .get();
  if (!row) return false;
  if (row.bounceCount >= limit && !row.suppressedAt) {
    db.update(practices).set({ suppressedAt: now }).where(eq(practices.id, practiceId)).run();
    return true;
  }
  return row.suppressedAt !== null;
}

/** A mail that went through ends a run of refusals. */
export function clearBounces(db: Db, practiceId: number): void {
  db.update(practices).set({ bounceCount: 0 }).where(sql`${practices.id} = ${practiceId} and ${practices.bounceCount} > 0`).run();
}
