import { asc, count, eq, and } from 'drizzle-orm';
import { advisoryRevisions } from '../advisories/advisories.table.js';
import type { Db } from '../db/client.js';
import { deliveries } from '../notify/deliveries.table.js';
import { acknowledgements } from '../practices/practices.table.js';

export type DeliveryCounts = { queued: number; sent: number; failed: number; acknowledged: number };

/** Alert deliveries of an advisory by state, and how many practices said they have done everything. */
export function deliveryCounts(db: Db, advisoryId: number): DeliveryCounts {
  const rows = db
    .select({ status: deliveries.status, n: count() })
    .from(deliveries)
    .where(eq(deliveries.advisoryId, advisoryId))
    .groupBy(deliveries.status)
    .all();
  const by = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  const acknowledged =
    db
      .select({ n: count() })
      .from(acknowledgements)
      .where(and(eq(acknowledgements.advisoryId, advisoryId), eq(acknowledgements.actionPosition, -1)))
      .get()?.n ?? 0;
  return { queued: by('pending') + by('sending'), sent: by('sent'), failed: by('failed'), acknowledged };
}

export function revisionsOf(db: Db, advisoryId: number) {
  return db.select().from(advisoryRevisions).where(eq(advisoryRevisions.advisoryId, advisoryId)).orderBy(asc(advisoryRevisions.revision)).all();
}
