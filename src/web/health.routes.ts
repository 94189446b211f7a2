import { Hono } from 'hono';
import type { Redis } from 'ioredis';
import type { Db } from '../db/client.js';

/** `/healthz`: the process answers. `/readyz`: it can reach its database and Redis, so it may take traffic. */
export function healthRoutes({ db, redis }: { db: Db; redis: Redis }): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const checks = { database: checkDatabase(db), redis: await checkRedis(redis) };
    const ready = checks.database && checks.redis;
    return c.json({ status: ready ? 'ready' : 'unavailable', checks }, ready ? 200 : 503);
  });
  return app;
}

function checkDatabase(db: Db): boolean {
  try {
    return db.$client.prepare('SELECT 1 AS ok').get() !== undefined;
  } catch {
    return false;
  }
}

async function checkRedis(redis: Redis): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  try {
    return (await Promise.race([redis.ping(), new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 1000))])) === 'PONG';
  } catch {
    return false;
  }
}
