import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { notices } from './notices.table.js';

/** What is already stored for a source, by external id: enough to decide what to fetch again. */
export type KnownItems = ReadonlyMap<string, { listHash: string | null; publishedAt: Date | null }>;

export const noKnownItems: KnownItems = new Map();

/** Read only for sources with article pages and for CSAF (see CollectState.known): not worth a prepared statement. */
export function knownItems(db: Db, sourceId: string): KnownItems {
  const rows = db.select({ externalId: notices.externalId, listHash: notices.listHash, publishedAt: notices.publishedAt }).from(notices).where(eq(notices.sourceId, sourceId)).all();
  return new Map(rows.map((r) => [r.externalId, { listHash: r.listHash, publishedAt: r.publishedAt }]));
}
