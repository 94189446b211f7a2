/**
 * Answers often arrive together (a sweep asks every host at once). The work that follows an answer (parsing,
 * storing) waits for its turn here: one piece per turn of the event loop, so that answers arriving meanwhile are
 * read, and their hosts' next requests sent, between two pieces instead of after all of them. (Awaiting
 * `setImmediate` alone runs every piece queued in the same turn back to back.)
 */
const waiting: (() => void)[] = [];
let pumping = false;

export function cpuTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
}

function pump(): void {
  // The piece resolved here runs in the microtasks right after this callback; the next one a turn later.
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(pump);
  else pumping = false;
}
