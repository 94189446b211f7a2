import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { preparedPerDb } from '../db/prepared.js';
import type { SourceConfig } from './sources.models.js';
import { sources } from './sources.table.js';

export type Source = typeof sources.$inferSelect;

/** Writes the configured sources; what was learned while fetching (ETag, schedule, errors) is kept. */
export function seedSources(db: Db, configured: SourceConfig[]): void {
  db.transaction((tx) => {
    for (const s of configured) {
      const values = {
        id: s.id,
        name: s.name,
        publisher: s.publisher,
        kind: s.kind,
        url: s.url,
        selectors: s.selectors ?? null,
        trust: s.trust,
        intervalMinutes: s.intervalMinutes,
        enabled: s.enabled,
      };
      const { id: _id, ...changes } = values;
      tx.insert(sources).values(values).onConflictDoUpdate({ target: sources.id, set: changes }).run();
    }
  });
}

export function getSource(db: Db, id: string): Source | undefined {
  return statements(db).source.get({ id });
}

export function listSources(db: Db): Source[] {
  return db.select().from(sources).orderBy(asc(sources.id)).all();
}

export function dueSources(db: Db, now: Date): Source[] {
  return db
    .select()
    .from(sources)
    .where(and(eq(sources.enabled, true), lte(sources.nextCheckAt, now)))
    .orderBy(asc(sources.nextCheckAt))
    .all();
}

export function recordFetchSuccess(
  db: Db,
  id: string,
  { now, etag, lastModified, bodyHash }: { now: Date; etag: string | null; lastModified: string | null; bodyHash: string | null },
): void {
  statements(db).fetchSuccess.run({ id, now: now.getTime(), etag, lastModified, bodyHash });
}

/**
 * What a read that brought a document found: how many items the list or feed showed, which of them could not be read
 * (an article page that answered 404), and whether anything was new. A partly failed read still counts as a success,
 * so these show the admin what the error counter cannot.
 */
export function recordReadHealth(
  db: Db,
  id: string,
  { now, itemCount, problems, newItems }: { now: Date; itemCount: number; problems: { url: string; message: string }[]; newItems: boolean },
): void {
  db.update(sources)
    .set({ lastItemCount: itemCount, lastPartialErrors: problems.length ? problems.slice(0, 20) : null, ...(newItems ? { lastNewItemAt: now } : {}) })
    .where(eq(sources.id, id))
    .run();
}

/**
 * Failures back off: the interval doubles with every consecutive error, up to one day. A server that asked for a
 * pause (Retry-After) is not asked again before that time, even if it is later than the back-off.
 */
export function recordFetchFailure(db: Db, id: string, { now, message, notBefore }: { now: Date; message: string; notBefore?: Date }): void {
  const source = getSource(db, id);
  if (!source) return;
  const errorCount = source.errorCount + 1;
  const delayMinutes = Math.min(source.intervalMinutes * 2 ** Math.min(errorCount, 10), 24 * 60);
  const backoff = now.getTime() + delayMinutes * 60_000;
  const next = Math.max(backoff, notBefore?.getTime() ?? 0);
  db.update(sources)
    .set({ lastCheckedAt: now, errorCount, lastError: message, nextCheckAt: new Date(next) })
    .where(eq(sources.id, id))
    .run();
}

// Every fetch reads its source and records the result: prepared once per database, these two skip building and
// compiling their SQL each time (measured in bench/sweep.bench.ts).
const statements = preparedPerDb((db) => {
  const source = db.select().from(sources).where(eq(sources.id, sql.placeholder('id'))).prepare();
  const now = sql`${sql.placeholder('now')}`;
  const fetchSuccess = db
    .update(sources)
    .set({
      etag: sql`${sql.placeholder('etag')}`,
      lastModified: sql`${sql.placeholder('lastModified')}`,
      bodyHash: sql`${sql.placeholder('bodyHash')}`,
      lastCheckedAt: now,
      lastSuccessAt: now,
      errorCount: 0,
      lastError: null,
      nextCheckAt: sql`${sql.placeholder('now')} + ${sources.intervalMinutes} * 60000`,
    })
    .where(eq(sources.id, sql.placeholder('id')))
    .prepare();
  return { source, fetchSuccess };
});
