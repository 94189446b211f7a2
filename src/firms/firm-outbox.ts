import type { Db } from '../db/client.js';
import type { Tx } from '../advisories/advisories.repository.js';
import { messageIdFor } from '../notify/message-id.js';
import type { OwedDelivery } from '../notify/send-jobs.js';
import { firmDeliveries, type FirmDeliveryKind } from './firms.table.js';

export type FirmDelivery = typeof firmDeliveries.$inferSelect;

/**
 * Writes one mail to a firm into its outbox (`firm_deliveries`), unless the same natural key was written before.
 * Returns what to enqueue, or null for a repeat.
 */
export function writeFirmDelivery(
  db: Db | Tx,
  d: { firmId: number; kind: FirmDeliveryKind; dedupeKey: string; advisoryId?: number | null; practiceIds?: number[] | null },
  { now, mailDomain }: { now: Date; mailDomain: string },
): OwedDelivery | null {
  const row = db
    .insert(firmDeliveries)
    .values({
      firmId: d.firmId,
      kind: d.kind,
      dedupeKey: d.dedupeKey,
      advisoryId: d.advisoryId ?? null,
      practiceIds: d.practiceIds ?? null,
      messageId: messageIdFor(d.dedupeKey, mailDomain),
      createdAt: now,
    })
    .onConflictDoNothing({ target: firmDeliveries.dedupeKey })
    .returning({ id: firmDeliveries.id, attempts: firmDeliveries.attempts })
    .get();
  return row ?? null;
}

/** "2026-12-04T18": at most one mail of a kind per hour for the same firm (a form sent again and again). */
export function hourBucket(now: Date): string {
  return now.toISOString().slice(0, 13);
}
