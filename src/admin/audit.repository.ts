import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Tx } from '../advisories/advisories.repository.js';
import { auditLog } from './admin.table.js';

export type AuditEntry = typeof auditLog.$inferSelect;

/** Who acts: an admin (web, API) or the system/CLI (adminId null). */
export type Actor = { adminId: number | null; name: string };

export type AuditInput = { action: string; entity: string; entityId: string | number; before?: unknown; after?: unknown };

/** Records one change; call it inside the transaction that makes the change, so neither exists without the other. */
export function writeAudit(db: Db | Tx, actor: Actor, entry: AuditInput, now: Date): void {
  db.insert(auditLog)
    .values({
      adminId: actor.adminId,
      actor: actor.name,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
      createdAt: now,
    })
    .run();
}

/** Newest first, paged by id; optionally only one entity. */
export function listAudit(db: Db, { entity, entityId, beforeId, limit = 50 }: { entity?: string; entityId?: string; beforeId?: number; limit?: number } = {}): AuditEntry[] {
  const where: SQL[] = [];
  if (entity) where.push(eq(auditLog.entity, entity));
  if (entityId) where.push(eq(auditLog.entityId, entityId));
  if (beforeId) where.push(lt(auditLog.id, beforeId));
  return db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(limit).all();
}
