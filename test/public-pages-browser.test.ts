import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pino } from 'pino';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { advisories, advisoryCves } from '../src/db/schema.js';
import { signLinkToken } from '../src/practices/links.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { publishAdvisory } from './support/advisories.js';
import { launchBrowser, outputDir, serveApp } from './support/browser.js';
import { brokenFeedPath, brokenFeedRoute, seedEveryState, type EveryState } from './support/every-state.js';
import { csafPages, sitePages, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

// A practice owner on a phone and at a desk: the sign-up form stays short, /warnungen finds what it is asked for
// (and its feed holds the same), the practice's page shows what is already open, and no page, public or admin, is
// wider than a 375 px screen. Screenshots of every page at 375 and 1280 px go to test-output/.

const now = new Date('2026-11-25T09:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const widths = [375, 1280] as const;

let deps: AppDeps;
let site: FixtureServer;
let world: EveryState;
let web: Awaited<ReturnType<typeof serveApp>>;
let adminWeb: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
const contexts = new Map<number, BrowserContext>();
const seeded: Record<string, number> = {};
let manageUrl: string;

before(async () => {
  deps = await createAppDeps(testEnv({ env: { SIGNUP_LIMIT_PER_IP: '50' } }), { logger: createLogger('silent'), clock: () => now });
  const db = deps.db;
  seeded.fritz = publishAdvisory(db, {
    title: 'FRITZ!Box: Sicherheitslücke im Fernzugang geschlossen',
    summary: 'AVM hat eine Lücke im Fernzugang MyFRITZ! geschlossen, über die Angreifer aus dem Internet die Box übernehmen konnten.',
    severity: 'hoch',
    products: [{ id: 'avm-fritzbox', fixedVersion: '8.02' }],
    actions: ['FRITZ!Box auf Version 8.02 aktualisieren'],
    releasedAt: daysAgo(3),
  });
  seeded.isynet = publishAdvisory(db, {
    title: 'x.isynet: Update 9.1.4 schließt kritische Lücke',
    summary: 'Über die Schnittstelle zum Labor konnten Unbefugte Patientendaten lesen.',
    severity: 'kritisch',
    products: [{ id: 'medatixx-x-isynet', fixedVersion: '9.1.4' }],
    actions: ['Prüfen Sie die installierte Version von x.isynet', 'Installieren Sie das Update auf Version 9.1.4'],
    releasedAt: daysAgo(10),
  });
  db.insert(advisoryCves).values({ advisoryId: seeded.isynet, cve: 'CVE-2026-40011' }).run();
  seeded.digibox = publishAdvisory(db, {
    title: 'Digitalisierungsbox Premium: Firmware 11.01.02.102 schließt Lücke',
    severity: 'hoch',
    products: [{ id: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }],
    actions: ['Firmware-Version der Digitalisierungsbox prüfen', 'Firmware auf Version 11.01.02.102 aktualisieren'],
    releasedAt: daysAgo(20),
  });
  // Notices without a flaw: no CVE, no affected or fixed version.
  seeded.outage = publishAdvisory(db, {
    title: 'Störung: KIM-Dienst in vielen Praxen nicht erreichbar',
    summary: 'Der KIM-Fachdienst eines Anbieters ist gestört; eArztbriefe kommen verspätet an.',
    severity: 'mittel',
    products: [{ id: 'gematik-kim' }],
    actions: ['Versand wichtiger eArztbriefe später wiederholen'],
    releasedAt: daysAgo(2),
  });
  seeded.deadline = publishAdvisory(db, {
    title: 'Frist: Zertifikate der KoCoBox MED+ bis 31. Dezember tauschen',
    summary: 'Die Zertifikate älterer Konnektoren laufen zum Jahresende ab.',
    severity: 'hoch',
    products: [{ id: 'cgm-kocobox-med-plus' }],
    actions: ['Termin für den Tausch mit dem IT-Dienstleister vereinbaren'],
    releasedAt: daysAgo(40),
  });
  // An old warning found on a source's first read: listed under its own date, marked "Archiv".
  seeded.archive = publishAdvisory(db, { title: 'Sicherheitslücke in CGM ALBIS: Update auf 24.10', severity: 'mittel', products: [{ id: 'cgm-albis', fixedVersion: '24.10' }], releasedAt: daysAgo(1) });
  db.update(advisories).set({ status: 'archive', publishedAt: new Date('2023-06-01T08:00:00Z') }).where(eq(advisories.id, seeded.archive)).run();
  seeded.hostile = publishAdvisory(db, { title: 'Windows 11: <img src=x onerror=alert(1)> im Vorschaufenster', severity: 'niedrig', products: [{ id: 'microsoft-windows-11', fixedVersion: '10.0.26100.1' }], releasedAt: daysAgo(45) });
  // Enough patch days for a second page.
  for (let n = 1; n <= 45; n++) {
    publishAdvisory(db, { title: `Windows 11: Sicherheitsupdate vom Patchday ${n}`, severity: n % 3 ? 'niedrig' : 'mittel', products: [{ id: 'microsoft-windows-11', fixedVersion: `10.0.26100.${n + 1}` }], releasedAt: daysAgo(50 + n * 14) });
  }
  // Subscribed after all of that: nothing was mailed to it, so /verwalten lists the open warnings as already known.
  const practice = addPractice(db, { name: 'Praxis Dr. Sommer', email: 'empfang@praxis-sommer.test', productIds: ['medatixx-x-isynet', 'telekom-digitalisierungsbox-premium'] }, { now, origin: 'cli' });
  manageUrl = `/verwalten/${signLinkToken(deps.linkSecret, 'manage', practice.id)}`;
  web = await serveApp(createWebApp(deps));

  // The admin pages on a database holding every state they can show, with an editor logged in.
  site = await startFixtureServer({ ...sitePages, ...csafPages, [brokenFeedPath]: brokenFeedRoute });
  world = await seedEveryState(site, { logger: pino({ level: 'silent' }) });
  adminWeb = await serveApp(world.app);

  browser = await launchBrowser();
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: width === 375 ? 740 : 900 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${adminWeb.url}/admin/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(world.editor.email);
    await page.getByLabel('Passwort').fill(world.editor.password);
    await Promise.all([page.waitForURL(`${adminWeb.url}/admin`), page.getByLabel('Passwort').press('Enter')]);
    await page.close();
    contexts.set(width, context);
  }
});

after(async () => {
  await browser?.close();
  await web?.close();
  await adminWeb?.close();
  for (const d of [deps, world?.deps]) {
    if (!d) continue;
    await removeQueues(d.queues);
    const limits = await d.redis.keys(`${d.env.QUEUE_PREFIX}:ratelimit:*`);
    if (limits.length) await d.redis.del(...limits);
    await d.close();
  }
  await site?.close();
});

const newPage = (width: number) => contexts.get(width)!.newPage();
const pageSize = (page: Page) => page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
const shoot = (page: Page, width: number, name: string) => page.screenshot({ path: join(outputDir(), `public-pages-${width}-${name}.png`), fullPage: true });
/** Version fields a person can see (display:none has no box). */
const visibleVersionFields = (page: Page) => page.locator('.version-field').evaluateAll((fields) => fields.filter((f) => (f as HTMLElement).offsetParent !== null).length);

test('on a phone, opening a category of /abonnieren adds one short row per product: version fields show only under ticked products', async () => {
  const page = await newPage(375);
  await page.goto(`${web.url}/abonnieren`);
  const closed = await pageSize(page);
  const pvs = page.locator('details.category').filter({ hasText: 'Praxisverwaltungssystem (PVS)' });
  await pvs.locator('summary').click();
  const products = await pvs.locator('.product').count();
  assert.ok(products >= 30, `the PVS category lists the catalog (${products})`);
  const opened = await pageSize(page);
  assert.equal(await visibleVersionFields(page), 0, 'no version field under an unticked product');
  assert.ok(opened.height - closed.height <= products * 56, `opening ${products} products added ${opened.height - closed.height} px`);
  // Bound raised from 5,000 when the form gained the "TI-Störungen" opt-in.
  assert.ok(opened.height < 5_300, `the page is ${opened.height} px tall with the PVS category open`);
  assert.ok(opened.width <= 375, 'no horizontal scrolling');

  await page.getByRole('checkbox', { name: 'x.isynet (medatixx)' }).check();
  assert.equal(await visibleVersionFields(page), 1);
  assert.equal(await page.getByLabel('Installierte Version von x.isynet (freiwillig)').isVisible(), true);
  // The vendor is named only where the product's name does not say it.
  assert.equal(await page.getByRole('checkbox', { name: 'APRIS', exact: true }).count(), 1);
  assert.equal(await page.getByText('APRIS (APRIS)').count(), 0);
  assert.equal(await page.getByText(/einwilligung-2026/).count(), 0, 'no internal consent id');
  await page.getByText('Einwilligungserklärung, Stand: November 2026').waitFor();
  await shoot(page, 375, 'abonnieren-pvs-offen');
  await page.close();
});

test('the sign-up at 375 and 1280 px: a ticked product asks for its version, the button says what it does', async () => {
  for (const width of widths) {
    const page = await newPage(width);
    await page.goto(`${web.url}/abonnieren`);
    await shoot(page, width, 'abonnieren');
    await page.getByLabel('Name der Praxis').fill('Praxis Dr. Winter');
    await page.getByLabel('E-Mail-Adresse der Praxis').fill(`winter-${width}@praxis.test`);
    await page.getByLabel('Produkt suchen').fill('fritz');
    await page.getByRole('checkbox', { name: 'FRITZ!Box (AVM)' }).check();
    await page.getByLabel('Installierte Version von FRITZ!Box (freiwillig)').fill('7.57');
    await page.getByLabel('Ich bin einverstanden.').check();
    assert.ok((await pageSize(page)).width <= width);
    await shoot(page, width, 'abonnieren-ausgefuellt');
    await page.getByRole('button', { name: 'Warnungen abonnieren' }).click();
    await page.getByRole('heading', { name: /Bitte prüfen Sie Ihr Postfach/ }).waitFor();
    await shoot(page, width, 'abonnieren-postfach');
    await page.close();
  }
});

const rowTitles = (page: Page) => page.locator('ul.advisory-list > li > a.advisory-title').allTextContents();

test('/warnungen searches and filters by product, category, severity, period and kind in the URL, pages, and each list has its own feed', async () => {
  const page = await newPage(1280);
  await page.goto(`${web.url}/warnungen`);
  assert.deepEqual(await page.locator('main h2').allTextContents(), ['Sicherheitslücken', 'Weitere Hinweise'], 'flaws and notices apart');
  assert.equal((await rowTitles(page)).length, 40);
  await page.getByText('Seite 1 von 2').waitFor();
  const fritzRow = page.locator('ul.advisory-list > li').filter({ hasText: 'FRITZ!Box: Sicherheitslücke' });
  assert.match(await fritzRow.innerText(), /Hoch · veröffentlicht am 22\. November 2026\s+Betrifft: FRITZ!Box \(AVM\)/);
  assert.equal(await page.locator('img[src=x]').count(), 0, 'scraped titles are text');
  await page.getByText('Windows 11: <img src=x onerror=alert(1)> im Vorschaufenster').waitFor();

  await page.getByRole('link', { name: 'Ältere Meldungen →' }).click();
  await page.getByText('Seite 2 von 2').waitFor();
  assert.equal(new URL(page.url()).search, '?seite=2');
  const second = await rowTitles(page);
  assert.equal(second.length, 12);
  assert.equal(second.at(-1), 'Sicherheitslücke in CGM ALBIS: Update auf 24.10', 'by its own date, the archived warning of 2023 is the oldest');
  const archiveRow = page.locator('ul.advisory-list > li').filter({ hasText: 'CGM ALBIS' });
  assert.match(await archiveRow.innerText(), /vom 1\. Juni 2023 \(hier seit 24\. November 2026\) · Archiv/);

  // Search: title, summary, product and vendor names, any case, umlauts too.
  const search = async (words: string) => {
    await page.goto(`${web.url}/warnungen`);
    await page.getByLabel('Suchen', { exact: true }).fill(words);
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.waitForURL(/\?q=/);
    return (await rowTitles(page)).sort();
  };
  assert.deepEqual(await search('fritz'), ['FRITZ!Box: Sicherheitslücke im Fernzugang geschlossen']);
  assert.deepEqual(await search('medatixx'), ['x.isynet: Update 9.1.4 schließt kritische Lücke'], 'the vendor of a product');
  assert.deepEqual(await search('patientendaten'), ['x.isynet: Update 9.1.4 schließt kritische Lücke'], 'the summary');
  assert.deepEqual(await search('störung kim'), ['Störung: KIM-Dienst in vielen Praxen nicht erreichbar']);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'störung kim');
  await page.getByText('1 Meldung passt zu Suche „störung kim“').waitFor();

  // The filters: a GET form, so the URL holds them.
  const filter = async (label: string, option: string) => {
    await page.goto(`${web.url}/warnungen`);
    await page.getByText('Nach Produkt, Hersteller, Bereich, Einstufung oder Zeitraum filtern').click();
    await page.getByLabel(label, { exact: true }).selectOption({ label: option });
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForURL(/\?/);
    return { titles: (await rowTitles(page)).sort(), search: new URL(page.url()).search };
  };
  assert.deepEqual(await filter('Produkt', 'x.isynet'), { titles: ['x.isynet: Update 9.1.4 schließt kritische Lücke'], search: '?produkt=medatixx-x-isynet' });
  assert.deepEqual(await filter('Hersteller', 'AVM'), { titles: ['FRITZ!Box: Sicherheitslücke im Fernzugang geschlossen'], search: '?hersteller=avm' });
  const router = await filter('Bereich', 'Router');
  assert.deepEqual(router, { titles: ['Digitalisierungsbox Premium: Firmware 11.01.02.102 schließt Lücke', 'FRITZ!Box: Sicherheitslücke im Fernzugang geschlossen'], search: '?bereich=router' });
  const routerFeed = await page.getByRole('link', { name: 'Atom-Feed' }).getAttribute('href');
  assert.equal(routerFeed, '/warnungen.atom?bereich=router');
  assert.deepEqual((await filter('Einstufung', 'ab Hoch')).titles, [
    'Digitalisierungsbox Premium: Firmware 11.01.02.102 schließt Lücke',
    'FRITZ!Box: Sicherheitslücke im Fernzugang geschlossen',
    'Frist: Zertifikate der KoCoBox MED+ bis 31. Dezember tauschen',
    'x.isynet: Update 9.1.4 schließt kritische Lücke',
  ]);
  assert.deepEqual((await filter('Zeitraum', 'Letzte 30 Tage')).titles, [
    'Digitalisierungsbox Premium: Firmware 11.01.02.102 schließt Lücke',
    'FRITZ!Box: Sicherheitslücke im Fernzugang geschlossen',
    'Störung: KIM-Dienst in vielen Praxen nicht erreichbar',
    'x.isynet: Update 9.1.4 schließt kritische Lücke',
  ]);

  // The kinds: notices without a flaw on their own, the rule said in one sentence.
  await page.goto(`${web.url}/warnungen?einstufung=hoch`);
  await page.getByRole('link', { name: /^Weitere Hinweise \(1\)$/ }).click();
  await page.waitForURL(/art=hinweise/);
  assert.deepEqual(await rowTitles(page), ['Frist: Zertifikate der KoCoBox MED+ bis 31. Dezember tauschen']);
  assert.equal(new URL(page.url()).search, '?einstufung=hoch&art=hinweise');
  await page.getByText(/führen wir eine Meldung, die eine CVE-Kennung oder eine betroffene bzw\. behobene Version nennt/).waitFor();

  // Each list's feed holds exactly its entries (news only: the archive stays on the page).
  const feed = async (search: string) => {
    const res = await fetch(`${web.url}/warnungen.atom${search}`);
    assert.equal(res.status, 200);
    const $ = cheerio.load(await res.text(), { xml: true });
    return { titles: $('entry > title').toArray().map((e) => $(e).text().replace(/^\[[^\]]+\] /, '')).sort(), self: $('feed > link[rel=self]').attr('href') };
  };
  assert.deepEqual(await feed(routerFeed!.replace('/warnungen.atom', '')), { titles: router.titles, self: new URL('/warnungen.atom?bereich=router', deps.publicUrl).href });
  assert.deepEqual((await feed('?art=hinweise')).titles, ['Frist: Zertifikate der KoCoBox MED+ bis 31. Dezember tauschen', 'Störung: KIM-Dienst in vielen Praxen nicht erreichbar']);
  assert.deepEqual((await feed('?q=fritz')).titles, ['FRITZ!Box: Sicherheitslücke im Fernzugang geschlossen']);
  assert.deepEqual((await feed('?produkt=cgm-albis')).titles, [], 'the archived ALBIS warning is on the page, not in the feed');
  await page.close();
});

test('a new subscriber finds the open warnings on its products in /verwalten, with actions to tick, on a phone', async () => {
  const page = await newPage(375);
  await page.goto(`${web.url}${manageUrl}`);
  await page.getByRole('heading', { name: 'Bereits bekannte Warnungen zu Ihren Produkten' }).waitFor();
  const known = page.locator('section.advisory').filter({ hasText: 'x.isynet: Update 9.1.4' });
  await known.getByText('2 von 2 Maßnahmen offen').waitFor();
  await known.getByRole('button', { name: 'Als erledigt vermerken: Installieren Sie das Update auf Version 9.1.4' }).click();
  await page.getByRole('heading', { name: 'Vielen Dank – vermerkt' }).waitFor();
  await page.getByRole('link', { name: 'Offene Maßnahmen ansehen' }).click();
  await known.getByText('1 von 2 Maßnahmen offen').waitFor();
  assert.ok((await pageSize(page)).width <= 375);
  await page.close();
});

/** The first (or n-th) mail link of a practice of the world that starts with `prefix`. */
function worldLink(prefix: string, practice: string, n = 0): string {
  const found = world.mailLinks.filter((l) => l.url.startsWith(prefix) && l.practice === practice)[n];
  if (!found) throw new Error(`no ${prefix} link of ${practice} in the world`);
  return found.url;
}
const advisoryOf = (state: string) => world.advisoryIds[state]![0]!;

test('no page is wider than a 375 px phone; screenshots of every page at 375 and 1280 px', async () => {
  const draft = world.advisoryIds['draft with recipients']![0]!;
  const pages: [name: string, url: string][] = [
    ['start', `${web.url}/`],
    ['abonnieren', `${web.url}/abonnieren`],
    ['warnungen', `${web.url}/warnungen`],
    ['warnungen-gefiltert', `${web.url}/warnungen?bereich=router&einstufung=hoch`],
    ['warnung', `${web.url}/warnungen/${seeded.isynet}`],
    ['warnung-archiv', `${web.url}/warnungen/${seeded.archive}`],
    ['verwalten', `${web.url}${manageUrl}`],
    ...['', `/meldungen/${draft}`, '/veroeffentlicht', '/quellen', '/katalog', '/praxen', '/protokoll', '/tokens', '/konto', '/extraktion'].map(
      (path): [string, string] => [`admin${path.replace(/\/\d+$/, '').replace(/\//g, '-')}`, `${adminWeb.url}/admin${path}`],
    ),
    // Practice care (issue 18) on the world with every state: answers, outage, closing period, Nachweis, firms.
    ['admin-stoerungen', `${adminWeb.url}/admin/veroeffentlicht?liste=stoerungen`],
    ['admin-antworten', `${adminWeb.url}/admin/veroeffentlicht/${advisoryOf('published')}/antworten`],
    ['admin-meldung-stoerung', `${adminWeb.url}/admin/meldungen/${advisoryOf('TI outage')}`],
    ['warnung-stoerung', `${adminWeb.url}/warnungen/${advisoryOf('TI outage')}`],
    ['verwalten-voll', `${adminWeb.url}${worldLink('/verwalten/', 'immediate')}`],
    ['nachweis', `${adminWeb.url}${worldLink('/verwalten/', 'immediate')}/nachweis?zeitraum=2026`],
    ['schliesszeit', `${adminWeb.url}${worldLink('/verwalten/', 'daily')}/schliesszeit`],
    ['betrifft', `${adminWeb.url}${worldLink('/betrifft/', 'withVersion', 1)}`],
    ['vertretung', `${adminWeb.url}${worldLink('/vertretung/', 'weekly')}`],
    ['dienstleister', `${adminWeb.url}${worldLink('/dienstleister/firm.', 'immediate')}`],
    ['dienstleister-anmelden', `${adminWeb.url}/dienstleister/anmelden`],
  ];
  const tooWide: string[] = [];
  for (const width of widths) {
    const page = await newPage(width);
    for (const [name, url] of pages) {
      const res = await page.goto(url);
      assert.equal(res?.status(), 200, url);
      assert.ok(!page.url().includes('/admin/anmelden'), `logged in for ${url}`);
      const size = await pageSize(page);
      if (size.width > width) tooWide.push(`${new URL(url).pathname} is ${size.width} px wide at ${width} px`);
      await shoot(page, width, name);
    }
    await page.close();
  }
  assert.deepEqual(tooWide, []);
});
