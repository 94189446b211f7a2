import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { advisories, advisoryProducts, deliveries } from '../src/db/schema.js';
import { matchAdvisory } from '../src/notify/match.js';
import { sendJobs } from '../src/notify/send-jobs.js';
import { RetryableSendError, sendBatch } from '../src/notify/send.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { preferencesSchema } from '../src/practices/preferences.models.js';
import { updatePreferences } from '../src/practices/preferences.repository.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

test('send jobs group deliveries by id range; the same deliveries give the same job ids, a new attempt a new one', () => {
  const owed = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, attempts: 0 }));
  const jobs = sendJobs(owed, 50);
  assert.deepEqual(
    jobs.map((j) => j.data.deliveryIds.length),
    [49, 50, 21],
  );
  assert.deepEqual(jobs.flatMap((j) => j.data.deliveryIds), owed.map((d) => d.id), 'every delivery in exactly one job, in order');
  assert.ok(jobs.every((j) => !j.jobId.includes(':')), 'BullMQ reserves ":" in job ids');

  const again = sendJobs([...owed].reverse(), 50);
  assert.deepEqual(again.map((j) => j.jobId).sort(), jobs.map((j) => j.jobId).sort(), 'order does not matter');

  const retried = sendJobs(owed.map((d) => (d.id === 60 ? { ...d, attempts: 1 } : d)), 50);
  assert.equal(retried[0]!.jobId, jobs[0]!.jobId);
  assert.notEqual(retried[1]!.jobId, jobs[1]!.jobId, 'a delivery handed back after a failure gets a fresh job');
  assert.equal(retried[2]!.jobId, jobs[2]!.jobId);
});

let smtp: SmtpSink;
let deps: AppDeps;

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url } }), { logger: createLogger('silent') });
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

test('one deferred mail does not hold up the rest of its batch; the retry sends only that one', async () => {
  const now = new Date();
  const advisoryId = deps.db
    .insert(advisories)
    .values({ title: 'Sicherheitslücke in CGM ALBIS', summary: 'Ein Update schließt die Lücke.', severity: 'hoch', status: 'published', relevant: true, relevanceReason: 'Test', createdAt: now, updatedAt: now })
    .returning()
    .get().id;
  deps.db.insert(advisoryProducts).values({ advisoryId, productId: 'cgm-albis' }).run();
  for (const name of ['eins', 'zwei', 'drei', 'vier', 'fuenf']) {
    addPractice(deps.db, { name: `Praxis ${name}`, email: `${name}@praxis.test`, productIds: ['cgm-albis'] }, { now, origin: 'cli' });
  }
  const ids = matchAdvisory(deps.db, advisoryId, { now, mailDomain: 'praxiswarn.test' });
  assert.equal(ids.length, 5);

  smtp.defer.add('drei@praxis.test');
  await assert.rejects(sendBatch(deps, ids, { inFlight: 2 }), (error: Error) => error instanceof RetryableSendError && /1 von 5 E-Mails/.test(error.message));
  const status = () => Object.fromEntries(deps.db.select().from(deliveries).all().map((d) => [d.id, d.status]));
  assert.equal(Object.values(status()).filter((s) => s === 'sent').length, 4);
  assert.equal(smtp.messages.length, 4);

  smtp.defer.clear();
  assert.deepEqual(await sendBatch(deps, ids, { inFlight: 2 }), { sent: 1, skipped: 4, failed: 0 });
  assert.deepEqual(Object.values(status()), ['sent', 'sent', 'sent', 'sent', 'sent']);
  const recipients = smtp.messages.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.text).sort();
  assert.deepEqual(recipients, ['drei@praxis.test', 'eins@praxis.test', 'fuenf@praxis.test', 'vier@praxis.test', 'zwei@praxis.test'], 'each practice exactly once');
});

test('a batch renders each practice with its own choices: products one by one, all of a vendor, a category', async () => {
  const now = new Date();
  const advisoryId = deps.db
    .insert(advisories)
    .values({ title: 'Lücke in der FRITZ!Box', summary: 'Ein Update schließt die Lücke.', severity: 'hoch', status: 'published', relevant: true, relevanceReason: 'Test', createdAt: now, updatedAt: now })
    .returning()
    .get().id;
  deps.db.insert(advisoryProducts).values({ advisoryId, productId: 'avm-fritzbox', fixedVersion: '8.03' }).run();
  const choices = {
    own: { productIds: ['avm-fritzbox', 't2med'], vendorIds: [], categories: [] },
    vendor: { productIds: [], vendorIds: ['avm'], categories: [] },
    category: { productIds: ['t2med'], vendorIds: [], categories: ['router'] },
  } as const;
  for (const [name, choice] of Object.entries(choices)) {
    const p = addPractice(deps.db, { name: `Praxis ${name}`, email: `wahl-${name}@praxis.test`, productIds: ['t2med'] }, { now, origin: 'cli' });
    updatePreferences(deps.db, p.id, preferencesSchema.parse({ name: `Praxis ${name}`, cadence: 'immediate', minSeverity: 'niedrig', ...choice }), now);
  }
  const ids = matchAdvisory(deps.db, advisoryId, { now, mailDomain: 'praxiswarn.test' });
  assert.equal(ids.length, 3);
  const before = smtp.messages.length;
  assert.deepEqual(await sendBatch(deps, ids, { inFlight: 3 }), { sent: 3, skipped: 0, failed: 0 });
  const byRecipient = new Map(smtp.messages.slice(before).map((m) => [(Array.isArray(m.to) ? m.to[0] : m.to)!.text, m.text ?? '']));
  for (const name of Object.keys(choices)) assert.match(byRecipient.get(`wahl-${name}@praxis.test`)!, /Betroffen in Ihrer Praxis:\n- FRITZ!Box \(behoben in Version 8\.03\)/, name);
  assert.match(byRecipient.get('wahl-own@praxis.test')!, /Warnungen zu FRITZ!Box, T2med abonniert/);
  assert.match(byRecipient.get('wahl-vendor@praxis.test')!, /Warnungen zu alle Produkte von AVM abonniert/);
  assert.match(byRecipient.get('wahl-category@praxis.test')!, /Warnungen zu T2med, alle Produkte aus „Router/);
});
