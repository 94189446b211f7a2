import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq, inArray } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { readConfigFile } from '../src/config/files.js';
import { advisories, deliveries, matches, notices } from '../src/db/schema.js';
import { outageOf } from '../src/advisories/outage.js';
import { recordNotice } from '../src/advisories/record-notice.js';
import { unmatchedPublishedIds } from '../src/advisories/advisories.repository.js';
import { resolveOutage, setAdvisoryCategory } from '../src/admin/outage.usecases.js';
import { ingestSource } from '../src/ingest/ingest.js';
import { writeDigestDeliveries } from '../src/notify/digest.js';
import { matchAdvisory } from '../src/notify/match.js';
import { writeReminderDeliveries } from '../src/notify/reminders.js';
import { sendDelivery } from '../src/notify/send.js';
import { signLinkToken } from '../src/practices/links.js';
import { addPractice, getPractice } from '../src/practices/practices.repository.js';
import { practices } from '../src/practices/practices.table.js';
import { sourcesFileSchema } from '../src/sources/sources.models.js';
import { createWebApp } from '../src/web/app.js';
import { publishAdvisory } from './support/advisories.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { onFixtureServer, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { sourcesReadBefore, testEnv } from './support/test-env.js';

// "TI-Störungen": gematik status notices about outages of the telematics infrastructure are a category of their own,
// opted into on the manage page, mailed with their own subject prefix, followed up once when resolved, and never
// digested, reminded of or listed as security advisories.

const fixture = (name: string) => {
  const $ = cheerio.load(readFileSync(new URL(`./fixtures/sites/gematik/${name}`, import.meta.url), 'utf8'));
  return { title: $('article h1').text().trim(), text: $('article p').not('.news-detail__meta, .news-detail__contact p').map((_, p) => $(p).text().trim()).get().join('\n') };
};

test('outageOf: gematik outage notices are outages, "behoben" ends them, "sobald behoben" does not', () => {
  const start = fixture('stoerung-e-rezept.html');
  assert.deepEqual(outageOf(start.title, start.text), { outage: true, resolved: false, services: ['E-Rezept'] });
  const end = fixture('stoerung-e-rezept-behoben.html');
  assert.deepEqual(outageOf(end.title, end.text), { outage: true, resolved: true, services: ['E-Rezept'] });
  assert.deepEqual(
    outageOf('TI-Störung: VSDM und KIM nicht erreichbar', 'Der Versichertenstammdatendienst ist seit 7:30 Uhr gestört. KIM-Nachrichten werden verzögert zugestellt.'),
    { outage: true, resolved: false, services: ['VSDM', 'KIM'] },
  );
  assert.equal(outageOf('Ausfall der ePA-Aktensysteme', 'Die elektronische Patientenakte ist bundesweit ausgefallen.').outage, true);
  assert.equal(outageOf('Update 14:30: Störung beim eAU-Versand', 'Die eAU kann wieder übermittelt werden, der Dienst ist wiederhergestellt.').resolved, true);
  assert.equal(outageOf('Eingeschränkte Verfügbarkeit des TI-Messengers', 'Die Störung wird voraussichtlich bis 16 Uhr behoben sein.').resolved, false, 'a forecast is not the end');
  assert.equal(outageOf('Störung bei KIM', 'Die Störung ist noch nicht behoben.').resolved, false);
});

test('outageOf: near misses stay security advisories or are no outage at all', () => {
  // A security advisory that mentions a "Störung" of a product is security.
  assert.equal(
    outageOf(
      'Sicherheitslücke im Konnektor kann zu Störungen der TI-Anbindung führen',
      'Eine Schwachstelle (CVE-2026-12345) im Konnektor erlaubt Angreifern, die Verbindung zur TI zu stören. Installieren Sie die Firmware 5.1.3.',
    ).outage,
    false,
  );
  assert.equal(outageOf('Störung durch Angriff auf KIM-Postfächer', 'Unbekannte haben Phishing-Mails an KIM-Adressen verschickt.').outage, false);
  assert.equal(outageOf('Fehlerhafte Konnektor-Firmware führt zu Ausfall des VSDM', 'Bitte spielen Sie die Version 5.2.1 ein, sie behebt den Fehler.').outage, false);
  // The shipped gematik fixtures: a firmware notice (security) and a press release (no outage).
  const firmware = fixture('nicht-zugelassene-software.html');
  assert.equal(outageOf(firmware.title, firmware.text).outage, false);
  const messenger = fixture('ti-messenger.html');
  assert.equal(outageOf(messenger.title, messenger.text).outage, false);
  // Outage words without the TI, or the TI without an outage.
  assert.equal(outageOf('Störung im Kundenportal', 'Unser Kundenportal ist derzeit nicht erreichbar.').outage, false);
  assert.equal(outageOf('Störung im E-Rezept-Fachdienst', '{"document": {"category": "csaf_security_advisory"}}').outage, false, 'a CSAF document');
  assert.equal(outageOf('Ausfallsichere TI-Anbindung für Praxen', 'Mit einem zweiten Konnektor bleibt das E-Rezept verfügbar.').outage, false);
});

// The end-to-end part: the gematik newsroom on the fixture server, a real SMTP server, the manage page.

let smtp: SmtpSink;
let site: FixtureServer;
let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
const day = 86_400_000;
let now = new Date('2026-12-10T08:00:00Z');
const mailDomain = 'praxiswarn.test';
const ids = { optedIn: 0, notOptedIn: 0, digestOptedIn: 0 };

const shipped = readConfigFile('config/sources.json', sourcesFileSchema).sources.filter((s) => s.id === 'gematik-newsroom');

before(async () => {
  smtp = await startSmtpSink();
  site = await startFixtureServer({
    '/gematik/newsroom': { file: 'sites/gematik/newsroom-stoerung.html' },
    '/gematik/newsroom/news-detail/stoerung-e-rezept-fachdienst': { file: 'sites/gematik/stoerung-e-rezept.html' },
    '/gematik/newsroom/news-detail/stoerung-e-rezept-fachdienst-behoben': { file: 'sites/gematik/stoerung-e-rezept-behoben.html' },
    '/gematik/newsroom/news-detail/konnektoren-und-kartenterminals-mit-nicht-mehr-zugelassener-software': { file: 'sites/gematik/nicht-zugelassene-software.html' },
  });
  const env = testEnv({ sources: shipped.map((s) => ({ ...s, url: onFixtureServer(s.url, site.url) })), env: { SMTP_URL: smtp.url } });
  deps = await createAppDeps(env, { logger: createLogger('silent'), clock: () => now });
  sourcesReadBefore(deps.db);
  app = createWebApp(deps);
  const added = (name: string, email: string, extra: { cadence?: 'immediate' | 'daily' } = {}) =>
    addPractice(deps.db, { name, email, productIds: ['gematik-ti-konnektor'], ...extra }, { now: new Date(now.getTime() - 30 * day), origin: 'cli' }).id;
  ids.optedIn = added('Praxis Dr. Sommer', 'sommer@praxis.test');
  ids.notOptedIn = added('Praxis Dr. Winter', 'winter@praxis.test', { cadence: 'daily' });
  ids.digestOptedIn = added('Praxis Dr. Herbst', 'herbst@praxis.test', { cadence: 'daily' });
  deps.db.update(practices).set({ minSeverity: 'kritisch' }).where(eq(practices.id, ids.digestOptedIn)).run();
});

after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
  await site.close();
});

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
};

async function optIn(practiceId: number, cadence: string, minSeverity: string) {
  const token = signLinkToken(deps.env.LINK_SECRET, 'manage', practiceId);
  const page = cheerio.load(await (await app.request(`/verwalten/${token}`)).text());
  const box = page('input[name="tiOutages"]');
  assert.equal(box.length, 1, 'the manage page offers TI outages');
  assert.equal(box.attr('checked'), undefined, 'not ticked before the practice chose it');
  assert.match(page(`label:has(input[name="tiOutages"])`).text(), /TI-Störungen \(Ausfälle der Telematikinfrastruktur, keine Sicherheitswarnungen\)/);
  const res = await app.request(`/verwalten/${token}`, form({ name: getPractice(deps.db, practiceId)!.name, product: 'gematik-ti-konnektor', cadence, minSeverity, tiOutages: 'ja' }));
  assert.equal(res.status, 303);
  assert.equal(getPractice(deps.db, practiceId)!.tiOutages, true);
  assert.equal(cheerio.load(await (await app.request(`/verwalten/${token}`)).text())('input[name="tiOutages"]').attr('checked'), 'checked');
}

async function sendAll(deliveryIds: number[]) {
  for (const id of deliveryIds) assert.equal(await sendDelivery(deps, id), 'sent', `delivery ${id}`);
}

const mailsTo = (address: string): ParsedMail[] => smtp.messages.filter((m) => JSON.stringify(m.to).includes(address));
const kindsOf = (advisoryId: number) =>
  deps.db.select({ kind: deliveries.kind, practiceId: deliveries.practiceId }).from(deliveries).where(eq(deliveries.advisoryId, advisoryId)).all().map((d) => `${d.kind}:${d.practiceId}`).sort();

async function ingestNewsroom(): Promise<number[]> {
  const result = await ingestSource(deps, 'gematik-newsroom');
  assert.equal(result.status, 'ok', result.status === 'error' ? result.message : '');
  return result.status === 'ok' ? result.created : [];
}

test('the sign-up form offers TI outages as well', async () => {
  const page = cheerio.load(await (await app.request('/abonnieren')).text());
  assert.equal(page('form input[name="tiOutages"][type="checkbox"]').length, 1);
});

test('a resolved TI outage sends exactly one follow-up to those who got the outage mail', async () => {
  await optIn(ids.optedIn, 'immediate', 'niedrig');
  await optIn(ids.digestOptedIn, 'daily', 'kritisch');

  // The gematik reports the outage; its firmware notice on the same page stays a security advisory.
  const created = await ingestNewsroom();
  assert.equal(created.length, 2);
  const recorded = created.map((noticeId) => recordNotice(deps, noticeId));
  const outage = deps.db.select().from(advisories).where(eq(advisories.category, 'ti_outage')).all();
  assert.equal(outage.length, 1);
  const outageId = outage[0]!.id;
  assert.equal(outage[0]!.status, 'published', 'the gematik newsroom is a trusted source');
  assert.equal(outage[0]!.resolvedAt, null);
  assert.ok(recorded.some((r) => r.advisoryId === outageId && r.outcome === 'created' && r.published));
  const firmware = recorded.find((r) => r.advisoryId !== outageId)!;
  assert.equal(deps.db.select().from(advisories).where(eq(advisories.id, firmware.advisoryId!)).get()?.category, 'security');

  // Only the two practices that opted in get it, whatever their cadence and minimum severity; no product matching.
  const written = matchAdvisory(deps.db, outageId, { now, mailDomain });
  assert.deepEqual(kindsOf(outageId), [`outage:${ids.optedIn}`, `outage:${ids.digestOptedIn}`].sort());
  assert.equal(deps.db.select().from(matches).where(eq(matches.advisoryId, outageId)).all().length, 0);
  await sendAll(written);
  assert.equal(mailsTo('winter@praxis.test').length, 0, 'a practice that did not opt in gets nothing');
  for (const address of ['sommer@praxis.test', 'herbst@praxis.test']) {
    const [mail, ...more] = mailsTo(address);
    assert.equal(more.length, 0);
    assert.equal(mail!.subject, '[TI-Störung] Störung beim E-Rezept-Fachdienst: eingeschränkte Verfügbarkeit');
    const text = mail!.text ?? '';
    assert.match(text, /^Die gematik meldet eine Störung der Telematikinfrastruktur \(E-Rezept\)\./);
    assert.match(text, /keine Sicherheitswarnung/);
    assert.match(text, /Meldung der gematik: http:\/\/127\.0\.0\.1:\d+\/gematik\/newsroom\/news-detail\/stoerung-e-rezept-fachdienst/);
    assert.match(text, /Einstellungen ändern: https:\/\/praxiswarn\.test\/verwalten\//);
    for (const words of [/Sofort handeln|Zeitnah handeln|Zur Kenntnis|dringend/i, /Betrifft uns/, /\/erledigt\//]) {
      assert.doesNotMatch(`${mail!.subject}\n${text}\n${mail!.html}`, words);
    }
  }
  assert.equal(matchAdvisory(deps.db, outageId, { now, mailDomain }).length, 0, 'matching again writes nothing');

  // Three hours later the gematik reports it resolved: the notice joins the outage and marks it resolved.
  now = new Date(now.getTime() + 3 * 3_600_000);
  site.setRoute('/gematik/newsroom', { file: 'sites/gematik/newsroom-stoerung-behoben.html' });
  const [resolvedNotice, ...others] = await ingestNewsroom();
  assert.equal(others.length, 0);
  assert.deepEqual(recordNotice(deps, resolvedNotice!), { noticeId: resolvedNotice, advisoryId: outageId, outcome: 'attached', published: false });
  const resolved = deps.db.select().from(advisories).where(eq(advisories.id, outageId)).get()!;
  assert.equal(resolved.resolvedAt?.getTime(), now.getTime());
  assert.ok(unmatchedPublishedIds(deps.db).includes(outageId), 'handed back to matching');
  const followUps = matchAdvisory(deps.db, outageId, { now, mailDomain });
  assert.equal(followUps.length, 2);
  await sendAll(followUps);
  for (const address of ['sommer@praxis.test', 'herbst@praxis.test']) {
    const all = mailsTo(address);
    assert.equal(all.length, 2, `${address}: the outage mail and one follow-up`);
    assert.equal(all[1]!.subject, '[TI-Störung] Behoben: Störung beim E-Rezept-Fachdienst: eingeschränkte Verfügbarkeit');
    assert.match(all[1]!.text ?? '', /^Die Störung der Telematikinfrastruktur \(E-Rezept\) ist laut gematik behoben \(gemeldet am 10\. Dezember 2026, 12:00 Uhr\)\./);
    assert.match(all[1]!.text ?? '', /am 10\. Dezember 2026, 09:00 Uhr über diese Störung informiert/);
  }
  assert.equal(mailsTo('winter@praxis.test').length, 0);

  // Resolving twice sends nothing more: the editor's button is refused, matching and the notice again write nothing.
  await assert.rejects(resolveOutage(deps, { adminId: null, name: 'test' }, outageId), /bereits als behoben gemeldet/);
  assert.equal(recordNotice(deps, resolvedNotice!).outcome, 'unchanged');
  assert.equal(matchAdvisory(deps.db, outageId, { now, mailDomain }).length, 0);
  assert.deepEqual(kindsOf(outageId), [`outage:${ids.optedIn}`, `outage:${ids.digestOptedIn}`, `outage_resolved:${ids.optedIn}`, `outage_resolved:${ids.digestOptedIn}`].sort());

  // Never listed or counted as a security advisory; its own page says what it is.
  const list = await (await app.request('/warnungen')).text();
  assert.doesNotMatch(list, /E-Rezept-Fachdienst/);
  assert.match(list, /nicht mehr zugelassener Software/, 'the security advisory is listed');
  assert.doesNotMatch(await (await app.request('/warnungen.atom')).text(), /E-Rezept-Fachdienst/);
  const page = await (await app.request(`/warnungen/${outageId}`)).text();
  assert.match(page, /TI-Störung, gemeldet am/);
  assert.match(page, /<strong>Behoben<\/strong> laut gematik/);
});

test('an editor files a matched advisory as TI outage: no digest, no reminder; "Störung behoben melden" follows up once', async () => {
  const sent = smtp.messages.length;
  // First released as a security advisory on the Konnektor: it matched all three practices.
  const advisoryId = publishAdvisory(deps.db, { title: 'VSDM gestört: Konnektoren melden Fehler', severity: 'hoch', products: [{ id: 'gematik-ti-konnektor' }], actions: ['Konnektor neu starten'], releasedAt: now });
  matchAdvisory(deps.db, advisoryId, { now, mailDomain });
  assert.equal(deps.db.select().from(matches).where(eq(matches.advisoryId, advisoryId)).all().length, 2, 'the practices that take "hoch"');
  deps.db.delete(deliveries).where(eq(deliveries.advisoryId, advisoryId)).run(); // the alert mail is not what this test is about

  // The editor sees it is an outage: matched again, it goes to the opted-in practices only.
  assert.deepEqual(await setAdvisoryCategory(deps, { adminId: null, name: 'test' }, advisoryId, { category: 'ti_outage' }), { changed: true });
  const outageMails = matchAdvisory(deps.db, advisoryId, { now, mailDomain });
  assert.deepEqual(kindsOf(advisoryId), [`outage:${ids.optedIn}`, `outage:${ids.digestOptedIn}`].sort());
  assert.equal(deps.db.select().from(matches).where(eq(matches.advisoryId, advisoryId)).all().length, 0, 'no longer among the practices\' warnings');
  await sendAll(outageMails);
  assert.deepEqual(smtp.messages.slice(sent).map((m) => m.subject), ['[TI-Störung] VSDM gestört: Konnektoren melden Fehler', '[TI-Störung] VSDM gestört: Konnektoren melden Fehler']);

  // The next daily digest and the reminders a week later leave it out, even with a matches row left from before
  // (as matching as a security advisory wrote them; the filters of digest and reminders hold on their own).
  deps.db.insert(matches).values({ practiceId: ids.notOptedIn, advisoryId, createdAt: now }).run();
  deps.db.insert(matches).values({ practiceId: ids.optedIn, advisoryId, createdAt: now }).run();
  const later = new Date(now.getTime() + 8 * day);
  const digests = writeDigestDeliveries(deps.db, { cadence: 'daily', period: 'daily:2026-12-18', now: later, mailDomain });
  const listed = deps.db.select({ advisoryIds: deliveries.advisoryIds }).from(deliveries).where(inArray(deliveries.id, digests.length ? digests : [-1])).all();
  assert.ok(listed.every((d) => !(d.advisoryIds ?? []).includes(advisoryId)), 'no outage in a digest');
  const reminders = writeReminderDeliveries(deps.db, { now: later, days: 7, mailDomain });
  const reminded = deps.db.select({ advisoryId: deliveries.advisoryId }).from(deliveries).where(inArray(deliveries.id, reminders.length ? reminders : [-1])).all();
  assert.ok(reminded.every((r) => r.advisoryId !== advisoryId), 'no reminder of an outage');

  // "Störung behoben melden": one follow-up each; a second click is refused and sends nothing.
  await resolveOutage(deps, { adminId: null, name: 'test' }, advisoryId);
  const followUps = matchAdvisory(deps.db, advisoryId, { now, mailDomain });
  assert.equal(followUps.length, 2);
  await sendAll(followUps);
  await assert.rejects(resolveOutage(deps, { adminId: null, name: 'test' }, advisoryId), /bereits als behoben gemeldet/);
  assert.equal(matchAdvisory(deps.db, advisoryId, { now, mailDomain }).length, 0);
  const subjects = smtp.messages.slice(sent).map((m) => m.subject);
  assert.equal(subjects.filter((s) => s === '[TI-Störung] Behoben: VSDM gestört: Konnektoren melden Fehler').length, 2);
  assert.equal(subjects.length, 4);
  assert.equal(smtp.messages.filter((m) => JSON.stringify(m.to).includes('winter@praxis.test')).length, 0);
});

test('a practice that opts out gets no follow-up, and a security advisory cannot be reported resolved', async () => {
  const advisoryId = publishAdvisory(deps.db, { title: 'KIM: eingeschränkte Verfügbarkeit', severity: 'unbekannt', products: [], releasedAt: now });
  await setAdvisoryCategory(deps, { adminId: null, name: 'test' }, advisoryId, { category: 'ti_outage' });
  await sendAll(matchAdvisory(deps.db, advisoryId, { now, mailDomain }));
  deps.db.update(practices).set({ tiOutages: false }).where(eq(practices.id, ids.digestOptedIn)).run();
  await resolveOutage(deps, { adminId: null, name: 'test' }, advisoryId);
  assert.deepEqual(
    matchAdvisory(deps.db, advisoryId, { now, mailDomain }).map((id) => deps.db.select().from(deliveries).where(eq(deliveries.id, id)).get()!.practiceId),
    [ids.optedIn],
  );
  const security = publishAdvisory(deps.db, { title: 'Sicherheitslücke im Konnektor', severity: 'hoch', products: [{ id: 'gematik-ti-konnektor' }] });
  await assert.rejects(resolveOutage(deps, { adminId: null, name: 'test' }, security), /Nur eine veröffentlichte TI-Störung/);
});

test('the editor: "Art der Meldung" switches the kind, "Störung behoben melden" once, outages listed apart', async () => {
  await adminWithRole(deps.db, 'editor', 'redaktion@verband.test');
  const admin = new AdminClient(app as unknown as ConstructorParameters<typeof AdminClient>[0]);
  assert.equal((await admin.login('redaktion@verband.test', testPassword)).status, 303);
  const advisoryId = publishAdvisory(deps.db, { title: 'Störung der TI: ePA <nicht> erreichbar', severity: 'unbekannt', products: [], releasedAt: now });
  const editor = async () => cheerio.load(await (await admin.get(`/admin/meldungen/${advisoryId}`)).text());

  let page = await editor();
  assert.match(page('#art').text(), /Sicherheitswarnung/);
  let csrf = page('input[name="_csrf"]').first().attr('value')!;
  assert.equal((await admin.post(`/admin/meldungen/${advisoryId}/art`, { _csrf: csrf, category: 'ti_outage' })).status, 303);
  assert.equal(deps.db.select().from(advisories).where(eq(advisories.id, advisoryId)).get()!.category, 'ti_outage');
  await sendAll(matchAdvisory(deps.db, advisoryId, { now, mailDomain }));
  assert.equal(smtp.messages.at(-1)!.subject, '[TI-Störung] Störung der TI: ePA <nicht> erreichbar');
  assert.match(smtp.messages.at(-1)!.html || '', /Störung der TI: ePA &lt;nicht&gt; erreichbar/, 'the title is escaped in the mail');

  page = await editor();
  assert.match(page('#art').text(), /TI-Störung/);
  assert.match(page('#art').text(), /1 Störungsmeldung geschrieben/);
  csrf = page('input[name="_csrf"]').first().attr('value')!;
  assert.equal(page(`#art form[action="/admin/meldungen/${advisoryId}/stoerung-behoben"] button`).text(), 'Störung behoben melden');
  assert.equal((await admin.post(`/admin/meldungen/${advisoryId}/stoerung-behoben`, { _csrf: csrf })).status, 303);
  const resolvedAt = deps.db.select().from(advisories).where(eq(advisories.id, advisoryId)).get()!.resolvedAt;
  assert.ok(resolvedAt);
  page = await editor();
  assert.match(page('#art').text(), /behoben gemeldet am/);
  assert.equal(page(`#art form[action$="/stoerung-behoben"]`).length, 0, 'no second button');
  // A second POST (an old tab) is refused with a message and changes nothing.
  assert.equal((await admin.post(`/admin/meldungen/${advisoryId}/stoerung-behoben`, { _csrf: csrf })).status, 303);
  assert.match((await editor())('body').text(), /bereits als behoben gemeldet/);
  assert.equal(deps.db.select().from(advisories).where(eq(advisories.id, advisoryId)).get()!.resolvedAt?.getTime(), resolvedAt.getTime());
  assert.equal(matchAdvisory(deps.db, advisoryId, { now, mailDomain }).length, 1, 'one follow-up, to the one practice still opted in');
  assert.equal(matchAdvisory(deps.db, advisoryId, { now, mailDomain }).length, 0);

  const outages = await (await admin.get('/admin/veroeffentlicht?liste=stoerungen')).text();
  assert.match(outages, /ePA &lt;nicht&gt; erreichbar/);
  assert.doesNotMatch(await (await admin.get('/admin/veroeffentlicht')).text(), /ePA &lt;nicht&gt; erreichbar/, 'not among the published security advisories');
});

test('an outage notice that asks practices to act on their devices stays a warning to the product owners', async () => {
  const record = (name: string, given?: string) => {
    const text = given ?? readFileSync(new URL(`./fixtures/corpus/${name}.txt`, import.meta.url), 'utf8');
    const title = text.split('\n')[0]!.trim();
    const noticeId = deps.db
      .insert(notices)
      .values({ sourceId: 'gematik-newsroom', externalId: name, url: null, title, text, contentHash: name, publishedAt: now, fetchedAt: now })
      .returning()
      .get().id;
    const result = recordNotice(deps, noticeId);
    return deps.db.select().from(advisories).where(eq(advisories.id, result.advisoryId!)).get()!;
  };
  // "starten Sie bitte Ihren Konnektor und anschließend Ihre Kartenterminals neu": for every Konnektor owner.
  const restart = record('kvberlin-ti-ausfall');
  assert.equal(restart.category, 'security');
  assert.equal(restart.status, 'published');
  // A status notice that only reports the end of an outage nobody was told of: an outage, resolved, mailed to nobody.
  const over = record('gematik-ti-stoerung-behoben');
  assert.equal(over.category, 'ti_outage');
  assert.ok(over.resolvedAt);
  assert.deepEqual(matchAdvisory(deps.db, over.id, { now, mailDomain }), []);

  // Two outages of different services at once stay apart; the "behoben" of one resolves that one only.
  const kim = record('kim', 'Störung bei KIM\nSeit 9 Uhr werden KIM-Nachrichten der Telematikinfrastruktur nicht zugestellt; auch Konnektoren melden Fehler.');
  const vsdm = record('vsdm', 'TI-Störung: VSDM nicht erreichbar\nDas Versichertenstammdatenmanagement ist gestört, Konnektoren melden Zeitüberschreitungen.');
  assert.notEqual(kim.id, vsdm.id);
  const kimOver = record('kim-behoben', 'Störung bei KIM behoben\nSeit 11:30 Uhr werden KIM-Nachrichten wieder zugestellt, die Störung ist behoben.');
  assert.equal(kimOver.id, kim.id);
  assert.ok(kimOver.resolvedAt);
  assert.equal(deps.db.select().from(advisories).where(eq(advisories.id, vsdm.id)).get()!.resolvedAt, null);
});
