import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { notices } from '../ingest/notices.table.js';
import type { Source } from './sources.repository.js';

/** How many of a source's newest notices tell its usual gap between news. */
const sample = 20;
/** A source is quiet when it has brought nothing new for this many times its usual gap. */
export const quietFactor = 3;

export type SourceHealth = {
  /** The median time between the source's new notices, or null with fewer than three notices. */
  usualGapMs: number | null;
  /** Set when a source that used to bring news has been silent for `quietFactor` times its usual gap. */
  quietSince: Date | null;
};

/**
 * Whether a source that used to bring news has gone quiet: a selector that silently finds nothing new looks healthy
 * otherwise. The usual gap is the median between its newest notices' first fetches (the archive of its first read
 * arrived at once and says nothing about its rhythm, so archived notices are left out).
 */
export function sourceHealth(db: Db, source: Pick<Source, 'id' | 'lastNewItemAt' | 'enabled'>, now: Date): SourceHealth {
  const times = db
    .select({ at: notices.fetchedAt })
    .from(notices)
    .where(and(eq(notices.sourceId, source.id), eq(notices.archived, false)))
    .orderBy(desc(notices.fetchedAt))
    .limit(sample)
    .all()
    .map((r) => r.at.getTime())
    // Several notices of one read arrive together: the rhythm is between reads that brought news.
    .filter((t, i, all) => i === 0 || all[i - 1] !== t);
  if (times.length < 3) return { usualGapMs: null, quietSince: null };
  const gaps = times.slice(1).map((t, i) => times[i]! - t).sort((a, b) => a - b);
  const usualGapMs = Math.max(gaps[Math.floor(gaps.length / 2)]!, 3600_000);
  const last = source.lastNewItemAt ?? new Date(times[0]!);
  const quiet = source.enabled && now.getTime() - last.getTime() > quietFactor * usualGapMs;
  return { usualGapMs, quietSince: quiet ? last : null };
}
