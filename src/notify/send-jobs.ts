import { createHash } from 'node:crypto';

export type OwedDelivery = { id: number; attempts: number };

/**
 * Groups deliveries into send jobs of up to `batchSize`, by id range: deliveries written together (one advisory's
 * fan-out) share jobs, and the sweep, re-enqueueing what is still owed, forms the same jobs again. The job id is the
 * range plus a hash of the members and their attempt counts, so adding the same jobs twice is a no-op while a
 * delivery handed back after a failed attempt gets a fresh job. A delivery in two jobs is still sent once: sending
 * claims it first (see claimDelivery).
 */
export function sendJobs(deliveries: OwedDelivery[], batchSize: number): { jobId: string; data: { deliveryIds: number[] } }[] {
  const ranges = new Map<number, OwedDelivery[]>();
  for (const delivery of deliveries) {
    const range = Math.floor(delivery.id / batchSize);
    const members = ranges.get(range);
    if (members) members.push(delivery);
    else ranges.set(range, [delivery]);
  }
  return [...ranges].map(([range, members]) => {
    members.sort((a, b) => a.id - b.id);
    const hash = createHash('sha1')
      .update(members.map((d) => `${d.id}.${d.attempts}`).join(','))
      .digest('hex')
      .slice(0, 16);
    return { jobId: `send-r${batchSize}x${range}-${hash}`, data: { deliveryIds: members.map((d) => d.id) } };
  });
}
