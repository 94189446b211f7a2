import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { acknowledgements, advisories, advisoryProducts, advisoryRevisions, deliveries, practices } from '../src/db/schema.js';
import { writeDigestDeliveries } from '../src/notify/digest.js';
import { matchAdvisory } from '../src/notify/match.js';
import { writeReminderDeliveries } from '../src/notify/reminders.js';
import { RetryableSendError, sendDelivery } from '../src/notify/send.js';
import { writeUpdateDeliveries } from '../src/notify/updates.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { subscribeSchema } from '../src/practices/preferences.models.js';
import { recordSignup } from '../src/practices/signup.usecases.js';
import { publishAdvisory } from './support/advisories.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

let smtp: SmtpSink;
let deps: AppDeps;
const mailDomain = 'praxiswarn.test';
const day = 86_400_000;

before(async () => {
  smtp = await startSmtpSink();
  const env = testEnv({
    env: {
      SMTP_URL: smtp.url,
      MAIL_REPLY_TO: 'hilfe@verband.test',
      OPERATOR_NAME: 'Ärzteverband Musterland e. V.',
      OPERATOR_ADDRESS: 'Musterstraße 1, 12345 Musterstadt',
      OPERATOR_IMPRINT_URL: 'https://verband.test/impressum',
      BOUNCE_LIMIT: '2',
      SEND_MAX_ATTEMPTS: '2',
    },
  });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = join(env.DATA_DIR, 'dkim.pem');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  deps = await createAppDeps({ ...env, DKIM_DOMAIN: 'praxiswarn.test', DKIM_SELECTOR: 'pw2026', DKIM_PRIVATE_KEY_FILE: keyFile }, { logger: createLogger('silent') });
});

after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

const practice = (name: string, email: string, productIds: string[], extra: { cadence?: 'immediate' | 'daily' | 'weekly'; minSeverity?: 'niedrig' | 'hoch' } = {}) =>
  addPractice(deps.db, { name, email, productIds, ...extra }, { now: new Date(Date.now() - 30 * day), origin: 'cli' }).id;

async function sendAll(ids: number[]) {
  for (const id of ids) await sendDelivery(deps, id);
}

const lastMailTo = (address: string) => smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(address)).at(-1);

test('an alerted practice gets one update mail when a material revision adds a fixed version; a typo fix sends nothing', async () => {
  const p = practice('Praxis Update', 'update@praxis.test', ['cgm-turbomed']);
  const advisoryId = publishAdvisory(deps.db, {
    title: 'Sicherheitslücke in CGM TURBOMED',
    severity: 'hoch',
    products: [{ id: 'cgm-turbomed' }],
    actions: ['Update des Herstellers einspielen'],
  });
  await sendAll(matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain }));
  assert.ok(lastMailTo('update@praxis.test'), 'the alert went out');

  // The vendor names the fixed version a day later: material.
  const later = new Date(Date.now() + 1000);
  deps.db.update(advisoryProducts).set({ fixedVersion: '24.3.1' }).where(eq(advisoryProducts.advisoryId, advisoryId)).run();
  deps.db.update(advisories).set({ revision: 2 }).where(eq(advisories.id, advisoryId)).run();
  deps.db.insert(advisoryRevisions).values({ advisoryId, revision: 2, changedFields: ['fixedVersion'], material: true, createdAt: later }).run();
  const first = writeUpdateDeliveries(deps.db, { now: later, mailDomain });
  assert.equal(first.deliveryIds.length, 1);
  await sendAll(first.deliveryIds);
  const mail = lastMailTo('update@praxis.test')!;
  assert.equal(mail.subject, '[Zeitnah handeln] CGM TURBOMED: Sicherheitslücke (geändert: behobene Version)');
  assert.match(mail.text ?? '', /^Bitte aktualisieren Sie CGM TURBOMED bis spätestens \d\d\.\d\d\.\d{4} auf Version 24\.3\.1\.\n/);
  assert.match(mail.text ?? '', /CGM TURBOMED \(behoben in Version 24\.3\.1\)/);
  assert.match(mail.text ?? '', /1\. Update des Herstellers einspielen/);
  assert.equal(writeUpdateDeliveries(deps.db, { now: later, mailDomain }).deliveryIds.length, 0, 'the same revision is announced once');

  // A corrected title is not material.
  deps.db.insert(advisoryRevisions).values({ advisoryId, revision: 3, changedFields: ['title'], material: false, createdAt: new Date(later.getTime() + 1000) }).run();
  assert.equal(writeUpdateDeliveries(deps.db, { now: new Date(later.getTime() + 2000), mailDomain }).deliveryIds.length, 0);
  assert.equal(deps.db.select().from(deliveries).where(and(eq(deliveries.practiceId, p), eq(deliveries.kind, 'update'))).all().length, 1);
});

test('every mail names the operator with Impressum, has List-Id, Reply-To and a DKIM signature', () => {
  const mail = lastMailTo('update@praxis.test')!;
  assert.match(mail.text ?? '', /Ärzteverband Musterland e\. V\., Musterstraße 1, 12345 Musterstadt/);
  assert.match(mail.text ?? '', /Impressum: https:\/\/verband\.test\/impressum/);
  assert.match(mail.text ?? '', /Einstellungen ändern: https:\/\/praxiswarn\.test\/verwalten\//);
  const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, ' ') ?? '';
  assert.match(header('list-id'), /^List-I[dD]: Sicherheitswarnungen <warnungen\.praxiswarn\.test>$/);
  assert.equal(mail.replyTo?.value[0]?.address, 'hilfe@verband.test');
  assert.match(header('dkim-signature'), /d=praxiswarn\.test;/);
  assert.match(header('dkim-signature'), /s=pw2026;/);
});

test('the confirmation and the "already subscribed" mail carry the Impressum too, in text and HTML', async () => {
  const signup = (email: string) =>
    recordSignup(deps.db, subscribeSchema.parse({ name: 'Praxis Neu', email, cadence: 'immediate', minSeverity: 'niedrig', productIds: ['cgm-albis'], consent: 'ja' }), { now: new Date(), ip: '192.0.2.1', mailDomain });
  const confirm = signup('neu@praxis.test')!;
  practice('Praxis Dabei', 'dabei@praxis.test', ['cgm-albis']);
  const access = signup('dabei@praxis.test')!;
  assert.equal(deps.db.select().from(deliveries).where(eq(deliveries.id, access.deliveryId)).get()!.kind, 'access');
  await sendAll([confirm.deliveryId, access.deliveryId]);
  for (const address of ['neu@praxis.test', 'dabei@praxis.test']) {
    const mail = lastMailTo(address)!;
    assert.match(mail.text ?? '', /\nÄrzteverband Musterland e\. V\., Musterstraße 1, 12345 Musterstadt\nImpressum: https:\/\/verband\.test\/impressum$/, address);
    const $ = cheerio.load(String(mail.html));
    assert.match($('body').text(), /Ärzteverband Musterland e\. V\., Musterstraße 1, 12345 Musterstadt/, address);
    assert.equal($('a').filter((_, a) => $(a).text() === 'Impressum').attr('href'), 'https://verband.test/impressum', address);
  }
});

test('the daily digest lists what matched since the last one, most urgent first, and is never empty or sent twice', async () => {
  const daily = practice('Praxis Täglich', 'taeglich@praxis.test', ['medatixx-x-isynet', 'telekom-digitalisierungsbox-premium'], { cadence: 'daily' });
  const quiet = practice('Praxis Ruhig', 'ruhig@praxis.test', ['cgm-medistar'], { cadence: 'daily' });
  const t0 = new Date('2026-11-24T10:00:00Z');
  const a1 = publishAdvisory(deps.db, { title: 'Passwörter nach Angriff ändern', severity: 'mittel', products: [{ id: 'medatixx-x-isynet' }], actions: ['Passwörter ändern'], releasedAt: t0 });
  const a2 = publishAdvisory(deps.db, { title: 'Firmware der Digitalisierungsbox aktualisieren', severity: 'hoch', products: [{ id: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }], releasedAt: t0 });
  assert.deepEqual(matchAdvisory(deps.db, a1, { now: t0, mailDomain }), [], 'a daily practice gets no alert for a non-critical advisory');
  matchAdvisory(deps.db, a2, { now: t0, mailDomain });

  const morning = new Date('2026-11-25T06:00:00Z'); // 07:00 in Berlin
  const written = writeDigestDeliveries(deps.db, { cadence: 'daily', period: 'daily:2026-11-25', now: morning, mailDomain });
  const rows = deps.db.select().from(deliveries).where(eq(deliveries.kind, 'digest')).all();
  assert.deepEqual(rows.map((r) => r.practiceId), [daily], 'the practice with nothing new gets no digest');
  assert.ok(!rows.some((r) => r.practiceId === quiet));
  await sendAll(written);
  const mail = lastMailTo('taeglich@praxis.test')!;
  assert.equal(mail.subject, '[Zeitnah handeln] 2 neue Warnungen für Ihre Praxis');
  const text = mail.text ?? '';
  // Both are "Zeitnah handeln": the one with the earlier deadline (hoch: a week) comes first and leads the mail.
  assert.match(text, /^Bitte aktualisieren Sie Digitalisierungsbox Premium bis spätestens \d\d\.\d\d\.\d{4} auf Version 11\.01\.02\.102\.\n/);
  assert.ok(text.indexOf('Firmware der Digitalisierungsbox') < text.indexOf('Passwörter nach Angriff ändern'), 'most urgent first');
  assert.match(text, /- Firmware der Digitalisierungsbox aktualisieren\n  Betroffen: Digitalisierungsbox Premium\n/);

  assert.deepEqual(writeDigestDeliveries(deps.db, { cadence: 'daily', period: 'daily:2026-11-25', now: morning, mailDomain }), [], 'the same period triggered twice');
  const nextMorning = new Date(morning.getTime() + day);
  assert.deepEqual(writeDigestDeliveries(deps.db, { cadence: 'daily', period: 'daily:2026-11-26', now: nextMorning, mailDomain }), [], 'nothing new, no mail');

  const a3 = publishAdvisory(deps.db, { title: 'Neue Lücke in x.isynet', severity: 'niedrig', products: [{ id: 'medatixx-x-isynet' }], releasedAt: nextMorning });
  matchAdvisory(deps.db, a3, { now: new Date(nextMorning.getTime() + 1000), mailDomain });
  const third = writeDigestDeliveries(deps.db, { cadence: 'daily', period: 'daily:2026-11-27', now: new Date(nextMorning.getTime() + day), mailDomain });
  assert.equal(third.length, 1);
  assert.deepEqual(deps.db.select().from(deliveries).where(eq(deliveries.id, third[0]!)).get()!.advisoryIds, [a3], 'only what is new since the last digest');
});

test('a reminder goes once to practices that have not confirmed a serious advisory after the configured days', () => {
  const done = practice('Praxis Erledigt', 'erledigt@praxis.test', ['cgm-m1-pro']);
  const open = practice('Praxis Offen', 'offen@praxis.test', ['cgm-m1-pro']);
  const released = new Date('2026-11-01T09:00:00Z');
  const serious = publishAdvisory(deps.db, { title: 'Kritische Lücke in CGM M1 PRO', severity: 'kritisch', products: [{ id: 'cgm-m1-pro' }], actions: ['Update einspielen', 'Passwörter ändern'], releasedAt: released });
  const minor = publishAdvisory(deps.db, { title: 'Kleinere Lücke in CGM M1 PRO', severity: 'mittel', products: [{ id: 'cgm-m1-pro' }], actions: ['Update einspielen'], releasedAt: released });
  matchAdvisory(deps.db, serious, { now: released, mailDomain });
  matchAdvisory(deps.db, minor, { now: released, mailDomain });
  deps.db.insert(acknowledgements).values({ practiceId: done, advisoryId: serious, actionPosition: -1 }).run();

  assert.deepEqual(writeReminderDeliveries(deps.db, { now: new Date('2026-11-05T09:00:00Z'), days: 7, mailDomain }), [], 'too early');
  const written = writeReminderDeliveries(deps.db, { now: new Date('2026-11-09T09:00:00Z'), days: 7, mailDomain });
  const rows = deps.db.select().from(deliveries).where(eq(deliveries.kind, 'reminder')).all();
  assert.equal(written.length, 1);
  assert.deepEqual(rows.map((r) => [r.practiceId, r.advisoryId]), [[open, serious]]);
  assert.deepEqual(writeReminderDeliveries(deps.db, { now: new Date('2026-11-10T09:00:00Z'), days: 7, mailDomain }), [], 'one reminder only');
  // "Zeitnah handeln" within 30 days: the reminder comes a week before that deadline, to both practices.
  assert.deepEqual(writeReminderDeliveries(deps.db, { now: new Date('2026-11-23T08:00:00Z'), days: 7, mailDomain }), [], 'not before day 23');
  assert.equal(writeReminderDeliveries(deps.db, { now: new Date('2026-11-24T09:00:00Z'), days: 7, mailDomain }).length, 2);
  const minorReminders = deps.db.select().from(deliveries).where(and(eq(deliveries.kind, 'reminder'), eq(deliveries.advisoryId, minor))).all();
  assert.deepEqual(minorReminders.map((r) => r.practiceId).sort(), [done, open].sort());
});

test('"Zur Kenntnis" (niedrig, or nothing to do) gets no reminder', () => {
  const p = practice('Praxis Ruhig', 'ruhig@praxis.test', ['cgm-turbomed']);
  const released = new Date('2026-10-01T09:00:00Z');
  const low = publishAdvisory(deps.db, { title: 'Geringe Lücke in TURBOMED', severity: 'niedrig', products: [{ id: 'cgm-turbomed' }], actions: ['Update einspielen'], releasedAt: released });
  const nothingToDo = publishAdvisory(deps.db, { title: 'Hinweis zu TURBOMED', severity: 'mittel', products: [{ id: 'cgm-turbomed' }], releasedAt: released });
  matchAdvisory(deps.db, low, { now: released, mailDomain });
  matchAdvisory(deps.db, nothingToDo, { now: released, mailDomain });
  writeReminderDeliveries(deps.db, { now: new Date('2026-11-05T09:00:00Z'), days: 7, mailDomain });
  assert.deepEqual(deps.db.select().from(deliveries).where(and(eq(deliveries.kind, 'reminder'), eq(deliveries.practiceId, p))).all(), []);
});

test('a mailbox answering 550 fails at once, and after the bounce limit the address is suppressed', async () => {
  const p = practice('Praxis Tippfehler', 'gibtsnicht@praxis.test', ['cgm-albis']);
  smtp.refuse.add('gibtsnicht@praxis.test');
  try {
    for (const title of ['Lücke A in ALBIS', 'Lücke B in ALBIS', 'Lücke C in ALBIS']) {
      const advisoryId = publishAdvisory(deps.db, { title, severity: 'hoch', products: [{ id: 'cgm-albis' }] });
      await sendAll(matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain }).filter((id) => deps.db.select().from(deliveries).where(eq(deliveries.id, id)).get()!.practiceId === p));
    }
  } finally {
    smtp.refuse.delete('gibtsnicht@praxis.test');
  }
  const rows = deps.db.select().from(deliveries).where(eq(deliveries.practiceId, p)).all();
  assert.deepEqual(rows.map((r) => r.status), ['failed', 'failed', 'failed']);
  assert.match(rows[0]!.lastError ?? '', /550/);
  assert.match(rows[2]!.lastError ?? '', /Adresse gesperrt/, 'the third mail is not even tried');
  const row = deps.db.select().from(practices).where(eq(practices.id, p)).get()!;
  assert.equal(row.bounceCount, 2);
  assert.ok(row.suppressedAt);
});

test('temporary failures are retried up to SEND_MAX_ATTEMPTS, then the mail is given up with the reason', async () => {
  const p = practice('Praxis Wartet', 'wartet@praxis.test', ['cgm-z1']);
  const advisoryId = publishAdvisory(deps.db, { title: 'Standardpasswörter in CGM Z1', severity: 'hoch', products: [{ id: 'cgm-z1', fixedVersion: '2.91' }] });
  const [id] = matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain });
  smtp.mode = 'tempfail';
  try {
    await assert.rejects(sendDelivery(deps, id!), RetryableSendError);
    await assert.rejects(sendDelivery(deps, id!), RetryableSendError);
  } finally {
    smtp.mode = 'accept';
  }
  assert.equal(await sendDelivery(deps, id!), 'failed');
  const row = deps.db.select().from(deliveries).where(eq(deliveries.id, id!)).get()!;
  assert.equal(row.practiceId, p);
  assert.match(row.lastError ?? '', /^Nach 2 Versuchen aufgegeben: SMTP: 451/);
});
