import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PipelineDeps } from '../src/pipeline/pipeline.js';
import { queueNames, type QueueName } from '../src/queues/queues.js';
import { processors } from './processors.js';

export type RunningWorkers = { close(): Promise<void> };

/**
 * The fetch queue's slots are spread over BullMQ workers of this many each. A worker takes jobs one Redis round trip
 * at a time and starts them once it holds as many as it has slots (or the queue is empty): with 50 slots in one
 * worker, a sweep's last host started some 10–30 ms after its first. Workers of five take their jobs side by side.
 */
export const fetchSlotsPerWorker = 5;

/**
 * A send job taken by a worker that then died waits for BullMQ's stall check before another worker takes it; the
 * sweep cannot re-add it meanwhile (same job id while it is still active). With the defaults (a 30 s lock, checked
 * every 30 s) its mails waited up to a minute. A send job cannot be sent twice by mistake (each mail is claimed
 * first, see claimDeliveries), so a job wrongly thought stalled costs nothing but a retry: the lock is shorter, the
 * check more frequent, and such a job is taken again up to five times before it counts as failed.
 */
export const sendStallOptions = { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 5 };

/**
 * Starts the BullMQ workers of every queue (or of the named subset): one per queue, the fetch queue's slots spread
 * over several (see fetchSlotsPerWorker); `close` lets active jobs finish first.
 */
export function startWorkers(
  deps: PipelineDeps,
  { connection, concurrency, fetchConcurrency = concurrency, only = queueNames }: { connection: Redis; concurrency: number; fetchConcurrency?: number; only?: QueueName[] },
): RunningWorkers {
  const start = (name: QueueName, slots: number) => {
    const worker = new Worker(name, (job) => processors[name](deps, job), { connection, prefix: deps.queues.prefix, concurrency: slots, ...(name === 'send' ? sendStallOptions : {}) });
    worker.on('failed', (job, error) => deps.logger.warn({ queue: name, jobId: job?.id, attempt: job?.attemptsMade, err: error.message }, 'job failed'));
    worker.on('error', (error) => deps.logger.error({ queue: name, err: error.message }, 'worker error'));
    return worker;
  };
  const workers = only.flatMap((name) => {
    // Sweeps must not overlap; fetches mostly wait for remote servers (polite per host through the host limiter);
    // send jobs take the number their mails in flight were divided among (see inFlightPerJob).
    if (name === 'fetch') return splitSlots(fetchConcurrency, fetchSlotsPerWorker).map((slots) => start(name, slots));
    return [start(name, name === 'sweep' ? 1 : name === 'send' ? deps.delivery.concurrency : concurrency)];
  });
  return { close: async () => void (await Promise.all(workers.map((w) => w.close()))) };
}

/** `total` slots as workers of at most `per` each, as even as possible (12 by 5: 4, 4, 4). */
export function splitSlots(total: number, per: number): number[] {
  const count = Math.max(1, Math.ceil(total / per));
  return Array.from({ length: count }, (_, i) => Math.floor(total / count) + (i < total % count ? 1 : 0));
}
