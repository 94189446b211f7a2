import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PipelineDeps } from '../src/pipeline/pipeline.js';
import { queueNames, type QueueName } from '../src/queues/queues.js';
import { processors } from './processors.js';

export type RunningWorkers = { close(): Promise<void> };

/** Starts one BullMQ worker per queue (or for the named subset); `close` lets active jobs finish first. */
export function startWorkers(
  deps: PipelineDeps,
  { connection, concurrency, fetchConcurrency = concurrency, only = queueNames }: { connection: Redis; concurrency: number; fetchConcurrency?: number; only?: QueueName[] },
): RunningWorkers {
  const workers = only.map((name) => {
    const worker = new Worker(name, (job) => processors[name](deps, job), {
      connection,
      prefix: deps.queues.prefix,
      // Sweeps must not overlap; fetches mostly wait for remote servers (polite per host through the host limiter);
      // send jobs take the number their mails in flight were divided among (see inFlightPerJob).
      concurrency: name === 'sweep' ? 1 : name === 'fetch' ? fetchConcurrency : name === 'send' ? deps.delivery.concurrency : concurrency,
    });
    worker.on('failed', (job, error) => deps.logger.warn({ queue: name, jobId: job?.id, attempt: job?.attemptsMade, err: error.message }, 'job failed'));
    worker.on('error', (error) => deps.logger.error({ queue: name, err: error.message }, 'worker error'));
    return worker;
  });
  return { close: async () => void (await Promise.all(workers.map((w) => w.close()))) };
}
