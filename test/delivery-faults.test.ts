import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Redis } from 'ioredis';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import type { Env } from '../src/config/env.js';
import { practices, subscriptions, deliveries } from '../src/db/schema.js';
import { matchAdvisory } from '../src/notify/match.js';
import { sweepStep } from '../src/pipeline/pipeline.js';
import { publishAdvisory } from './support/advisories.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';
import { inFlightPerJob } from '../src/notify/settings.js';
import { startWorkerProcess, waitUntil, type WorkerProcess } from './support/worker-process.js';

// Real processes, a real Redis and a real SMTP server; nothing here is mocked. The worker runs as a child process
// of `praxiswarn work` so that it can be killed for real.

const workerEnv = { CLAIM_TIMEOUT_SECONDS: '2', SWEEP_INTERVAL_SECONDS: '5', SEND_CONCURRENCY: '2', SEND_BATCH_SIZE: '10', SMTP_POOL_SIZE: '5', LOG_LEVEL: 'warn' };
/** Mails a worker holds at most: its jobs in progress, each a batch. */
const heldByWorker = Number(workerEnv.SEND_CONCURRENCY) * Number(workerEnv.SEND_BATCH_SIZE);
/** Mails a worker has handed to the relay and not yet marked sent, at most: all a crash can repeat. */
const inFlight = Number(workerEnv.SEND_CONCURRENCY) * inFlightPerJob(Number(workerEnv.SMTP_POOL_SIZE), Number(workerEnv.SEND_CONCURRENCY));

/** Subscribes `count` active practices to a product in one transaction (fast enough for thousands). */
function addPractices(deps: AppDeps, count: number, productId: string, cadence: 'immediate' | 'daily' = 'immediate'): void {
  const now = new Date(Date.now() - 86_400_000);
  deps.db.transaction((tx) => {
    for (let i = 0; i < count; i++) {
      const p = tx
        .insert(practices)
        .values({ name: `Praxis Nr. ${i + 1}`, email: `praxis${i + 1}@fault.test`, status: 'active', cadence, origin: 'cli', createdAt: now, confirmedAt: now })
        .returning({ id: practices.id })
        .get();
      tx.insert(subscriptions).values({ practiceId: p.id, productId }).run();
    }
  });
}

function counts(deps: AppDeps) {
  const rows = deps.db.select({ status: deliveries.status }).from(deliveries).all();
  return { total: rows.length, sent: rows.filter((r) => r.status === 'sent').length };
}

/** Every delivery went out; a repeat (the mail in flight when something broke) carries the same Message-ID. */
function assertExactlyOnce(deps: AppDeps, smtp: SmtpSink, expected: number, maxRepeats: number) {
  assert.equal(counts(deps).sent, expected, 'every delivery is marked sent');
  const idsByAddress = new Map<string, Set<string>>();
  for (const m of smtp.messages) {
    const to = m.to && !Array.isArray(m.to) ? m.to.value[0]!.address! : '';
    idsByAddress.set(to, (idsByAddress.get(to) ?? new Set()).add(m.messageId!));
  }
  assert.equal(idsByAddress.size, expected, 'every practice received its mail');
  assert.ok([...idsByAddress.values()].every((ids) => ids.size === 1), 'a repeated mail has the same Message-ID');
  assert.ok(smtp.messages.length - expected <= maxRepeats, `at most ${maxRepeats} repeats, got ${smtp.messages.length - expected}`);
}

async function setup(env: Env) {
  const deps = await createAppDeps(env, { logger: createLogger('silent') });
  return deps;
}

/** SIGTERM, and SIGKILL if the worker is still there after 30 s (a failed test must not hang on a worker waiting for Redis). */
async function stop(worker: WorkerProcess) {
  if (worker.child.exitCode === null) {
    worker.child.kill('SIGTERM');
    const timer = setTimeout(() => worker.child.kill('SIGKILL'), 30_000);
    await worker.exited;
    clearTimeout(timer);
  }
}

test('kill -9 of the worker in the middle of 1,000 alerts: after a restart every practice has exactly one sent mail', { timeout: 180_000 }, async () => {
  const smtp = await startSmtpSink();
  const env = testEnv({ env: { SMTP_URL: smtp.url, ...workerEnv } });
  const deps = await setup(env);
  let worker: WorkerProcess | undefined;
  try {
    addPractices(deps, 1000, 'cgm-albis');
    const advisoryId = publishAdvisory(deps.db, { title: 'Sicherheitslücke in CGM ALBIS', severity: 'hoch', products: [{ id: 'cgm-albis', fixedVersion: '24.30' }], actions: ['Update einspielen'] });
    assert.equal(matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain: deps.mailDomain }).length, 1000);
    await sweepStep(deps);

    worker = startWorkerProcess(env, ['send']);
    await waitUntil(() => smtp.messages.length >= 250, { what: '250 mails', timeoutMs: 90_000 });
    worker.child.kill('SIGKILL');
    await worker.exited;
    const atKill = counts(deps);
    assert.ok(atKill.sent < 1000, 'killed in the middle of the fan-out');

    // The restarted worker, plus the sweep (the reconcile), finishes the job.
    worker = startWorkerProcess(env, ['send', 'sweep']);
    await waitUntil(() => counts(deps).sent === 1000, { what: 'all 1000 sent', timeoutMs: 120_000 });
    await stop(worker);
    assertExactlyOnce(deps, smtp, 1000, inFlight);
  } finally {
    if (worker) await stop(worker);
    await removeQueues(deps.queues);
    await deps.close();
    await smtp.close();
  }
});

test('two workers on one database, one killed with -9 mid fan-out: the other finishes, every practice has exactly one sent mail', { timeout: 180_000 }, async () => {
  const smtp = await startSmtpSink();
  const env = testEnv({ env: { SMTP_URL: smtp.url, ...workerEnv } });
  const deps = await setup(env);
  const workers: WorkerProcess[] = [];
  try {
    addPractices(deps, 1000, 'cgm-albis');
    const advisoryId = publishAdvisory(deps.db, { title: 'Sicherheitslücke in CGM ALBIS', severity: 'hoch', products: [{ id: 'cgm-albis', fixedVersion: '24.30' }], actions: ['Update einspielen'] });
    assert.equal(matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain: deps.mailDomain }).length, 1000);
    await sweepStep(deps);

    // Two hosts in miniature: both send from the same queue and the same database; the survivor also sweeps.
    const [doomed, survivor] = [startWorkerProcess(env, ['send']), startWorkerProcess(env, ['send', 'sweep'])];
    workers.push(doomed!, survivor!);
    await waitUntil(() => smtp.messages.length >= 250, { what: '250 mails', timeoutMs: 90_000, worker: doomed });
    doomed!.child.kill('SIGKILL');
    await doomed!.exited;
    assert.ok(counts(deps).sent < 1000, 'killed in the middle of the fan-out');

    await waitUntil(() => counts(deps).sent === 1000, { what: 'all 1000 sent by the survivor', timeoutMs: 120_000, worker: survivor }).catch((error: Error) => {
      throw new Error(`${error.message}\nstate: ${JSON.stringify(counts(deps))}, mails received ${smtp.messages.length}`);
    });
    await stop(survivor!);
    assertExactlyOnce(deps, smtp, 1000, inFlight);
  } finally {
    for (const worker of workers) await stop(worker);
    await removeQueues(deps.queues);
    await deps.close();
    await smtp.close();
  }
});

test('SIGTERM during a digest run: the worker finishes its active jobs and exits; the next run sends only what is missing', { timeout: 180_000 }, async () => {
  const smtp = await startSmtpSink();
  const env = testEnv({ env: { SMTP_URL: smtp.url, DIGEST_TIME: '00:00', ...workerEnv } });
  const deps = await setup(env);
  let worker: WorkerProcess | undefined;
  try {
    addPractices(deps, 800, 'medatixx-x-isynet', 'daily');
    for (const severity of ['hoch', 'mittel', 'niedrig'] as const) {
      const id = publishAdvisory(deps.db, { title: `Hinweis (${severity}) zu x.isynet`, severity, products: [{ id: 'medatixx-x-isynet' }], actions: ['Update einspielen'] });
      matchAdvisory(deps.db, id, { now: new Date(Date.now() - 60_000), mailDomain: deps.mailDomain });
    }
    assert.equal(counts(deps).total, 0, 'daily practices get no alerts for these');

    worker = startWorkerProcess(env, ['sweep', 'digest', 'send']);
    await waitUntil(() => smtp.messages.length >= 100, { what: 'the first digests', timeoutMs: 90_000, worker });
    worker.child.kill('SIGTERM');
    assert.equal(await worker.exited, 0, `a clean exit after SIGTERM:\n${worker.output()}`);
    const atStop = counts(deps);
    assert.equal(atStop.total, 800, 'the digest job that was running finished writing its deliveries');
    assert.ok(atStop.sent < 800, 'stopped in the middle of sending');
    assert.ok(
      deps.db.select().from(deliveries).all().every((d) => d.status !== 'sending'),
      'no mail was left half-sent: active send jobs finished before the exit',
    );

    worker = startWorkerProcess(env, ['sweep', 'digest', 'send']);
    await waitUntil(() => counts(deps).sent === 800, { what: 'all 800 digests sent', timeoutMs: 120_000 });
    await stop(worker);
    assert.equal(counts(deps).total, 800, 'the second run wrote no second digest');
    assertExactlyOnce(deps, smtp, 800, 0);
    assert.equal(smtp.messages[0]!.subject, '[Zeitnah handeln] 3 neue Warnungen für Ihre Praxis');
  } finally {
    if (worker) await stop(worker);
    await removeQueues(deps.queues);
    await deps.close();
    await smtp.close();
  }
});

test('SMTP down, then answering 421 for a while, then up: every alert is delivered once', { timeout: 180_000 }, async () => {
  const probe = await startSmtpSink();
  const port = probe.port;
  await probe.close(); // nothing listens on this port yet: the relay is down
  const env = testEnv({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, ...workerEnv } });
  const deps = await setup(env);
  let worker: WorkerProcess | undefined;
  let smtp: SmtpSink | undefined;
  try {
    addPractices(deps, 100, 'cgm-medistar');
    const advisoryId = publishAdvisory(deps.db, { title: 'Lücke in CGM MEDISTAR', severity: 'hoch', products: [{ id: 'cgm-medistar' }] });
    matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain: deps.mailDomain });
    worker = startWorkerProcess(env, ['sweep', 'send']);
    await waitUntil(() => deps.db.select().from(deliveries).all().some((d) => d.attempts > 0 && d.lastError), { what: 'first failed attempts' });

    smtp = await startSmtpSink({ port });
    smtp.mode = 'unavailable';
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(smtp.messages.length, 0);
    smtp.mode = 'accept';

    await waitUntil(() => counts(deps).sent === 100, { what: 'all 100 sent', timeoutMs: 120_000 });
    await stop(worker);
    assertExactlyOnce(deps, smtp, 100, 0);
    const retried = deps.db.select().from(deliveries).all().filter((d) => d.attempts > 1);
    assert.ok(retried.length > 0, 'mails were retried');
  } finally {
    if (worker) await stop(worker);
    await removeQueues(deps.queues);
    await deps.close();
    await smtp?.close();
  }
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], { stdio: 'ignore' });
  await waitUntil(
    async () => {
      const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
      probe.on('error', () => {});
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    },
    { what: `redis on ${port}` },
  );
  return child;
}

test('Redis stopped for 30 s during a fan-out and restarted, then flushed: nothing lost, nothing repeated beyond the mails in flight', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'praxiswarn-redis-'));
  let redis = await startRedis(port, dir);
  const smtp = await startSmtpSink();
  const env = testEnv({ env: { SMTP_URL: smtp.url, REDIS_URL: `redis://127.0.0.1:${port}`, SMTP_RATE_PER_SECOND: '100', ...workerEnv } });
  const deps = await setup(env);
  let worker: WorkerProcess | undefined;
  try {
    addPractices(deps, 600, 'telekom-digitalisierungsbox-premium');
    const advisoryId = publishAdvisory(deps.db, { title: 'Ports offen: Digitalisierungsbox', severity: 'kritisch', products: [{ id: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }] });
    matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain: deps.mailDomain });
    await sweepStep(deps);
    worker = startWorkerProcess(env, ['sweep', 'send']);

    await waitUntil(() => smtp.messages.length >= 100, { what: '100 mails before the outage' });
    redis.kill('SIGTERM');
    await new Promise((r) => redis.once('exit', r));
    const atOutage = smtp.messages.length;
    await new Promise((r) => setTimeout(r, 30_000));
    // The jobs it held at the outage it finishes (sending needs only SQLite and the relay); it takes no new ones.
    assert.ok(smtp.messages.length - atOutage <= heldByWorker, `without Redis no new work is taken (${smtp.messages.length - atOutage} more mails)`);
    redis = await startRedis(port, dir);

    await waitUntil(() => smtp.messages.length >= 400, { what: '400 mails after the restart', timeoutMs: 120_000 });
    await deps.redis.flushall();
    await waitUntil(() => counts(deps).sent === 600, { what: 'all 600 sent after the flush', timeoutMs: 120_000 });
    await stop(worker);
    // At most the mails in flight at each of the two faults are repeated, always with the same Message-ID.
    assertExactlyOnce(deps, smtp, 600, 2 * inFlight);
  } finally {
    if (worker) await stop(worker);
    await deps.close();
    await smtp.close();
    redis.kill('SIGTERM');
  }
});
