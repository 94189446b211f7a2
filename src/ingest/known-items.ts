import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { preparedPerDb } from '../db/prepared.js';
import { notices } from './notices.table.js';

/** What is already stored for a source, by external id: enough to decide what to fetch again. */
export type KnownItems = ReadonlyMap<string, { listHash: string | null; publishedAt: Date | null }>;

export const noKnownItems: KnownItems = new Map();

export function knownItems(db: Db, sourceId: string): KnownItems {
  const rows = statement(db).all({ sourceId });
  return new Map(rows.map((r) => [r.externalId, { listHash: r.listHash, publishedAt: r.publishedAt }]));
}

// Read on every fetch: prepared once per database instead of built and compiled every time.
const statement = preparedPerDb((db) =>
  db
    .select({ externalId: notices.externalId, listHash: notices.listHash, publishedAt: notices.publishedAt })
    .from(notices)
    .where(eq(notices.sourceId, sql.placeholder('sourceId')))
    .prepare(),
);
