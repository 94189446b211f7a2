import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { deliveries } from '../src/db/schema.js';
import { matchAdvisory } from '../src/notify/match.js';
import { writeReminderDeliveries } from '../src/notify/reminders.js';
import { sendDelivery } from '../src/notify/send.js';
import { practiceLinks } from '../src/notify/compose.js';
import { impactAnswers, scopeSubscriptions, subscriptions } from '../src/practices/practices.table.js';
import { addPractice, unsubscribePractice } from '../src/practices/practices.repository.js';
import { impactAnswerOf, impactAnswersOf, recordImpactAnswer } from '../src/practices/answers.repository.js';
import { signAnswerToken } from '../src/practices/links.js';
import { answerCounts, unansweredPractices } from '../src/admin/answer-stats.repository.js';
import { createWebApp } from '../src/web/app.js';
import { publishAdvisory } from './support/advisories.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';

// "Betrifft uns?": the three signed answer links of every alert, through the real send path and SMTP, answered over
// HTTP as a practice would; the answer stops reminders, "Produkt nicht im Einsatz" removes the product only after a
// second click, "bereits aktualisiert" stores the version; the admin sees the counts and who has not answered.

let smtp: SmtpSink;
let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
const day = 86_400_000;
const now = new Date('2026-12-10T09:00:00Z');
const released = new Date(now.getTime() - 8 * day);
const mailDomain = 'praxiswarn.test';
const origin = 'https://praxiswarn.test';

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url } }), { logger: createLogger('silent'), clock: () => now });
  app = createWebApp(deps);
});

after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

const practice = (name: string, email: string, productIds: string[]) =>
  addPractice(deps.db, { name, email, productIds }, { now: new Date(now.getTime() - 60 * day), origin: 'cli' }).id;

function lastMailTo(address: string): ParsedMail {
  const mail = smtp.messages.filter((m) => JSON.stringify(m.to).includes(address)).at(-1);
  assert.ok(mail, `a mail to ${address}`);
  return mail;
}

function answerLinks(mail: ParsedMail) {
  const $ = cheerio.load(String(mail.html));
  const href = (label: string) => $('a').toArray().find((a) => $(a).text().trim() === label)?.attribs.href;
  return { betroffen: href('Betroffen'), nicht: href('Nicht betroffen'), unklar: href('Weiß nicht') };
}

async function alertTo(email: string, advisoryId: number): Promise<ParsedMail> {
  const ids = matchAdvisory(deps.db, advisoryId, { now: released, mailDomain });
  const mine = deps.db.select().from(deliveries).where(and(eq(deliveries.advisoryId, advisoryId), eq(deliveries.kind, 'alert'))).all();
  assert.ok(ids.length > 0 && mine.length > 0, 'the advisory matched');
  for (const d of mine) assert.equal(await sendDelivery(deps, d.id), 'sent');
  return lastMailTo(email);
}

const path = (url: string) => url.replace(origin, '');
const post = (url: string, form?: Record<string, string>) =>
  app.request(path(url), { method: 'POST', ...(form ? { body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}) });

let kocobox: number;
let sommer: number;
let winter: number;
let herbst: number;

test('the alert carries three signed answer links in HTML and text; GET only asks, POST records, twice changes nothing', async () => {
  sommer = practice('Praxis Sommer', 'sommer@praxis.test', ['cgm-kocobox-med-plus', 'cgm-albis']);
  winter = practice('Praxis Winter', 'winter@praxis.test', ['cgm-kocobox-med-plus']);
  herbst = practice('Praxis Herbst', 'herbst@praxis.test', ['cgm-kocobox-med-plus']);
  kocobox = publishAdvisory(deps.db, {
    title: 'Schwachstelle im Konnektor KoCoBox MED+',
    severity: 'hoch',
    products: [{ id: 'cgm-kocobox-med-plus', fixedVersion: '5.2.0' }],
    actions: ['Firmware auf Version 5.2.0 aktualisieren', 'Neustart durchführen'],
    releasedAt: released,
  });
  const mail = await alertTo('sommer@praxis.test', kocobox);
  const links = answerLinks(mail);
  for (const l of Object.values(links)) assert.match(l ?? '', new RegExp(`^${origin}/betrifft/answer\\.${sommer}\\.${kocobox}\\.[123]\\.`));
  assert.equal(new Set(Object.values(links)).size, 3, 'three different links');
  assert.match(mail.text ?? '', new RegExp(`Betrifft das Ihre Praxis\\?\\n- Betroffen: ${origin}/betrifft/\\S+\\n- Nicht betroffen: ${origin}/betrifft/\\S+\\n- Weiß nicht: ${origin}/betrifft/`));
  // Another practice's mail carries its own links.
  const winterLinks = answerLinks(lastMailTo('winter@praxis.test'));
  assert.notEqual(winterLinks.betroffen, links.betroffen);

  // A mail scanner opens the link: the question, nothing recorded.
  const get = await app.request(path(links.unklar!));
  assert.equal(get.status, 200);
  const page = await get.text();
  assert.match(page, /Sie wissen nicht, ob Ihre Praxis betroffen ist\?/);
  assert.match(page, /<form method="post">/);
  assert.equal(impactAnswerOf(deps.db, sommer, kocobox), undefined, 'GET records nothing');

  assert.equal((await post(links.unklar!)).status, 200);
  const first = impactAnswerOf(deps.db, sommer, kocobox)!;
  assert.equal(first.answer, 'unklar');
  assert.equal((await post(links.unklar!)).status, 200);
  assert.deepEqual(impactAnswerOf(deps.db, sommer, kocobox), first, 'the same answer twice changes nothing, not even the time');
  assert.equal(deps.db.select().from(impactAnswers).all().length, 1);

  // The last answer counts.
  const bet = await post(links.betroffen!);
  assert.match(await bet.text(), /Ihre Antwort: <strong>Betroffen<\/strong>/);
  assert.equal(impactAnswerOf(deps.db, sommer, kocobox)!.answer, 'betroffen');

  // A tampered or foreign token is refused; a token of another purpose too.
  const tampered = links.betroffen!.replace(`.${kocobox}.1.`, `.${kocobox}.2.`);
  assert.equal((await post(tampered)).status, 400);
  assert.equal((await app.request(`/betrifft/${signAnswerToken('other-secret', sommer, kocobox, 'betroffen')}`)).status, 400);
  assert.equal(impactAnswerOf(deps.db, sommer, kocobox)!.answer, 'betroffen');
});

test('"nicht betroffen, Produkt nicht im Einsatz" offers to remove the product; only the second click removes it; no reminder follows', async () => {
  const links = answerLinks(lastMailTo('winter@praxis.test'));
  const form = await (await app.request(path(links.nicht!))).text();
  assert.match(form, /Ihre Praxis ist nicht betroffen\?/);
  for (const reason of ['nicht_im_einsatz', 'anderes_modell', 'aktualisiert']) assert.match(form, new RegExp(`name="reason" value="${reason}"`));
  assert.equal(impactAnswerOf(deps.db, winter, kocobox), undefined);

  // Without a reason: asked again, nothing recorded.
  assert.equal((await post(links.nicht!, {})).status, 400);
  assert.equal(impactAnswerOf(deps.db, winter, kocobox), undefined);

  const answered = await post(links.nicht!, { reason: 'nicht_im_einsatz' });
  const page = await answered.text();
  assert.equal(answered.status, 200);
  assert.match(page, /Nicht betroffen \(Produkt nicht im Einsatz\)/);
  assert.match(page, /KoCoBox[^<]* aus Ihrem Abonnement entfernen\?/);
  const a = impactAnswerOf(deps.db, winter, kocobox)!;
  assert.deepEqual([a.answer, a.reason, a.productId], ['nicht_betroffen', 'nicht_im_einsatz', 'cgm-kocobox-med-plus']);
  assert.equal(deps.db.select().from(subscriptions).where(eq(subscriptions.practiceId, winter)).all().length, 1, 'not removed silently');

  const removeAction = cheerio.load(page)('form[action$="/entfernen"]').attr('action')!;
  assert.equal((await post(removeAction, { product: 'cgm-kocobox-med-plus' })).status, 200);
  assert.equal(deps.db.select().from(subscriptions).where(eq(subscriptions.practiceId, winter)).all().length, 0, 'removed after confirming');
  assert.equal((await post(removeAction, { product: 'cgm-kocobox-med-plus' })).status, 200, 'twice is harmless');
  // A product the advisory does not name cannot be removed through its link.
  assert.equal((await post(removeAction, { product: 'cgm-albis' })).status, 400);

  // Reminders: Sommer (betroffen) and Herbst (no answer) are reminded, Winter (nicht betroffen) is not.
  const written = writeReminderDeliveries(deps.db, { now, days: 7, mailDomain });
  const reminded = deps.db.select().from(deliveries).where(eq(deliveries.kind, 'reminder')).all();
  assert.equal(written.length, 2);
  assert.deepEqual(reminded.map((d) => d.practiceId).sort(), [sommer, herbst].sort());
});

test('a product covered through a category subscription is not offered for removal; the page says where to change it', async () => {
  const fruehling = practice('Praxis Frühling', 'fruehling@praxis.test', ['cgm-albis']);
  deps.db.insert(scopeSubscriptions).values({ practiceId: fruehling, scope: 'category', value: 'ti', createdAt: now }).run();
  const token = signAnswerToken(deps.linkSecret, fruehling, kocobox, 'nicht_betroffen');
  const page = await (await post(`/betrifft/${token}`, { reason: 'nicht_im_einsatz' })).text();
  assert.equal(impactAnswerOf(deps.db, fruehling, kocobox)?.productId, 'cgm-kocobox-med-plus');
  assert.doesNotMatch(page, /\/entfernen"/);
  assert.match(page, /KoCoBox MED\+ erhalten Sie über einen Hersteller oder eine Produktgruppe/);
  assert.equal(deps.db.select().from(scopeSubscriptions).where(eq(scopeSubscriptions.practiceId, fruehling)).all().length, 1);
  // Out of the admin's counts below (it was never alerted: an answer from its page in /verwalten would count).
  deps.db.delete(impactAnswers).where(eq(impactAnswers.practiceId, fruehling)).run();
});

test('"bereits aktualisiert" with the installed version stores it as the practice\'s version; a bad version is refused', async () => {
  const a2 = publishAdvisory(deps.db, { title: 'Schwachstelle in CGM ALBIS', severity: 'mittel', products: [{ id: 'cgm-albis', fixedVersion: '24.30' }], actions: ['Update einspielen'], releasedAt: released });
  const links = answerLinks(await alertTo('sommer@praxis.test', a2));
  assert.equal((await post(links.nicht!, { reason: 'aktualisiert', version: '24.30 <b>' })).status, 400);
  assert.equal(impactAnswerOf(deps.db, sommer, a2), undefined);
  const ok = await post(links.nicht!, { reason: 'aktualisiert', version: '24.31' });
  assert.match(await ok.text(), /Version 24\.31 für [^<]*ALBIS[^<]* eingetragen/);
  assert.deepEqual(
    deps.db.select({ version: subscriptions.version }).from(subscriptions).where(and(eq(subscriptions.practiceId, sommer), eq(subscriptions.productId, 'cgm-albis'))).get(),
    { version: '24.31' },
  );
  assert.equal(impactAnswerOf(deps.db, sommer, a2)!.version, '24.31');

  // /verwalten shows the inventory and the answers.
  const manage = await (await app.request(new URL(practiceLinks(deps.publicUrl, deps.linkSecret, sommer).manageUrl).pathname)).text();
  const $ = cheerio.load(manage);
  assert.match($('#geraete').nextAll('ul.inventory').first().text(), /ALBIS – Version 24\.31/);
  assert.match(manage, /Ihre Antwort: <span class="impact-answer">Nicht betroffen \(bereits aktualisiert, Version 24\.31\)<\/span>/);
  assert.match(manage, /Ihre Antwort: <span class="impact-answer">Betroffen<\/span>/);
});

test('a recorded version below the fixed one is named in the alert: "Ihre Version … ist betroffen"', async () => {
  deps.db.update(subscriptions).set({ version: '5.1.0' }).where(and(eq(subscriptions.practiceId, herbst), eq(subscriptions.productId, 'cgm-kocobox-med-plus'))).run();
  const a3 = publishAdvisory(deps.db, { title: 'Weitere Lücke im Konnektor', severity: 'mittel', products: [{ id: 'cgm-kocobox-med-plus', fixedVersion: '5.3.0' }], actions: [], releasedAt: released });
  const mail = await alertTo('herbst@praxis.test', a3);
  assert.match((mail.text ?? '').split('\n')[0]!, /^Ihre Version 5\.1\.0 von [^\n]*KoCoBox[^\n]* ist betroffen\. Bitte aktualisieren Sie /);
  assert.match(mail.text ?? '', /behoben in Version 5\.3\.0; bei Ihnen Version 5\.1\.0/);
});

test('the admin sees per advisory how many answered each way, and who has not answered', async () => {
  assert.deepEqual(answerCounts(deps.db, kocobox), { betroffen: 1, nicht_betroffen: 1, unklar: 0, keine: 1 });
  assert.deepEqual(unansweredPractices(deps.db, kocobox).map((p) => p.name), ['Praxis Herbst']);
  // The firm's answer goes through the same function.
  recordImpactAnswer(deps.db, { practiceId: herbst, advisoryId: kocobox, answer: 'unklar', firmId: null }, now);
  assert.deepEqual(answerCounts(deps.db, kocobox), { betroffen: 1, nicht_betroffen: 1, unklar: 1, keine: 0 });
  assert.equal(impactAnswersOf(deps.db, herbst, [kocobox, 999]).size, 1);
  deps.db.delete(impactAnswers).where(and(eq(impactAnswers.practiceId, herbst), eq(impactAnswers.advisoryId, kocobox))).run();
  assert.equal(answerCounts(deps.db, kocobox).keine, 1);

  await adminWithRole(deps.db, 'viewer');
  const admin = new AdminClient(app);
  assert.equal((await admin.login('viewer@verband.test', testPassword)).status, 303);
  const list = await admin.get('/admin/veroeffentlicht');
  const row = cheerio.load(await list.text())(`a[href="/admin/veroeffentlicht/${kocobox}/antworten"]`).text();
  assert.equal(row, '1 betroffen · 1 nicht betroffen · 0 weiß nicht · 1 keine Antwort');
  const detail = await (await admin.get(`/admin/veroeffentlicht/${kocobox}/antworten`)).text();
  const $ = cheerio.load(detail);
  assert.match($('#ohne-antwort').next('ul').text(), /Praxis Herbst \(herbst@praxis\.test\)/);
  assert.match(detail, /Praxis Winter<\/a> \(winter@praxis\.test\)<\/td><td>Nicht betroffen \(Produkt nicht im Einsatz\)/);
  // A practice that unsubscribed can no longer answer: not counted as missing.
  unsubscribePractice(deps.db, herbst, now);
  assert.equal(answerCounts(deps.db, kocobox).keine, 0);
});
