/**
 * Politeness inside one process: at most one request at a time per host, an optional pause between two requests
 * to the same host, and a host that answered 429/503 with Retry-After is left alone until that time.
 */
export type HostLimiter = {
  run<T>(host: string, task: () => Promise<T>, options?: { gapMs?: number }): Promise<T>;
  pause(host: string, untilMs: number): void | Promise<void>;
  /** Epoch milliseconds until which the host asked not to be asked again, or 0. */
  pausedUntil(host: string): number | Promise<number>;
};

/** The in-process limiter: for the CLI commands that run without Redis, and tests. (redis-host-limiter.ts shares one.) */
export function createHostLimiter({ now = Date.now }: { now?: () => number } = {}): HostLimiter {
  const tails = new Map<string, Promise<void>>();
  const lastEnd = new Map<string, number>();
  const pauses = new Map<string, number>();
  return {
    async run(host, task, { gapMs = 0 } = {}) {
      const previous = tails.get(host) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = previous.then(() => mine);
      tails.set(host, tail);
      await previous;
      try {
        const wait = (lastEnd.get(host) ?? 0) + gapMs - now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        return await task();
      } finally {
        lastEnd.set(host, now());
        release();
        // Forget idle hosts so the maps do not grow with every host ever fetched.
        if (tails.get(host) === tail) {
          tails.delete(host);
          if (gapMs === 0) lastEnd.delete(host);
        }
      }
    },
    pause(host, untilMs) {
      pauses.set(host, Math.max(untilMs, pauses.get(host) ?? 0));
    },
    pausedUntil(host) {
      const until = pauses.get(host) ?? 0;
      if (until <= now()) pauses.delete(host);
      return until > now() ? until : 0;
    },
  };
}

/** The limiter every fetch in this process shares unless a caller brings its own. */
export const processHostLimiter = createHostLimiter();
