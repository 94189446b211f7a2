import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { deliveries } from '../notify/deliveries.table.js';
import { practices } from '../practices/practices.table.js';

/** For the editor: how many practices take TI outages, and the outage and follow-up mails of one advisory. */
export function outageFacts(db: Db, advisoryId: number): { optedIn: number; outageMails: number; resolvedMails: number } {
  const optedIn = db.select({ n: count() }).from(practices).where(and(eq(practices.status, 'active'), eq(practices.tiOutages, true), isNull(practices.suppressedAt))).get()?.n ?? 0;
  const mails = (kind: 'outage' | 'outage_resolved') =>
    db.select({ n: count() }).from(deliveries).where(and(eq(deliveries.advisoryId, advisoryId), eq(deliveries.kind, kind), ne(deliveries.status, 'failed'))).get()?.n ?? 0;
  return { optedIn, outageMails: mails('outage'), resolvedMails: mails('outage_resolved') };
}
