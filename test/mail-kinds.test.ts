import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { advisories, advisoryProducts, advisoryRevisions, advisorySources, deliveries, notices, sources } from '../src/db/schema.js';
import { writeDigestDeliveries } from '../src/notify/digest.js';
import { matchAdvisory } from '../src/notify/match.js';
import { writeReminderDeliveries } from '../src/notify/reminders.js';
import { sendDelivery } from '../src/notify/send.js';
import { writeUpdateDeliveries } from '../src/notify/updates.js';
import { acknowledgements } from '../src/practices/practices.table.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { subscribeSchema } from '../src/practices/preferences.models.js';
import { recordSignup } from '../src/practices/signup.usecases.js';
import { createWebApp } from '../src/web/app.js';
import { practiceLinks } from '../src/notify/compose.js';
import { publishAdvisory } from './support/advisories.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

// Every kind of mail, sent through the real send path to a real SMTP server and read back as a mail client would:
// the subject pattern, the first line (what to do by when), the button to the advisory's page, the greeting, the
// ack links, the manage and unsubscribe links and the Impressum, in the text part and in the HTML part.

let smtp: SmtpSink;
let deps: AppDeps;
const day = 86_400_000;
// Thursday, 10 December 2026, 10:00 in Berlin: a week later is Thursday, 17.12.2026.
const now = new Date('2026-12-10T09:00:00Z');
const inAWeek = '17.12.2026';
const mailDomain = 'praxiswarn.test';
const origin = 'https://praxiswarn.test';

before(async () => {
  smtp = await startSmtpSink();
  const env = testEnv({
    env: {
      SMTP_URL: smtp.url,
      OPERATOR_NAME: 'Ärzteverband Musterland e. V.',
      OPERATOR_ADDRESS: 'Musterstraße 1, 12345 Musterstadt',
      OPERATOR_IMPRINT_URL: 'https://verband.test/impressum',
      // The production default: older advisories are open for a new subscriber only while an editor keeps them published.
      ALERT_MAX_AGE_DAYS: '30',
    },
  });
  deps = await createAppDeps(env, { logger: createLogger('silent'), clock: () => now });
  deps.db
    .insert(sources)
    .values({ id: 'bsi-wid-csaf', name: 'BSI CERT-Bund WID (CSAF)', publisher: 'Bundesamt für Sicherheit in der Informationstechnik', kind: 'csaf', url: 'https://wid.cert-bund.de/.well-known/csaf/provider-metadata.json' })
    .onConflictDoNothing()
    .run();
});

after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

const practice = (name: string, email: string, productIds: string[], extra: { cadence?: 'immediate' | 'daily' | 'weekly' } = {}) =>
  addPractice(deps.db, { name, email, productIds, ...extra }, { now: new Date(now.getTime() - 60 * day), origin: 'cli' }).id;

async function send(ids: number[]): Promise<void> {
  for (const id of ids) assert.equal(await sendDelivery(deps, id), 'sent', `delivery ${id}`);
}

function lastMailTo(address: string): ParsedMail {
  const mail = smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(address)).at(-1);
  assert.ok(mail, `a mail to ${address}`);
  return mail;
}

/** The parts of a mail as a reader sees them. */
function read(mail: ParsedMail) {
  const text = mail.text ?? '';
  const $ = cheerio.load(String(mail.html));
  const links = $('a')
    .toArray()
    .map((a) => ({ text: $(a).text().trim(), href: $(a).attr('href') ?? '' }));
  return { subject: mail.subject ?? '', text, lines: text.split('\n'), $, links, firstHtmlLine: $('body p').first().text().trim() };
}

/** What every mail to a practice has: the greeting with the practice named after it, the Impressum, its links. */
function assertFrame(mail: ReturnType<typeof read>, name: string, { manage = true, unsubscribe = true } = {}) {
  assert.match(mail.text, /\n\nGuten Tag,\n\n[^\n]*„/, 'greeting on a line of its own');
  assert.ok(mail.text.includes(`„${name}“`), 'the practice is named after the greeting');
  assert.doesNotMatch(mail.text, new RegExp(`Guten Tag, ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 'no "Guten Tag, <Praxis>,"');
  assert.ok(mail.$('p').toArray().some((p) => mail.$(p).text().trim() === 'Guten Tag,'), 'HTML greeting');
  assert.ok(mail.$('body').text().includes(`„${name}“`), 'HTML names the practice');
  assert.match(mail.text, /\nÄrzteverband Musterland e\. V\., Musterstraße 1, 12345 Musterstadt\nImpressum: https:\/\/verband\.test\/impressum$/);
  assert.match(mail.$('body').text(), /Ärzteverband Musterland e\. V\., Musterstraße 1, 12345 Musterstadt/);
  assert.equal(mail.links.find((l) => l.text === 'Impressum')?.href, 'https://verband.test/impressum');
  if (manage) {
    assert.match(mail.text, new RegExp(`\\nEinstellungen ändern: ${origin}/verwalten/manage\\.`));
    assert.match(mail.links.find((l) => l.text === 'Einstellungen ändern')?.href ?? '', new RegExp(`^${origin}/verwalten/manage\\.`));
  }
  if (unsubscribe) {
    assert.match(mail.text, new RegExp(`\\nAbmelden: ${origin}/abmelden/unsubscribe\\.`));
    assert.match(mail.links.find((l) => l.text === 'Vom Warndienst abmelden')?.href ?? '', new RegExp(`^${origin}/abmelden/unsubscribe\\.`));
  } else {
    assert.doesNotMatch(mail.text, /Abmelden:/);
  }
}

/** The first line says what to do by when, in text and HTML; the next line and a button open the advisory's page. */
function assertLead(mail: ReturnType<typeof read>, firstLine: string | RegExp, advisoryId: number | null) {
  if (typeof firstLine === 'string') {
    assert.equal(mail.lines[0], firstLine);
    assert.equal(mail.firstHtmlLine, firstLine);
  } else {
    assert.match(mail.lines[0]!, firstLine);
    assert.match(mail.firstHtmlLine, firstLine);
  }
  if (advisoryId === null) return;
  const page = `${origin}/warnungen/${advisoryId}`;
  assert.equal(mail.lines[1], `Bin ich betroffen? – Warnung im Browser öffnen: ${page}`);
  const button = mail.links.find((l) => l.text === 'Bin ich betroffen? – Warnung im Browser öffnen');
  assert.equal(button?.href, page);
  assert.equal(mail.$('body a').first().attr('href'), page, 'the button is the first link');
}

/** Ack links read as actions: "Als erledigt markieren" after each action, "Alle Maßnahmen als erledigt markieren". */
function assertAckLinks(mail: ReturnType<typeof read>, actions: number) {
  const each = mail.links.filter((l) => l.text === 'Als erledigt markieren');
  assert.equal(each.length, actions);
  for (const l of each) assert.match(l.href, new RegExp(`^${origin}/erledigt/`));
  assert.match(mail.links.find((l) => l.text === 'Alle Maßnahmen als erledigt markieren')?.href ?? '', new RegExp(`^${origin}/erledigt/`));
  assert.ok(!mail.links.some((l) => /\(erledigt\)|^Alle Maßnahmen erledigt$/.test(l.text)), 'no link that reads as a status');
  assert.equal((mail.text.match(/\n {3}Erledigt\? https:\/\/praxiswarn\.test\/erledigt\//g) ?? []).length, actions);
  assert.match(mail.text, /\nAlles erledigt\? https:\/\/praxiswarn\.test\/erledigt\//);
}

const signupForm = (email: string, productIds: string[], name = 'Hausarztpraxis Dr. Müller') =>
  subscribeSchema.parse({ name, email, cadence: 'immediate', minSeverity: 'niedrig', productIds, consent: 'ja' });

let medatixx: number;

test('confirm: a new subscriber is asked to confirm by a date, with a button, the greeting and the Impressum', async () => {
  // The medatixx attack of November 2021, still published: open for everyone on its products who has not ticked it.
  medatixx = publishAdvisory(deps.db, {
    title: 'Cyberangriff auf medatixx – wichtige Informationen für unsere Kunden',
    severity: 'hoch',
    products: [{ id: 'medatixx-x-isynet' }, { id: 'medatixx-x-concept' }, { id: 'medatixx-easymed' }],
    actions: ['Passwörter in Ihrer Praxissoftware ändern', 'Passwort am TI-Konnektor ändern', 'Auf Phishing-Mails im Namen von medatixx achten'],
    releasedAt: new Date('2021-11-08T10:00:00Z'),
  });
  deps.db.update(advisories).set({ publishedAt: new Date('2021-11-08T10:00:00Z') }).where(eq(advisories.id, medatixx)).run();
  // An old archived notice on the same product is history, not open.
  const archived = publishAdvisory(deps.db, { title: 'x.isynet: Quartalsupdate 2/2021', severity: 'mittel', products: [{ id: 'medatixx-x-isynet' }], actions: ['Quartalsupdate einspielen'], releasedAt: new Date('2021-04-01T10:00:00Z') });
  deps.db.update(advisories).set({ status: 'archive', publishedAt: new Date('2021-04-01T10:00:00Z') }).where(eq(advisories.id, archived)).run();

  const queued = recordSignup(deps.db, signupForm('neu@praxis.test', ['medatixx-x-isynet']), { now, ip: '192.0.2.1', mailDomain })!;
  await send([queued.deliveryId]);
  const mail = read(lastMailTo('neu@praxis.test'));
  assert.equal(mail.subject, 'Bitte bestätigen Sie Ihre Anmeldung bei praxiswarn');
  assertLead(mail, `Bitte bestätigen Sie die Anmeldung Ihrer Praxis bis spätestens ${inAWeek}.`, null);
  assert.match(mail.lines[1]!, new RegExp(`^Anmeldung bestätigen: ${origin}/bestaetigen/confirm\\.`));
  assert.match(mail.links.find((l) => l.text === 'Anmeldung bestätigen')?.href ?? '', new RegExp(`^${origin}/bestaetigen/confirm\\.`));
  // No subscription yet, so nothing to manage or end.
  assertFrame(mail, 'Hausarztpraxis Dr. Müller', { manage: false, unsubscribe: false });
});

test('welcome: a new subscriber with x.isynet gets the open medatixx advisory, with its actions to tick', async () => {
  const confirmUrl = /https:\/\/praxiswarn\.test(\/bestaetigen\/\S+)/.exec(lastMailTo('neu@praxis.test').text ?? '')![1]!;
  const app = createWebApp(deps);
  const page = await app.request(confirmUrl, { method: 'POST' });
  assert.equal(page.status, 200);
  const welcome = deps.db.select().from(deliveries).where(eq(deliveries.kind, 'welcome')).all();
  assert.equal(welcome.length, 1, 'confirming writes one welcome mail');
  assert.equal((await app.request(confirmUrl, { method: 'POST' })).status, 200);
  assert.equal(deps.db.select().from(deliveries).where(eq(deliveries.kind, 'welcome')).all().length, 1, 'confirming twice does not welcome twice');
  await send([welcome[0]!.id]);
  // The same advisory waits in /verwalten, with its actions to tick.
  const { manageUrl } = practiceLinks(deps.publicUrl, deps.linkSecret, welcome[0]!.practiceId);
  const manage = await (await app.request(new URL(manageUrl).pathname)).text();
  assert.match(manage, /Bereits bekannte Warnungen zu Ihren Produkten[\s\S]*Cyberangriff auf medatixx[\s\S]*Passwörter in Ihrer Praxissoftware ändern/);

  const mail = read(lastMailTo('neu@praxis.test'));
  assert.equal(mail.subject, '[Zeitnah handeln] Willkommen bei praxiswarn: eine offene Warnung für Ihre Praxis');
  assertLead(mail, `Bitte erledigen Sie die Maßnahmen unten bis spätestens ${inAWeek}.`, null);
  assert.match(mail.text, /Ihre Praxis „Hausarztpraxis Dr\. Müller“ ist jetzt bei praxiswarn angemeldet\. Ab sofort warnen wir Sie zu: x\.isynet\./);
  assert.match(mail.text, /\[Zeitnah handeln\] Cyberangriff auf medatixx – wichtige Informationen für unsere Kunden\n/);
  assert.match(mail.text, /1\. Passwörter in Ihrer Praxissoftware ändern\n {3}Erledigt\? /);
  assert.doesNotMatch(mail.text, /Quartalsupdate/, 'an old archived notice is not open');
  const page2 = mail.links.find((l) => l.text === 'Bin ich betroffen? – Warnung im Browser öffnen');
  assert.equal(page2?.href, `${origin}/warnungen/${medatixx}`);
  assert.match(mail.text, new RegExp(`Bin ich betroffen\\? – Warnung im Browser öffnen: ${origin}/warnungen/${medatixx}\\n`));
  assertAckLinks(mail, 3);
  assertFrame(mail, 'Hausarztpraxis Dr. Müller');

  // The ack link records the action for this practice.
  const ack = mail.links.find((l) => l.text === 'Als erledigt markieren')!.href.replace(origin, '');
  assert.equal((await app.request(ack, { method: 'POST' })).status, 200);
  assert.equal(deps.db.select().from(acknowledgements).where(eq(acknowledgements.advisoryId, medatixx)).all().length, 1);
});

test('access: signing up again with an active address says there is nothing to do, with manage and unsubscribe links', async () => {
  const queued = recordSignup(deps.db, signupForm('neu@praxis.test', ['cgm-albis'], 'Jemand anderes'), { now, ip: '192.0.2.9', mailDomain })!;
  await send([queued.deliveryId]);
  const mail = read(lastMailTo('neu@praxis.test'));
  assert.equal(mail.subject, 'Sie sind bereits bei praxiswarn angemeldet');
  assertLead(mail, 'Sie müssen nichts tun: Ihre Praxis ist bereits angemeldet, es hat sich nichts geändert.', null);
  assertFrame(mail, 'Hausarztpraxis Dr. Müller');
});

let fritz: number;

test('alert: urgency and product in the subject, what to do by when first, the advisory page, actions to tick', async () => {
  const p = practice('Praxis Dr. Anders', 'anders@praxis.test', ['avm-fritzbox']);
  fritz = publishAdvisory(deps.db, {
    title: 'FRITZ!Box auf Version 8.02 aktualisieren',
    severity: 'hoch',
    products: [{ id: 'avm-fritzbox', fixedVersion: '8.02' }],
    actions: ['FRITZ!OS auf Version 8.02 aktualisieren', 'Fernzugang über MyFRITZ! prüfen'],
  });
  const ids = matchAdvisory(deps.db, fritz, { now, mailDomain });
  await send(ids.filter((id) => deps.db.select().from(deliveries).where(eq(deliveries.id, id)).get()!.practiceId === p));
  const mail = read(lastMailTo('anders@praxis.test'));
  assert.equal(mail.subject, '[Zeitnah handeln] FRITZ!Box: auf Version 8.02 aktualisieren');
  assert.match(mail.subject, /^\[(Sofort handeln|Zeitnah handeln|Zur Kenntnis)\] [^:]+: .+$/);
  assertLead(mail, `Bitte aktualisieren Sie FRITZ!Box bis spätestens ${inAWeek} auf Version 8.02 und erledigen Sie die weitere Maßnahme unten.`, fritz);
  assert.match(mail.text, /\nGuten Tag,\n\nfür Ihre Praxis „Praxis Dr\. Anders“ gibt es einen neuen Sicherheitshinweis/);
  assert.match(mail.text, new RegExp(`Wie dringend\\?\\nZeitnah handeln – bitte innerhalb einer Woche, bis spätestens ${inAWeek}\\.\\nEinstufung „Hoch“ bedeutet: Ernstes Risiko`));
  assert.match(mail.$('body').text(), /Einstufung „Hoch“ bedeutet: Ernstes Risiko/);
  assertAckLinks(mail, 2);
  assertFrame(mail, 'Praxis Dr. Anders');
});

test('alert from a BSI WID CSAF notice: the readable portal page first, the JSON second', async () => {
  const doc = JSON.parse(readFileSync(new URL('./fixtures/csaf/white/2026/wid-sec-w-2026-2977.json', import.meta.url), 'utf8'));
  const trackingId: string = doc.document.tracking.id;
  const json = `https://wid.cert-bund.de/.well-known/csaf/white/2026/${trackingId.toLowerCase()}.json`;
  const portal = 'https://wid.cert-bund.de/portal/wid/securityadvisory?name=WID-SEC-2026-2977';
  practice('Praxis Fernwartung', 'fern@praxis.test', ['anydesk']);
  const id = publishAdvisory(deps.db, {
    title: doc.document.title,
    severity: 'kritisch',
    products: [{ id: 'anydesk', fixedVersion: '9.0.5' }],
    actions: ['AnyDesk auf Version 9.0.5 aktualisieren'],
  });
  const notice = deps.db
    .insert(notices)
    .values({ sourceId: 'bsi-wid-csaf', externalId: trackingId, url: json, title: doc.document.title, publishedAt: now, text: JSON.stringify(doc), contentHash: trackingId, fetchedAt: now })
    .returning()
    .get();
  deps.db.insert(advisorySources).values({ advisoryId: id, noticeId: notice.id, addedAt: now }).run();
  await send(matchAdvisory(deps.db, id, { now, mailDomain }));
  const mail = read(lastMailTo('fern@praxis.test'));
  assert.equal(mail.subject, '[Sofort handeln] AnyDesk: Schwachstelle ermöglicht Privilegieneskalation');
  assertLead(mail, 'Bitte aktualisieren Sie AnyDesk noch heute auf Version 9.0.5.', id);
  const sourcesPart = mail.text.slice(mail.text.indexOf('\nQuellen:\n'));
  assert.ok(sourcesPart.indexOf(portal) > 0 && sourcesPart.indexOf(portal) < sourcesPart.indexOf(json), 'portal page before the JSON');
  assert.ok(sourcesPart.includes(`\n  Maschinenlesbare Fassung (CSAF): ${json}\n`));
  const sourceLinks = mail.$('h2:contains("Quellen") + ul a').toArray().map((a) => ({ text: mail.$(a).text(), href: mail.$(a).attr('href') }));
  assert.deepEqual(sourceLinks.map((l) => l.href), [portal, json]);
  assert.equal(sourceLinks[1]!.text, 'Maschinenlesbare Fassung (CSAF)');
  assertAckLinks(mail, 1);
  assertFrame(mail, 'Praxis Fernwartung');
});

test('update: the same pattern with what changed, the new first line and the advisory page', async () => {
  const later = new Date(now.getTime() + 1000);
  deps.db.update(advisoryProducts).set({ fixedVersion: '8.03' }).where(eq(advisoryProducts.advisoryId, fritz)).run();
  deps.db.update(advisories).set({ revision: 2 }).where(eq(advisories.id, fritz)).run();
  deps.db.insert(advisoryRevisions).values({ advisoryId: fritz, revision: 2, changedFields: ['fixedVersion'], material: true, createdAt: later }).run();
  await send(writeUpdateDeliveries(deps.db, { now: later, mailDomain }).deliveryIds);
  const mail = read(lastMailTo('anders@praxis.test'));
  assert.equal(mail.subject, '[Zeitnah handeln] FRITZ!Box: auf Version 8.02 aktualisieren (geändert: behobene Version)');
  assert.ok(mail.subject.length <= 90);
  assertLead(mail, `Bitte aktualisieren Sie FRITZ!Box bis spätestens ${inAWeek} auf Version 8.03 und erledigen Sie die weitere Maßnahme unten.`, fritz);
  assert.match(mail.text, /wurde aktualisiert\. Geändert: behobene Version\./);
  assertAckLinks(mail, 2);
  assertFrame(mail, 'Praxis Dr. Anders');
});

test('digest: the most urgent word of its items and their count in the subject, each item with its page', async () => {
  practice('Praxis Täglich', 'taeglich@praxis.test', ['cgm-turbomed', 'telekom-digitalisierungsbox-premium'], { cadence: 'daily' });
  const released = new Date(now.getTime() - 2 * 3600_000);
  const ids = [
    publishAdvisory(deps.db, { title: 'Hinweis zu CGM TURBOMED: Handbuch ergänzt', severity: 'niedrig', products: [{ id: 'cgm-turbomed' }], releasedAt: released }),
    publishAdvisory(deps.db, { title: 'Sicherheitslücke in CGM TURBOMED', severity: 'mittel', products: [{ id: 'cgm-turbomed' }], actions: ['Update des Herstellers einspielen'], releasedAt: released }),
    publishAdvisory(deps.db, { title: 'Datenleck in Digitalisierungsboxen der Telekom', severity: 'hoch', products: [{ id: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }], actions: ['Firmware auf Version 11.01.02.102 aktualisieren', 'Portweiterleitungen prüfen'], releasedAt: released }),
  ];
  for (const id of ids) matchAdvisory(deps.db, id, { now: released, mailDomain });
  await send(writeDigestDeliveries(deps.db, { cadence: 'daily', period: 'daily:2026-12-10', now, mailDomain }));
  const mail = read(lastMailTo('taeglich@praxis.test'));
  assert.equal(mail.subject, '[Zeitnah handeln] 3 neue Warnungen für Ihre Praxis');
  assertLead(mail, `Bitte aktualisieren Sie Digitalisierungsbox Premium bis spätestens ${inAWeek} auf Version 11.01.02.102 und erledigen Sie die weitere Maßnahme unten.`, null);
  const order = ['Datenleck in Digitalisierungsboxen', 'Sicherheitslücke in CGM TURBOMED', 'Handbuch ergänzt'].map((t) => mail.text.indexOf(t));
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'most urgent first');
  assert.match(mail.text, /\nZur Kenntnis:\n/);
  // Every action can be ticked from the digest, too: a practice on a daily digest gets no alerts.
  assert.equal(mail.links.filter((l) => l.text === 'Als erledigt markieren').length, 3);
  assert.equal(mail.links.filter((l) => l.text === 'Alle Maßnahmen als erledigt markieren').length, 2);
  for (const id of ids) {
    assert.ok(mail.text.includes(`Bin ich betroffen? – Warnung im Browser öffnen: ${origin}/warnungen/${id}\n`));
    assert.ok(mail.links.some((l) => l.href === `${origin}/warnungen/${id}` && l.text === 'Bin ich betroffen? – Warnung im Browser öffnen'));
  }
  assertFrame(mail, 'Praxis Täglich');
});

test('reminder: the same pattern marked as a reminder, what is still open, and actions to tick', async () => {
  practice('Praxis Offen', 'offen@praxis.test', ['cgm-m1-pro']);
  const released = new Date(now.getTime() - 8 * day);
  const id = publishAdvisory(deps.db, { title: 'Kritische Lücke in CGM M1 PRO', severity: 'kritisch', products: [{ id: 'cgm-m1-pro' }], actions: ['Update einspielen', 'Passwörter ändern'], releasedAt: released });
  matchAdvisory(deps.db, id, { now: released, mailDomain });
  await send(writeReminderDeliveries(deps.db, { now, days: 7, mailDomain }));
  const mail = read(lastMailTo('offen@praxis.test'));
  assert.equal(mail.subject, '[Sofort handeln] CGM M1 PRO: Kritische Lücke (Erinnerung)');
  assertLead(mail, 'Bitte erledigen Sie die Maßnahmen unten noch heute.', id);
  assert.match(mail.text, /für Ihre Praxis „Praxis Offen“ ist noch nicht bestätigt, dass die empfohlenen Maßnahmen zum Sicherheitshinweis vom 2\. Dezember 2026 erledigt sind/);
  assertAckLinks(mail, 2);
  assertFrame(mail, 'Praxis Offen');
});
