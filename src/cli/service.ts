import { serve, type ServerType } from '@hono/node-server';
import { createAppDeps } from '../app/deps.js';
import type { Env } from '../config/env.js';
import { placeholderProblems } from '../config/placeholders.js';
import { upsertSchedules } from '../queues/schedules.js';
import type { QueueName } from '../queues/queues.js';
import { createWebApp } from '../web/app.js';
import { startMetricsServer } from '../metrics/metrics.routes.js';
import { startWorkers, type RunningWorkers } from '../../workers/workers.js';

export type Roles = { web: boolean; workers: boolean; queues?: QueueName[] };

/**
 * Runs the web server and/or the workers until SIGTERM or SIGINT, then stops taking work, lets active jobs
 * finish and closes the database last.
 */
export async function runService(env: Env, roles: Roles): Promise<void> {
  const deps = await createAppDeps(env);
  const { logger } = deps;
  // Production never gets here with a stand-in (loadEnv refuses it); elsewhere one line at start, not one per mail.
  const placeholders = placeholderProblems(env).map((p) => p.key);
  if (placeholders.length) logger.warn({ settings: placeholders }, 'development placeholders in use; mails carry no real Impressum and production refuses them');
  let workers: RunningWorkers | undefined;
  let server: ServerType | undefined;
  let keepSchedules: NodeJS.Timeout | undefined;
  if (roles.workers) {
    const schedules = () => upsertSchedules(deps.queues, { sweepIntervalSeconds: env.SWEEP_INTERVAL_SECONDS });
    await schedules();
    workers = startWorkers(deps, {
      connection: deps.redis,
      concurrency: env.WORKER_CONCURRENCY,
      fetchConcurrency: env.FETCH_CONCURRENCY,
      only: roles.queues,
    });
    // A first sweep at once instead of after one interval.
    await deps.queues.sweep.add('sweep', {}, { jobId: `sweep-start-${Date.now()}` });
    // Redis is not the truth: if it was restarted empty or flushed, the schedules come back within one interval.
    keepSchedules = setInterval(() => {
      schedules().catch((error: Error) => logger.warn({ err: error.message }, 'schedules not renewed'));
    }, env.SWEEP_INTERVAL_SECONDS * 1000);
  }
  if (roles.web) {
    const app = createWebApp(deps);
    server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
    logger.info({ port: env.PORT, publicUrl: env.PUBLIC_URL, mail: deps.mailer.kind }, 'web server listening');
  }
  // Any role may serve it: the figures come from the database and Redis, not from this process.
  const metricsServer = env.METRICS_PORT ? startMetricsServer(deps, { port: env.METRICS_PORT, token: env.METRICS_TOKEN }) : undefined;
  if (metricsServer) logger.info({ port: env.METRICS_PORT }, 'metrics listening on 127.0.0.1');
  logger.info({ web: roles.web, workers: roles.workers }, 'praxiswarn started');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(keepSchedules);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
    await workers?.close();
    await deps.close();
    logger.info({}, 'stopped');
  };
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal).then(resolve));
  });
}
