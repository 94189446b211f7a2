import { and, count, eq, gte, min, sql } from 'drizzle-orm';
import { advisories } from '../advisories/advisories.table.js';
import type { Db } from '../db/client.js';
import { firmDeliveries, firmDeliveryKinds } from '../firms/firms.table.js';
import { notices } from '../ingest/notices.table.js';
import { deliveries, deliveryKinds } from '../notify/deliveries.table.js';
import { suppressedAddressError } from '../notify/send.js';
import { queueNames, type QueueName, type Queues } from '../queues/queues.js';
import { sources } from '../sources/sources.table.js';

// Everything here is read from the state of record at scrape time (SQLite and the BullMQ keys in Redis), so every
// process that serves /metrics shows the same figures, and a restart loses none of them.

export const queueStates = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueState = (typeof queueStates)[number];

/** Jobs per queue and state, as BullMQ counts them in Redis. */
export async function queueDepths({ queues }: { queues: Queues }): Promise<{ queue: QueueName; state: QueueState; jobs: number }[]> {
  const counts = await Promise.all(queueNames.map((name) => queues[name].getJobCounts(...queueStates)));
  return queueNames.flatMap((queue, i) => queueStates.map((state) => ({ queue, state, jobs: counts[i]![state] ?? 0 })));
}

export type SourceStats = {
  source: string;
  enabled: boolean;
  intervalSeconds: number;
  consecutiveErrors: number;
  lastCheckedAt: Date | null;
  lastSuccessAt: Date | null;
  lastItemCount: number | null;
  notices: number;
};

/** Each source's read health as the fetch stage records it, with the notices it brought (one row per source). */
export function sourceStats({ db }: { db: Db }): SourceStats[] {
  // The unique index (source_id, external_id) answers the grouped count without reading the notices themselves.
  const perSource = new Map(db.select({ sourceId: notices.sourceId, n: count() }).from(notices).groupBy(notices.sourceId).all().map((r) => [r.sourceId, r.n]));
  return db
    .select()
    .from(sources)
    .orderBy(sources.id)
    .all()
    .map((s) => ({
      source: s.id,
      enabled: s.enabled,
      intervalSeconds: s.intervalMinutes * 60,
      consecutiveErrors: s.errorCount,
      lastCheckedAt: s.lastCheckedAt,
      // Tests and `sourcesReadBefore` mark "read before, long ago" with the epoch: that is no success to report.
      lastSuccessAt: s.lastSuccessAt && s.lastSuccessAt.getTime() > 0 ? s.lastSuccessAt : null,
      lastItemCount: s.lastItemCount,
      notices: perSource.get(s.id) ?? 0,
    }));
}

/** Notices stored but not yet normalized (the normalize stage's backlog; index on normalized_at). */
export function unnormalizedNotices({ db }: { db: Db }): number {
  return db.select({ n: count() }).from(notices).where(sql`${notices.normalizedAt} is null`).get()?.n ?? 0;
}

/** Advisories per status (index on status). */
export function advisoryCounts({ db }: { db: Db }): { status: string; advisories: number }[] {
  return db
    .select({ status: advisories.status, advisories: count() })
    .from(advisories)
    .groupBy(advisories.status)
    .all();
}

/** Drafts waiting for an editor, and how long the oldest of them has waited (index on status, created_at). */
export function draftsWaiting({ db }: { db: Db }, now: Date): { count: number; oldestAgeSeconds: number } {
  const row = db.select({ n: count(), oldest: min(advisories.createdAt) }).from(advisories).where(eq(advisories.status, 'draft')).get();
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
  return { count: row?.n ?? 0, oldestAgeSeconds: oldest === null ? 0 : Math.max(0, (now.getTime() - oldest) / 1000) };
}

export const mailStatuses = ['pending', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type MailStatus = (typeof mailStatuses)[number];
export type Outbox = 'practice' | 'firm';
export type MailCount = { outbox: Outbox; kind: string; status: MailStatus; mails: number };

// Every kind is reported, 0 included: an alert rule on a series that appears only with its first failure never fires.
const outboxKinds: [Outbox, readonly string[]][] = [
  ['practice', deliveryKinds],
  ['firm', firmDeliveryKinds],
];

/** A zero for every outbox and kind (and status), filled in by `add`. */
function tally<T extends string>(statuses: (outbox: Outbox) => readonly T[]) {
  const counts = new Map(outboxKinds.flatMap(([outbox, kinds]) => kinds.flatMap((kind) => statuses(outbox).map((status) => [`${outbox}|${kind}|${status}`, 0] as [string, number]))));
  return {
    add: (outbox: Outbox, kind: string, status: T, n: number) => counts.set(`${outbox}|${kind}|${status}`, (counts.get(`${outbox}|${kind}|${status}`) ?? 0) + n),
    rows: () => [...counts].map(([key, n]) => {
      const [outbox, kind, status] = key.split('|') as [Outbox, string, T];
      return { outbox, kind, status, mails: n };
    }),
  };
}

/**
 * Mails in both outboxes (the practices' deliveries and the firms' firm_deliveries) per kind and status. A mail the
 * relay never saw because its address is suppressed after repeated refusals counts as `suppressed`, not `failed`.
 */
export function mailCounts({ db }: { db: Db }): MailCount[] {
  const counts = tally<MailStatus>((outbox) => (outbox === 'practice' ? mailStatuses : mailStatuses.filter((s) => s !== 'suppressed')));
  // Two reads, so that the big one needs no column beyond (kind, status); the failed mails are few.
  const suppressed = db
    .select({ kind: deliveries.kind, n: count() })
    .from(deliveries)
    .where(and(eq(deliveries.status, 'failed'), eq(deliveries.lastError, suppressedAddressError)))
    .groupBy(deliveries.kind)
    .all();
  for (const r of suppressed) {
    counts.add('practice', r.kind, 'suppressed', r.n);
    counts.add('practice', r.kind, 'failed', -r.n);
  }
  for (const r of db.select({ kind: deliveries.kind, status: deliveries.status, n: count() }).from(deliveries).groupBy(deliveries.kind, deliveries.status).all()) {
    counts.add('practice', r.kind, r.status, r.n);
  }
  for (const r of db.select({ kind: firmDeliveries.kind, status: firmDeliveries.status, n: count() }).from(firmDeliveries).groupBy(firmDeliveries.kind, firmDeliveries.status).all()) {
    counts.add('firm', r.kind, r.status, r.n);
  }
  return counts.rows();
}

/** How far back the recent-send and freshness queries look for the mails they count (see docs/operations.md). */
export const writtenWithinMs = 24 * 3600_000;

/**
 * Mails accepted by the relay in the last `windowSeconds`, per outbox and kind, among the mails written in the last
 * 24 hours: the index (status, created_at) bounds the read to those; a mail written earlier and sent only now (held
 * for a closed practice, or after a day-long relay outage) is not counted.
 */
export function sentRecently({ db }: { db: Db }, now: Date, windowSeconds: number): { outbox: Outbox; kind: string; mails: number }[] {
  const since = new Date(now.getTime() - windowSeconds * 1000);
  const written = new Date(now.getTime() - writtenWithinMs);
  const counts = tally(() => ['sent'] as const);
  const practice = db
    .select({ kind: deliveries.kind, n: count() })
    .from(deliveries)
    .where(and(eq(deliveries.status, 'sent'), gte(deliveries.createdAt, written), gte(deliveries.sentAt, since)))
    .groupBy(deliveries.kind)
    .all();
  const firm = db
    .select({ kind: firmDeliveries.kind, n: count() })
    .from(firmDeliveries)
    .where(and(eq(firmDeliveries.status, 'sent'), gte(firmDeliveries.createdAt, written), gte(firmDeliveries.sentAt, since)))
    .groupBy(firmDeliveries.kind)
    .all();
  for (const r of practice) counts.add('practice', r.kind, 'sent', r.n);
  for (const r of firm) counts.add('firm', r.kind, 'sent', r.n);
  return counts.rows().map(({ outbox, kind, mails }) => ({ outbox, kind, mails }));
}
