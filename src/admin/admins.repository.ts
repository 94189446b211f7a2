import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Tx } from '../advisories/advisories.repository.js';
import { admins, type AdminRole } from './admin.table.js';
import { newAdminSchema } from './admins.models.js';
import { hashPassword } from './password.js';

export type Admin = typeof admins.$inferSelect;

export class AdminExistsError extends Error {
  override name = 'AdminExistsError';
}

/**
 * Creates an admin; an address that already exists is refused, so a typo cannot reset someone's password.
 * `mustChangePassword` is for a password someone else has seen (printed by the CLI).
 */
export async function createAdmin(
  db: Db,
  input: { email: string; role?: AdminRole; password: string; mustChangePassword?: boolean },
  now: Date,
): Promise<Admin> {
  const data = newAdminSchema.parse(input);
  if (findAdminByEmail(db, data.email)) throw new AdminExistsError(`Es gibt bereits ein Konto für ${data.email}.`);
  const passwordHash = await hashPassword(data.password);
  return db
    .insert(admins)
    .values({ email: data.email, role: data.role, passwordHash, mustChangePassword: input.mustChangePassword ?? false, createdAt: now })
    .returning()
    .get();
}

/** Replaces an admin's password hash; `mustChange` says whether the next login must choose a new one first. */
export function setPasswordHash(db: Db | Tx, adminId: number, passwordHash: string, mustChange: boolean): void {
  db.update(admins).set({ passwordHash, mustChangePassword: mustChange }).where(eq(admins.id, adminId)).run();
}

export function findAdminByEmail(db: Db, email: string): Admin | undefined {
  return db.select().from(admins).where(eq(admins.email, email.toLowerCase())).get();
}

export function getAdmin(db: Db, id: number): Admin | undefined {
  return db.select().from(admins).where(eq(admins.id, id)).get();
}

export function listAdmins(db: Db): Admin[] {
  return db.select().from(admins).orderBy(asc(admins.email)).all();
}
