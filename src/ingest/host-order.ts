import { hostKey } from './ssrf.js';

/**
 * The same sources in an order that visits their hosts in turn (each host's own order kept), so that consecutive
 * fetch jobs go to different hosts. Workers take jobs in order: without this, the sources of one publisher, which
 * sit side by side, fill the slots and wait on each other in the per-host limiter while other hosts stay idle.
 */
export function interleaveByHost<T extends { url: string }>(sources: T[]): T[] {
  const byHost = new Map<string, T[]>();
  for (const source of sources) {
    const key = keyOf(source.url);
    const queue = byHost.get(key);
    if (queue) queue.push(source);
    else byHost.set(key, [source]);
  }
  const queues = [...byHost.values()];
  const ordered: T[] = [];
  for (let round = 0; ordered.length < sources.length; round++) {
    for (const queue of queues) if (round < queue.length) ordered.push(queue[round]!);
  }
  return ordered;
}

/** The limiter's key; a URL that does not parse is its own host (its fetch fails with a readable error anyway). */
function keyOf(url: string): string {
  try {
    return hostKey(new URL(url));
  } catch {
    return url;
  }
}
