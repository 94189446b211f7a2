import type { Db } from '../db/client.js';
import { writeAudit, type Actor } from './audit.repository.js';
import { endSessions } from './auth.usecases.js';
import { findAdminByEmail, getAdmin, setPasswordHash } from './admins.repository.js';
import { passwordSchema } from './admins.models.js';
import { blockedUntil, liftAddress, recordFailure, throttleKeys } from './login-throttle.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { clockTime } from './unlock-mail.js';

export type ChangePasswordInput = {
  adminId: number;
  /** The session that asks; it stays, every other session of the admin ends. */
  tokenHash: string;
  /** The client address: guessing the current password here is slowed like at the login. */
  client: string;
  current: string;
  next: string;
  repeat: string;
};

export type ChangePasswordResult = { ok: true; endedSessions: number } | { ok: false; status: 400 | 429; message: string };

const refused = (message: string, status: 400 | 429 = 400) => ({ ok: false, status, message }) as const;
const tooMany = (until: Date) => refused(`Das bisherige Passwort war zu oft falsch. Bitte warten Sie bis ${clockTime(until)} Uhr.`, 429);

/** Sets a new password chosen by the admin: needs the current one, follows the length rule, differs from the old. */
export async function changePassword({ db, clock }: { db: Db; clock: () => Date }, input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const admin = getAdmin(db, input.adminId);
  if (!admin) return refused('Dieses Konto gibt es nicht mehr.');
  // Counted apart from the login's failures, so that mistyping here never delays the next login.
  const keys = throttleKeys(admin.email, `konto ${input.client}`);
  const blocked = blockedUntil(db, keys, clock());
  if (blocked) return tooMany(blocked);
  const parsed = passwordSchema.safeParse(input.next);
  if (!parsed.success) return refused(parsed.error.issues[0]!.message);
  if (input.next !== input.repeat) return refused('Die beiden neuen Passwörter stimmen nicht überein.');
  if (!(await verifyPassword(input.current, admin.passwordHash))) {
    const failure = recordFailure(db, keys, clock());
    return failure.blockedUntil ? tooMany(failure.blockedUntil) : refused('Das bisherige Passwort ist falsch.');
  }
  if (input.next.normalize('NFC') === input.current.normalize('NFC')) return refused('Das neue Passwort muss sich vom bisherigen unterscheiden.');
  const passwordHash = await hashPassword(input.next);
  const now = clock();
  const endedSessions = db.transaction((tx) => {
    setPasswordHash(tx, admin.id, passwordHash, false);
    const ended = endSessions(tx, admin.id, input.tokenHash);
    writeAudit(tx, { adminId: admin.id, name: admin.email }, { action: 'admin.password_change', entity: 'admin', entityId: admin.id, after: { endedSessions: ended } }, now);
    return ended;
  });
  return { ok: true, endedSessions };
}

/**
 * Gives an account a new generated password that must be changed at the next login, ends all its sessions and
 * lifts its login delays. Returns the password to hand over, or null when the address has no account.
 */
export async function resetPassword({ db, clock }: { db: Db; clock: () => Date }, { email, actor }: { email: string; actor: Actor }): Promise<{ password: string; adminId: number } | null> {
  const admin = findAdminByEmail(db, email.trim());
  if (!admin) return null;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = clock();
  db.transaction((tx) => {
    setPasswordHash(tx, admin.id, passwordHash, true);
    const ended = endSessions(tx, admin.id);
    liftAddress(tx, admin.email);
    writeAudit(tx, actor, { action: 'admin.reset', entity: 'admin', entityId: admin.id, after: { mustChangePassword: true, endedSessions: ended } }, now);
  });
  return { password, adminId: admin.id };
}
