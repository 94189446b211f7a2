import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { advisories, advisoryProducts, deliveries, practices } from '../src/db/schema.js';
import { claimDelivery, markSent, releaseDelivery } from '../src/notify/deliveries.repository.js';
import type { Mailer, OutgoingMail } from '../src/notify/mailer.js';
import { matchAdvisory } from '../src/notify/match.js';
import { sendBatch, type SendDeps } from '../src/notify/send.js';
import { addPractice, type Practice } from '../src/practices/practices.repository.js';
import { removeQueues } from './support/queues.js';
import { testDialect } from './support/test-database.js';
import { testEnv } from './support/test-env.js';

// The order of a send job's groups (src/notify/send.ts, send-store.ts), on both databases: on PostgreSQL the next
// group is claimed and read while the one before is with the relay; its mails still go out only once that group is
// marked sent, and a mark that fails hands the next group back.

let deps: AppDeps;

before(async () => {
  deps = await createAppDeps(testEnv(), { logger: createLogger('silent') });
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

let advisoryNo = 0;

/** A published advisory and `count` practices subscribed to its product; returns the deliveries of its fan-out. */
function fanOut(count: number): { ids: number[]; practiceIds: number[] } {
  const now = new Date();
  const no = ++advisoryNo;
  const advisoryId = deps.db
    .insert(advisories)
    .values({ title: `Lücke in CGM ALBIS (${no})`, summary: 'Ein Update schließt die Lücke.', severity: 'hoch', status: 'published', relevant: true, relevanceReason: 'Test', createdAt: now, updatedAt: now })
    .returning()
    .get().id;
  deps.db.insert(advisoryProducts).values({ advisoryId, productId: 'cgm-albis' }).run();
  const added: Practice[] = [];
  for (let i = 0; i < count; i++) {
    const p = addPractice(deps.db, { name: `Praxis ${no}-${i}`, email: `praxis-${no}-${i}@praxis.test`, productIds: ['cgm-albis'] }, { now, origin: 'cli' });
    deps.db.update(practices).set({ status: 'active' }).where(eq(practices.id, p.id)).run();
    added.push(p);
  }
  // Practices of the tests before are subscribed too: this test's deliveries are those to its own practices.
  const practiceIds = added.map((p) => p.id);
  const matched = matchAdvisory(deps.db, advisoryId, { now, mailDomain: 'praxiswarn.test' });
  const ownOf = new Map(deps.db.select().from(deliveries).where(inArray(deliveries.id, matched)).all().map((d) => [d.practiceId, d.id]));
  const ids = practiceIds.map((id) => ownOf.get(id)!);
  assert.equal(ids.filter(Boolean).length, count);
  return { ids, practiceIds };
}

/** A mailer that notes each mail's Message-ID together with the status of every delivery at that moment. */
function watchingMailer(ids: number[]): { mailer: Mailer; sent: { messageId: string; statuses: Map<number, string> }[] } {
  const sent: { messageId: string; statuses: Map<number, string> }[] = [];
  const mailer: Mailer = {
    kind: 'smtp',
    async send(mail: OutgoingMail) {
      const rows = deps.db.select({ id: deliveries.id, status: deliveries.status }).from(deliveries).where(inArray(deliveries.id, ids)).all();
      sent.push({ messageId: mail.messageId, statuses: new Map(rows.map((r) => [r.id, r.status])) });
      // As a relay: the answer comes later, so that the job's next group is claimed and read meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 5));
    },
    close() {},
  };
  return { mailer, sent };
}

const statusOf = (id: number) => deps.db.select().from(deliveries).where(eq(deliveries.id, id)).get()!;

test("a group's mails go to the relay only once every mail of the group before it is marked sent", async () => {
  const { ids } = fanOut(12);
  const { mailer, sent } = watchingMailer(ids);
  const result = await sendBatch({ ...deps, mailer } as SendDeps, ids, { inFlight: 4 });
  assert.deepEqual(result, { sent: 12, skipped: 0, failed: 0 });
  assert.equal(sent.length, 12);
  const groupOf = new Map(ids.map((id, i) => [statusOf(id).messageId, Math.floor(i / 4)]));
  for (const { messageId, statuses } of sent) {
    const group = groupOf.get(messageId)!;
    for (const [i, id] of ids.entries()) {
      if (Math.floor(i / 4) < group) assert.equal(statuses.get(id), 'sent', `delivery ${i} of an earlier group is marked before group ${group} goes out`);
    }
  }
});

test('a mark that fails while the next group is already claimed: that group goes back, nothing of it reaches the relay, the retry repeats only the unmarked mails', async () => {
  const { ids, practiceIds } = fanOut(12);
  // The practice of the second group's second mail has left: rendering, had it come to that, marks it failed.
  const leaving = ids[5]!;
  deps.db.update(practices).set({ status: 'unsubscribed' }).where(eq(practices.id, practiceIds[5]!)).run();
  // The database refuses to mark the first group sent.
  const refused = ids[0]!;
  if (testDialect === 'postgres') {
    deps.db.$client.exec(`CREATE FUNCTION test_refuse_mark() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'Vermerk verweigert'; END $$;
      CREATE TRIGGER test_refuse_mark BEFORE UPDATE ON deliveries FOR EACH ROW WHEN (NEW.status = 'sent' AND OLD.id = ${refused}) EXECUTE FUNCTION test_refuse_mark()`);
  } else {
    deps.db.$client.exec(`CREATE TRIGGER test_refuse_mark BEFORE UPDATE OF status ON deliveries WHEN NEW.status = 'sent' AND OLD.id = ${refused} BEGIN SELECT RAISE(ABORT, 'Vermerk verweigert'); END`);
  }
  const first = watchingMailer(ids);
  try {
    await assert.rejects(sendBatch({ ...deps, mailer: first.mailer } as SendDeps, ids, { inFlight: 4 }), (error: Error) => {
      // drizzle names the failed statement and keeps the database's message as the cause.
      assert.match(`${error.message} ${(error.cause as Error | undefined)?.message}`, /Vermerk verweigert/);
      return true;
    });
  } finally {
    deps.db.$client.exec('DROP TRIGGER test_refuse_mark' + (testDialect === 'postgres' ? ' ON deliveries; DROP FUNCTION test_refuse_mark()' : ''));
  }
  const firstGroup = ids.slice(0, 4).map(statusOf);
  assert.deepEqual(first.sent.map((m) => m.messageId).sort(), firstGroup.map((d) => d.messageId).sort(), 'only the first group reached the relay');
  assert.ok(firstGroup.every((d) => d.status === 'sending'), 'the first group stays claimed: it was handed over but not marked');
  for (const id of ids.slice(4)) {
    const d = statusOf(id);
    if (id === leaving && d.status === 'failed') assert.match(d.lastError ?? '', /nicht \(mehr\) angemeldet/);
    else assert.equal(d.status, 'pending', `delivery ${ids.indexOf(id)} is owed again, not left claimed`);
  }

  // The retry, once the first group's claim is stale: the first group again with the same Message-IDs, the rest once.
  const later = () => new Date(Date.now() + deps.delivery.claimTimeoutMs + 60_000);
  const retry = watchingMailer(ids);
  const result = await sendBatch({ ...deps, mailer: retry.mailer, clock: later } as SendDeps, ids, { inFlight: 4 });
  assert.equal(result.sent, 11);
  assert.equal(result.failed + result.sent + result.skipped, 12);
  const all = ids.map(statusOf);
  assert.deepEqual(
    all.map((d) => d.status),
    ids.map((id) => (id === leaving ? 'failed' : 'sent')),
  );
  const twice = [...first.sent, ...retry.sent].map((m) => m.messageId);
  for (const d of all) assert.equal(twice.filter((m) => m === d.messageId).length, ids.slice(0, 4).includes(d.id) ? 2 : d.id === leaving ? 0 : 1);
});

test('handing a delivery back leaves one that is no longer claimed as it is', () => {
  const { ids } = fanOut(2);
  const now = new Date();
  assert.ok(claimDelivery(deps.db, ids[0]!, now));
  markSent(deps.db, [ids[0]!], now);
  releaseDelivery(deps.db, ids[0]!, '421 später');
  assert.equal(statusOf(ids[0]!).status, 'sent', 'sent by another worker after this claim went stale: not owed again');
  assert.ok(claimDelivery(deps.db, ids[1]!, now));
  releaseDelivery(deps.db, ids[1]!, '421 später');
  assert.equal(statusOf(ids[1]!).status, 'pending');
  assert.equal(statusOf(ids[1]!).lastError, '421 später');
});
