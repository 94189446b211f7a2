import type { AppDeps } from '../../src/app/deps.js';
import { waitUntil } from './bench.models.js';
import type { NoticePublisher } from './notice-publisher.js';
import type { DiscardSink } from './smtp-discard.js';

/** The moments of one notice's way, epoch ms: from its publisher to the relay. */
export type Trial = {
  n: number;
  /** Where in the source's check cycle the notice appeared (0 = just after a fetch, 1 = just before the next). */
  phase: number;
  appearedAt: number;
  /** The fetch job that saw it started (BullMQ `processedOn`): the end of waiting for the schedule. */
  fetchStartAt: number;
  /** The notice was stored (`notices.fetched_at`). */
  fetchedAt: number;
  /** Normalized and, the source being trusted, published (`advisories.released_at`). */
  releasedAt: number;
  /** The match job began writing deliveries (`deliveries.created_at`, the step's clock when it started). */
  matchAt: number;
  firstMailAt: number;
  lastMailAt: number;
  mails: number;
};

type Setup = { deps: AppDeps; publisher: NoticePublisher; sink: DiscardSink; sourceId: string; recipients: number; cycleMs: number };

/**
 * One notice: waits until the chosen phase of the source's check cycle (counted from its last fetch, a cycle later if
 * that moment has passed), publishes the notice, waits for the last of its mails at the relay, and reads the moments
 * of its way from the database, BullMQ and the relay.
 */
export async function runTrial({ deps, publisher, sink, sourceId, recipients, cycleMs }: Setup, n: number, phase: number): Promise<Trial> {
  const sqlite = deps.db.$client;
  const lastChecked = (sqlite.prepare('select last_checked_at as t from sources where id = ?').get(sourceId) as { t: number }).t;
  let at = lastChecked + phase * cycleMs;
  while (at < Date.now() + 20) at += cycleMs;
  await new Promise((resolve) => setTimeout(resolve, at - Date.now()));
  const before = await sink.count();
  const { appearedAt, guid } = await publisher.publish(n);
  await waitUntil(async () => (await sink.count()) >= before + recipients, { what: `the last mail of notice ${n + 1}`, everyMs: 25, timeoutMs: 3 * cycleMs + 900_000 });
  const [firstMailAt, lastMailAt] = await sink.acceptedAt([before, before + recipients - 1]);
  const notice = sqlite.prepare('select id, fetched_at as "fetchedAt" from notices where source_id = ? and external_id = ?').get(sourceId, guid) as { id: number; fetchedAt: number };
  const advisory = sqlite
    .prepare('select a.id, a.released_at as "releasedAt" from advisories a join advisory_sources s on s.advisory_id = a.id where s.notice_id = ?')
    .get(notice.id) as { id: number; releasedAt: number };
  const written = sqlite.prepare(`select min(created_at) as "matchAt", count(*) as mails from deliveries where advisory_id = ? and kind = 'alert'`).get(advisory.id) as { matchAt: number; mails: number };
  if (written.mails !== recipients) throw new Error(`notice ${n + 1}: ${written.mails} alerts written, expected ${recipients}`);
  // The fetch that stored the notice: the latest fetch job that started before the notice was stored.
  const fetchJobs = await deps.queues.fetch.getJobs(['completed']);
  const fetchStartAt = Math.max(...fetchJobs.map((j) => j.processedOn ?? 0).filter((t) => t <= notice.fetchedAt));
  return { n, phase, appearedAt, fetchStartAt, fetchedAt: notice.fetchedAt, releasedAt: advisory.releasedAt, matchAt: written.matchAt, firstMailAt: firstMailAt!, lastMailAt: lastMailAt!, mails: written.mails };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
