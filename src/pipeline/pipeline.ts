import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Matcher } from '../normalize/products.js';
import { recordNotice } from '../advisories/record-notice.js';
import { unmatchedPublishedIds } from '../advisories/advisories.repository.js';
import { ingestSource, type IngestResult } from '../ingest/ingest.js';
import type { HttpOptions } from '../ingest/http.js';
import { getNotice, unnormalizedNoticeIds } from '../ingest/notices.repository.js';
import { matchAdvisory } from '../notify/match.js';
import { deliveriesByIds, owedDeliveryIds } from '../notify/deliveries.repository.js';
import type { Mailer } from '../notify/mailer.js';
import { sendDelivery, type SendResult } from '../notify/send.js';
import { enqueue, type Payload, type Queues } from '../queues/queues.js';
import { dueSources } from '../sources/sources.repository.js';
import { deleteUnconfirmedSignups } from '../practices/preferences.repository.js';

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
};

// The one place that knows the order of the stages: each step runs its stage and enqueues the next.

/**
 * Runs on a schedule: starts a fetch for every due source and re-enqueues work the database says is unfinished
 * (notices not normalized, advisories not matched, deliveries not sent), so a lost or flushed Redis loses nothing.
 */
export async function sweepStep(deps: PipelineDeps): Promise<{ fetches: number; normalizes: number; matches: number; sends: number }> {
  const { db, queues, clock } = deps;
  const now = clock();
  const due = dueSources(db, now);
  deleteUnconfirmedSignups(db, now); // double opt-in: sign-ups left unconfirmed for 7 days are deleted
  await enqueue(queues, 'fetch', due.map((s) => ({ jobId: `fetch-${s.id}-${s.nextCheckAt.getTime()}`, data: { sourceId: s.id } })));
  const noticeIds = unnormalizedNoticeIds(db);
  await enqueue(queues, 'normalize', noticeIds.map((id) => normalizeJob(deps.db, id)));
  const advisoryIds = unmatchedPublishedIds(db);
  await enqueue(queues, 'match', advisoryIds.map((id) => ({ jobId: `match-${id}`, data: { advisoryId: id } })));
  const deliveryIds = owedDeliveryIds(db, now);
  await enqueueSends(deps, deliveryIds);
  return { fetches: due.length, normalizes: noticeIds.length, matches: advisoryIds.length, sends: deliveryIds.length };
}

export async function fetchStep(deps: PipelineDeps, { sourceId }: Payload<'fetch'>): Promise<IngestResult> {
  const result = await ingestSource(deps, sourceId);
  if (result.status === 'ok') {
    await enqueue(deps.queues, 'normalize', [...result.created, ...result.changed].map((id) => normalizeJob(deps.db, id)));
  }
  return result;
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
  await enqueueSends(deps, written);
  deps.logger.info({ advisoryId, deliveries: written.length }, 'advisory matched');
  return { deliveries: written.length };
}

export function sendStep(deps: PipelineDeps, { deliveryId }: Payload<'send'>): Promise<SendResult> {
  return sendDelivery(deps, deliveryId);
}

/** One job per notice version, so a changed notice is normalized again and an unchanged one only once. */
export function normalizeJob(db: Db, noticeId: number) {
  const version = getNotice(db, noticeId)?.version ?? 1;
  return { jobId: `normalize-${noticeId}-v${version}`, data: { noticeId } };
}

/** The attempt count is part of the job id, so a delivery handed back after a failed job gets a fresh one. */
async function enqueueSends(deps: PipelineDeps, deliveryIds: number[]): Promise<void> {
  const rows = deliveriesByIds(deps.db, deliveryIds);
  await enqueue(deps.queues, 'send', rows.map((d) => ({ jobId: `send-${d.id}-a${d.attempts}`, data: { deliveryId: d.id } })));
}
