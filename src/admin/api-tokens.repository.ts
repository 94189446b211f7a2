import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { apiTokens } from './admin.table.js';
import { getAdmin, type Admin } from './admins.repository.js';
import { sha256 } from './auth.usecases.js';

export type ApiToken = typeof apiTokens.$inferSelect;

/** Creates a token and returns its secret once; only the hash is stored. */
export function createApiToken(db: Db, adminId: number, name: string, now: Date): { token: string; row: ApiToken } {
  const token = `pw_${randomBytes(32).toString('base64url')}`;
  const row = db.insert(apiTokens).values({ adminId, name: name.trim() || 'API', tokenHash: sha256(token), createdAt: now }).returning().get();
  return { token, row };
}

export function listApiTokens(db: Db, adminId: number): ApiToken[] {
  return db.select().from(apiTokens).where(eq(apiTokens.adminId, adminId)).orderBy(desc(apiTokens.id)).all();
}

/** Revokes one of the admin's own tokens; returns false when there was none to revoke. */
export function revokeApiToken(db: Db, adminId: number, id: number, now: Date): boolean {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.adminId, adminId), isNull(apiTokens.revokedAt)))
    .run();
  return result.changes > 0;
}

/** The admin a bearer token belongs to, when the token is live and the admin not disabled. */
export function adminForToken(db: Db, token: string, now: Date): Admin | undefined {
  const row = db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .get();
  if (!row) return undefined;
  const admin = getAdmin(db, row.adminId);
  if (!admin || admin.disabledAt) return undefined;
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  return admin;
}
