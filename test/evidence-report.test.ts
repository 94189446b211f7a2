import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { parseCsv } from '../src/admin/csv.js';
import { writeDigestDeliveries } from '../src/notify/digest.js';
import { matchAdvisory } from '../src/notify/match.js';
import { sendDelivery } from '../src/notify/send.js';
import { cleanDoneBy } from '../src/practices/acknowledgements.repository.js';
import { parseEvidencePeriod } from '../src/practices/evidence-period.js';
import { evidencePdf } from '../src/practices/evidence-report.pdf.js';
import { signAckToken, signLinkToken } from '../src/practices/links.js';
import { acknowledgements, impactAnswers, type ImpactAnswer, type ImpactReason } from '../src/practices/practices.table.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { publishAdvisory } from './support/advisories.js';
import { outputDir } from './support/browser.js';
import { pdfText } from './support/pdf-text.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

// The Nachweis for the KBV IT-Sicherheitsrichtlinie: a practice receives alerts through the real send path, answers
// "Betrifft uns?", ticks the actions through the links in its mail (once with a name, once without), and downloads
// the quarter as a page, a PDF (read back with pdf.js) and a CSV (read back as Excel would).

let smtp: SmtpSink;
let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let now = new Date('2026-06-01T08:00:00Z');
let practiceId: number;
let manage: string;
const email = 'oezdemir@praxis.test';
const titles = {
  summer: 'FRITZ!Box: Lücke im WLAN-Gastzugang',
  july: 'FRITZ!Box: Fernzugang über MyFRITZ! absichern',
  boundary: 'FRITZ!Box: Update 8.03 schließt Lücke in der Telefonie',
  main: 'FRITZ!Box: Kritische Lücke im Fernzugang – Größere Gefahr für Praxen',
  hostile: '=HYPERLINK("https://evil.test";"klick") <script>alert(1)</script>',
};
const ids = {} as Record<keyof typeof titles, number>;
const mainActions = ['FRITZ!Box auf Version 8.02 aktualisieren', 'Fernzugang MyFRITZ! prüfen und abschalten, wenn er nicht gebraucht wird'];

before(async () => {
  smtp = await startSmtpSink();
  const env = testEnv({ env: { SMTP_URL: smtp.url, OPERATOR_NAME: 'Ärzteverband Musterland e. V.', OPERATOR_ADDRESS: 'Musterstraße 1, 12345 Musterstadt' } });
  deps = await createAppDeps(env, { logger: createLogger('silent'), clock: () => now });
  app = createWebApp(deps);
  practiceId = addPractice(deps.db, { name: 'Praxis Dr. Özdemir & Weiß', email, productIds: ['avm-fritzbox'] }, { now, origin: 'cli' }).id;
  manage = signLinkToken(deps.env.LINK_SECRET, 'manage', practiceId);

  // Sent at 23:30 on 30 September in Berlin (Q3), and at 00:30 on 1 October in Berlin (Q4): both 30 September in UTC.
  ids.july = await receive(titles.july, '2026-07-15T08:00:00Z', ['Fernzugang prüfen']);
  ids.summer = await receive(titles.summer, '2026-09-30T21:30:00Z', []);
  ids.boundary = await receive(titles.boundary, '2026-09-30T22:30:00Z', []);
  ids.main = await receive(titles.main, '2026-11-20T09:00:00Z', mainActions);
  ids.hostile = await receive(titles.hostile, '2026-11-21T09:00:00Z', ['@SUMME(1+1) in die Zelle schreiben']);
  answer(ids.main, 'betroffen', '2026-11-22T10:00:00Z');
  // Work in the quarter on a warning received before it: the July warning belongs to Q4 too.
  answer(ids.july, 'nicht_betroffen', '2026-11-23T10:00:00Z', 'aktualisiert', '8.02');
});

after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

/** Publishes an advisory on the practice's FRITZ!Box at `at`, matches it and sends the alert through SMTP. */
async function receive(title: string, at: string, actions: string[]): Promise<number> {
  now = new Date(at);
  const id = publishAdvisory(deps.db, { title, severity: 'hoch', products: [{ id: 'avm-fritzbox', fixedVersion: '8.02' }], actions, releasedAt: new Date(now.getTime() - 3_600_000) });
  const written = matchAdvisory(deps.db, id, { now, mailDomain: 'praxiswarn.test' });
  assert.equal(written.length, 1, `one alert for ${title}`);
  assert.equal(await sendDelivery(deps, written[0]!), 'sent');
  return id;
}

/** "Betrifft uns?" written straight into its table, as the answer links would. */
function answer(advisoryId: number, value: ImpactAnswer, at: string, reason: ImpactReason | null = null, version: string | null = null) {
  deps.db.insert(impactAnswers).values({ practiceId, advisoryId, answer: value, reason, version, answeredAt: new Date(at) }).run();
}

function mailAbout(title: string): ParsedMail {
  const mail = smtp.messages.find((m) => JSON.stringify(m.to).includes(email) && (m.text ?? '').includes(title));
  assert.ok(mail, `the alert mail about ${title}`);
  return mail;
}

/** The "Als erledigt markieren" links of a mail, in the order of its actions, as paths on this app. */
function ackLinks(mail: ParsedMail): string[] {
  const $ = cheerio.load(String(mail.html));
  return $('a')
    .toArray()
    .filter((a) => $(a).text().trim() === 'Als erledigt markieren')
    .map((a) => new URL($(a).attr('href')!).pathname);
}

const post = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const report = (ext: '' | '.pdf' | '.csv', period?: string, token = manage) => app.request(`/verwalten/${token}/nachweis${ext}${period === undefined ? '' : `?zeitraum=${encodeURIComponent(period)}`}`);
const tick = (advisoryId: number, position: number) => deps.db.select().from(acknowledgements).where(and(eq(acknowledgements.practiceId, practiceId), eq(acknowledgements.advisoryId, advisoryId), eq(acknowledgements.actionPosition, position))).get();

test('the ack links of the alert ask for an optional name; ticking records it once, trimmed, and a second tick changes nothing', async () => {
  const links = ackLinks(mailAbout(titles.main));
  assert.equal(links.length, 2);
  now = new Date('2026-12-03T10:15:00Z');
  const question = await app.request(links[0]!);
  assert.equal(question.status, 200);
  const $ = cheerio.load(await question.text());
  assert.equal($('label[for=doneBy]').text(), 'Erledigt von (Name, optional)');
  assert.equal($('form[method=post] input[name=doneBy]').attr('maxlength'), '80');
  assert.equal(tick(ids.main, 0), undefined, 'GET records nothing');

  assert.equal((await app.request(links[0]!, post({ doneBy: '  Anna \t Schmidt (MFA)\n ' }))).status, 200);
  now = new Date('2026-12-03T16:00:00Z');
  assert.equal((await app.request(links[0]!, post({ doneBy: 'Jemand anderes' }))).status, 200);
  assert.deepEqual([tick(ids.main, 0)?.doneBy, tick(ids.main, 0)?.createdAt.toISOString()], ['Anna Schmidt (MFA)', '2026-12-03T10:15:00.000Z']);

  now = new Date('2026-12-04T08:00:00Z');
  assert.equal((await app.request(links[1]!, { method: 'POST' })).status, 200, 'a POST without a body, as from an old form');
  assert.equal(tick(ids.main, 1)?.doneBy, null);

  const hostile = ackLinks(mailAbout(titles.hostile));
  assert.equal((await app.request(hostile[0]!, post({ doneBy: '-2+3' }))).status, 200);

  assert.equal(cleanDoneBy('x'.repeat(100))?.length, 80);
  assert.equal(cleanDoneBy(' \u200b\u0007 '), null);
});

test('the Nachweis PDF lists the quarter\'s warnings with the answer, both actions, their dates and the name', async () => {
  now = new Date('2026-12-04T12:00:00Z');
  const res = await report('.pdf', '2026-Q4');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="nachweis-2026-Q4.pdf"');
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-');
  writeFileSync(join(outputDir(), 'nachweis-2026-Q4.pdf'), bytes);
  const { text } = await pdfText(bytes);
  for (const expected of [
    'Nachweis für die IT-Sicherheitsrichtlinie',
    'Praxis: Praxis Dr. Özdemir & Weiß',
    'Zeitraum: 4. Quartal 2026 (01.10.2026 – 31.12.2026)',
    'Erstellt am: 04.12.2026, 13:00 Uhr',
    'Warndienst: praxiswarn, betrieben von Ärzteverband Musterland e. V.',
    'Er ist kein Zertifikat',
    titles.main,
    'Erste E-Mail: 20.11.2026',
    'Betrifft uns? Betroffen (beantwortet am 22.11.2026)',
    `1. ${mainActions[0]} – erledigt am 03.12.2026 von Anna Schmidt (MFA)`,
    `2. ${mainActions[1]} – erledigt am 04.12.2026 `,
    titles.hostile,
    titles.boundary,
    titles.july,
    'Nicht betroffen – bereits aktualisiert (Version 8.02) (beantwortet am 23.11.2026)',
    'Seite 1 von',
  ]) {
    assert.ok(text.includes(expected), `the PDF says: ${expected}\n--- PDF text ---\n${text}`);
  }
  assert.ok(!text.includes(titles.summer), 'sent on 30 September 23:30 in Berlin: Q3');
  assert.equal(text.split('Betrifft uns? Keine Antwort').length - 1, 2, 'the boundary and the hostile warning were not answered');
  assert.ok(text.includes('1. Fernzugang prüfen – offen'), 'an action not ticked is open');
  assert.ok(text.indexOf(titles.july) < text.indexOf(titles.boundary) && text.indexOf(titles.boundary) < text.indexOf(titles.main), 'oldest first');
});

test('the period filter includes and excludes by the date in Berlin; the default is the current quarter', async () => {
  now = new Date('2026-12-04T12:00:00Z');
  const page = async (period?: string) => {
    const res = await report('', period);
    assert.equal(res.status, 200);
    return cheerio.load(await res.text());
  };
  const listed = ($: cheerio.CheerioAPI) => $('section.evidence-item h3').toArray().map((h) => $(h).text().replace(/^\d+\. /, ''));
  assert.deepEqual(listed(await page('2026-Q3')), [titles.july, titles.summer]);
  assert.deepEqual(listed(await page('2026-q4')), [titles.july, titles.boundary, titles.main, titles.hostile]);
  assert.deepEqual(listed(await page()), listed(await page('2026-Q4')), 'default: the current quarter');
  assert.deepEqual(listed(await page('2026')), [titles.july, titles.summer, titles.boundary, titles.main, titles.hostile]);
  const empty = await page('2027-Q1');
  assert.deepEqual(listed(empty), []);
  assert.match(empty('main').text(), /Im Zeitraum gab es keine Sicherheitswarnung für Ihre Praxis/);
  assert.equal(empty('select[name=zeitraum] option[selected]').attr('value'), '2027-Q1', 'a period outside the choices is still offered');

  // Quarter bounds are Berlin midnights, in summer and in winter time alike.
  const q2 = parseEvidencePeriod('2026-Q2', now)!;
  assert.deepEqual([q2.from.toISOString(), q2.to.toISOString()], ['2026-03-31T22:00:00.000Z', '2026-06-30T22:00:00.000Z']);
  const y = parseEvidencePeriod('2026', now)!;
  assert.deepEqual([y.from.toISOString(), y.to.toISOString(), y.label], ['2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z', 'Jahr 2026']);
  assert.equal(parseEvidencePeriod(undefined, new Date('2026-12-31T23:30:00Z'))!.key, '2027-Q1', 'New Year in Berlin, still 2026 in UTC');
});

test('the page shows the header, the answer and each action\'s state, and escapes a hostile title', async () => {
  now = new Date('2026-12-04T12:00:00Z');
  const res = await report('', '2026-Q4');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const body = await res.text();
  assert.ok(!body.includes('<script>alert(1)'), 'no markup from a scraped title');
  assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  const $ = cheerio.load(body);
  assert.equal($('h1').text(), 'Nachweis für die IT-Sicherheitsrichtlinie');
  assert.deepEqual(
    $('dl.evidence-head dt').toArray().map((d) => $(d).text()),
    ['Praxis', 'Zeitraum', 'Erstellt am', 'Warndienst'],
  );
  assert.match($('main').text(), /kein Zertifikat/);
  const main = $('section.evidence-item').filter((_, s) => $(s).find('h3').text().includes(titles.main));
  assert.match(main.text(), /Betrifft uns\? Betroffen \(beantwortet am 22\.11\.2026\)/);
  assert.deepEqual(main.find('ol.actions li').toArray().map((li) => $(li).text()), [
    `${mainActions[0]} – erledigt am 03.12.2026 von Anna Schmidt (MFA)`,
    `${mainActions[1]} – erledigt am 04.12.2026`,
  ]);
  assert.equal($(`a[href="/verwalten/${manage}/nachweis.pdf?zeitraum=2026-Q4"]`).text(), 'Als PDF herunterladen');
  assert.equal($(`a[href="/verwalten/${manage}/nachweis.csv?zeitraum=2026-Q4"]`).length, 1);

  const managePage = cheerio.load(await (await app.request(`/verwalten/${manage}`)).text());
  assert.equal(managePage(`a[href="/verwalten/${manage}/nachweis"]`).text(), 'Nachweis für die IT-Sicherheitsrichtlinie');
});

test('the CSV opens in German Excel: BOM, semicolons, a German header, one row per action, formulas defused', async () => {
  now = new Date('2026-12-04T12:00:00Z');
  const res = await report('.csv', '2026-Q4');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="nachweis-2026-Q4.csv"');
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const text = bytes.toString('utf8');
  assert.ok(text.includes('"\'=HYPERLINK(""https://evil.test"";""klick"") <script>alert(1)</script>"'), 'quoted, quotes doubled, apostrophe first');
  const { records, unclosedQuoteLine } = parseCsv(text);
  assert.equal(unclosedQuoteLine, null);
  const [header, ...rows] = records.map((r) => r.fields);
  assert.deepEqual(header, ['Warnung', 'Schweregrad', 'Erste E-Mail am', 'Über Urlaubsvertretung', 'Betrifft uns?', 'Beantwortet am', 'Beantwortet von', 'Nr.', 'Maßnahme', 'Erledigt am', 'Erledigt von']);
  assert.deepEqual(rows, [
    [titles.july, 'Hoch', '15.07.2026', 'nein', 'Nicht betroffen – bereits aktualisiert (Version 8.02)', '23.11.2026', '', '1', 'Fernzugang prüfen', 'offen', ''],
    [titles.boundary, 'Hoch', '01.10.2026', 'nein', 'Keine Antwort', '', '', '', 'keine konkreten Maßnahmen genannt', '', ''],
    [titles.main, 'Hoch', '20.11.2026', 'nein', 'Betroffen', '22.11.2026', '', '1', mainActions[0], '03.12.2026', 'Anna Schmidt (MFA)'],
    [titles.main, 'Hoch', '20.11.2026', 'nein', 'Betroffen', '22.11.2026', '', '2', mainActions[1], '04.12.2026', ''],
    [`'${titles.hostile}`, 'Hoch', '21.11.2026', 'nein', 'Keine Antwort', '', '', '1', "'@SUMME(1+1) in die Zelle schreiben", '04.12.2026', "'-2+3"],
  ]);
});

test('an unknown period is a clear German 400; a tampered or foreign token a 400; nothing is shown without a valid link', async () => {
  for (const period of ['2026-Q5', '2026-13', 'letztes Quartal', '1999', '2026-Q4;drop']) {
    const res = await report('', period);
    assert.equal(res.status, 400, period);
    const $ = cheerio.load(await res.text());
    assert.equal($('h1').text(), 'Diesen Zeitraum kennen wir nicht');
    assert.match($('main').text(), /zum Beispiel „2026-Q4“ für Oktober bis Dezember 2026, oder ein ganzes Jahr, zum Beispiel „2026“/);
    assert.equal((await report('.pdf', period)).status, 400);
    assert.equal((await report('.csv', period)).status, 400);
  }
  const tampered = manage.replace(`.${practiceId}.`, `.${practiceId + 1}.`);
  const foreign = signAckToken(deps.env.LINK_SECRET, practiceId, ids.main, 0);
  for (const token of [tampered, foreign, signLinkToken(deps.env.LINK_SECRET, 'unsubscribe', practiceId), 'kaputt']) {
    for (const ext of ['', '.pdf', '.csv'] as const) {
      const res = await report(ext, '2026-Q4', token);
      assert.equal(res.status, 400, `${ext} with ${token}`);
      const body = await res.text();
      assert.match(body, /Dieser Link ist ungültig/);
      assert.ok(!body.includes('Özdemir'));
    }
  }
});

test('a long Nachweis runs over several numbered pages; characters the PDF font cannot show become ?, umlauts stay', async () => {
  const period = parseEvidencePeriod('2026', now)!;
  const items = Array.from({ length: 30 }, (_, i) => ({
    advisoryId: i + 1,
    title: i === 0 ? 'Schwachstelle in Привет-Server 😀 für Ärzte' : `Warnung Nummer ${i + 1} über Größe und Maß`,
    severity: 'mittel' as const,
    firstMailAt: new Date(Date.UTC(2026, 0, 1 + i, 9)),
    viaDeputy: i === 1,
    answer: null,
    actions: [{ position: 0, text: 'Update einspielen', doneAt: null, doneBy: null }],
  }));
  const pdf = await evidencePdf({ practiceName: 'Praxis Ärztehaus Süd', period, createdAt: now, operatorName: 'Verein für Praxis-IT e. V.', items });
  const { text, pages } = await pdfText(pdf);
  assert.ok(pages >= 2, `${pages} pages`);
  assert.ok(text.includes(`Seite ${pages} von ${pages}`));
  assert.ok(text.includes('Schwachstelle in ??????-Server ? für Ärzte'), text.slice(0, 2000));
  assert.ok(text.includes('Warnung Nummer 30 über Größe und Maß'));
  assert.ok(text.includes('Erste E-Mail: 02.01.2026 (an die Urlaubsvertretung)'));
});

test('a practice on the daily digest has the warnings its digest listed, dated by the digest mail', async () => {
  now = new Date('2026-10-05T06:00:00Z');
  const daily = addPractice(deps.db, { name: 'Praxis Tagesübersicht', email: 'daily@praxis.test', productIds: ['cgm-turbomed'], cadence: 'daily' }, { now, origin: 'cli' }).id;
  const first = publishAdvisory(deps.db, { title: 'TURBOMED: Lücke in der Rezeptschnittstelle', severity: 'mittel', products: [{ id: 'cgm-turbomed' }], actions: ['Update einspielen'], releasedAt: now });
  const second = publishAdvisory(deps.db, { title: 'TURBOMED: Hinweis zur Datensicherung', severity: 'niedrig', products: [{ id: 'cgm-turbomed' }], releasedAt: now });
  assert.deepEqual([...matchAdvisory(deps.db, first, { now, mailDomain: 'praxiswarn.test' }), ...matchAdvisory(deps.db, second, { now, mailDomain: 'praxiswarn.test' })], [], 'no alert for a digest practice');
  now = new Date('2026-10-06T05:00:00Z');
  const digests = writeDigestDeliveries(deps.db, { cadence: 'daily', period: 'daily:2026-10-06', now, mailDomain: 'praxiswarn.test' });
  assert.equal(digests.length, 1);
  assert.equal(await sendDelivery(deps, digests[0]!), 'sent');
  now = new Date('2026-12-04T12:00:00Z');
  const res = await report('.csv', '2026-Q4', signLinkToken(deps.env.LINK_SECRET, 'manage', daily));
  const rows = parseCsv(await res.text()).records.slice(1).map((r) => [r.fields[0], r.fields[2]]);
  assert.deepEqual(rows, [
    ['TURBOMED: Lücke in der Rezeptschnittstelle', '06.10.2026'],
    ['TURBOMED: Hinweis zur Datensicherung', '06.10.2026'],
  ]);
});
