import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export type Limit = { name: string; max: number; windowSeconds: number };

/**
 * Counts one hit on `subject` in a fixed window (Redis SET NX EX + INCR in one MULTI, so the window starts with
 * the first hit and the key disappears by itself) and says whether it is still within `max`. The subject is
 * hashed: keys hold no e-mail or IP address in clear.
 */
export async function hitLimit(redis: Redis, prefix: string, limit: Limit, subject: string): Promise<boolean> {
  const key = `${prefix}:ratelimit:${limit.name}:${createHash('sha256').update(subject).digest('base64url').slice(0, 22)}`;
  const result = await redis.multi().set(key, 0, 'EX', limit.windowSeconds, 'NX').incr(key).exec();
  const count = Number(result?.[1]?.[1] ?? 0);
  return count <= limit.max;
}
