import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../advisories/advisories.repository.js';
import type { advisories } from '../advisories/advisories.table.js';
import { practices } from '../practices/practices.table.js';
import { deliveries, matches, type DeliveryKind } from './deliveries.table.js';
import { messageIdFor } from './message-id.js';

type Advisory = Pick<typeof advisories.$inferSelect, 'id' | 'resolvedAt'>;

/**
 * The fan-out of a published TI outage, instead of product matching: one `outage` mail to every active practice that
 * opted in to "TI-Störungen" (whatever its products, cadence or minimum severity: an outage of the VSDM or the
 * E-Rezept hits every practice in the TI, and no practice lists "the TI" as a product). Once the outage is resolved,
 * one `outage_resolved` mail to each practice whose outage mail was not refused, and no new outage mails (a practice
 * that was not told of the outage is not told of its end). Both keys name advisory and practice: calling again
 * writes nothing twice. No `matches` row, and those of an advisory an editor filed as outage after it was matched as
 * a security advisory are removed: outages never enter digests, reminders, IT service firms' mails or the practice's
 * list of warnings. Returns the deliveries written.
 */
export function writeOutageDeliveries(tx: Tx, advisory: Advisory, { now, mailDomain }: { now: Date; mailDomain: string }): number[] {
  tx.delete(matches).where(eq(matches.advisoryId, advisory.id)).run();
  const recipients = advisory.resolvedAt ? informed(tx, advisory.id) : optedIn(tx);
  const kind: DeliveryKind = advisory.resolvedAt ? 'outage_resolved' : 'outage';
  const written: number[] = [];
  for (const practiceId of recipients) {
    const dedupeKey = `${kind}:${advisory.id}:${practiceId}`;
    const row = tx
      .insert(deliveries)
      .values({ practiceId, advisoryId: advisory.id, kind, dedupeKey, messageId: messageIdFor(dedupeKey, mailDomain), createdAt: now })
      .onConflictDoNothing({ target: deliveries.dedupeKey })
      .returning({ id: deliveries.id })
      .get();
    if (row) written.push(row.id);
  }
  return written;
}

function optedIn(tx: Tx): number[] {
  return tx
    .select({ id: practices.id })
    .from(practices)
    .where(and(eq(practices.status, 'active'), eq(practices.tiOutages, true), isNull(practices.suppressedAt)))
    .all()
    .map((r) => r.id);
}

/** Practices that were sent (or are still being sent) the outage mail and still want TI outages. */
function informed(tx: Tx, advisoryId: number): number[] {
  return tx
    .selectDistinct({ id: deliveries.practiceId })
    .from(deliveries)
    .innerJoin(practices, eq(practices.id, deliveries.practiceId))
    .where(
      and(
        eq(deliveries.advisoryId, advisoryId),
        inArray(deliveries.kind, ['outage']),
        ne(deliveries.status, 'failed'),
        eq(practices.status, 'active'),
        eq(practices.tiOutages, true),
      ),
    )
    .all()
    .map((r) => r.id);
}
