import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'unsubscribe' | 'manage';

/** A token that names a practice and what the link may do, signed with LINK_SECRET; no password needed. */
export function signLinkToken(secret: string, purpose: LinkPurpose, practiceId: number): string {
  const payload = `${purpose}.${practiceId}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The practice id of a valid token for `purpose`, or null for a tampered, foreign or malformed one. */
export function verifyLinkToken(secret: string, purpose: LinkPurpose, token: string): number | null {
  const match = /^([a-z]+)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || match[1] !== purpose) return null;
  const expected = Buffer.from(mac(secret, `${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(match[2]) : null;
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
