import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { advisories, advisoryActions, advisoryProducts, deliveries, matches, practices, scopeSubscriptions, subscriptions } from '../src/db/schema.js';
import type { Severity } from '../src/advisories/advisories.table.js';
import { compareVersions, matchAdvisory } from '../src/notify/match.js';
import { sendDelivery } from '../src/notify/send.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

let deps: AppDeps;
let smtp: SmtpSink;
const now = new Date('2026-11-25T10:00:00Z');
const ids: Record<string, number> = {};

type Setup = { products?: [string, string?][]; vendors?: string[]; categories?: string[]; cadence?: 'immediate' | 'daily' | 'weekly'; minSeverity?: Severity; status?: 'active' | 'pending'; partner?: string };

function practice(key: string, s: Setup): void {
  const row = deps.db
    .insert(practices)
    .values({ name: `Praxis ${key}`, email: `${key.toLowerCase()}@praxis.test`, status: s.status ?? 'active', cadence: s.cadence ?? 'immediate', minSeverity: s.minSeverity ?? 'niedrig', origin: 'form', partnerEmail: s.partner ?? null, createdAt: now })
    .returning()
    .get();
  ids[key] = row.id;
  for (const [productId, version] of s.products ?? []) deps.db.insert(subscriptions).values({ practiceId: row.id, productId, version: version ?? null, createdAt: now }).run();
  for (const value of s.vendors ?? []) deps.db.insert(scopeSubscriptions).values({ practiceId: row.id, scope: 'vendor', value, createdAt: now }).run();
  for (const value of s.categories ?? []) deps.db.insert(scopeSubscriptions).values({ practiceId: row.id, scope: 'category', value, createdAt: now }).run();
}

function advisory(severity: Severity, products: [string, string | null][], actions: string[] = []): number {
  const id = deps.db
    .insert(advisories)
    .values({ title: 'Datenleck in Digitalisierungsboxen', summary: 'Portweiterleitung öffnete Nachbarports.', severity, status: 'published', relevant: true, relevanceReason: 'Test', createdAt: now, updatedAt: now })
    .returning()
    .get().id;
  for (const [productId, fixedVersion] of products) deps.db.insert(advisoryProducts).values({ advisoryId: id, productId, fixedVersion }).run();
  actions.forEach((text, position) => deps.db.insert(advisoryActions).values({ advisoryId: id, position, text }).run());
  return id;
}

const matchedKeys = (advisoryId: number) => {
  const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return deps.db.select().from(matches).where(eq(matches.advisoryId, advisoryId)).all().map((m) => byId.get(m.practiceId)).sort();
};
const alertedKeys = (advisoryId: number) => {
  const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return deps.db.select().from(deliveries).where(eq(deliveries.advisoryId, advisoryId)).all().map((d) => byId.get(d.practiceId)).sort();
};

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url } }), { logger: createLogger('silent'), clock: () => now });
  const box = 'telekom-digitalisierungsbox-premium';
  practice('Gleich', { products: [[box, '11.1.2.102']] }); // the fixed version, written without leading zeros
  practice('Neuer', { products: [[box, '12.0']] });
  practice('Aelter', { products: [[box, '11.01.02.101']] });
  practice('OhneVersion', { products: [[box]] });
  practice('Hersteller', { vendors: ['telekom'], partner: 'technik@it-partner.test' });
  practice('Router', { categories: ['router'] });
  practice('HerstellerMitVersion', { vendors: ['telekom'], products: [[box, '11.01.02.102']] });
  practice('Taeglich', { products: [[box]], cadence: 'daily' });
  practice('NurKritisch', { products: [[box]], minSeverity: 'kritisch' });
  practice('Unbestaetigt', { products: [[box]], status: 'pending' });
  practice('Albis', { products: [['cgm-albis']] });
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

test('versions compare as dotted numbers: leading zeros do not count, missing parts are zero', () => {
  assert.equal(compareVersions('11.1.2.102', '11.01.02.102'), 0);
  assert.equal(compareVersions('11.01.02.101', '11.01.02.102'), -1);
  assert.equal(compareVersions('12.0', '11.01.02.102'), 1);
  assert.equal(compareVersions('24.3', '24.30'), -1);
  assert.equal(compareVersions('7.10', '7.10.0'), 0);
  assert.equal(compareVersions('Q3/2024', '1.0'), null);
});

test('an advisory reaches practices through products, vendors and categories, but not those on the fixed version', () => {
  const id = advisory('hoch', [['telekom-digitalisierungsbox-premium', '11.01.02.102']]);
  matchAdvisory(deps.db, id, { now, mailDomain: 'praxiswarn.test' });
  assert.deepEqual(matchedKeys(id), ['Aelter', 'Hersteller', 'OhneVersion', 'Router', 'Taeglich']);
  assert.deepEqual(alertedKeys(id), ['Aelter', 'Hersteller', 'OhneVersion', 'Router'], 'the daily practice waits for its digest');
  assert.deepEqual(matchAdvisory(deps.db, id, { now, mailDomain: 'praxiswarn.test' }), [], 'matching twice adds nothing');
  assert.equal(deps.db.select().from(matches).where(eq(matches.advisoryId, id)).all().length, 5);
});

test('a critical advisory alerts every cadence at once and reaches practices that only want critical ones', () => {
  const id = advisory('kritisch', [['telekom-digitalisierungsbox-premium', null]]);
  const written = matchAdvisory(deps.db, id, { now, mailDomain: 'praxiswarn.test' });
  const all = ['Aelter', 'Gleich', 'Hersteller', 'HerstellerMitVersion', 'Neuer', 'NurKritisch', 'OhneVersion', 'Router', 'Taeglich'];
  assert.deepEqual(matchedKeys(id), all, 'without a fixed version every version is concerned');
  assert.deepEqual(alertedKeys(id), all);
  assert.equal(written.length, all.length);
});

test('a practice subscribed through its vendor gets a mail naming the product, with erledigt links, manage link and a Cc to its IT partner', async () => {
  const id = advisory('hoch', [['telekom-digitalisierungsbox-premium', '11.01.02.102'], ['cgm-albis', null]], ['Firmware-Version prüfen', 'Firmware auf Version 11.01.02.102 aktualisieren']);
  matchAdvisory(deps.db, id, { now, mailDomain: 'praxiswarn.test' });
  const delivery = deps.db.select().from(deliveries).where(eq(deliveries.advisoryId, id)).all().find((d) => d.practiceId === ids.Hersteller)!;
  assert.equal(await sendDelivery(deps, delivery.id), 'sent');
  const mail = smtp.messages.at(-1)!;
  assert.equal(mail.cc && !Array.isArray(mail.cc) ? mail.cc.text : '', 'technik@it-partner.test');
  assert.match(mail.subject ?? '', /^\[Zeitnah handeln\] Digitalisierungsbox Premium:/, 'hoch: act within a week');
  assert.match(mail.text ?? '', /Betroffen in Ihrer Praxis:\n- Digitalisierungsbox Premium \(behoben in Version 11\.01\.02\.102\)\n\n/, 'only the practice’s own products');
  assert.match(mail.text ?? '', /1\. Firmware-Version prüfen\n {3}Erledigt\? https:\/\/praxiswarn\.test\/erledigt\/ack\.\d+\.\d+\.0\./);
  assert.match(mail.text ?? '', /Alles erledigt\? https:\/\/praxiswarn\.test\/erledigt\/ack\.\d+\.\d+\.-1\./);
  assert.match(mail.text ?? '', /Einstellungen ändern: https:\/\/praxiswarn\.test\/verwalten\/manage\./);
  assert.match(mail.text ?? '', /alle Produkte von Deutsche Telekom/);
  const albis = deps.db.select().from(deliveries).where(eq(deliveries.advisoryId, id)).all().find((d) => d.practiceId === ids.Albis)!;
  assert.equal(await sendDelivery(deps, albis.id), 'sent');
  assert.match(smtp.messages.at(-1)!.text ?? '', /Betroffen in Ihrer Praxis:\n- CGM ALBIS\n\n/);
});

test('one advisory fans out to thousands of practices in one set-based pass', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => ({ name: `Praxis ${i}`, email: `massen${i}@praxis.test`, status: 'active' as const, origin: 'import', createdAt: now }));
  deps.db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = tx.insert(practices).values(rows.slice(i, i + 500)).returning({ id: practices.id }).all();
      tx.insert(subscriptions).values(inserted.map((p) => ({ practiceId: p.id, productId: 'cgm-albis', createdAt: now }))).run();
    }
  });
  const id = advisory('mittel', [['cgm-albis', null]]);
  const written = matchAdvisory(deps.db, id, { now, mailDomain: 'praxiswarn.test' });
  assert.equal(written.length, 5001);
  assert.equal(new Set(deps.db.select().from(deliveries).where(eq(deliveries.advisoryId, id)).all().map((d) => d.messageId)).size, 5001, 'a Message-ID per delivery');
});
