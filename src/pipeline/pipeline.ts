import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Matcher } from '../normalize/products.js';
import { recordNotice } from '../advisories/record-notice.js';
import { unmatchedPublishedIds } from '../advisories/advisories.repository.js';
import { ingestDueSources, type IngestDueResult } from '../ingest/ingest-due.js';
import type { HttpOptions } from '../ingest/http.js';
import { fetchJobs } from '../ingest/fetch-jobs.js';
import { noticeVersions, unnormalizedNoticeIds } from '../ingest/notices.repository.js';
import { matchAdvisory } from '../notify/match.js';
import { owedDeliveries } from '../notify/deliveries.repository.js';
import { sendJobs, type OwedDelivery } from '../notify/send-jobs.js';
import type { Mailer } from '../notify/mailer.js';
import { sendBatch, type BatchResult } from '../notify/send.js';
import type { DeliverySettings } from '../notify/settings.js';
import { getAdvisory } from '../advisories/advisories.repository.js';
import { digestCompleted, writeDigestDeliveries } from '../notify/digest.js';
import { dueDigestPeriod } from '../notify/digest-schedule.js';
import { writeReminderDeliveries } from '../notify/reminders.js';
import { writeUpdateDeliveries } from '../notify/updates.js';
import { enqueue, type Payload, type Queues } from '../queues/queues.js';
import { dueSources } from '../sources/sources.repository.js';
import { deleteUnconfirmedSignups } from '../practices/preferences.repository.js';
import { routeForAbsences } from '../notify/absence-routing.js';
import { enqueueFirmSends, owedFirmDeliveries } from '../firms/firm-send.js';

export type PipelineDeps = {
  db: Db;
  queues: Queues;
  matcher: Matcher;
  mailer: Mailer;
  clock: () => Date;
  logger: Logger;
  http?: HttpOptions;
  publicUrl: string;
  linkSecret: string;
  operatorName: string;
  mailDomain: string;
  delivery: DeliverySettings;
};

// The one place that knows the order of the stages: each step runs its stage and enqueues the next.

/**
 * Runs on a schedule: starts a fetch for every due source and re-enqueues work the database says is unfinished
 * (notices not normalized, advisories not matched, deliveries not sent), so a lost or flushed Redis loses nothing.
 */
export async function sweepStep(deps: PipelineDeps): Promise<{ fetches: number; fetchJobs: number; normalizes: number; matches: number; sends: number; digests: number }> {
  const { db, queues, clock } = deps;
  const now = clock();
  const due = dueSources(db, now);
  deleteUnconfirmedSignups(db, now); // double opt-in: sign-ups left unconfirmed for 7 days are deleted
  // One job per host: its due sources are fetched one after another, as the per-host limiter would have them anyway.
  const fetches = fetchJobs(due);
  await enqueue(queues, 'fetch', fetches);
  const noticeIds = unnormalizedNoticeIds(db);
  await enqueue(queues, 'normalize', normalizeJobs(db, noticeIds));
  const advisoryIds = unmatchedPublishedIds(db);
  // A time bucket in the id: an earlier match job of the same advisory, kept as completed for a day, must not turn
  // a needed re-match (after an edit, a merge or a lost job) into a no-op; matching twice writes nothing twice.
  const bucket = Math.floor(now.getTime() / 300_000);
  await enqueue(queues, 'match', advisoryIds.map((id) => ({ jobId: `match-${id}-s${bucket}`, data: { advisoryId: id } })));
  const updates = writeUpdateDeliveries(db, { now, mailDomain: deps.mailDomain });
  // A material revision may name products that other practices use: match again (alerts are deduplicated).
  await enqueue(queues, 'match', updates.advisoryIds.map((id) => ({ jobId: `match-${id}-r${getAdvisory(db, id)?.revision ?? 0}`, data: { advisoryId: id } })));
  writeReminderDeliveries(db, { now, days: deps.delivery.reminderDays, mailDomain: deps.mailDomain });
  // Updates and reminders just written, and anything pending of a practice that closed today: to its deputy or held.
  db.transaction(() => routeForAbsences(db, { now, mailDomain: deps.mailDomain }));
  const digests = (['daily', 'weekly'] as const).flatMap((cadence) => {
    const period = dueDigestPeriod(cadence, now, { minuteOfDay: deps.delivery.digestMinuteOfDay, weekday: deps.delivery.digestWeekday });
    return period && !digestCompleted(db, period) ? [{ jobId: `digest-${period.replace(':', '-')}`, data: { cadence, period } }] : [];
  });
  await enqueue(queues, 'digest', digests);
  // Everything owed, including what was just written: pending mails whose jobs Redis lost are sent as well.
  const owed = owedDeliveries(db, now, { claimTimeoutMs: deps.delivery.claimTimeoutMs });
  await enqueueSends(deps, owed);
  await enqueueFirmSends(queues, owedFirmDeliveries(db, now, deps.delivery.claimTimeoutMs), deps.delivery.batchSize);
  return { fetches: due.length, fetchJobs: fetches.length, normalizes: noticeIds.length, matches: advisoryIds.length, sends: owed.length, digests: digests.length };
}

/** Writes the digest deliveries of one period (idempotent per practice and period) and enqueues their sends. */
export async function digestStep(deps: PipelineDeps, { cadence, period }: Payload<'digest'>): Promise<{ deliveries: number }> {
  if (digestCompleted(deps.db, period)) return { deliveries: 0 };
  const written = writeDigestDeliveries(deps.db, { cadence, period, now: deps.clock(), mailDomain: deps.mailDomain });
  await enqueueSends(deps, fresh(written));
  deps.logger.info({ period, deliveries: written.length }, 'digest written');
  return { deliveries: written.length };
}

/**
 * Fetches one host's due sources (or the one of "Jetzt abrufen") and enqueues normalization of every created or
 * changed notice. If a source crashed, the job fails after the others are stored and handed on: its retry fetches
 * only the sources still due.
 */
export async function fetchStep(deps: PipelineDeps, { sources }: Payload<'fetch'>): Promise<Omit<IngestDueResult, 'crashed'>> {
  const { results, skipped, crashed } = await ingestDueSources(deps, sources);
  const noticeIds = results.flatMap((r) => (r.status === 'ok' ? [...r.created, ...r.changed] : []));
  await enqueue(deps.queues, 'normalize', normalizeJobs(deps.db, noticeIds));
  if (crashed.length > 0) {
    throw new Error(`fetch crashed for ${crashed.map((c) => c.sourceId).join(', ')}: ${crashed[0]!.error.message}`);
  }
  return { results, skipped };
}

export async function normalizeStep(deps: PipelineDeps, { noticeId }: Payload<'normalize'>) {
  const result = recordNotice(deps, noticeId);
  if (result.published && result.advisoryId !== null) {
    await enqueue(deps.queues, 'match', [{ jobId: `match-${result.advisoryId}`, data: { advisoryId: result.advisoryId } }]);
  }
  return result;
}

export async function matchStep(deps: PipelineDeps, { advisoryId }: Payload<'match'>): Promise<{ deliveries: number }> {
  const written = matchAdvisory(deps.db, advisoryId, { now: deps.clock(), mailDomain: deps.mailDomain });
  await enqueueSends(deps, fresh(written));
  // IT service firms: matching wrote one mail per firm listing its matched practices (src/firms/firm-fanout.ts).
  await enqueueFirmSends(deps.queues, owedFirmDeliveries(deps.db, deps.clock(), deps.delivery.claimTimeoutMs), deps.delivery.batchSize);
  deps.logger.info({ advisoryId, deliveries: written.length }, 'advisory matched');
  return { deliveries: written.length };
}

export function sendStep(deps: PipelineDeps, { deliveryIds }: Payload<'send'>): Promise<BatchResult> {
  return sendBatch(deps, deliveryIds, { inFlight: deps.delivery.inFlightPerJob });
}

/**
 * One job per notice version, so a changed notice is normalized again and an unchanged one only once. The versions
 * are read in one query: the sweep hands over up to 500 notices at a time, a fetch ten or more.
 */
export function normalizeJobs(db: Db, noticeIds: number[]) {
  return noticeVersions(db, noticeIds).map(({ id, version }) => ({ jobId: `normalize-${id}-v${version}`, data: { noticeId: id } }));
}

async function enqueueSends(deps: PipelineDeps, deliveries: OwedDelivery[]): Promise<void> {
  await enqueue(deps.queues, 'send', sendJobs(deliveries, deps.delivery.batchSize));
}

/** Deliveries this step has just written: nobody has tried them yet. */
function fresh(ids: number[]): OwedDelivery[] {
  return ids.map((id) => ({ id, attempts: 0 }));
}
