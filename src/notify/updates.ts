import { and, asc, eq, isNotNull, isNull, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories, advisoryRevisions } from '../advisories/advisories.table.js';
import { practices } from '../practices/practices.table.js';
import { deliveries } from './deliveries.table.js';
import { messageIdFor } from './message-id.js';

/**
 * For every material revision of a published, already matched advisory whose update mails are still owed: one
 * `update` delivery to each active practice that was alerted before the revision. A typo fix is not material and
 * sends nothing. Returns the advisories touched (to be matched again for newly affected practices) and the
 * deliveries written.
 */
export function writeUpdateDeliveries(db: Db, { now, mailDomain }: { now: Date; mailDomain: string }): { advisoryIds: number[]; deliveryIds: number[] } {
  const owed = db
    .select({ id: advisoryRevisions.id, advisoryId: advisoryRevisions.advisoryId, revision: advisoryRevisions.revision, createdAt: advisoryRevisions.createdAt })
    .from(advisoryRevisions)
    .innerJoin(advisories, eq(advisories.id, advisoryRevisions.advisoryId))
    .where(and(eq(advisoryRevisions.material, true), isNull(advisoryRevisions.notifiedAt), eq(advisories.status, 'published'), isNotNull(advisories.matchedAt)))
    .orderBy(asc(advisoryRevisions.id))
    .all();
  const deliveryIds: number[] = [];
  for (const revision of owed) {
    db.transaction((tx) => {
      const alerted = tx
        .selectDistinct({ practiceId: deliveries.practiceId })
        .from(deliveries)
        .innerJoin(practices, eq(practices.id, deliveries.practiceId))
        .where(
          and(
            eq(deliveries.advisoryId, revision.advisoryId),
            eq(deliveries.kind, 'alert'),
            ne(deliveries.status, 'failed'),
            lt(deliveries.createdAt, revision.createdAt),
            eq(practices.status, 'active'),
          ),
        )
        .all();
      for (const { practiceId } of alerted) {
        const dedupeKey = `update:${revision.advisoryId}:${revision.revision}:${practiceId}`;
        const row = tx
          .insert(deliveries)
          .values({
            practiceId,
            advisoryId: revision.advisoryId,
            kind: 'update',
            revision: revision.revision,
            dedupeKey,
            messageId: messageIdFor(dedupeKey, mailDomain),
            createdAt: now,
          })
          .onConflictDoNothing({ target: deliveries.dedupeKey })
          .returning({ id: deliveries.id })
          .get();
        if (row) deliveryIds.push(row.id);
      }
      tx.update(advisoryRevisions).set({ notifiedAt: now }).where(eq(advisoryRevisions.id, revision.id)).run();
    });
  }
  return { advisoryIds: [...new Set(owed.map((r) => r.advisoryId))], deliveryIds };
}
