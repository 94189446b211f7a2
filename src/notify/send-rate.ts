import type { Redis } from 'ioredis';

/** Resolves when this process may hand its next mail to the relay. */
export type SendRate = () => Promise<void>;

/**
 * GCRA without burst, by reservation: each call takes the next free slot (the theoretical arrival time, kept in
 * microseconds of Redis's own clock) and moves it on by one interval; the caller sleeps until its slot. Slots are
 * spaced by at least the interval whatever process or host asked, and a caller never polls.
 */
const reserveScript = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local slot = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
local nextSlot = slot + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.0f', nextSlot), 'PX', math.ceil((nextSlot - now) / 1000) + 1000)
return math.ceil((slot - now) / 1000)`;

/**
 * SMTP_RATE_PER_SECOND for the whole installation: every process on this Redis (and prefix) shares one sequence of
 * slots, `perSecond` a second, evenly spaced, so two workers together send no faster than one would. While Redis is
 * away this process keeps the rate on its own: the send jobs it holds need only the database and the relay.
 */
export function createSharedSendRate({ redis, prefix, perSecond }: { redis: Redis; prefix: string; perSecond: number }): SendRate {
  const key = `${prefix}:limits:smtp`;
  const intervalMicros = Math.ceil(1_000_000 / perSecond);
  const alone = localSendRate(perSecond);
  return async () => {
    if (redis.status !== 'ready') return alone();
    // A command sent just as Redis went away fails or waits for its return; the mail does neither.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), redisPatienceMs)));
    const reserved = (redis.eval(reserveScript, 1, key, intervalMicros) as Promise<number>).catch(() => null);
    const waitMs = await Promise.race([reserved, late]).finally(() => clearTimeout(timer));
    await (waitMs === null ? alone() : sleep(waitMs));
  };
}

const redisPatienceMs = 2000;

/** The same slots inside one process. */
function localSendRate(perSecond: number): SendRate {
  let nextSlot = 0;
  return async () => {
    const now = Date.now();
    const slot = Math.max(nextSlot, now);
    nextSlot = slot + 1000 / perSecond;
    await sleep(slot - now);
  };
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
