import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import * as cheerio from 'cheerio';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { approveAdvisory } from '../src/admin/curation.usecases.js';
import { CurationError } from '../src/admin/curation.errors.js';
import { advisories, sources } from '../src/db/schema.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { practiceLinks } from '../src/notify/compose.js';
import { createWebApp } from '../src/web/app.js';
import { startWorkers, type RunningWorkers } from '../workers/workers.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';
import { removeQueues, waitForIdle } from './support/queues.js';

// A trusted source whose feed holds 30 warnings of the past years and one of this morning: on its first read only
// this morning's warning may reach a practice; the 30 are listed under their own dates and never mailed.

const oldProducts = [
  'CGM ALBIS', 'CGM MEDISTAR', 'CGM TURBOMED', 'CGM M1 PRO', 'CGM Z1', 'x.isynet', 'x.comfort', 'x.concept', 'x.vianova', 'easymed',
  'T2med', 'tomedo', 'Doc Cirrus inSuite', 'MEDICAL OFFICE', 'EPIKUR', 'QUINCY', 'DURIA', 'RED medical', 'APRIS', 'Elaphe Longissima',
  'TeamViewer', 'AnyDesk', 'Securepoint UTM', 'Sophos Firewall', 'bintec be.IP', 'psyprax', 'charly by solutio', 'ivoris', 'DENSoffice', 'Praxis-Wächter',
];

type Item = { id: string; title: string; text: string; date: Date };

const oldItems: Item[] = oldProducts.map((name, i) => ({
  id: `alt-${i}`,
  title: `Sicherheitslücke in ${name}: Update auf Version ${i + 2}.${i}.1 verfügbar`,
  text: `Der Hersteller hat eine Sicherheitslücke in ${name} geschlossen. Praxen, die ${name} einsetzen, sollten das Update auf Version ${i + 2}.${i}.1 zeitnah installieren.`,
  // One every three weeks, from June 2023 to January 2025.
  date: new Date(Date.UTC(2023, 5, 1) + i * 21 * 86_400_000),
}));

const rfc822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');

function feed(items: Item[]): string {
  const entries = items.map(
    (x) => `<item><title>${x.title}</title><link>{{BASE_URL}}/meldungen/${x.id}</link><guid isPermaLink="false">${x.id}</guid><pubDate>${rfc822(x.date)}</pubDate><description><![CDATA[<p>${x.text}</p>]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Praxis-IT Hinweise</title><link>{{BASE_URL}}/</link><description>Hinweise</description>${entries.join('')}</channel></rss>`;
}

let site: FixtureServer;
let smtp: SmtpSink;
let deps: AppDeps;
let workers: RunningWorkers;
let items: Item[];
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

const mailsTo = (address: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);

async function readSource() {
  site.setRoute('/feed.xml', { body: feed(items), contentType: 'application/rss+xml; charset=utf-8' });
  deps.db.update(sources).set({ nextCheckAt: new Date(Date.now() - 60_000) }).run();
  await deps.queues.sweep.add('sweep', {}, { jobId: `sweep-${Date.now()}-${Math.random()}` });
  await waitForIdle(deps.queues);
}

before(async () => {
  site = await startFixtureServer({});
  smtp = await startSmtpSink();
  const source = { id: 'praxis-it', name: 'Praxis-IT Hinweise', publisher: 'Praxis-IT', kind: 'rss' as const, url: `${site.url}/feed.xml`, trust: 'auto' as const, intervalMinutes: 60, enabled: true };
  // The production default for the age of news, not the test default (see testEnv).
  const env = testEnv({ sources: [source], env: { SMTP_URL: smtp.url, ALERT_MAX_AGE_DAYS: '30' } });
  deps = await createAppDeps(env, { logger: createLogger('silent') });
  const catalog = deps.catalog.products;
  const idOf = (name: string) => catalog.find((p) => p.name === name)!.id;
  const now = new Date();
  addPractice(deps.db, { name: 'Praxis Alle', email: 'alle@praxis.test', productIds: [...oldProducts.map(idOf), 'cgm-kocobox-med-plus'] }, { now, origin: 'cli' });
  addPractice(deps.db, { name: 'Praxis Konnektor', email: 'konnektor@praxis.test', productIds: ['cgm-kocobox-med-plus'] }, { now, origin: 'cli' });
  addPractice(deps.db, { name: 'Praxis Alt', email: 'alt@praxis.test', productIds: oldProducts.slice(0, 5).map(idOf) }, { now, origin: 'cli' });
  workers = startWorkers(deps, { connection: deps.redis, concurrency: 2 });
});

after(async () => {
  await workers.close();
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
  await site.close();
});

test('a new source with 30 old warnings and one from this morning alerts only this morning’s, once per practice', async () => {
  items = [
    { id: 'neu-1', title: 'KoCoBox MED+: Firmware-Update 5.2.11 schließt Sicherheitslücke', text: 'Für den Konnektor KoCoBox MED+ steht die Firmware 5.2.11 bereit. Praxen sollten das Update auf Version 5.2.11 umgehend installieren.', date: hoursAgo(3) },
    ...oldItems,
  ];
  await readSource();

  const archived = deps.db.select().from(advisories).where(eq(advisories.status, 'archive')).all();
  assert.equal(archived.length, 30, 'the 30 old warnings are in the archive');
  assert.ok(archived.every((a) => a.releasedAt && a.publishedAt && a.publishedAt < new Date('2025-03-01')));
  for (const a of archived) assert.match(a.archiveReason ?? '', /vom \d\d\.\d\d\.20\d\d: älter als 30 Tage/, a.title);

  for (const address of ['alle@praxis.test', 'konnektor@praxis.test']) {
    const mails = mailsTo(address);
    assert.equal(mails.length, 1, `${address} gets exactly one alert`);
    assert.match(mails[0]!.subject ?? '', /KoCoBox MED\+/);
  }
  assert.equal(mailsTo('alt@praxis.test').length, 0, 'a practice with only old warnings gets nothing');
  assert.equal(smtp.messages.length, 2);
});

test('the archive is on /warnungen under its own dates, apart from the release date, and not in the feed', async () => {
  const app = createWebApp(deps);
  const $ = cheerio.load(await (await app.request('/warnungen')).text());
  const rows = $('ul.plain li').toArray().map((li) => $(li).text());
  assert.equal(rows.length, 31);
  assert.match(rows[0]!, /KoCoBox MED\+/, 'this morning’s warning is first');
  assert.doesNotMatch(rows[0]!, /Archiv/);
  const albis = rows.find((r) => r.includes('CGM ALBIS'))!;
  assert.match(albis, /vom 1\. Juni 2023 \(hier seit \d+\. \w+ 20\d\d\)/);
  assert.match(albis, /Archiv/);
  assert.equal(rows.filter((r) => /Archiv/.test(r)).length, 30);

  const atom = await (await app.request('/warnungen.atom')).text();
  assert.equal((atom.match(/<entry>/g) ?? []).length, 1, 'the feed carries news only');

  const page = await (await app.request(`/warnungen/${deps.db.select().from(advisories).where(eq(advisories.status, 'archive')).all()[0]!.id}`)).text();
  assert.match(page, /nicht per E-Mail an Praxen verschickt/);
});

test('a later read of the same source brings news again; a late report of an old incident goes to the archive', async () => {
  items = [
    { id: 'neu-2', title: 'Sicherheitslücke in x.isynet: Update auf Version 9.1.4', text: 'medatixx hat eine Sicherheitslücke in x.isynet geschlossen. Praxen sollten das Update auf Version 9.1.4 sofort installieren.', date: hoursAgo(1) },
    { id: 'spaet-1', title: 'Sicherheitslücke in CGM Z1: Update auf Version 7.3.1', text: 'Der Hersteller hat eine Lücke in CGM Z1 geschlossen. Praxen sollten das Update auf Version 7.3.1 installieren.', date: new Date(Date.now() - 45 * 86_400_000) },
    ...items,
  ];
  await readSource();
  assert.equal(mailsTo('alle@praxis.test').length, 2, 'the x.isynet warning goes out');
  assert.match(mailsTo('alle@praxis.test')[1]!.subject ?? '', /x\.isynet/);
  assert.equal(smtp.messages.length, 3, 'the 45-day-old CGM Z1 report does not');
  const late = deps.db.select().from(advisories).where(eq(advisories.title, 'Sicherheitslücke in CGM Z1: Update auf Version 7.3.1')).get()!;
  assert.equal(late.status, 'archive');
  assert.match(late.archiveReason ?? '', /älter als 30 Tage/);
});

test('an editor sends an archived warning only after confirming how old it is', async () => {
  const albis = deps.db.select().from(advisories).where(eq(advisories.title, oldItems[0]!.title)).get()!;
  const actor = { adminId: null, name: 'redaktion@verband.test' };
  await assert.rejects(
    () => approveAdvisory(deps, actor, albis.id),
    (error: unknown) => error instanceof CurationError && error.code === 'old_news' && /laut Quelle \d+ Tage alt \(vom 01\.06\.2023\)/.test(error.message),
  );
  assert.equal(smtp.messages.length, 3);
  await approveAdvisory(deps, actor, albis.id, { confirmOld: true });
  await waitForIdle(deps.queues);
  const albisMails = smtp.messages.filter((m) => /CGM ALBIS/.test(m.subject ?? ''));
  assert.deepEqual(albisMails.map((m) => (Array.isArray(m.to) ? '' : m.to?.value[0]?.address)).sort(), ['alle@praxis.test', 'alt@praxis.test']);
});

test('a practice that subscribes later sees the archived and earlier warnings on its products in /verwalten', async () => {
  const practice = addPractice(deps.db, { name: 'Praxis Neu', email: 'neu@praxis.test', productIds: ['cgm-medistar', 'cgm-kocobox-med-plus'] }, { now: new Date(), origin: 'cli' });
  const { manageUrl } = practiceLinks(deps.publicUrl, deps.linkSecret, practice.id);
  const $ = cheerio.load(await (await createWebApp(deps).request(new URL(manageUrl).pathname)).text());
  const known = $('#bekannt').nextAll('section.advisory').toArray().map((s) => $(s).text());
  assert.equal(known.length, 2, known.join(' | '));
  assert.match(known[0]!, /KoCoBox MED\+/, 'the warning of this morning, sent before the practice subscribed');
  assert.match(known[1]!, /CGM MEDISTAR[\s\S]*vom 22\. Juni 2023[\s\S]*Archiv[\s\S]*1 von 1 Maßnahmen offen/);
  assert.match($('body').text(), /Seit Ihrer Anmeldung gab es keine neue Warnung zu Ihren Produkten\./);
});
