import { createHmac, timingSafeEqual } from 'node:crypto';

/** `unlock` names an admin, not a practice: the link mailed to lift an address's login delays. */
export type LinkPurpose =
  | 'unsubscribe'
  | 'manage'
  | 'confirm'
  | 'ack'
  | 'unlock'
  | 'answer'
  // A practice's deputy while it is closed: fields are the absence id (not a practice id) and the expiry.
  | 'deputy'
  // IT service firms (src/firms/links.ts): the firm's page, its confirmation link and its unsubscribe link.
  | 'firm'
  | 'firm-confirm'
  | 'firm-unsubscribe';

/**
 * A signed link token `purpose.field.field….mac`: the fields are integers (practice id, advisory id, action
 * position, expiry in epoch seconds), the MAC is HMAC-SHA256 over everything before it with LINK_SECRET.
 */
function signFields(secret: string, purpose: LinkPurpose, fields: number[]): string {
  const payload = [purpose, ...fields.map((f) => String(Math.trunc(f)))].join('.');
  return `${payload}.${mac(secret, payload)}`;
}

/** The fields of a valid token for `purpose` with exactly `count` fields, or null for a tampered, foreign or malformed one. */
function verifyFields(secret: string, purpose: LinkPurpose, token: string, count: number): number[] | null {
  if (token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== count + 2 || parts[0] !== purpose) return null;
  const fields = parts.slice(1, -1);
  if (!fields.every((f) => /^-?\d{1,12}$/.test(f))) return null;
  const given = Buffer.from(parts.at(-1)!);
  const expected = Buffer.from(mac(secret, parts.slice(0, -1).join('.')));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return fields.map(Number);
}

/** A token that names a practice and what the link may do, signed with LINK_SECRET; no password needed. */
export function signLinkToken(secret: string, purpose: LinkPurpose, practiceId: number): string {
  return signFields(secret, purpose, [practiceId]);
}

/** The practice id of a valid token for `purpose`, or null for a tampered, foreign or malformed one. */
export function verifyLinkToken(secret: string, purpose: LinkPurpose, token: string): number | null {
  return verifyFields(secret, purpose, token, 1)?.[0] ?? null;
}

/** Like signLinkToken, but the link stops working at `expiresAt` (the confirmation link of the double opt-in). */
export function signExpiringLinkToken(secret: string, purpose: LinkPurpose, practiceId: number, expiresAt: Date): string {
  return signFields(secret, purpose, [practiceId, Math.floor(expiresAt.getTime() / 1000)]);
}

export type ExpiringVerdict = { ok: true; practiceId: number } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks signature and expiry; an expired link is told apart so the page can say "request a new one". */
export function verifyExpiringLinkToken(secret: string, purpose: LinkPurpose, token: string, now: Date): ExpiringVerdict {
  const fields = verifyFields(secret, purpose, token, 2);
  if (!fields) return { ok: false, reason: 'invalid' };
  if (fields[1]! * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, practiceId: fields[0]! };
}

/** The "erledigt" link of one action (position ≥ 0) or of all actions (position -1) of an advisory for one practice. */
export function signAckToken(secret: string, practiceId: number, advisoryId: number, position: number): string {
  return signFields(secret, 'ack', [practiceId, advisoryId, position]);
}

export function verifyAckToken(secret: string, token: string): { practiceId: number; advisoryId: number; position: number } | null {
  const fields = verifyFields(secret, 'ack', token, 3);
  if (!fields || fields[2]! < -1) return null;
  return { practiceId: fields[0]!, advisoryId: fields[1]!, position: fields[2]! };
}

/** The answers a "Betrifft uns?" link can carry, by the number signed into the token. */
const answerCodes = { betroffen: 1, nicht_betroffen: 2, unklar: 3 } as const;
export type AnswerChoice = keyof typeof answerCodes;

/** A "Betrifft uns?" link of one practice and advisory for one answer; like "erledigt" links, it does not expire. */
export function signAnswerToken(secret: string, practiceId: number, advisoryId: number, answer: AnswerChoice): string {
  return signFields(secret, 'answer', [practiceId, advisoryId, answerCodes[answer]]);
}

export function verifyAnswerToken(secret: string, token: string): { practiceId: number; advisoryId: number; answer: AnswerChoice } | null {
  const fields = verifyFields(secret, 'answer', token, 3);
  const answer = fields && (Object.keys(answerCodes) as AnswerChoice[]).find((k) => answerCodes[k] === fields[2]);
  if (!fields || !answer) return null;
  return { practiceId: fields[0]!, advisoryId: fields[1]!, answer };
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
