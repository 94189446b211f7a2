import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { writtenWithinMs } from './collect.js';

/** Upper bounds of the freshness histogram, in seconds. */
export const freshnessBuckets = [60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400] as const;

/** The mails that tell a practice of something new: an advisory's first alert and a TI outage. */
export const freshnessKinds = ['alert', 'outage'] as const;

export type FreshnessSeries = {
  kind: string;
  /** Trust of the source whose notice first reported the advisory (`auto`, `review`), or `none` for an editor's own. */
  trust: string;
  count: number;
  sumSeconds: number;
  /** Cumulative counts per bucket bound, in the order of `freshnessBuckets`. */
  buckets: number[];
};

/**
 * Time from praxiswarn's first sight of an advisory to the relay's acceptance of each alert about it, for the alerts
 * written in the last 24 hours and sent, summed up per kind and source trust in SQL (one row per series, however
 * many mails). First sight is the earliest first fetch of its notices, or the advisory's creation if that is
 * earlier: a notice whose text changed later has a later fetched_at, while the advisory keeps its created_at.
 */
export function freshness(db: Db, now: Date): FreshnessSeries[] {
  const written = now.getTime() - writtenWithinMs;
  const kinds = sql.join(freshnessKinds.map((k) => sql`${k}`), sql`, `);
  const bucketColumns = sql.join(
    freshnessBuckets.map((b, i) => sql`sum(case when d.sent_at - seen.first_seen <= ${b * 1000} then 1 else 0 end) as ${sql.raw(`le_${i}`)}`),
    sql`, `,
  );
  // The deliveries are found through the index (status, created_at); the advisories' first sight is worked out once
  // per advisory, not once per mail.
  const rows = db.all<Record<string, number | string | null>>(sql`
    with sent as (
      select advisory_id, kind, sent_at from deliveries
      where status = 'sent' and created_at >= ${written} and kind in (${kinds}) and advisory_id is not null and sent_at is not null
    ),
    seen as (
      select a.id as advisory_id,
        case when min(n.fetched_at) < a.created_at then min(n.fetched_at) else a.created_at end as first_seen,
        coalesce((select s.trust from advisory_sources x join notices n2 on n2.id = x.notice_id join sources s on s.id = n2.source_id
                  where x.advisory_id = a.id order by n2.id limit 1), 'none') as trust
      from advisories a
      left join advisory_sources src on src.advisory_id = a.id
      left join notices n on n.id = src.notice_id
      where a.id in (select distinct advisory_id from sent)
      group by a.id, a.created_at
    )
    select d.kind as kind, seen.trust as trust, count(*) as n, sum(d.sent_at - seen.first_seen) as sum_ms, ${bucketColumns}
    from sent d join seen on seen.advisory_id = d.advisory_id
    group by d.kind, seen.trust
    order by d.kind, seen.trust`);
  return rows.map((r) => ({
    kind: String(r.kind),
    trust: String(r.trust),
    count: Number(r.n),
    sumSeconds: Number(r.sum_ms ?? 0) / 1000,
    buckets: freshnessBuckets.map((_, i) => Number(r[`le_${i}`] ?? 0)),
  }));
}
