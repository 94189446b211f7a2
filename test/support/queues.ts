import { queueNames, type Queues } from '../../src/queues/queues.js';

/** Waits until no queue has waiting, active or delayed work, seen twice in a row (a step may enqueue the next). */
export async function waitForIdle(queues: Queues, { timeoutMs = 30_000 } = {}): Promise<void> {
  const end = Date.now() + timeoutMs;
  let quietRounds = 0;
  while (quietRounds < 2) {
    if (Date.now() > end) throw new Error('queues did not become idle');
    const counts = await Promise.all(queueNames.map((n) => queues[n].getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')));
    const busy = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
    quietRounds = busy === 0 ? quietRounds + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Removes every key a test wrote under its queue prefix. */
export async function removeQueues(queues: Queues): Promise<void> {
  await Promise.all(queueNames.map((n) => queues[n].obliterate({ force: true })));
}
