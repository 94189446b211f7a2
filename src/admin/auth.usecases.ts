import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Tx } from '../advisories/advisories.repository.js';
import { admins, sessions } from './admin.table.js';
import { findAdminByEmail, getAdmin, type Admin } from './admins.repository.js';
import { loginSchema } from './admins.models.js';
import { blockedUntil, clearClient, recordFailure, throttleKeys } from './login-throttle.js';
import { dummyHash, verifyPassword } from './password.js';
import { clockTime } from './unlock-mail.js';

const sessionHours = 12;
// A session unused for this long ends, even before its absolute expiry.
const idleMinutes = 120;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export type Session = { admin: Admin; csrfToken: string; tokenHash: string };

export type LoginResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: 'invalid'; message: string }
  | { ok: false; reason: 'delayed'; message: string; blockedUntil: Date };

export type LoginDeps = {
  db: Db;
  clock: () => Date;
  /** Called when the delays for an address with a usable account begin, so that its owner can be told (the unlock mail). */
  onDelayStarted?: (admin: Admin, blockedUntil: Date) => void;
};

const invalid = { ok: false, reason: 'invalid', message: 'E-Mail-Adresse oder Passwort ist falsch.' } as const;

/** The same words whether the address has an account or not; only the time differs. */
export function delayedMessage(until: Date): string {
  return `Zu viele Fehlversuche für diese E-Mail-Adresse. Bitte warten Sie bis ${clockTime(until)} Uhr, bevor Sie sich erneut anmelden. Falls zu dieser Adresse ein Konto besteht, erhält sie eine E-Mail mit einem Link, der die Wartezeit sofort aufhebt.`;
}

/**
 * Checks a password and opens a fresh session (the cookie token is always new, so a planted one is useless).
 * Wrong passwords are counted per address and client, whether the address has an account or not, so that no
 * answer tells which addresses exist; after a few, that client waits before the next password is checked
 * (see login-throttle.ts). Other clients, the owner's among them, are not affected.
 */
export async function login(deps: LoginDeps, input: { email: string; password: string; client: string }): Promise<LoginResult> {
  const { db } = deps;
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return invalid;
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, input.client);
  const blocked = blockedUntil(db, keys, deps.clock());
  if (blocked) return { ok: false, reason: 'delayed', message: delayedMessage(blocked), blockedUntil: blocked };
  const found = findAdminByEmail(db, email);
  const admin = found && !found.disabledAt ? found : undefined;
  // An unknown address costs the same scrypt work as a known one, so the answer time does not tell them apart.
  const matches = await verifyPassword(password, admin?.passwordHash ?? dummyHash);
  const now = deps.clock();
  if (!admin || !matches) {
    const failure = recordFailure(db, keys, now);
    if (!failure.blockedUntil) return invalid;
    if (failure.started && admin) deps.onDelayStarted?.(admin, failure.blockedUntil);
    return { ok: false, reason: 'delayed', message: delayedMessage(failure.blockedUntil), blockedUntil: failure.blockedUntil };
  }
  clearClient(db, keys);
  db.update(admins).set({ lastLoginAt: now }).where(eq(admins.id, admin.id)).run();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const tokenHash = sha256(token);
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
  db.insert(sessions)
    .values({ tokenHash, adminId: admin.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionHours * 3600_000) })
    .run();
  return { ok: true, token, session: { admin: { ...admin, lastLoginAt: now }, csrfToken, tokenHash } };
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

/** Ends every session of an admin, or every one but `keepTokenHash` (the browser that changed the password). */
export function endSessions(db: Db | Tx, adminId: number, keepTokenHash?: string): number {
  const where = keepTokenHash ? and(eq(sessions.adminId, adminId), ne(sessions.tokenHash, keepTokenHash)) : eq(sessions.adminId, adminId);
  return db.delete(sessions).where(where).run().changes;
}
