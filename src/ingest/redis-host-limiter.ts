import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createHostLimiter, type HostLimiter } from './host-limiter.js';

export type RedisHostLimiterOptions = {
  redis: Redis;
  /** The queue prefix (QUEUE_PREFIX), so installations and tests sharing one Redis keep their own limits. */
  prefix: string;
  /** How long a lease outlives its holder; renewed while the request runs, so it only matters when a process dies. */
  leaseMs?: number;
  /** Longest sleep between two looks at a lease someone else holds. */
  pollMs?: number;
};

// Every time below is Redis's own clock (TIME), so hosts whose clocks disagree still keep one gap.
const now = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000`;

/**
 * {2, ms} while the gap after the last request runs (nobody takes the lease then, so every waiting process gets the
 * same chance when it ends), {1, 0} when the lease was taken, {0, ms the holder's lease has left} otherwise.
 */
const acquireScript = `${now}
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextAt > now then return {2, math.ceil(nextAt - now)} end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {1, 0} end
return {0, redis.call('PTTL', KEYS[1])}`;

const renewScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

/** Drops the lease if it is still ours, and sets when the host may be asked next (rounded up: never early). */
const releaseScript = `${now}
local gap = tonumber(ARGV[2])
if gap > 0 then redis.call('SET', KEYS[2], string.format('%.0f', math.ceil(now) + gap), 'PX', gap + 1) end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

/** Keeps the later of two pauses; the key lives exactly as long as the pause. */
const pauseScript = `local old = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > old then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The host limiter shared by every process on one Redis: one request at a time per host (a lease with a token,
 * renewed while the request runs and expiring when its holder dies), the gap between two requests as a per-host
 * "next allowed at" key, and Retry-After pauses every process sees. All keys expire on their own.
 */
export function createRedisHostLimiter({ redis, prefix, leaseMs = 15_000, pollMs = 100 }: RedisHostLimiterOptions): HostLimiter {
  const key = (host: string, what: 'lease' | 'next' | 'pause') => `${prefix}:limits:host:${host}:${what}`;
  // Requests of this process queue here first (in order, handed on at once); only the head of the queue asks Redis,
  // so the polling below is only ever between processes.
  const local = createHostLimiter();
  return {
    run: (host, task, { gapMs = 0 } = {}) => local.run(host, () => shared(host, task, gapMs)),
    async pause(host, untilMs) {
      const ms = Math.ceil(untilMs - Date.now());
      if (ms > 0) await redis.eval(pauseScript, 1, key(host, 'pause'), untilMs, ms);
    },
    async pausedUntil(host) {
      const until = Number((await redis.get(key(host, 'pause'))) ?? 0);
      return until > Date.now() ? until : 0;
    },
  };

  async function shared<T>(host: string, task: () => Promise<T>, gapMs: number): Promise<T> {
    const lease = key(host, 'lease');
    const next = key(host, 'next');
    const token = randomUUID();
    for (;;) {
      const [state, ms] = (await redis.eval(acquireScript, 2, lease, next, token, leaseMs)) as [number, number];
      if (state === 1) break;
      // The gap's end is known: sleep to it (plus a few ms, so the waiting processes do not all ask at the same
      // instant). A lease ends unannounced: look again after at most one poll. Neither ever spins.
      if (state === 2) await sleep(ms + 1 + Math.random() * 10);
      else await sleep(Math.min(ms > 0 ? ms : pollMs, pollMs) * (0.5 + Math.random() / 2));
    }
    try {
      return await holding(lease, token, task);
    } finally {
      await redis.eval(releaseScript, 2, lease, next, token, gapMs);
    }
  }

  /** Runs `work` while renewing the lease, so a request longer than the lease keeps the host to itself. */
  async function holding<T>(lease: string, token: string, work: () => Promise<T>): Promise<T> {
    const renew = setInterval(() => void redis.eval(renewScript, 1, lease, token, leaseMs).catch(() => {}), Math.max(leaseMs / 3, 10));
    try {
      return await work();
    } finally {
      clearInterval(renew);
    }
  }
}
