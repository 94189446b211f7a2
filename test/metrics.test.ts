import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import type { ServerType } from '@hono/node-server';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { advisories, advisorySources, deliveries, notices, sources } from '../src/db/schema.js';
import { startMetricsServer } from '../src/metrics/metrics.routes.js';
import { recordBounce } from '../src/notify/bounces.js';
import { messageIdFor } from '../src/notify/message-id.js';
import { sendDelivery } from '../src/notify/send.js';
import { addPractice, type Practice } from '../src/practices/practices.repository.js';
import { enqueue, queueNames } from '../src/queues/queues.js';
import { createWebApp } from '../src/web/app.js';
import { startWorkers } from '../workers/workers.js';
import { recordHandwritten } from './support/drafts.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues, waitForIdle } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { fixtureSources, sourcesReadBefore, testEnv } from './support/test-env.js';

const token = 'metrics-token-for-the-test-0123456789';
let site: FixtureServer;
let smtp: SmtpSink;
let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let portServer: ServerType;
let practiceB: Practice;
// The test's clock: real time plus an offset, so that a draft can be made to wait two hours without waiting.
let offsetMs = 0;

/** The value of one series in Prometheus text, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.keys(have).length === wanted.length && wanted.every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function scrape(): Promise<string> {
  const res = await app.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  return res.text();
}

before(async () => {
  site = await startFixtureServer();
  smtp = await startSmtpSink();
  const broken = { ...fixtureSources(site.url)[1]!, id: 'kaputt', name: 'Kaputte Quelle', url: `${site.url}/feeds/gibt-es-nicht.xml` };
  const env = testEnv({ sources: [...fixtureSources(site.url), broken], env: { SMTP_URL: smtp.url, METRICS_TOKEN: token } });
  deps = await createAppDeps(env, { logger: createLogger('silent'), clock: () => new Date(Date.now() + offsetMs) });
  app = createWebApp(deps);
  sourcesReadBefore(deps.db);
  const now = new Date();
  addPractice(deps.db, { name: 'Praxis A – Dr. Anders', email: 'a@praxis-a.test', productIds: ['telekom-digitalisierungsbox-premium'] }, { now, origin: 'cli' });
  practiceB = addPractice(deps.db, { name: 'Praxis B – MVZ Bergmann', email: 'b@praxis-b.test', productIds: ['medatixx-x-isynet'] }, { now, origin: 'cli' });
  // A fixture sweep through the real workers: fetch, normalize, match, send to the SMTP sink.
  const workers = startWorkers(deps, { connection: deps.redis, concurrency: 2 });
  await deps.queues.sweep.add('sweep', {}, { jobId: `sweep-${Date.now()}` });
  await waitForIdle(deps.queues);
  await workers.close();
  portServer = startMetricsServer(deps, { port: 0, token });
});

after(async () => {
  await new Promise((resolve) => portServer.close(resolve));
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
  await site.close();
});

test('/metrics asks for the bearer token: 401 without it, with a wrong one or another scheme', async () => {
  const refused: Record<string, string>[] = [{}, { authorization: 'Bearer falsch' }, { authorization: `Bearer ${token}x` }, { authorization: `Basic ${token}` }];
  for (const headers of refused) {
    const res = await app.request('/metrics', { headers });
    assert.equal(res.status, 401, JSON.stringify(headers));
    assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="metrics"');
    assert.doesNotMatch(await res.text(), /praxiswarn_/);
  }
});

test('without METRICS_TOKEN the web app has no /metrics (404)', async () => {
  const open = createWebApp({ ...deps, env: { ...deps.env, METRICS_TOKEN: undefined } });
  assert.equal((await open.request('/metrics')).status, 404);
  assert.equal((await open.request('/metrics', { headers: { authorization: `Bearer ${token}` } })).status, 404);
});

test('after a fixture sweep and a send, notices, sources and mails are what the database and the SMTP relay say', async () => {
  assert.equal(smtp.messages.length, 2, 'the fixture sweep sent the two alerts');
  const text = await scrape();

  const stored = deps.db.select().from(notices).all();
  assert.ok(stored.length > 0);
  const perSource = ['dgn-news', 'praxis-it-feed', 'kaputt'].map((source) => sample(text, 'praxiswarn_notices', { source }));
  assert.deepEqual(perSource, ['dgn-news', 'praxis-it-feed', 'kaputt'].map((id) => stored.filter((n) => n.sourceId === id).length));
  assert.equal(perSource.reduce((a, b) => a! + b!, 0), stored.length);

  assert.equal(sample(text, 'praxiswarn_mails', { outbox: 'practice', kind: 'alert', status: 'sent' }), smtp.messages.length);
  assert.equal(sample(text, 'praxiswarn_mails', { outbox: 'practice', kind: 'alert', status: 'failed' }), 0, 'every kind is there, 0 included');
  assert.equal(sample(text, 'praxiswarn_mails', { outbox: 'firm', kind: 'firm_alert', status: 'sent' }), 0);
  assert.equal(sample(text, 'praxiswarn_mails_sent_recent', { outbox: 'practice', kind: 'alert' }), smtp.messages.length);

  const feed = deps.db.select().from(sources).where(eq(sources.id, 'praxis-it-feed')).get()!;
  assert.equal(sample(text, 'praxiswarn_source_consecutive_errors', { source: 'praxis-it-feed' }), 0);
  assert.equal(sample(text, 'praxiswarn_source_last_success_timestamp_seconds', { source: 'praxis-it-feed' }), feed.lastSuccessAt!.getTime() / 1000);
  assert.equal(sample(text, 'praxiswarn_source_interval_seconds', { source: 'praxis-it-feed' }), 3600);
  assert.equal(sample(text, 'praxiswarn_source_consecutive_errors', { source: 'kaputt' }), 1, 'the feed that answers 404 failed once');
  assert.equal(sample(text, 'praxiswarn_source_last_success_timestamp_seconds', { source: 'kaputt' }), 0, 'and never succeeded');
  assert.equal(sample(text, 'praxiswarn_advisories', { status: 'published' }), 2);
  assert.equal(sample(text, 'praxiswarn_redis_up'), 1);
});

test('the freshness histogram holds each sent alert, from its advisory\'s first fetch to the relay\'s acceptance', async () => {
  const text = await scrape();
  const labels = { kind: 'alert', trust: 'auto' };
  assert.equal(sample(text, 'praxiswarn_alert_freshness_seconds_count', labels), 2);
  assert.equal(sample(text, 'praxiswarn_alert_freshness_seconds_bucket', { ...labels, le: '+Inf' }), 2);
  // The same figure worked out here from the rows: sent_at minus the earliest first fetch of the advisory's notices.
  const alerts = deps.db.select().from(deliveries).where(eq(deliveries.kind, 'alert')).all();
  const expected = alerts.reduce((sum, d) => {
    const advisory = deps.db.select().from(advisories).where(eq(advisories.id, d.advisoryId!)).get()!;
    const noticeIds = deps.db.select().from(advisorySources).where(eq(advisorySources.advisoryId, advisory.id)).all().map((s) => s.noticeId);
    const fetched = deps.db.select().from(notices).where(inArray(notices.id, noticeIds)).all().map((n) => n.fetchedAt.getTime());
    return sum + d.sentAt!.getTime() - Math.min(...fetched, advisory.createdAt.getTime());
  }, 0) / 1000;
  assert.ok(expected > 0);
  assert.equal(sample(text, 'praxiswarn_alert_freshness_seconds_sum', labels), expected);
  const buckets = ['60', '120', '300', '600', '900', '1800', '3600', '7200', '21600', '86400'].map((le) => sample(text, 'praxiswarn_alert_freshness_seconds_bucket', { ...labels, le })!);
  assert.deepEqual([...buckets].sort((a, b) => a - b), buckets, 'the buckets are cumulative');
  assert.equal(buckets.at(-1), 2);
});

test('every queue shows its four states, and a job added without a worker is waiting', async () => {
  const before = await scrape();
  for (const queue of queueNames) {
    for (const state of ['waiting', 'active', 'delayed', 'failed']) assert.notEqual(sample(before, 'praxiswarn_queue_jobs', { queue, state }), undefined, `${queue} ${state}`);
  }
  assert.equal(sample(before, 'praxiswarn_queue_jobs', { queue: 'match', state: 'waiting' }), 0);
  await enqueue(deps.queues, 'match', [{ jobId: 'metrics-probe', data: { advisoryId: 1 } }]);
  const after = await scrape();
  assert.equal(sample(after, 'praxiswarn_queue_jobs', { queue: 'match', state: 'waiting' }), 1);
});

test('a mail to a suppressed address counts as suppressed, not as failed', async () => {
  // Practice B's relay refused for good (BOUNCE_LIMIT reached); the next mail to it is not even tried.
  recordBounce(deps.db, practiceB.id, { now: deps.clock(), limit: 1 });
  const alert = deps.db.select().from(deliveries).where(eq(deliveries.practiceId, practiceB.id)).get()!;
  const dedupeKey = `update:${alert.advisoryId}:${practiceB.id}:2`;
  const id = deps.db
    .insert(deliveries)
    .values({ practiceId: practiceB.id, advisoryId: alert.advisoryId, kind: 'update', revision: 2, dedupeKey, messageId: messageIdFor(dedupeKey, deps.mailDomain) })
    .returning()
    .get().id;
  assert.equal(await sendDelivery(deps, id), 'failed');
  const text = await scrape();
  assert.equal(sample(text, 'praxiswarn_mails', { outbox: 'practice', kind: 'update', status: 'suppressed' }), 1);
  assert.equal(sample(text, 'praxiswarn_mails', { outbox: 'practice', kind: 'update', status: 'failed' }), 0);
  assert.equal(sample(text, 'praxiswarn_mails', { outbox: 'practice', kind: 'alert', status: 'sent' }), 2);
});

test('a draft waiting for review is counted with its age', async () => {
  const id = recordHandwritten(deps, { title: 'Sicherheitslücke in CGM ALBIS', text: 'In CGM ALBIS wurde eine Sicherheitslücke gefunden. Installieren Sie das Update auf Version 24.10.' });
  const draft = deps.db.select().from(advisories).where(eq(advisories.id, id)).get()!;
  assert.equal(draft.status, 'draft');
  offsetMs = 2 * 3600_000; // two hours later
  const text = await scrape();
  const drafts = deps.db.select().from(advisories).where(eq(advisories.status, 'draft')).all();
  assert.equal(sample(text, 'praxiswarn_drafts_waiting'), drafts.length);
  assert.ok(drafts.length >= 1);
  const age = sample(text, 'praxiswarn_drafts_oldest_age_seconds')!;
  const oldest = Math.min(...drafts.map((d) => d.createdAt.getTime()));
  assert.ok(age >= 7200, `age ${age}`);
  assert.ok(age <= (Date.now() + offsetMs - oldest) / 1000, 'no older than the oldest draft');
  assert.equal(sample(text, 'praxiswarn_mails_sent_recent', { outbox: 'practice', kind: 'alert' }), 0, 'two hours later nothing was sent in the last five minutes');
});

test('METRICS_PORT: /metrics alone on 127.0.0.1, with the token', async () => {
  const { port, address } = portServer.address() as AddressInfo;
  assert.equal(address, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  assert.equal((await fetch(`${url}/metrics`)).status, 401);
  const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /# TYPE praxiswarn_queue_jobs gauge/);
  assert.equal((await fetch(`${url}/abonnieren`)).status, 404);
});
