import type { AppDeps } from '../../src/app/deps.js';
import { QueueEvents } from 'bullmq';
import { sendJobs } from '../../src/notify/send-jobs.js';
import { enqueue } from '../../src/queues/queues.js';

/** The send jobs of freshly written deliveries, exactly as the pipeline enqueues them. */
export async function enqueueSendJobs(deps: AppDeps, deliveryIds: number[]): Promise<void> {
  await enqueue(deps.queues, 'send', sendJobs(deliveryIds.map((id) => ({ id, attempts: 0 })), deps.delivery.batchSize));
}

/** Sent deliveries, of one advisory or of all. */
export function sentCount(deps: AppDeps, advisoryId?: number): number {
  const sql = `select count(*) as n from deliveries where status = 'sent'${advisoryId === undefined ? '' : ' and advisory_id = ?'}`;
  return (deps.db.$client.prepare(sql).get(...(advisoryId === undefined ? [] : [advisoryId])) as { n: number }).n;
}

/** Runs `task` for 0..count-1 with `concurrency` in flight, as a worker with that concurrency would. */
export async function inFlight(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/**
 * Counts the mails the send jobs report as sent, from BullMQ's completion events: waiting on it costs the measured
 * process nothing, where polling the database every few milliseconds would (check the database once at the end).
 */
export async function watchSent(deps: AppDeps): Promise<{ sent(): number; close(): Promise<void> }> {
  const events = new QueueEvents('send', { connection: deps.redis.duplicate(), prefix: deps.queues.prefix });
  await events.waitUntilReady();
  let sent = 0;
  events.on('completed', ({ returnvalue }) => {
    const result = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as { sent?: number } | null;
    sent += result?.sent ?? 0;
  });
  return { sent: () => sent, close: () => events.close() };
}
