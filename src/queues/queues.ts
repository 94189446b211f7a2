import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { maxSourcesPerFetchJob } from '../ingest/fetch-jobs.js';

const id = z.number().int().positive();

/** Every queue with the schema of its payload: the one place that says what travels through Redis. */
export const queueDefinitions = {
  sweep: z.object({}).strict(),
  // One host's due sources (see src/ingest/fetch-jobs.ts), each with the next_check_at it was due at.
  fetch: z.object({ sources: z.array(z.object({ sourceId: z.string().min(1), dueAt: z.number().int() }).strict()).min(1).max(maxSourcesPerFetchJob) }).strict(),
  normalize: z.object({ noticeId: id }).strict(),
  match: z.object({ advisoryId: id }).strict(),
  // A batch of deliveries (see src/notify/send-jobs.ts): one job per mail made enqueueing cost more than matching.
  send: z.object({ deliveryIds: z.array(id).min(1).max(1000) }).strict(),
  // The IT service firms' outbox (src/firms/firm-send.ts), apart from the practices' deliveries.
  'firm-send': z.object({ firmDeliveryIds: z.array(id).min(1).max(1000) }).strict(),
  digest: z.object({ cadence: z.enum(['daily', 'weekly']), period: z.string().regex(/^(daily|weekly):[0-9W-]+$/) }).strict(),
};

export type QueueName = keyof typeof queueDefinitions;
export type Payload<N extends QueueName> = z.infer<(typeof queueDefinitions)[N]>;
export const queueNames = Object.keys(queueDefinitions) as QueueName[];

// Payloads are checked by `enqueue` on the way in and by the workers on the way out.
export type Queues = Record<QueueName, Queue> & { prefix: string };

// Completed jobs are kept for a while so that a repeated add with the same job id stays a no-op.
const defaultJobOptions: JobsOptions = {
  attempts: 5,
  // Jitter spreads the retries of a big fan-out so they do not hit a recovering relay all at once.
  backoff: { type: 'exponential', delay: 5000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createQueues(connection: Redis, prefix: string): Queues {
  const entries = queueNames.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions })]);
  return { ...Object.fromEntries(entries), prefix } as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(queueNames.map((name) => queues[name].close()));
}

/** Adds jobs with deterministic ids in one round trip; ids must not contain ':' (BullMQ reserves it). */
export async function enqueue<N extends QueueName>(queues: Queues, name: N, jobs: { jobId: string; data: Payload<N> }[]): Promise<void> {
  if (jobs.length === 0) return;
  for (let i = 0; i < jobs.length; i += 1000) {
    const chunk = jobs.slice(i, i + 1000).map((j) => ({ name, data: queueDefinitions[name].parse(j.data), opts: { jobId: j.jobId } }));
    await queues[name].addBulk(chunk);
  }
}
