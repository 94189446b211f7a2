import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import { catalogSchema, type Catalog } from '../catalog/catalog.models.js';
import { seedCatalog } from '../catalog/catalog.seed.js';
import type { Env } from '../config/env.js';
import { readConfigFile } from '../config/files.js';
import { openDatabase, type Db } from '../db/client.js';
import { ensureMigrated } from '../db/migrate.js';
import { httpOptionsFromEnv } from '../ingest/http-config.js';
import { createRedisHostLimiter } from '../ingest/redis-host-limiter.js';
import { compileCatalog } from '../normalize/products.js';
import { createMailer } from '../notify/mailer.js';
import { createSharedSendRate } from '../notify/send-rate.js';
import { deliverySettings } from '../notify/settings.js';
import type { PipelineDeps } from '../pipeline/pipeline.js';
import { closeQueues, createQueues } from '../queues/queues.js';
import { connectRedis } from '../queues/redis.js';
import { sourcesFileSchema } from '../sources/sources.models.js';
import { seedSources } from '../sources/sources.repository.js';
import { createLogger } from './logger.js';

export type AppDeps = PipelineDeps & { env: Env; redis: Redis; catalog: Catalog; close(): Promise<void> };

/** The SQLite file in DATA_DIR. */
export function databaseFile(env: Env): string {
  return resolve(env.DATA_DIR, 'praxiswarn.sqlite');
}

/** The SQLite file or the PostgreSQL URL of DATABASE_URL; without one, the SQLite file in DATA_DIR. */
export function databaseLocation(env: Env): string {
  const url = env.DATABASE_URL ?? '';
  if (url === '') return databaseFile(env);
  if (url.startsWith('file:')) return resolve(url.replace(/^file:(\/\/)?/, ''));
  return url;
}

/** Opens the database, brings it up to date (or refuses it) and loads the catalog and sources into it. */
export function openStore(env: Env): { db: Db; catalog: Catalog } {
  const db = openDatabase(databaseLocation(env));
  try {
    ensureMigrated(db, { auto: env.AUTO_MIGRATE });
    const catalog = readConfigFile(env.CATALOG_FILE, catalogSchema);
    seedCatalog(db, catalog);
    seedSources(db, readConfigFile(env.SOURCES_FILE, sourcesFileSchema).sources);
    return { db, catalog };
  } catch (error) {
    db.$client.close();
    throw error;
  }
}

/** Builds every dependency once; the CLI commands, workers and tests all start from here. */
export async function createAppDeps(env: Env, { logger = createLogger(env.LOG_LEVEL), clock = () => new Date() }: { logger?: Logger; clock?: () => Date } = {}): Promise<AppDeps> {
  const { db, catalog } = openStore(env);
  let redis: Redis;
  try {
    redis = await connectRedis(env.REDIS_URL);
  } catch (error) {
    db.$client.close();
    throw error;
  }
  const queues = createQueues(redis, env.QUEUE_PREFIX);
  const mailer = createMailer({
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    replyTo: env.MAIL_REPLY_TO,
    mailDir: join(env.DATA_DIR, 'mail'),
    poolSize: env.SMTP_POOL_SIZE,
    ratePerSecond: env.SMTP_RATE_PER_SECOND,
    // Every process on this Redis shares the relay's limit and the fetch politeness below (docs/scaling.md).
    rate: env.SMTP_RATE_PER_SECOND > 0 ? createSharedSendRate({ redis, prefix: env.QUEUE_PREFIX, perSecond: env.SMTP_RATE_PER_SECOND }) : undefined,
    dkim: env.DKIM_DOMAIN ? { domainName: env.DKIM_DOMAIN, keySelector: env.DKIM_SELECTOR!, privateKeyFile: env.DKIM_PRIVATE_KEY_FILE! } : undefined,
  });
  const publicUrl = new URL(env.PUBLIC_URL);
  return {
    env,
    db,
    redis,
    queues,
    catalog,
    matcher: compileCatalog(catalog),
    mailer,
    clock,
    logger,
    http: { ...httpOptionsFromEnv(env), limiter: createRedisHostLimiter({ redis, prefix: env.QUEUE_PREFIX }) },
    publicUrl: env.PUBLIC_URL,
    linkSecret: env.LINK_SECRET,
    operatorName: env.OPERATOR_NAME,
    mailDomain: publicUrl.hostname,
    delivery: deliverySettings(env),
    async close() {
      await closeQueues(queues);
      redis.disconnect();
      mailer.close();
      db.$client.close();
    },
  };
}
