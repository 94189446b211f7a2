import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { advisories, advisoryProducts, deliveries } from '../src/db/schema.js';
import { matchAdvisory } from '../src/notify/match.js';
import { RetryableSendError, sendDelivery } from '../src/notify/send.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

let smtp: SmtpSink;
let deps: AppDeps;
let advisoryId: number;

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url } }), { logger: createLogger('silent') });
  const now = new Date();
  advisoryId = deps.db
    .insert(advisories)
    .values({ title: 'Sicherheitslücke in CGM ALBIS', summary: 'Ein Update schließt die Lücke.', severity: 'hoch', status: 'published', relevant: true, relevanceReason: 'Test', createdAt: now, updatedAt: now })
    .returning()
    .get().id;
  deps.db.insert(advisoryProducts).values({ advisoryId, productId: 'cgm-albis', fixedVersion: '24.30' }).run();
  for (const name of ['Eins', 'Zwei', 'Drei']) {
    addPractice(deps.db, { name: `Praxis ${name}`, email: `${name.toLowerCase()}@praxis.test`, productIds: ['cgm-albis'] }, { now, origin: 'cli' });
  }
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

const row = (id: number) => deps.db.select().from(deliveries).where(eq(deliveries.id, id)).get()!;

test('matching writes one delivery per subscribed practice, and matching again writes none', () => {
  const ids = matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain: 'praxiswarn.test' });
  assert.equal(ids.length, 3);
  assert.deepEqual(matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain: 'praxiswarn.test' }), []);
});

test('a temporary SMTP refusal hands the delivery back for a retry; the retry sends it with the same Message-ID', async () => {
  const [first] = deps.db.select().from(deliveries).orderBy(deliveries.id).all();
  smtp.mode = 'tempfail';
  await assert.rejects(sendDelivery(deps, first!.id), RetryableSendError);
  assert.equal(row(first!.id).status, 'pending');
  assert.match(row(first!.id).lastError ?? '', /451/);
  smtp.mode = 'accept';
  assert.equal(await sendDelivery(deps, first!.id), 'sent');
  assert.equal(smtp.messages.at(-1)!.messageId, row(first!.id).messageId);
  assert.equal(row(first!.id).attempts, 2);
  assert.equal(await sendDelivery(deps, first!.id), 'skipped', 'a sent delivery is never sent again');
});

test('a permanent refusal (550) marks the delivery failed without retrying', async () => {
  const second = deps.db.select().from(deliveries).orderBy(deliveries.id).all()[1]!;
  smtp.mode = 'permfail';
  assert.equal(await sendDelivery(deps, second.id), 'failed');
  assert.equal(row(second.id).status, 'failed');
  smtp.mode = 'accept';
});

test('an SMTP server that is down is a retryable failure and loses nothing', async () => {
  const third = deps.db.select().from(deliveries).orderBy(deliveries.id).all()[2]!;
  const port = smtp.port;
  await smtp.close();
  await assert.rejects(sendDelivery(deps, third.id), RetryableSendError);
  assert.equal(row(third.id).status, 'pending');
  smtp = await startSmtpSink({ port });
  assert.equal(await sendDelivery(deps, third.id), 'sent');
  assert.equal(smtp.messages.length, 1);
});
