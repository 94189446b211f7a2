import { eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../advisories/advisories.repository.js';
import type { advisories } from '../advisories/advisories.table.js';
import { matches, type DeliveryKind } from './deliveries.table.js';

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
  const kind: DeliveryKind = advisory.resolvedAt ? 'outage_resolved' : 'outage';
  // One set-based statement, like the alerts of matching (match.ts registers praxiswarn_message_id on the connection).
  const recipients = advisory.resolvedAt ? informed(advisory.id) : optedIn;
  const key = sql`${kind} || ':' || ${advisory.id} || ':' || r.id`;
  const rows = tx.all<{ id: number }>(sql`
    INSERT INTO deliveries (practice_id, advisory_id, kind, dedupe_key, message_id, status, attempts, created_at)
    SELECT r.id, ${advisory.id}, ${kind}, ${key}, praxiswarn_message_id(${key}, ${mailDomain}), 'pending', 0, ${now.getTime()}
    FROM (${recipients}) r
    WHERE true -- SQLite reads ON CONFLICT after a bare FROM as a join constraint
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`);
  return rows.map((r) => r.id);
}

// Active practices that opted in to "TI-Störungen".
const optedIn = sql`SELECT id FROM practices WHERE status = 'active' AND ti_outages = 1 AND suppressed_at IS NULL`;

/** Practices that were sent (or are still being sent) the outage mail and still want TI outages. */
function informed(advisoryId: number): SQL {
  return sql`SELECT DISTINCT d.practice_id AS id FROM deliveries d JOIN practices p ON p.id = d.practice_id
    WHERE d.advisory_id = ${advisoryId} AND d.kind = 'outage' AND d.status <> 'failed' AND p.status = 'active' AND p.ti_outages = 1`;
}
