import type { Env } from '../config/env.js';

/** How delivery behaves: limits, schedules and the operator named in every mail; read once from the env. */
export type DeliverySettings = {
  maxAttempts: number;
  bounceLimit: number;
  claimTimeoutMs: number;
  reminderDays: number;
  /** Local time in Europe/Berlin, minutes after midnight. */
  digestMinuteOfDay: number;
  /** ISO weekday of the weekly digest, 1 = Monday. */
  digestWeekday: number;
  operator: { name: string; address: string; imprintUrl: string | null };
};

export function deliverySettings(env: Env): DeliverySettings {
  const [hours, minutes] = env.DIGEST_TIME.split(':').map(Number) as [number, number];
  return {
    maxAttempts: env.SEND_MAX_ATTEMPTS,
    bounceLimit: env.BOUNCE_LIMIT,
    claimTimeoutMs: env.CLAIM_TIMEOUT_SECONDS * 1000,
    reminderDays: env.REMINDER_DAYS,
    digestMinuteOfDay: hours * 60 + minutes,
    digestWeekday: env.DIGEST_WEEKDAY,
    operator: { name: env.OPERATOR_NAME, address: env.OPERATOR_ADDRESS, imprintUrl: env.OPERATOR_IMPRINT_URL ?? null },
  };
}
