import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisories } from '../advisories/advisories.table.js';
import { matches } from '../notify/deliveries.table.js';
import type { OwedDelivery } from '../notify/send-jobs.js';
import { practices } from '../practices/practices.table.js';
import { writeFirmDelivery } from './firm-outbox.js';
import { firmPractices, firms } from './firms.table.js';

/**
 * After an advisory was matched: one `firm_alert` per active firm that looks after at least one of the matched
 * practices, listing those practices (fixed now, so that a retry sends the same mail), instead of a mail per
 * practice. Runs again harmlessly (one alert per firm and advisory); a practice matched later does not mail the firm
 * a second time, it shows on the firm's page. Returns what to enqueue.
 */
export function writeFirmAlerts(db: Db, advisoryId: number, { now, mailDomain }: { now: Date; mailDomain: string }): OwedDelivery[] {
  return db.transaction((tx) => {
    const advisory = tx.select({ status: advisories.status }).from(advisories).where(eq(advisories.id, advisoryId)).get();
    if (advisory?.status !== 'published') return [];
    const pairs = tx
      .select({ firmId: firmPractices.firmId, practiceId: matches.practiceId })
      .from(matches)
      .innerJoin(firmPractices, and(eq(firmPractices.practiceId, matches.practiceId), isNull(firmPractices.revokedAt)))
      .innerJoin(firms, and(eq(firms.id, firmPractices.firmId), eq(firms.status, 'active')))
      .innerJoin(practices, and(eq(practices.id, matches.practiceId), eq(practices.status, 'active')))
      .where(eq(matches.advisoryId, advisoryId))
      .orderBy(asc(firmPractices.firmId), asc(matches.practiceId))
      .all();
    const byFirm = new Map<number, number[]>();
    for (const { firmId, practiceId } of pairs) byFirm.set(firmId, [...(byFirm.get(firmId) ?? []), practiceId]);
    return [...byFirm].flatMap(([firmId, practiceIds]) => {
      const row = writeFirmDelivery(tx, { firmId, kind: 'firm_alert', advisoryId, practiceIds, dedupeKey: `firm_alert:${advisoryId}:${firmId}` }, { now, mailDomain });
      return row ? [row] : [];
    });
  });
}
