import type { Env } from '../config/env.js';

/** How delivery behaves: limits, schedules and the operator named in every mail; read once from the env. */
export type DeliverySettings = {
  maxAttempts: number;
  bounceLimit: number;
  claimTimeoutMs: number;
  /**
   * Deliveries per send job, send jobs at a time per worker process, and how many of a job's mails are handed to
   * the SMTP pool at a time (the last two belong together: see inFlightPerJob).
   */
  batchSize: number;
  concurrency: number;
  inFlightPerJob: number;
  reminderDays: number;
  /** A notice older than this by its stated date goes to the archive instead of out to practices. */
  alertMaxAgeDays: number;
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
    concurrency: env.SEND_CONCURRENCY,
    inFlightPerJob: inFlightPerJob(env.SMTP_POOL_SIZE, env.SEND_CONCURRENCY),
    reminderDays: env.REMINDER_DAYS,
    alertMaxAgeDays: env.ALERT_MAX_AGE_DAYS,
    digestMinuteOfDay: hours * 60 + minutes,
    digestWeekday: env.DIGEST_WEEKDAY,
    operator: { name: env.OPERATOR_NAME, address: env.OPERATOR_ADDRESS, imprintUrl: env.OPERATOR_IMPRINT_URL ?? null },
  };
}

/**
 * Mails a send job hands to the SMTP pool at a time: over the worker's `SEND_CONCURRENCY` jobs about four per pooled
 * connection. A job claims and marks them as a group, so a connection must have the next mails queued while a group
 * finishes (two per connection left the pool waiting, measured in bench/send.bench.ts); many more would only claim
 * mails long before they can go out, and a crash repeats at most the mails in flight.
 */
export function inFlightPerJob(poolSize: number, concurrency: number): number {
  return Math.max(1, Math.ceil((4 * poolSize) / concurrency));
}
