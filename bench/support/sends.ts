import type { AppDeps } from '../../src/app/deps.js';
import { deliveriesByIds } from '../../src/notify/deliveries.repository.js';
import { enqueue } from '../../src/queues/queues.js';

/** The send jobs of these deliveries, exactly as the pipeline enqueues them (dedupe key plus attempt as job id). */
export async function enqueueSendJobs(deps: AppDeps, deliveryIds: number[]): Promise<void> {
  for (let i = 0; i < deliveryIds.length; i += 5000) {
    const rows = deliveriesByIds(deps.db, deliveryIds.slice(i, i + 5000));
    await enqueue(deps.queues, 'send', rows.map((d) => ({ jobId: `send-${d.dedupeKey.replaceAll(':', '-')}-a${d.attempts}`, data: { deliveryId: d.id } })));
  }
}

export function sentCount(deps: AppDeps): number {
  return (deps.db.$client.prepare(`select count(*) as n from deliveries where status = 'sent'`).get() as { n: number }).n;
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
