import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { admins, sessions } from './admin.table.js';
import { findAdminByEmail, getAdmin, type Admin } from './admins.repository.js';
import { loginSchema } from './admins.models.js';
import { dummyHash, verifyPassword } from './password.js';

export const maxFailedLogins = 5;
export const lockMinutes = 15;
const sessionHours = 12;
// A session unused for this long ends, even before its absolute expiry.
const idleMinutes = 120;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export type Session = { admin: Admin; csrfToken: string; tokenHash: string };

export type LoginResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: 'invalid' | 'locked'; message: string };

const invalid = { ok: false, reason: 'invalid', message: 'E-Mail-Adresse oder Passwort ist falsch.' } as const;

/**
 * Checks a password and opens a fresh session (the cookie token is always new, so a planted one is useless).
 * After `maxFailedLogins` wrong passwords in a row the account is locked for `lockMinutes`, even for the right one.
 */
export async function login(db: Db, input: { email: string; password: string }, now: Date): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return invalid;
  const { email, password } = parsed.data;
  const admin = findAdminByEmail(db, email);
  if (!admin || admin.disabledAt) {
    await verifyPassword(password, dummyHash);
    return invalid;
  }
  if (admin.lockedUntil && admin.lockedUntil > now) {
    return { ok: false, reason: 'locked', message: lockedMessage(admin.lockedUntil) };
  }
  if (!(await verifyPassword(password, admin.passwordHash))) {
    const failedLogins = admin.failedLogins + 1;
    const locked = failedLogins >= maxFailedLogins;
    db.update(admins)
      .set(locked ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000) } : { failedLogins })
      .where(eq(admins.id, admin.id))
      .run();
    return locked ? { ok: false, reason: 'locked', message: lockedMessage(new Date(now.getTime() + lockMinutes * 60_000)) } : invalid;
  }
  db.update(admins).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(admins.id, admin.id)).run();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const tokenHash = sha256(token);
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
  db.insert(sessions)
    .values({ tokenHash, adminId: admin.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionHours * 3600_000) })
    .run();
  return { ok: true, token, session: { admin: { ...admin, lastLoginAt: now }, csrfToken, tokenHash } };
}

function lockedMessage(until: Date): string {
  const time = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(until);
  return `Zu viele Fehlversuche. Das Konto ist bis ${time} Uhr gesperrt.`;
}

/** The session behind a cookie token, if it is live; each use extends its idle window. */
export function sessionFor(db: Db, token: string | undefined, now: Date): Session | undefined {
  if (!token) return undefined;
  const tokenHash = sha256(token);
  const row = db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000))))
    .get();
  if (!row) return undefined;
  const admin = getAdmin(db, row.adminId);
  if (!admin || admin.disabledAt) return undefined;
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash)).run();
  return { admin, csrfToken: row.csrfToken, tokenHash };
}

export function logout(db: Db, token: string | undefined): void {
  if (token) db.delete(sessions).where(eq(sessions.tokenHash, sha256(token))).run();
}
