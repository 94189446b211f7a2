import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories, advisoryProducts, type Severity } from '../advisories/advisories.table.js';
import { practices, subscriptions } from '../practices/practices.table.js';
import { deliveries, matches } from './deliveries.table.js';
import { messageIdFor } from './message-id.js';

// `unbekannt` counts as `mittel`: a practice that only wants serious warnings should not miss an unrated one that is.
const rank: Record<Severity, number> = { niedrig: 1, unbekannt: 2, mittel: 2, hoch: 3, kritisch: 4 };

/**
 * Writes one alert delivery per active practice subscribed to an affected product, in one transaction. Practices
 * on a digest cadence get theirs with the digest, except for `kritisch`. Matching again adds nothing: the dedupe
 * key is unique. Returns the ids of the deliveries written by this call.
 */
export function matchAdvisory(db: Db, advisoryId: number, { now, mailDomain }: { now: Date; mailDomain: string }): number[] {
  return db.transaction((tx) => {
    const advisory = tx.select().from(advisories).where(eq(advisories.id, advisoryId)).get();
    if (!advisory || advisory.status !== 'published') return [];
    const productIds = tx.select({ id: advisoryProducts.productId }).from(advisoryProducts).where(eq(advisoryProducts.advisoryId, advisoryId)).all().map((r) => r.id);
    tx.update(advisories).set({ matchedAt: now }).where(eq(advisories.id, advisoryId)).run();
    if (productIds.length === 0) return [];
    const candidates = tx
      .selectDistinct({ id: practices.id, cadence: practices.cadence, minSeverity: practices.minSeverity })
      .from(subscriptions)
      .innerJoin(practices, eq(practices.id, subscriptions.practiceId))
      .where(and(inArray(subscriptions.productId, productIds), eq(practices.status, 'active')))
      .all();
    const written: number[] = [];
    for (const p of candidates) {
      if (rank[advisory.severity] < rank[p.minSeverity]) continue;
      tx.insert(matches).values({ practiceId: p.id, advisoryId, createdAt: now }).onConflictDoNothing().run();
      if (p.cadence !== 'immediate' && advisory.severity !== 'kritisch') continue;
      const dedupeKey = `alert:${advisoryId}:${p.id}`;
      const row = tx
        .insert(deliveries)
        .values({ practiceId: p.id, advisoryId, kind: 'alert', dedupeKey, messageId: messageIdFor(dedupeKey, mailDomain), createdAt: now })
        .onConflictDoNothing({ target: deliveries.dedupeKey })
        .returning({ id: deliveries.id })
        .get();
      if (row) written.push(row.id);
    }
    return written;
  });
}
