import { and, asc, eq, gt, inArray, isNull, max, not, sql } from 'drizzle-orm';
import { dialectOf, type Db } from '../db/client.js';
import { advisories, type Severity } from '../advisories/advisories.table.js';
import { practices } from '../practices/practices.table.js';
import { deliveries, digestRuns, matches } from './deliveries.table.js';
import type { DigestCadence } from './digest-schedule.js';
import { messageIdFor } from './message-id.js';
import { berlinDay } from '../practices/absence-days.js';
import { closedOn } from '../practices/absences.repository.js';
import { severityRank } from './severity-rank.js';

export function digestCompleted(db: Db, period: string): boolean {
  return Boolean(db.select({ c: digestRuns.completedAt }).from(digestRuns).where(eq(digestRuns.period, period)).get()?.c);
}

/**
 * Writes one digest delivery per active practice of the cadence that has matched advisories since its last digest;
 * a practice with nothing new gets no mail. Works through the practices in chunks (memory stays flat at 100,000
 * practices) with one transaction per chunk; a repeated or interrupted run writes only what is missing, because
 * the dedupe key names the period. Returns the ids written by this call.
 */
export function writeDigestDeliveries(
  db: Db,
  { cadence, period, now, mailDomain, chunkSize = 2000 }: { cadence: DigestCadence; period: string; now: Date; mailDomain: string; chunkSize?: number },
): number[] {
  db.insert(digestRuns).values({ period, startedAt: now }).onConflictDoNothing().run();
  const written: number[] = [];
  let lastId = 0;
  for (;;) {
    const chunk = db
      .select({ id: practices.id, minSeverity: practices.minSeverity })
      .from(practices)
      // A practice closed today with a confirmed deputy gets no digest: the next one after the period lists what came.
      .where(and(eq(practices.status, 'active'), eq(practices.cadence, cadence), isNull(practices.suppressedAt), gt(practices.id, lastId), not(closedOn(practices.id, berlinDay(now)))))
      .orderBy(asc(practices.id))
      .limit(chunkSize)
      .all();
    if (chunk.length === 0) break;
    lastId = chunk[chunk.length - 1]!.id;
    written.push(...writeChunk(db, chunk, { period, now, mailDomain }));
  }
  db.update(digestRuns)
    .set({ completedAt: now, deliveries: sql`${digestRuns.deliveries} + ${written.length}` })
    .where(eq(digestRuns.period, period))
    .run();
  return written;
}

type PracticeRow = { id: number; minSeverity: Severity };
/** The database or a transaction on it: what the inserts need. */
type Writer = Pick<Db, 'insert'>;
type DigestRow = { practiceId: number; dedupeKey: string; advisoryIds: number[]; messageId: string };

// How the rows of a chunk are written differs by database, here only. On SQLite one prepared statement run per row is
// the fastest (building the insert anew for each of 100,000 rows cost more than the insert itself, and multi-row
// statements wrote 100,000 digests in 4.2 s instead of 2.5 s, bench/digest.bench.ts); on PostgreSQL every statement
// is a round trip, so 400 rows go in one (36 s for 100,000 digests one by one, 12 s so).
function insertEach(tx: Writer, rows: DigestRow[], { period, now }: { period: string; now: Date }): number[] {
  const insert = tx
    .insert(deliveries)
    .values({
      practiceId: sql.placeholder('practiceId'),
      kind: 'digest',
      dedupeKey: sql.placeholder('dedupeKey'),
      period,
      advisoryIds: sql.placeholder('advisoryIds'),
      messageId: sql.placeholder('messageId'),
      createdAt: now,
    })
    .onConflictDoNothing({ target: deliveries.dedupeKey })
    .returning({ id: deliveries.id })
    .prepare();
  return rows.flatMap((row) => insert.get(row)?.id ?? []);
}

/** Rows per statement on PostgreSQL: 7 parameters each, well below its limit of 65,535. */
const rowsPerInsert = 400;

function insertMultiRow(tx: Writer, rows: DigestRow[], { period, now }: { period: string; now: Date }): number[] {
  const written: number[] = [];
  for (let i = 0; i < rows.length; i += rowsPerInsert) {
    const inserted = tx
      .insert(deliveries)
      .values(rows.slice(i, i + rowsPerInsert).map((row) => ({ ...row, kind: 'digest' as const, period, createdAt: now })))
      .onConflictDoNothing({ target: deliveries.dedupeKey })
      .returning({ id: deliveries.id })
      .all();
    for (const row of inserted) written.push(row.id);
  }
  return written;
}

function writeChunk(db: Db, chunk: PracticeRow[], { period, now, mailDomain }: { period: string; now: Date; mailDomain: string }): number[] {
  return db.transaction((tx) => {
    const ids = chunk.map((p) => p.id);
    // The last digest of each practice bounds what is new for it.
    const previous = new Map(
      tx
        .select({ practiceId: deliveries.practiceId, last: max(deliveries.createdAt) })
        .from(deliveries)
        .where(and(eq(deliveries.kind, 'digest'), inArray(deliveries.practiceId, ids)))
        .groupBy(deliveries.practiceId)
        .all()
        .map((r) => [r.practiceId, r.last]),
    );
    const matched = tx
      .select({ practiceId: matches.practiceId, advisoryId: matches.advisoryId, createdAt: matches.createdAt, severity: advisories.severity })
      .from(matches)
      .innerJoin(advisories, eq(advisories.id, matches.advisoryId))
      // TI outages have their own mails and are never digested (they write no matches; this keeps it so).
      .where(and(inArray(matches.practiceId, ids), eq(advisories.status, 'published'), eq(advisories.category, 'security')))
      .orderBy(asc(matches.createdAt))
      .all();
    const byPractice = new Map<number, number[]>();
    const settings = new Map(chunk.map((p) => [p.id, p]));
    for (const m of matched) {
      const practice = settings.get(m.practiceId)!;
      const last = previous.get(m.practiceId);
      if (m.createdAt > now || (last && m.createdAt <= last)) continue;
      if (severityRank[m.severity] < severityRank[practice.minSeverity]) continue;
      const list = byPractice.get(m.practiceId);
      if (list) list.push(m.advisoryId);
      else byPractice.set(m.practiceId, [m.advisoryId]);
    }
    const rows = [...byPractice].map(([practiceId, advisoryIds]) => {
      const dedupeKey = `digest:${period}:${practiceId}`;
      return { practiceId, dedupeKey, advisoryIds, messageId: messageIdFor(dedupeKey, mailDomain) };
    });
    const written = dialectOf(db) === 'postgres' ? insertMultiRow(tx, rows, { period, now }) : insertEach(tx, rows, { period, now });
    written.sort((a, b) => a - b);
    return written;
  });
}
