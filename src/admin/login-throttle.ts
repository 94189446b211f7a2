import { createHash } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Tx } from '../advisories/advisories.repository.js';
import { loginThrottle } from './admin.table.js';

/** Wrong passwords from one client for one address before the first delay. */
export const freeFailures = 5;
/** The first delay; each further failure after it doubles the delay, up to `maxDelayMs`. */
export const firstDelayMs = 60_000;
export const maxDelayMs = 30 * 60_000;
// After a day without failures an address and client start from zero again (and the row is dropped).
const forgetMs = 24 * 3600_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export type ThrottleKeys = { key: string; emailHash: string };

/** The row key for one address and client, and the address's own hash; neither holds the address or IP in clear. */
export function throttleKeys(email: string, client: string): ThrottleKeys {
  const address = email.trim().toLowerCase();
  return { key: sha256(`${address}\n${client}`), emailHash: emailHash(address) };
}

export const emailHash = (email: string) => sha256(email.trim().toLowerCase());

/** The delay after `failures` wrong passwords in a row: none before `freeFailures`, then 1, 2, 4 … minutes, capped. */
export function delayAfter(failures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - freeFailures));
}

/** Until when no password may be checked for this address and client, if that is still in the future. */
export function blockedUntil(db: Db, keys: ThrottleKeys, now: Date): Date | null {
  const row = db.select({ blockedUntil: loginThrottle.blockedUntil }).from(loginThrottle).where(eq(loginThrottle.key, keys.key)).get();
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

/**
 * Counts one wrong password. Returns the delay it causes (null below the threshold) and whether this failure
 * started the delays of a series, the moment the owner is told by mail.
 */
export function recordFailure(db: Db, keys: ThrottleKeys, now: Date): { blockedUntil: Date | null; started: boolean } {
  return db.transaction((tx) => {
    // Any delay is far shorter than forgetMs, so a row this old holds no running delay.
    tx.delete(loginThrottle).where(lt(loginThrottle.updatedAt, new Date(now.getTime() - forgetMs))).run();
    const previous = tx.select({ failures: loginThrottle.failures }).from(loginThrottle).where(eq(loginThrottle.key, keys.key)).get();
    const failures = (previous?.failures ?? 0) + 1;
    const delay = delayAfter(failures);
    const until = delay > 0 ? new Date(now.getTime() + delay) : null;
    tx.insert(loginThrottle)
      .values({ key: keys.key, emailHash: keys.emailHash, failures, blockedUntil: until, updatedAt: now })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, blockedUntil: until, updatedAt: now } })
      .run();
    return { blockedUntil: until, started: failures === freeFailures };
  });
}

/** A correct password ends the series for this client only; other clients keep theirs. */
export function clearClient(db: Db, keys: ThrottleKeys): void {
  db.delete(loginThrottle).where(eq(loginThrottle.key, keys.key)).run();
}

/** Lifts the delay of every client for one address (the owner's unlock link, a password reset). Returns the rows lifted. */
export function liftAddress(db: Db | Tx, email: string): number {
  return db.delete(loginThrottle).where(eq(loginThrottle.emailHash, emailHash(email))).run().changes;
}
