import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long the link in an unlock mail works. */
export const unlockLinkHours = 24;

// Signed like the practices' links (src/practices/links.ts): `unlock.<adminId>.<expiry epoch s>.<HMAC-SHA256>` with
// LINK_SECRET. The purpose is part of the signed text, so no practice link can be turned into an unlock link.

/** A token that lifts the login delays of one admin's address until `expiresAt`. */
export function signUnlockToken(secret: string, adminId: number, expiresAt: Date): string {
  const payload = `unlock.${Math.trunc(adminId)}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(secret, payload)}`;
}

export type UnlockVerdict = { ok: true; adminId: number } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks signature and expiry; an expired link is told apart so the page can say what to do instead. */
export function verifyUnlockToken(secret: string, token: string, now: Date): UnlockVerdict {
  const match = token.length <= 200 ? /^(unlock\.(\d{1,12})\.(\d{1,12}))\.([A-Za-z0-9_-]+)$/.exec(token) : null;
  if (!match) return { ok: false, reason: 'invalid' };
  const given = Buffer.from(match[4]!);
  const expected = Buffer.from(mac(secret, match[1]!));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  if (Number(match[3]) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, adminId: Number(match[2]) };
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
