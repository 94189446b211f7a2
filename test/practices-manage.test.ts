import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { acknowledgements, advisories, advisoryActions, advisoryProducts, deliveries, matches, practices, scopeSubscriptions, subscriptions } from '../src/db/schema.js';
import { acknowledgementSummary } from '../src/practices/acknowledgements.repository.js';
import { signAckToken, signLinkToken } from '../src/practices/links.js';
import { addPractice, getPractice } from '../src/practices/practices.repository.js';
import { matchAdvisory } from '../src/notify/match.js';
import { createWebApp } from '../src/web/app.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let practiceId: number;
let advisoryId: number;
const now = new Date('2026-11-25T10:00:00Z');
const secret = () => deps.env.LINK_SECRET;
const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
};

before(async () => {
  deps = await createAppDeps(testEnv(), { logger: createLogger('silent'), clock: () => now });
  app = createWebApp(deps);
  practiceId = addPractice(deps.db, { name: 'Praxis Dr. Winter', email: 'winter@praxis.test', productIds: ['telekom-digitalisierungsbox-premium'] }, { now, origin: 'cli' }).id;
  advisoryId = deps.db
    .insert(advisories)
    .values({ title: 'Datenleck <b>Digitalisierungsbox</b>', severity: 'hoch', status: 'published', relevant: true, relevanceReason: 'Test', createdAt: now, updatedAt: now })
    .returning()
    .get().id;
  deps.db.insert(advisoryProducts).values({ advisoryId, productId: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }).run();
  ['Firmware-Version prüfen', 'Firmware aktualisieren', 'Portweiterleitungen prüfen'].forEach((text, position) => deps.db.insert(advisoryActions).values({ advisoryId, position, text }).run());
  matchAdvisory(deps.db, advisoryId, { now, mailDomain: 'praxiswarn.test' });
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

test('the manage page shows the settings and the matched advisory with its open actions; a tampered link is refused', async () => {
  const token = signLinkToken(secret(), 'manage', practiceId);
  const res = await app.request(`/verwalten/${token}`);
  assert.equal(res.status, 200);
  const page = await res.text();
  assert.match(page, /Einstellungen für Praxis Dr. Winter/);
  assert.match(page, /value="telekom-digitalisierungsbox-premium" id="p-telekom-digitalisierungsbox-premium" checked/);
  assert.match(page, /Datenleck &lt;b&gt;Digitalisierungsbox&lt;\/b&gt;/);
  assert.match(page, /3 von 3 Maßnahmen offen/);
  assert.equal((await app.request(`/verwalten/${token.replace(`.${practiceId}.`, `.${practiceId + 1}.`)}`)).status, 400);
  assert.equal((await app.request(`/verwalten/${signLinkToken(secret(), 'unsubscribe', practiceId)}`)).status, 400, 'an unsubscribe token does not open the manage page');
});

test('changing products, versions, scopes, cadence, severity and partner on the manage page', async () => {
  const token = signLinkToken(secret(), 'manage', practiceId);
  const res = await app.request(
    `/verwalten/${token}`,
    form({ name: 'Praxis Dr. Winter & Partner', product: ['cgm-albis', 'telekom-digitalisierungsbox-premium'], 'version-telekom-digitalisierungsbox-premium': '11.01.02.102', vendor: 'lancom', category: 'remote', cadence: 'weekly', minSeverity: 'hoch', partnerEmail: 'it@partner.test' }),
  );
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/verwalten/${token}?gespeichert=1`);
  const p = getPractice(deps.db, practiceId)!;
  assert.deepEqual([p.name, p.cadence, p.minSeverity, p.partnerEmail], ['Praxis Dr. Winter & Partner', 'weekly', 'hoch', 'it@partner.test']);
  const subs = deps.db.select().from(subscriptions).where(eq(subscriptions.practiceId, practiceId)).all();
  assert.deepEqual(subs.map((s) => [s.productId, s.version]).sort(), [['cgm-albis', null], ['telekom-digitalisierungsbox-premium', '11.01.02.102']]);
  assert.deepEqual(deps.db.select().from(scopeSubscriptions).where(eq(scopeSubscriptions.practiceId, practiceId)).all().map((s) => `${s.scope}:${s.value}`).sort(), ['category:remote', 'vendor:lancom']);
  assert.match(await (await app.request(`/verwalten/${token}?gespeichert=1`)).text(), /Ihre Änderungen sind gespeichert/);

  const bad = await app.request(`/verwalten/${token}`, form({ name: 'X\r\nBcc: a@b.de', product: [], cadence: 'stündlich', minSeverity: 'hoch' }));
  assert.equal(bad.status, 400);
  const page = await bad.text();
  assert.match(page, /Bitte prüfen Sie Ihre Angaben/);
  assert.match(page, /mindestens ein Produkt/);
  assert.equal(getPractice(deps.db, practiceId)!.name, 'Praxis Dr. Winter & Partner', 'nothing saved from an invalid form');
});

test('erledigt: GET only asks, POST records the action (or all with -1), twice harmless; tampered links refused', async () => {
  const one = signAckToken(secret(), practiceId, advisoryId, 1);
  const get = await app.request(`/erledigt/${one}`);
  assert.equal(get.status, 200);
  assert.match(await get.text(), /Haben Sie „Firmware aktualisieren“ erledigt\?/);
  assert.equal(deps.db.select().from(acknowledgements).all().length, 0);
  for (let i = 0; i < 2; i++) assert.equal((await app.request(`/erledigt/${one}`, { method: 'POST' })).status, 200);
  assert.deepEqual(deps.db.select().from(acknowledgements).all().map((a) => [a.practiceId, a.advisoryId, a.actionPosition]), [[practiceId, advisoryId, 1]]);
  const manage = await (await app.request(`/verwalten/${signLinkToken(secret(), 'manage', practiceId)}`)).text();
  assert.match(manage, /2 von 3 Maßnahmen offen/);
  assert.match(manage, /Firmware aktualisieren <span class="done">\(erledigt\)<\/span>/);

  assert.equal((await app.request(`/erledigt/${one.replace(`.${advisoryId}.1.`, `.${advisoryId}.2.`)}`, { method: 'POST' })).status, 400);
  assert.equal((await app.request(`/erledigt/${signAckToken(secret(), practiceId, advisoryId, 7)}`, { method: 'POST' })).status, 404, 'no such action');
  assert.deepEqual(acknowledgementSummary(deps.db, advisoryId), { matched: 1, allDone: 0, someDone: 1 });

  assert.equal((await app.request(`/erledigt/${signAckToken(secret(), practiceId, advisoryId, -1)}`, { method: 'POST' })).status, 200);
  assert.match(await (await app.request(`/verwalten/${signLinkToken(secret(), 'manage', practiceId)}`)).text(), /alles erledigt/);
  assert.deepEqual(acknowledgementSummary(deps.db, advisoryId), { matched: 1, allDone: 1, someDone: 0 });
});

test('the data export is a JSON download with everything stored about the practice', async () => {
  const res = await app.request(`/verwalten/${signLinkToken(secret(), 'manage', practiceId)}/daten.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="praxiswarn-daten\.json"/);
  const data = (await res.json()) as { praxis: { email: string; einwilligung: unknown }; produkte: unknown[]; bereiche: unknown[]; warnungen: unknown[]; erledigt: unknown[]; emails: unknown[] };
  assert.equal(data.praxis.email, 'winter@praxis.test');
  assert.equal(data.produkte.length, 2);
  assert.equal(data.bereiche.length, 2);
  assert.equal(data.warnungen.length, 1);
  assert.equal(data.erledigt.length, 2);
  assert.equal(data.emails.length, 1);
});

test('unsubscribe: GET does not unsubscribe, the RFC 8058 POST does, twice is harmless; tampered tokens refused', async () => {
  const token = signLinkToken(secret(), 'unsubscribe', practiceId);
  assert.equal((await app.request(`/abmelden/${token}`)).status, 200);
  assert.equal(getPractice(deps.db, practiceId)!.status, 'active');
  const oneClick = { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  assert.equal((await app.request(`/abmelden/${token}`, oneClick)).status, 200);
  const first = getPractice(deps.db, practiceId)!;
  assert.equal(first.status, 'unsubscribed');
  assert.equal(first.unsubscribedAt?.getTime(), now.getTime());
  assert.equal((await app.request(`/abmelden/${token}`, oneClick)).status, 200);
  assert.equal(getPractice(deps.db, practiceId)!.unsubscribedAt?.getTime(), now.getTime(), 'the first time counts');
  assert.equal((await app.request(`/abmelden/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, oneClick)).status, 400);
});

test('after unsubscribing, the manage, export and erledigt links say the subscription ended, without the practice\'s data', async () => {
  assert.equal(getPractice(deps.db, practiceId)!.status, 'unsubscribed');
  const token = signLinkToken(secret(), 'manage', practiceId);
  const ack = signAckToken(secret(), practiceId, advisoryId, 0);
  const acksBefore = deps.db.select().from(acknowledgements).all().length;
  const pages = [
    await app.request(`/verwalten/${token}`),
    await app.request(`/verwalten/${token}/daten.json`),
    await app.request(`/verwalten/${token}`, form({ name: 'Praxis Dr. Sommer', product: 'cgm-albis', cadence: 'daily', minSeverity: 'hoch' })),
    await app.request(`/erledigt/${ack}`),
    await app.request(`/erledigt/${ack}`, { method: 'POST' }),
  ];
  for (const res of pages) {
    assert.equal(res.status, 410);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const page = await res.text();
    assert.match(page, /Ihr Abonnement ist beendet/);
    assert.match(page, /am 25\. November 2026 abgemeldet/);
    assert.match(page, /href="\/abonnieren"/);
    assert.doesNotMatch(page, /Winter|winter@praxis\.test|Digitalisierungsbox|Firmware/, 'no name, address or alerts of the practice');
  }
  assert.equal(getPractice(deps.db, practiceId)!.name, 'Praxis Dr. Winter & Partner', 'the settings did not change');
  assert.equal(deps.db.select().from(acknowledgements).all().length, acksBefore, 'nothing was recorded');
});

test('deleting everything asks first, then removes the practice with matches, acknowledgements and deliveries', async () => {
  const token = signLinkToken(secret(), 'manage', practiceId);
  const ask = await app.request(`/verwalten/${token}/loeschen`);
  assert.match(await ask.text(), /Ja, alles endgültig löschen/);
  assert.ok(getPractice(deps.db, practiceId));
  assert.equal((await app.request(`/verwalten/${token}/loeschen`, { method: 'POST' })).status, 200);
  assert.equal(getPractice(deps.db, practiceId), undefined);
  for (const table of [subscriptions, scopeSubscriptions, matches, acknowledgements, deliveries]) {
    assert.equal(deps.db.select().from(table).where(eq(table.practiceId, practiceId)).all().length, 0);
  }
  assert.equal(deps.db.select().from(practices).all().length, 0);
  assert.equal((await app.request(`/verwalten/${token}`)).status, 404);
});
