import type { Queues } from './queues.js';

/** Creates or updates the repeating jobs; safe to call at every start-up (schedules live in Redis, which may be new). */
export async function upsertSchedules(queues: Queues, { sweepIntervalSeconds }: { sweepIntervalSeconds: number }): Promise<void> {
  await queues.sweep.upsertJobScheduler('sweep', { every: sweepIntervalSeconds * 1000 }, { name: 'sweep', data: {} });
}
