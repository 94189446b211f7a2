import type { Env } from '../config/env.js';

/** How delivery behaves: limits, schedules and the operator named in every mail; read once from the env. */
export type DeliverySettings = {
  maxAttempts: number;
  bounceLimit: number;
  claimTimeoutMs: number;
  /** Deliveries per send job, and how many of a job's mails are handed to the SMTP pool at a time. */
  batchSize: number;
  inFlightPerJob: number;
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
    batchSize: env.SEND_BATCH_SIZE,
    // Enough to keep every pooled connection busy; more would only claim mails long before they can go out.
    inFlightPerJob: env.SMTP_POOL_SIZE * 2,
    reminderDays: env.REMINDER_DAYS,
    digestMinuteOfDay: hours * 60 + minutes,
    digestWeekday: env.DIGEST_WEEKDAY,
    operator: { name: env.OPERATOR_NAME, address: env.OPERATOR_ADDRESS, imprintUrl: env.OPERATOR_IMPRINT_URL ?? null },
  };
}
