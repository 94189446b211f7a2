import { Gauge, Registry } from 'prom-client';
import type { Db } from '../db/client.js';
import type { Queues } from '../queues/queues.js';
import { withTimeout } from '../queues/redis.js';
import { advisoryCounts, draftsWaiting, mailCounts, queueDepths, sentRecently, sourceStats, unnormalizedNotices, type SourceStats } from './collect.js';
import { freshness, freshnessBuckets } from './freshness.js';
import { registerReadyHistogram } from './histogram.js';

export type MetricsDeps = { db: Db; queues: Queues; clock: () => Date };

/** The window of `praxiswarn_mails_sent_recent`. */
export const sendRateWindowSeconds = 300;

const seconds = (d: Date | null) => (d ? d.getTime() / 1000 : 0);

/** Longer than a healthy Redis ever takes, shorter than Prometheus' default scrape timeout of 10 s. */
const redisTimeoutMs = 3000;

/**
 * A registry built for one scrape: every gauge reads its figures from the database or Redis when it is collected,
 * so nothing is counted in this process's memory (see docs/operations.md for what each metric means).
 */
export function metricsRegistry(deps: MetricsDeps): Registry {
  const registry = new Registry();
  const now = deps.clock();
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], collect: (g: Gauge<L>) => void | Promise<void>) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry], collect() { return collect(this); } });

  // Redis down must not take the database's figures with it: the queue gauges are left out and redis_up says why.
  let depths: Promise<Awaited<ReturnType<typeof queueDepths>> | null> | undefined;
  const readDepths = () => (depths ??= withTimeout(queueDepths(deps), redisTimeoutMs).catch(() => null));
  gauge('praxiswarn_redis_up', 'Whether the queue counts could be read from Redis for this scrape (1) or not (0).', [], async (g) => g.set((await readDepths()) ? 1 : 0));
  gauge('praxiswarn_queue_jobs', 'Jobs in a BullMQ queue by state (waiting, active, delayed, failed).', ['queue', 'state'], async (g) => {
    for (const d of (await readDepths()) ?? []) g.set({ queue: d.queue, state: d.state }, d.jobs);
  });

  // Sources are a few dozen rows: read once, shared by the per-source gauges.
  let stats: SourceStats[] | undefined;
  const perSource = (name: string, help: string, value: (s: SourceStats) => number | null) =>
    gauge(name, help, ['source'], (g) => {
      stats ??= sourceStats(deps);
      for (const s of stats) {
        const v = value(s);
        if (v !== null) g.set({ source: s.source }, v);
      }
    });
  perSource('praxiswarn_source_enabled', 'Whether the source is read at all (1) or switched off (0).', (s) => (s.enabled ? 1 : 0));
  perSource('praxiswarn_source_interval_seconds', 'How often the source is due to be read.', (s) => s.intervalSeconds);
  perSource('praxiswarn_source_consecutive_errors', 'Failed reads of the source since its last successful one.', (s) => s.consecutiveErrors);
  perSource('praxiswarn_source_last_check_timestamp_seconds', 'When the source was last read, successful or not (Unix time; 0 = never).', (s) => seconds(s.lastCheckedAt));
  perSource('praxiswarn_source_last_success_timestamp_seconds', 'When the source was last read successfully (Unix time; 0 = never).', (s) => seconds(s.lastSuccessAt));
  perSource('praxiswarn_source_last_items', 'Items the last successful read found on the list or feed.', (s) => s.lastItemCount);
  perSource('praxiswarn_notices', 'Notices stored from the source (one per item; a changed text is a new version of the same notice).', (s) => s.notices);

  gauge('praxiswarn_notices_unnormalized', 'Notices stored but not yet normalized into an advisory draft.', [], (g) => g.set(unnormalizedNotices(deps)));
  gauge('praxiswarn_advisories', 'Advisories by status (draft, published, rejected, merged, archive).', ['status'], (g) => {
    for (const r of advisoryCounts(deps)) g.set({ status: r.status }, r.advisories);
  });
  let drafts: ReturnType<typeof draftsWaiting> | undefined;
  gauge('praxiswarn_drafts_waiting', 'Advisory drafts waiting for an editor to review them.', [], (g) => g.set((drafts ??= draftsWaiting(deps, now)).count));
  gauge('praxiswarn_drafts_oldest_age_seconds', 'How long the oldest draft has been waiting for review (0 when none waits).', [], (g) =>
    g.set((drafts ??= draftsWaiting(deps, now)).oldestAgeSeconds),
  );

  gauge('praxiswarn_mails', 'Mails in the outbox of practices or firms, by kind and status (pending, sending, sent, failed, suppressed).', ['outbox', 'kind', 'status'], (g) => {
    for (const m of mailCounts(deps)) g.set({ outbox: m.outbox, kind: m.kind, status: m.status }, m.mails);
  });
  gauge('praxiswarn_mails_sent_recent', `Mails accepted by the SMTP relay in the last ${sendRateWindowSeconds} seconds (of those written in the last 24 hours).`, ['outbox', 'kind'], (g) => {
    for (const m of sentRecently(deps, now, sendRateWindowSeconds)) g.set({ outbox: m.outbox, kind: m.kind }, m.mails);
  });

  registerReadyHistogram(registry, {
    name: 'praxiswarn_alert_freshness_seconds',
    help: 'Seconds from the first fetch of an advisory\'s notice to the SMTP relay accepting an alert about it, for alerts written in the last 24 hours.',
    upperBounds: freshnessBuckets,
    read: () => freshness(deps.db, now).map((s) => ({ labels: { kind: s.kind, trust: s.trust }, count: s.count, sum: s.sumSeconds, buckets: s.buckets })),
  });
  return registry;
}
