import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { absences, advisories, advisoryActions, advisoryProducts, deliveries, practices } from '../src/db/schema.js';
import { claimDelivery, owedDeliveries } from '../src/notify/deliveries.repository.js';
import { writeDigestDeliveries } from '../src/notify/digest.js';
import { matchAdvisory } from '../src/notify/match.js';
import { sendDelivery } from '../src/notify/send.js';
import { berlinDay, firstDayBackAt } from '../src/practices/absence-days.js';
import { confirmDeputy, confirmedAbsencesOn, setAbsence } from '../src/practices/absences.repository.js';
import { signLinkToken } from '../src/practices/links.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { sweepStep } from '../src/pipeline/pipeline.js';
import { createWebApp } from '../src/web/app.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

// The period spans the last Sunday of October 2026 (25 Oct, 03:00 CEST → 02:00 CET): closed Friday 23 to Monday
// 26 October, back on Tuesday 27 October, whose 07:00 is 06:00 UTC (it was 05:00 UTC the week before).
const firstDay = '2026-10-23';
const lastDay = '2026-10-26';
const backAt = '2026-10-27T06:00:00.000Z';
const deputy = 'vertretung@partnerpraxis.test';
const mailDomain = 'praxiswarn.test';

let smtp: SmtpSink;
let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let now = new Date('2026-10-20T10:00:00Z');
let herbst: number; // immediate cadence: the practice that closes
let tageblatt: number; // daily digest, also closes
let offen: number; // daily digest, stays open
let token: string;

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const row = (id: number) => deps.db.select().from(deliveries).where(eq(deliveries.id, id)).get()!;
const to = (m: ParsedMail) => [m.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);
const cc = (m: ParsedMail) => [m.cc].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);

function publish(title: string, severity: 'kritisch' | 'hoch' | 'niedrig', actions: string[] = []): number {
  const id = deps.db
    .insert(advisories)
    .values({ title, summary: 'Ein Update schließt die Lücke.', severity, status: 'published', relevant: true, relevanceReason: 'Test', createdAt: now, updatedAt: now })
    .returning()
    .get().id;
  deps.db.insert(advisoryProducts).values({ advisoryId: id, productId: 'cgm-albis', fixedVersion: severity === 'niedrig' ? null : '24.30' }).run();
  actions.forEach((text, position) => deps.db.insert(advisoryActions).values({ advisoryId: id, position, text }).run());
  return id;
}

/** Matches like the pipeline does and sends every delivery it wrote; returns the mails that arrived. */
async function matchAndSend(advisoryId: number): Promise<ParsedMail[]> {
  const before = smtp.messages.length;
  for (const id of matchAdvisory(deps.db, advisoryId, { now, mailDomain })) await sendDelivery(deps, id);
  return smtp.messages.slice(before);
}

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url } }), { logger: createLogger('silent'), clock: () => now });
  app = createWebApp(deps);
  const add = (name: string, email: string, cadence: 'immediate' | 'daily') => {
    const id = addPractice(deps.db, { name, email, productIds: ['cgm-albis'] }, { now, origin: 'cli' }).id;
    deps.db.update(practices).set({ cadence }).where(eq(practices.id, id)).run();
    return id;
  };
  herbst = add('Praxis Herbst', 'herbst@praxis.test', 'immediate');
  tageblatt = add('Praxis Tageblatt', 'tageblatt@praxis.test', 'daily');
  offen = add('Praxis Offen', 'offen@praxis.test', 'daily');
  token = signLinkToken(deps.env.LINK_SECRET, 'manage', herbst);
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

test('Berlin calendar days and the first-day-back hour are DST-safe', () => {
  assert.equal(firstDayBackAt(lastDay).toISOString(), backAt, 'after the October change 07:00 is 06:00 UTC');
  assert.equal(firstDayBackAt('2026-10-23').toISOString(), '2026-10-24T05:00:00.000Z', 'before it, 05:00 UTC');
  assert.equal(firstDayBackAt('2027-03-27').toISOString(), '2027-03-28T05:00:00.000Z', 'on the March change day (28 Mar 2027) already CEST');
  assert.equal(berlinDay(new Date('2026-10-26T22:59:00Z')), '2026-10-26', '23:59 CET is still the last day');
  assert.equal(berlinDay(new Date('2026-10-26T23:00:00Z')), '2026-10-27');
  assert.equal(berlinDay(new Date('2026-10-22T21:59:00Z')), '2026-10-22', '23:59 CEST the evening before');
  assert.equal(berlinDay(new Date('2026-10-22T22:00:00Z')), '2026-10-23');
});

test('the closing-period form refuses wrong input with German messages and stores nothing', async () => {
  const path = `/verwalten/${token}/schliesszeit`;
  const cases: [Record<string, string>, RegExp][] = [
    [{ firstDay: '', lastDay: '', deputyEmail: '' }, /Bitte geben Sie den ersten Tag an[\s\S]*Bitte geben Sie den letzten Tag an[\s\S]*Bitte geben Sie die E-Mail-Adresse Ihrer Vertretung an/],
    [{ firstDay: '26.10.2026', lastDay: '23.10.2026', deputyEmail: deputy }, /Der letzte Tag darf nicht vor dem ersten Tag liegen/],
    [{ firstDay: '2026-10-19', lastDay: '2026-10-23', deputyEmail: deputy }, /Der erste Tag darf nicht in der Vergangenheit liegen/],
    [{ firstDay: '31.02.2027', lastDay: '2027-03-05', deputyEmail: deputy }, /Bitte geben Sie ein gültiges Datum an, zum Beispiel 24.10.2026/],
    [{ firstDay: '2026-11-01', lastDay: '2027-02-01', deputyEmail: deputy }, /höchstens 90 Tage lang sein \(bis spätestens 29\.01\.2027\)/],
    [{ firstDay: firstDay, lastDay: lastDay, deputyEmail: 'HERBST@praxis.test' }, /Die Adresse der Vertretung muss sich von der Adresse Ihrer Praxis unterscheiden/],
    [{ firstDay: firstDay, lastDay: lastDay, deputyEmail: 'kein-at-zeichen' }, /gültige E-Mail-Adresse/],
  ];
  for (const [fields, message] of cases) {
    const res = await app.request(path, form(fields));
    assert.equal(res.status, 400, JSON.stringify(fields));
    const page = await res.text();
    assert.match(page, /Bitte prüfen Sie Ihre Angaben/);
    assert.match(page, message);
    assert.match(page, /aria-invalid="true"/);
  }
  assert.equal(deps.db.select().from(absences).all().length, 0);
  assert.equal((await app.request(`/verwalten/${token.slice(0, -2)}xx/schliesszeit`, form({ firstDay, lastDay, deputyEmail: deputy }))).status, 400, 'a tampered link');
});

test('setting the period asks the deputy through its own link; until it confirms nothing is redirected', async () => {
  const res = await app.request(`/verwalten/${token}/schliesszeit`, form({ firstDay: '23.10.2026', lastDay: '2026-10-26', deputyEmail: 'Vertretung@Partnerpraxis.test' }));
  assert.equal(res.status, 303);
  const absence = deps.db.select().from(absences).where(eq(absences.practiceId, herbst)).get()!;
  assert.deepEqual([absence.firstDay, absence.lastDay, absence.deputyEmail, absence.deputyConfirmedAt], [firstDay, lastDay, deputy, null]);
  assert.match(await (await app.request(`/verwalten/${token}`)).text(), /Noch nicht bestätigt/);

  const ask = deps.db.select().from(deliveries).where(eq(deliveries.kind, 'deputy_confirm')).get()!;
  assert.equal(ask.recipient, deputy);
  assert.equal(await sendDelivery(deps, ask.id), 'sent');
  const mail = smtp.messages.at(-1)!;
  assert.deepEqual(to(mail), [deputy]);
  assert.match(mail.subject ?? '', /Urlaubsvertretung für „Praxis Herbst“/);
  assert.match(mail.text ?? '', /Die Praxis „Praxis Herbst“ \(herbst@praxis\.test\) bittet Sie, vom 23\.10\.2026 bis zum 26\.10\.2026/);
  assert.equal(mail.headers.get('list-unsubscribe'), undefined, 'the deputy is on no list');
  const link = /https:\/\/praxiswarn\.test\/vertretung\/[\w.-]+/.exec(mail.text ?? '')?.[0];
  assert.ok(link, 'the mail carries the confirmation link');

  // During the period but unconfirmed: a critical alert goes to the practice as always.
  now = new Date('2026-10-24T09:00:00Z');
  const early = await matchAndSend(publish('Kritische Lücke in CGM ALBIS (früh)', 'kritisch', ['Update einspielen']));
  assert.deepEqual(early.map(to), [['herbst@praxis.test'], ['tageblatt@praxis.test'], ['offen@praxis.test']]);
  assert.doesNotMatch(early[0]!.text ?? '', /Urlaubsvertretung/);

  // A mail scanner opening the link confirms nothing; the POST does, once.
  const path = new URL(link).pathname;
  const page = await app.request(path);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Praxis Herbst[\s\S]*vom 23\.10\.2026 bis zum 26\.10\.2026[\s\S]*Ja, ich übernehme die Vertretung/);
  assert.equal(deps.db.select().from(absences).where(eq(absences.id, absence.id)).get()!.deputyConfirmedAt, null);
  const yes = await app.request(path, { method: 'POST' });
  assert.match(await yes.text(), /Sie sind als Vertretung bestätigt/);
  assert.match(await (await app.request(path, { method: 'POST' })).text(), /bereits bestätigt/, 'twice changes nothing');
  assert.match(await (await app.request(`/verwalten/${token}`)).text(), /Bestätigt<\/strong> am/);
  assert.equal((await app.request(path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), { method: 'POST' })).status, 400, 'a tampered link');
});

test('during the confirmed period a critical alert reaches the deputy only; "Zur Kenntnis" waits for one mail on the first day back; digests pause', async () => {
  // The second practice closes too, with its own confirmed deputy; the third stays open.
  const other = setAbsence(deps.db, tageblatt, { firstDay, lastDay, deputyEmail: 'it@dienstleister.test' }, { now, mailDomain });
  confirmDeputy(deps.db, other.absence.id, now);
  deps.db.update(practices).set({ partnerEmail: 'it@dienstleister.test' }).where(eq(practices.id, herbst)).run();

  now = new Date('2026-10-25T09:00:00Z'); // the Sunday the clocks go back
  const critical = publish('Kritische Lücke in CGM ALBIS', 'kritisch', ['Update 24.30 einspielen']);
  const mails = await matchAndSend(critical);
  const forHerbst = mails.filter((m) => /Praxis Herbst/.test(m.text ?? ''));
  assert.equal(forHerbst.length, 1);
  assert.deepEqual(to(forHerbst[0]!), [deputy], 'to the deputy, not to the practice');
  assert.deepEqual(cc(forHerbst[0]!), ['it@dienstleister.test'], 'the IT partner keeps its copy');
  assert.match(forHerbst[0]!.subject ?? '', /^Vertretung für „Praxis Herbst“: /);
  assert.match(forHerbst[0]!.text ?? '', /^Diese Warnung erhalten Sie als Urlaubsvertretung für die Praxis „Praxis Herbst“, die bis 26\.10\.2026 geschlossen ist\./);
  assert.match(forHerbst[0]!.html || '', /Diese Warnung erhalten Sie als Urlaubsvertretung für die Praxis „Praxis Herbst“, die bis 26\.10\.2026 geschlossen ist\./);
  assert.equal(forHerbst[0]!.headers.get('list-unsubscribe'), undefined, "a deputy's one-click unsubscribe must not end the practice's subscription");
  // The deputy acts on the warning for the practice, but gets none of the practice's own (never expiring) links.
  for (const body of [forHerbst[0]!.text ?? '', forHerbst[0]!.html || '']) {
    assert.doesNotMatch(body, /\/(?:verwalten|abmelden)\//, 'no manage or unsubscribe link of the practice');
    assert.match(body, /\/vertretung\/deputy\./, "the settings links lead to the deputy's page");
    assert.match(body, /\/erledigt\//, 'the "erledigt" links stay');
  }
  const forTageblatt = mails.find((m) => /Praxis Tageblatt/.test(m.text ?? ''))!;
  assert.deepEqual(to(forTageblatt), ['it@dienstleister.test'], 'the deputy is also the partner: no Cc to itself');
  assert.deepEqual(cc(forTageblatt), []);
  assert.deepEqual(to(mails.find((m) => /Praxis Offen/.test(m.text ?? ''))!), ['offen@praxis.test']);
  assert.ok(!mails.some((m) => to(m).includes('herbst@praxis.test')), 'nothing reaches the closed practice');

  // Two "Zur Kenntnis" advisories: no mail now, one held mail for both.
  const info1 = publish('Hinweis zu CGM ALBIS: neue Handbuchfassung', 'niedrig');
  const info2 = publish('Hinweis zu CGM ALBIS: Support-Zeiten', 'niedrig');
  assert.deepEqual(await matchAndSend(info1), []);
  now = new Date('2026-10-26T20:00:00Z');
  assert.deepEqual(await matchAndSend(info2), []);
  const held = deps.db.select().from(deliveries).where(and(eq(deliveries.kind, 'held'), eq(deliveries.practiceId, herbst))).all();
  assert.equal(held.length, 1, 'one held mail per period');
  assert.deepEqual(held[0]!.advisoryIds, [info1, info2]);
  assert.equal(held[0]!.notBefore?.toISOString(), backAt);

  // The daily digest of the closed practice pauses; the open one gets its digest.
  const digests = writeDigestDeliveries(deps.db, { cadence: 'daily', period: 'daily:2026-10-26', now: new Date('2026-10-26T06:00:00Z'), mailDomain });
  assert.deepEqual(digests.map((id) => row(id).practiceId), [offen]);

  // Not before 07:00 Berlin time on the first day back: neither the sweep nor a send job takes it.
  now = new Date('2026-10-27T05:59:00Z');
  assert.ok(!owedDeliveries(deps.db, now).some((d) => d.id === held[0]!.id), 'the sweep does not enqueue it');
  assert.equal(claimDelivery(deps.db, held[0]!.id, now), undefined, 'a send job does not claim it');
  assert.equal(confirmedAbsencesOn(deps.db, berlinDay(now)).size, 0, 'the period ended by itself');

  now = new Date(backAt);
  assert.ok(owedDeliveries(deps.db, now).some((d) => d.id === held[0]!.id));
  const before = smtp.messages.length;
  assert.equal(await sendDelivery(deps, held[0]!.id), 'sent');
  const back = smtp.messages.slice(before);
  assert.equal(back.length, 1);
  assert.deepEqual(to(back[0]!), ['herbst@praxis.test']);
  assert.match(back[0]!.subject ?? '', /Zur Kenntnis: 2 Warnungen aus Ihrer Schließzeit/);
  assert.match(back[0]!.text ?? '', /vom 23\.10\.2026 bis zum 26\.10\.2026[\s\S]*neue Handbuchfassung[\s\S]*Support-Zeiten/);
  assert.doesNotMatch(back[0]!.text ?? '', /Urlaubsvertretung für die Praxis/);
  for (const advisoryId of [info1, info2]) {
    const alert = deps.db.select().from(deliveries).where(and(eq(deliveries.practiceId, herbst), eq(deliveries.advisoryId, advisoryId))).get()!;
    assert.equal(alert.status, 'sent');
    assert.equal(alert.sentAt?.toISOString(), backAt, 'the folded alert carries the held mail’s send time');
  }

  // After the period the practice gets its alerts again.
  now = new Date('2026-10-27T10:00:00Z');
  const later = await matchAndSend(publish('Kritische Lücke in CGM ALBIS (danach)', 'kritisch', ['Update einspielen']));
  assert.deepEqual(to(later.find((m) => /Praxis Herbst/.test(m.text ?? ''))!), ['herbst@praxis.test']);
});

test('cancelling a running period sends what waited now and gives what was routed back to the practice', async () => {
  now = new Date('2026-11-02T09:00:00Z');
  const { absence } = setAbsence(deps.db, herbst, { firstDay: '2026-11-02', lastDay: '2026-11-06', deputyEmail: deputy }, { now, mailDomain });
  confirmDeputy(deps.db, absence.id, now);
  const urgent = publish('Hohe Lücke in CGM ALBIS', 'hoch', ['Update einspielen']);
  const urgentIds = matchAdvisory(deps.db, urgent, { now, mailDomain });
  const info = publish('Hinweis zu CGM ALBIS: Wartungsfenster', 'niedrig');
  matchAdvisory(deps.db, info, { now, mailDomain });
  const alert = urgentIds.map(row).find((d) => d.practiceId === herbst)!;
  assert.equal(alert.recipient, deputy, 'Zeitnah handeln goes to the deputy');
  const res = await app.request(`/verwalten/${token}/schliesszeit/aufheben`, { method: 'POST' });
  assert.equal(res.status, 303);
  assert.match(await (await app.request(res.headers.get('location')!)).text(), /Die Schließzeit ist aufgehoben/);
  assert.equal(row(alert.id).recipient, null, 'not yet sent: goes to the practice');
  const held = deps.db.select().from(deliveries).where(eq(deliveries.dedupeKey, `held:${absence.id}`)).get()!;
  assert.equal(held.notBefore?.getTime(), now.getTime(), 'the held mail may go at once');
  assert.match(await (await app.request(`/verwalten/${token}`)).text(), /keine Schließzeit eingetragen/);
});

test('the sweep routes what other stages wrote during a period: a reminder goes to the deputy, with the line saying for whom', async () => {
  now = new Date('2026-11-16T09:00:00Z');
  const days = deps.delivery.reminderDays;
  assert.ok(days > 0);
  const urgent = publish('Hohe Lücke in CGM ALBIS, noch offen', 'hoch', ['Update einspielen']);
  deps.db.update(advisories).set({ releasedAt: new Date(now.getTime() - (days * 86_400_000 + 3_600_000)) }).where(eq(advisories.id, urgent)).run();
  matchAdvisory(deps.db, urgent, { now: new Date('2026-11-10T09:00:00Z'), mailDomain });
  const { absence } = setAbsence(deps.db, herbst, { firstDay: '2026-11-16', lastDay: '2026-11-20', deputyEmail: deputy }, { now, mailDomain });
  confirmDeputy(deps.db, absence.id, now);

  await sweepStep(deps);
  const reminder = deps.db.select().from(deliveries).where(and(eq(deliveries.kind, 'reminder'), eq(deliveries.practiceId, herbst), eq(deliveries.advisoryId, urgent))).get()!;
  assert.equal(reminder.recipient, deputy);
  assert.equal(await sendDelivery(deps, reminder.id), 'sent');
  const mail = smtp.messages.at(-1)!;
  assert.deepEqual(to(mail), [deputy]);
  assert.match(mail.text ?? '', /^Diese Erinnerung erhalten Sie als Urlaubsvertretung für die Praxis „Praxis Herbst“, die bis 20\.11\.2026 geschlossen ist\./);

  const data = (await (await app.request(`/verwalten/${token}/daten.json`)).json()) as { schliesszeiten: { von: string; vertretungEmail: string }[] };
  assert.ok(data.schliesszeiten.some((s) => s.von === '2026-11-16' && s.vertretungEmail === deputy), 'the export lists the periods and deputies');
});

test('a practice can ask at most five deputies in 24 hours: each request mails an address typed into the form', async () => {
  now = new Date('2026-11-17T09:00:00Z');
  const offenToken = signLinkToken(deps.env.LINK_SECRET, 'manage', offen);
  const ask = (n: number) => app.request(`/verwalten/${offenToken}/schliesszeit`, form({ firstDay: '2026-12-21', lastDay: '2027-01-03', deputyEmail: `vertretung${n}@partnerpraxis.test` }));
  for (let n = 1; n <= 5; n++) assert.equal((await ask(n)).status, 303);
  const refused = await ask(6);
  assert.equal(refused.status, 429);
  assert.match(await refused.text(), /schon 5 Vertretungen angefragt\. Bitte versuchen Sie es morgen wieder/);
  assert.equal(deps.db.select().from(deliveries).where(and(eq(deliveries.kind, 'deputy_confirm'), eq(deliveries.practiceId, offen))).all().length, 5);
  const current = deps.db.select().from(absences).where(eq(absences.practiceId, offen)).all().filter((a) => !a.cancelledAt);
  assert.deepEqual(current.map((a) => a.deputyEmail), ['vertretung5@partnerpraxis.test'], 'one period at a time: each new one replaced the last');
  now = new Date('2026-11-18T09:00:01Z');
  assert.equal((await ask(7)).status, 303, 'the next day it works again');
});
