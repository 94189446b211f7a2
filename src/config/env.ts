import { z } from 'zod';
import { devPlaceholders, placeholderProblems, type PlaceholderKey } from './placeholders.js';

// Messages of every schema (env, forms, payloads) are read by German-speaking people.
z.config(z.locales.de());

/** Raised when the environment does not describe a runnable service; the message is meant for operators. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  /** HTTP port of the web server (health checks, later the admin and practice pages). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address the web server binds to. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Folder for the SQLite file and, without SMTP_URL, the outgoing mails as .eml files. */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Where the data lives: empty (or `file:…`) is the SQLite file DATA_DIR/praxiswarn.sqlite (or the file named);
   * postgres://user:password@host:5432/database runs every role on PostgreSQL (docs/scaling.md).
   */
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => v === '' || /^file:./.test(v) || /^postgres(ql)?:\/\/./i.test(v), 'DATABASE_URL muss leer sein, mit file: oder mit postgres:// beginnen')
    .optional(),
  /** Redis that carries the BullMQ queues. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Prefix of every BullMQ key, so several installations (or tests) can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('praxiswarn'),
  /** SMTP relay, e.g. smtp://user:pass@mail.example.de:587; empty means mails go to DATA_DIR/mail as .eml files. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of every mail. */
  MAIL_FROM: z.string().min(3).default('praxiswarn <warnungen@praxiswarn.local>'),
  /** Who sends the warnings (association or company); named in the Impressum of every mail. Required in production. */
  OPERATOR_NAME: z.string().min(2).default(devPlaceholders.OPERATOR_NAME),
  /** Public base URL of this installation; links in mails start with it. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  /** Secret that signs the links in mails (manage, unsubscribe); at least 32 random characters in production. */
  LINK_SECRET: z.string().min(16).default(devPlaceholders.LINK_SECRET),
  /** Product catalog and sources, as data. */
  CATALOG_FILE: z.string().min(1).default('config/catalog.json'),
  SOURCES_FILE: z.string().min(1).default('config/sources.json'),
  /** Apply pending database migrations at start-up; when false, start-up refuses a database that is behind. */
  AUTO_MIGRATE: flag.default(true),
  /** How often the sweep looks for due sources and unfinished work, in seconds. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Parallel jobs per worker (fetch and send excepted). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * Parallel fetch jobs per worker process. Fetches mostly wait for remote servers, and the per-host limiter already
   * keeps them polite (one request at a time per host), so they get more slots than CPU-bound jobs; more slots than
   * distinct hosts only wait. Each slot may hold a response of up to 5 MB.
   */
  FETCH_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  // --- Delivery ---
  /** Reply-To of every mail, e.g. the association's help desk. */
  MAIL_REPLY_TO: z.string().min(3).optional(),
  /** Postal address and contact of the operator for the Impressum of every mail. Required in production. */
  OPERATOR_ADDRESS: z.string().min(3).default(devPlaceholders.OPERATOR_ADDRESS),
  /** Link to the operator's Impressum page. */
  OPERATOR_IMPRINT_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Pooled SMTP connections and the relay's rate limit (mails per second, 0 = no limit). */
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
  SMTP_RATE_PER_SECOND: z.coerce.number().int().min(0).max(10_000).default(0),
  /** Mails per send job: fewer, larger jobs keep the queue's cost per mail small at national fan-outs. */
  SEND_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  /**
   * Send jobs at a time per worker process. The mails in flight (about four per pooled connection) are shared among
   * them: two jobs with ten each sent a tenth more per second than four with five (bench/send.bench.ts), and one
   * job alone would leave the pool idle while BullMQ hands over the next.
   */
  SEND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Optional DKIM signing: domain, selector and the private key file (PEM); all three or none. */
  DKIM_DOMAIN: z.string().min(3).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  /** Local time (Europe/Berlin) of the daily and weekly digests, and the weekday of the weekly one (1 = Monday). */
  DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Format HH:MM').default('07:00'),
  DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
  /** Days after which practices that have not confirmed a `kritisch` or `hoch` advisory get one reminder (0 = never). */
  REMINDER_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /**
   * Notices older than this by their stated date are news no more: they go to the archive (listed, never alerted); an
   * editor can still send one on purpose.
   */
  ALERT_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Permanent refusals (5xx) in a row after which an address is suppressed. */
  BOUNCE_LIMIT: z.coerce.number().int().min(1).max(20).default(3),
  /** Attempts per mail before it is given up as failed (temporary errors are retried with back-off). */
  SEND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** A mail claimed longer ago than this belongs to a worker that died; it is sent again (same Message-ID). */
  CLAIM_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * Exceptions to the SSRF guard: comma-separated exact `host:port` entries (e.g. `127.0.0.1:8080`) that may be
   * fetched although they resolve to a loopback or private address. Empty by default; meant for tests and a
   * local mirror, never for production sources.
   */
  FETCH_ALLOW_HOSTS: z
    .string()
    .regex(/^\s*(([a-z0-9.-]+|\[[0-9a-f:.]+\]):\d{1,5}\s*(,\s*|$))*$/i, 'erwartet kommagetrennte Einträge host:port')
    .default(''),
  /** Pause between two requests to the same host, in milliseconds (requests to one host never run in parallel). */
  FETCH_HOST_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Behind a reverse proxy: take the client address for rate limits and consent records from X-Forwarded-For. */
  TRUST_PROXY: flag.default(false),
  /** Sign-ups accepted per client address and hour (protects strangers' mailboxes from floods). */
  SIGNUP_LIMIT_PER_IP: z.coerce.number().int().min(1).max(10000).default(10),
  /** Sign-ups accepted per target e-mail address and day, from whatever client address. */
  SIGNUP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1000).default(5),
  /** Bearer token that `/metrics` (Prometheus) asks for; without it the web app answers 404 there. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Serves `/metrics` also on this port, bound to 127.0.0.1 (asking for METRICS_TOKEN too when it is set). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Parses the environment once; every problem is listed in one readable ConfigError. In production that includes
 * each development stand-in still in place (LINK_SECRET, OPERATOR_NAME, OPERATOR_ADDRESS): no command runs with them.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  const problems: { key: string; message: string }[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const key = issue.path.join('.');
        const value = cleaned[key];
        return { key, message: `${issue.message}${value === undefined ? '' : ` (Wert: ${JSON.stringify(redact(key, value))})`}` };
      });
  if (cleaned.NODE_ENV === 'production') {
    // Read from the raw values so that they are named even when another setting is invalid.
    const raw = (key: PlaceholderKey) => cleaned[key] ?? devPlaceholders[key];
    const values = { LINK_SECRET: raw('LINK_SECRET'), OPERATOR_NAME: raw('OPERATOR_NAME'), OPERATOR_ADDRESS: raw('OPERATOR_ADDRESS') };
    problems.push(...placeholderProblems(values).filter((p) => !problems.some((known) => known.key === p.key)));
  }
  if (parsed.success) {
    const dkim = [parsed.data.DKIM_DOMAIN, parsed.data.DKIM_SELECTOR, parsed.data.DKIM_PRIVATE_KEY_FILE].filter(Boolean).length;
    if (dkim !== 0 && dkim !== 3) problems.push({ key: 'DKIM_DOMAIN, DKIM_SELECTOR und DKIM_PRIVATE_KEY_FILE', message: 'nur gemeinsam setzen.' });
  }
  if (!parsed.success || problems.length) {
    throw new ConfigError(`Ungültige Konfiguration:\n${problems.map((p) => `  - ${p.key}: ${p.message}`).join('\n')}\nSiehe .env.example für alle Einstellungen.`);
  }
  return parsed.data;
}

function redact(key: string, value: string | undefined): string | undefined {
  if (value === undefined) return value;
  if (/SECRET|PASSWORD|TOKEN/.test(key)) return '***';
  return value.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
