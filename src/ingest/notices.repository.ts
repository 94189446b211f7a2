import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { preparedPerDb } from '../db/prepared.js';
import { idGroupPlaceholders, idGroups } from '../db/id-groups.js';
import type { RawItem } from './items.js';
import { notices } from './notices.table.js';

export type Notice = typeof notices.$inferSelect;
/** `archived`: this read showed the source's archive, not its news (see `archiveRead`); its new notices are marked. */
export type StoreResult = { created: number[]; changed: number[]; unchanged: number; archived: boolean };

/**
 * More never-seen items than this in one read are a backlog (a feed read again after an outage, a list page that
 * grew its archive), not news: they are recorded, marked archived, and alert only where their own date is fresh.
 */
export const burstNewItems = 10;

/** Whether a read shows a source's archive rather than its news: its first successful read, or a burst. */
export function archiveRead(firstRead: boolean, newItems: number): boolean {
  return firstRead || newItems > burstNewItems;
}

/** Title and text only: a new list teaser or date alone is not a new version of the notice. */
export function contentHash(item: Pick<RawItem, 'title' | 'text'>): string {
  return createHash('sha256').update(item.title).update('\n').update(item.text).digest('hex');
}

/**
 * Stores the items of one fetch in one transaction. A known item with new content gets a new version and
 * is normalized again; an unchanged item is left alone, so fetching twice stores nothing new. What is stored is
 * read once per fetch, so a feed of 10,000 items is compared in one pass.
 */
export function storeNotices(db: Db, sourceId: string, items: RawItem[], now: Date, { firstRead = false }: { firstRead?: boolean } = {}): StoreResult {
  const result: StoreResult = { created: [], changed: [], unchanged: 0, archived: false };
  db.transaction((tx) => {
    const existingRows = storedItems(db).all({ sourceId });
    const byExternalId = new Map(existingRows.map((r) => [r.externalId, r]));
    const newItems = new Set(items.filter((item) => !byExternalId.has(item.externalId)).map((item) => item.externalId)).size;
    result.archived = newItems > 0 && archiveRead(firstRead, newItems);
    for (const item of items) {
      const hash = contentHash(item);
      const existing = byExternalId.get(item.externalId);
      if (!existing) {
        const values = { ...item, sourceId, listHash: item.listHash ?? null, contentHash: hash, fetchedAt: now, archived: result.archived };
        result.created.push(tx.insert(notices).values(values).returning({ id: notices.id }).get().id);
      } else if (existing.contentHash !== hash) {
        tx.update(notices)
          .set({ ...item, contentHash: hash, version: existing.version + 1, fetchedAt: now, normalizedAt: null, normalizeError: null })
          .where(eq(notices.id, existing.id))
          .run();
        result.changed.push(existing.id);
      } else {
        // Same text under a changed list entry (e.g. a new teaser): remember the entry, so it is not fetched again.
        if (item.listHash !== undefined && item.listHash !== existing.listHash) {
          tx.update(notices).set({ listHash: item.listHash }).where(eq(notices.id, existing.id)).run();
        }
        result.unchanged++;
      }
    }
  });
  return result;
}

// Read on every fetch, usually to find that nothing changed: prepared once per database (the statement runs on the
// same connection, so inside the transaction).
const storedItems = preparedPerDb((db) =>
  db
    .select({ id: notices.id, externalId: notices.externalId, contentHash: notices.contentHash, version: notices.version, listHash: notices.listHash })
    .from(notices)
    .where(eq(notices.sourceId, sql.placeholder('sourceId')))
    .prepare(),
);

export function getNotice(db: Db, id: number): Notice | undefined {
  return db.select().from(notices).where(eq(notices.id, id)).get();
}

/** The current version of each given notice (unknown ids are left out): a fetch hands over a few, a sweep up to 500. */
export function noticeVersions(db: Db, ids: number[]): { id: number; version: number }[] {
  return idGroups(ids).flatMap((group) => versionsOf(db).all(group));
}

const versionsOf = preparedPerDb((db) => db.select({ id: notices.id, version: notices.version }).from(notices).where(inArray(notices.id, idGroupPlaceholders)).prepare());

/** Notices that still wait for normalization, oldest first: the sweep re-enqueues them if their jobs were lost. */
export function unnormalizedNoticeIds(db: Db, limit = 500): number[] {
  return db
    .select({ id: notices.id })
    .from(notices)
    .where(and(isNull(notices.normalizedAt), isNull(notices.normalizeError)))
    .orderBy(asc(notices.id))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

export function markNormalized(db: Db, id: number, now: Date, error: string | null = null): void {
  db.update(notices).set({ normalizedAt: now, normalizeError: error }).where(eq(notices.id, id)).run();
}
