import { signExpiringLinkToken, verifyExpiringLinkToken } from '../practices/links.js';

/** How long the link in an unlock mail works. */
export const unlockLinkHours = 24;

// An expiring link like the confirmation of the double opt-in (src/practices/links.ts), for an admin id:
// `unlock.<adminId>.<expiry epoch s>.<HMAC-SHA256>`. The purpose is signed, so no practice link can become one.

/** A token that lifts the login delays of one admin's address until `expiresAt`. */
export function signUnlockToken(secret: string, adminId: number, expiresAt: Date): string {
  return signExpiringLinkToken(secret, 'unlock', adminId, expiresAt);
}

export type UnlockVerdict = { ok: true; adminId: number } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks signature and expiry; an expired link is told apart so the page can say what to do instead. */
export function verifyUnlockToken(secret: string, token: string, now: Date): UnlockVerdict {
  const verdict = verifyExpiringLinkToken(secret, 'unlock', token, now);
  return verdict.ok ? { ok: true, adminId: verdict.practiceId } : verdict;
}
