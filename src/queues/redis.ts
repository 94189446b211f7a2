import { Redis } from 'ioredis';

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

/** Connects and pings Redis; when none answers, says plainly how to start one. */
export async function connectRedis(url: string, { timeoutMs = 3000 }: { timeoutMs?: number } = {}): Promise<Redis> {
  // BullMQ needs maxRetriesPerRequest: null so that blocking commands wait out a Redis restart instead of failing.
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, connectTimeout: timeoutMs, retryStrategy: (n) => Math.min(n * 200, 2000) });
  redis.on('error', () => {}); // reconnects are logged by the workers; an unhandled 'error' would crash the process
  try {
    await withTimeout(redis.connect().then(() => redis.ping()), timeoutMs);
    return redis;
  } catch {
    redis.disconnect();
    const { hostname: host, port } = new URL(url);
    throw new RedisUnavailableError(
      `Redis unter ${host}:${port || 6379} antwortet nicht (REDIS_URL=${url.replace(/\/\/[^@]*@/, '//***@')}).\n` +
        'praxiswarn braucht Redis für seine Warteschlangen. Starten Sie einen Redis-Server, zum Beispiel:\n' +
        '  redis-server --daemonize yes          (Debian/Ubuntu: apt-get install redis-server)\n' +
        '  docker run -d -p 6379:6379 redis:7\n' +
        'oder setzen Sie REDIS_URL auf einen erreichbaren Server.',
    );
  }
}

/** The promise, or a rejection ("timeout") after `ms`, whichever comes first. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}
