import { z } from 'zod';

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
  /** Redis that carries the BullMQ queues. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Prefix of every BullMQ key, so several installations (or tests) can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('praxiswarn'),
  /** SMTP relay, e.g. smtp://user:pass@mail.example.de:587; empty means mails go to DATA_DIR/mail as .eml files. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of every mail. */
  MAIL_FROM: z.string().min(3).default('praxiswarn <warnungen@praxiswarn.local>'),
  /** Who sends the warnings; named at the foot of every mail. */
  OPERATOR_NAME: z.string().min(2).default('praxiswarn – Sicherheitswarnungen für Arztpraxen'),
  /** Public base URL of this installation; links in mails start with it. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  /** Secret that signs the links in mails (manage, unsubscribe); at least 32 characters in production. */
  LINK_SECRET: z.string().min(16).default('dev-only-link-secret-change-me'),
  /** Product catalog and sources, as data. */
  CATALOG_FILE: z.string().min(1).default('config/catalog.json'),
  SOURCES_FILE: z.string().min(1).default('config/sources.json'),
  /** Apply pending database migrations at start-up; when false, start-up refuses a database that is behind. */
  AUTO_MIGRATE: flag.default(true),
  /** How often the sweep looks for due sources and unfinished work, in seconds. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Parallel jobs per worker. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Behind a reverse proxy: take the client address for rate limits and consent records from X-Forwarded-For. */
  TRUST_PROXY: flag.default(false),
  /** Sign-ups accepted per client address and hour (protects strangers' mailboxes from floods). */
  SIGNUP_LIMIT_PER_IP: z.coerce.number().int().min(1).max(10000).default(10),
  /** Sign-ups accepted per target e-mail address and day, from whatever client address. */
  SIGNUP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1000).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; every problem is listed in one readable ConfigError. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const value = cleaned[key];
      const shown = value === undefined ? '' : ` (Wert: ${JSON.stringify(redact(key, value))})`;
      return `  - ${key}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join('\n')}\nSiehe .env.example für alle Einstellungen.`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && (env.LINK_SECRET.startsWith('dev-only') || env.LINK_SECRET.length < 32)) {
    throw new ConfigError('Ungültige Konfiguration:\n  - LINK_SECRET: in Produktion mindestens 32 zufällige Zeichen setzen.');
  }
  return env;
}

function redact(key: string, value: string | undefined): string | undefined {
  if (value === undefined) return value;
  if (/SECRET|PASSWORD/.test(key)) return '***';
  return value.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
