import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { admins, type AdminRole } from './admin.table.js';
import { newAdminSchema } from './admins.models.js';
import { hashPassword } from './password.js';

export type Admin = typeof admins.$inferSelect;

export class AdminExistsError extends Error {
  override name = 'AdminExistsError';
}

/** Creates an admin; an address that already exists is refused, so a typo cannot reset someone's password. */
export async function createAdmin(db: Db, input: { email: string; role?: AdminRole; password: string }, now: Date): Promise<Admin> {
  const data = newAdminSchema.parse(input);
  if (findAdminByEmail(db, data.email)) throw new AdminExistsError(`Es gibt bereits ein Konto für ${data.email}.`);
  const passwordHash = await hashPassword(data.password);
  return db.insert(admins).values({ email: data.email, role: data.role, passwordHash, createdAt: now }).returning().get();
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
