import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { advisories, advisorySources, deliveries, sources } from '../src/db/schema.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { startWorkers, type RunningWorkers } from '../workers/workers.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { fixtureSources, sourcesReadBefore, testEnv } from './support/test-env.js';
import { removeQueues, waitForIdle } from './support/queues.js';

let site: FixtureServer;
let smtp: SmtpSink;
let deps: AppDeps;
let workers: RunningWorkers;

const mailsTo = (address: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);

async function runPipeline() {
  await deps.queues.sweep.add('sweep', {}, { jobId: `sweep-${Date.now()}` });
  await waitForIdle(deps.queues);
}

before(async () => {
  site = await startFixtureServer();
  smtp = await startSmtpSink();
  const env = testEnv({ sources: fixtureSources(site.url), env: { SMTP_URL: smtp.url } });
  deps = await createAppDeps(env, { logger: createLogger('silent') });
  sourcesReadBefore(deps.db);
  const now = new Date();
  addPractice(deps.db, { name: 'Praxis A – Dr. Anders', email: 'a@praxis-a.test', productIds: ['telekom-digitalisierungsbox-premium'] }, { now, origin: 'cli' });
  addPractice(deps.db, { name: 'Praxis B – MVZ Bergmann', email: 'b@praxis-b.test', productIds: ['medatixx-x-isynet'] }, { now, origin: 'cli' });
  addPractice(deps.db, { name: 'Praxis C – Dr. Cramer', email: 'c@praxis-c.test', productIds: ['cgm-albis'] }, { now, origin: 'cli' });
  workers = startWorkers(deps, { connection: deps.redis, concurrency: 2 });
});

after(async () => {
  await workers.close();
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
  await site.close();
});

test('the two seed notices travel from the sites through the BullMQ workers into German alert mails', async () => {
  await runPipeline();

  const a = mailsTo('a@praxis-a.test');
  assert.equal(a.length, 1, 'practice A gets exactly one alert');
  assert.match(a[0]!.subject ?? '', /Digitalisierungsbox Premium/);
  assert.match(a[0]!.text ?? '', /11\.01\.02\.102/);
  assert.match(a[0]!.text ?? '', /Portweiterleitung/i);
  assert.match(a[0]!.text ?? '', /Was Sie jetzt tun sollten:\n1\. /);
  assert.match(String(a[0]!.html), /<ol><li>/);
  const unsubscribe = a[0]!.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  assert.match(unsubscribe, /^List-Unsubscribe:\s+<https:\/\/praxiswarn\.test\/abmelden\//);

  const b = mailsTo('b@praxis-b.test');
  assert.equal(b.length, 1, 'practice B gets exactly one alert');
  assert.match(b[0]!.subject ?? '', /x\.isynet/);
  assert.match(b[0]!.text ?? '', /Passwörter in Ihrer Praxissoftware ändern/);
  assert.match(b[0]!.text ?? '', /Passwort am TI-Konnektor ändern/);
  assert.doesNotMatch(b[0]!.text ?? '', /Version 1\.0/, 'the notice version is not a software version');

  assert.equal(mailsTo('c@praxis-c.test').length, 0, 'practice C (CGM ALBIS) gets nothing');
  assert.equal(smtp.messages.length, 2);
});

test('the DGN report arriving through two sources is one advisory with two sources', () => {
  const published = deps.db.select().from(advisories).where(eq(advisories.status, 'published')).all();
  assert.equal(published.length, 2);
  const box = published.find((x) => /Digitalisierungsbox/.test(x.title))!;
  assert.equal(deps.db.select().from(advisorySources).where(eq(advisorySources.advisoryId, box.id)).all().length, 2);
  assert.equal(box.severity, 'hoch');
  assert.ok(deps.db.select().from(deliveries).all().every((d) => d.status === 'sent'));
});

test('running the whole pipeline a second time sends nothing new', async () => {
  const feedHits = site.hits.get('/feeds/praxis-it.xml') ?? 0;
  deps.db.update(sources).set({ nextCheckAt: new Date(Date.now() - 60_000) }).run(); // due again, as after its interval
  await runPipeline();
  assert.equal(site.hits.get('/feeds/praxis-it.xml'), feedHits + 1, 'the sources were fetched again');
  assert.equal(smtp.messages.length, 2);
  assert.equal(deps.db.select().from(deliveries).all().length, 2);
});
