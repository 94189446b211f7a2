import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { matchAdvisory } from '../src/notify/match.js';
import { sendDelivery } from '../src/notify/send.js';
import { signLinkToken } from '../src/practices/links.js';
import { acknowledgements, impactAnswers } from '../src/practices/practices.table.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { publishAdvisory } from './support/advisories.js';
import { launchBrowser, outputDir, serveApp } from './support/browser.js';
import { pdfText } from './support/pdf-text.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

// On a phone, without scripts: a practice answers "betroffen" on its own page, ticks both actions there (once with a
// name), opens the Nachweis, changes the period, downloads the PDF and prints the page.

let smtp: SmtpSink;
let deps: AppDeps;
let web: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let now = new Date('2026-11-02T08:00:00Z');
let manageUrl: string;
const title = 'TURBOMED: Update schließt Lücke in der Fernwartung';
const actions = ['TURBOMED auf Version 24.3 aktualisieren', 'Fernwartungszugänge der letzten vier Wochen prüfen'];

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url, OPERATOR_NAME: 'Ärzteverband Musterland e. V.', OPERATOR_ADDRESS: 'Musterstraße 1, 12345 Musterstadt' } }), { logger: createLogger('silent'), clock: () => now });
  const practice = addPractice(deps.db, { name: 'Hausarztpraxis Müller-Lüdenscheidt', email: 'mueller@praxis.test', productIds: ['cgm-turbomed'] }, { now, origin: 'cli' });
  now = new Date('2026-11-16T08:00:00Z');
  const advisoryId = publishAdvisory(deps.db, { title, severity: 'kritisch', products: [{ id: 'cgm-turbomed', fixedVersion: '24.3' }], actions, releasedAt: now });
  const written = matchAdvisory(deps.db, advisoryId, { now, mailDomain: 'praxiswarn.test' });
  assert.equal(written.length, 1);
  assert.equal(await sendDelivery(deps, written[0]!), 'sent');
  web = await serveApp(createWebApp(deps));
  manageUrl = `${web.url}/verwalten/${signLinkToken(deps.env.LINK_SECRET, 'manage', practice.id)}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await web?.close();
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

test('on a 375 px phone without scripts: answer "betroffen", tick both actions, open the Nachweis, switch the period, download the PDF, print', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'de-DE', javaScriptEnabled: false, acceptDownloads: true });
  const page = await context.newPage();
  const noSideways = async (what: string) => assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, `${what}: no horizontal scrolling`);

  now = new Date('2026-11-16T09:00:00Z');
  await page.goto(manageUrl);
  await page.locator('section.advisory', { hasText: title }).getByRole('button', { name: `Betroffen: ${title}` }).click();
  await page.getByText('Vielen Dank – vermerkt').waitFor();
  assert.deepEqual(deps.db.select({ answer: impactAnswers.answer }).from(impactAnswers).all(), [{ answer: 'betroffen' }]);

  now = new Date('2026-12-01T09:00:00Z');
  await page.goto(manageUrl);
  const warning = page.locator('section.advisory', { hasText: title });
  await warning.screenshot({ path: join(outputDir(), 'verwalten-erledigt-von-375.png') });
  await warning.getByLabel('Erledigt von (Name, optional)').fill('Dr. Jana Müller-Lüdenscheidt');
  await warning.getByLabel('Erledigt von (Name, optional)').press('Enter');
  await page.waitForTimeout(300);
  assert.equal(deps.db.select().from(acknowledgements).all().length, 0, 'Enter in the name field ticks nothing');
  await warning.getByRole('button', { name: `Als erledigt vermerken: ${actions[0]}` }).click();
  await page.getByText('Vielen Dank – vermerkt').waitFor();

  now = new Date('2026-12-02T15:30:00Z');
  await page.goto(manageUrl);
  await noSideways('manage page');
  await page.locator('section.advisory', { hasText: title }).getByRole('button', { name: `Als erledigt vermerken: ${actions[1]}` }).click();
  await page.getByText('Vielen Dank – vermerkt').waitFor();

  now = new Date('2026-12-04T10:00:00Z');
  await page.goto(manageUrl);
  await page.getByRole('link', { name: 'Nachweis für die IT-Sicherheitsrichtlinie' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nachweis für die IT-Sicherheitsrichtlinie' }).waitFor();
  await noSideways('Nachweis');
  await page.screenshot({ path: join(outputDir(), 'nachweis-375.png'), fullPage: true });
  const item = page.locator('section.evidence-item', { hasText: title });
  assert.match(await item.innerText(), /Betrifft uns\? Betroffen \(beantwortet am 16\.11\.2026\)/);
  assert.deepEqual(await item.locator('ol.actions li').allInnerTexts(), [
    `${actions[0]} – erledigt am 01.12.2026 von Dr. Jana Müller-Lüdenscheidt`,
    `${actions[1]} – erledigt am 02.12.2026`,
  ]);

  await page.getByLabel('Zeitraum').selectOption({ label: '3. Quartal 2026' });
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await page.waitForURL(/zeitraum=2026-Q3/);
  assert.equal(await page.locator('section.evidence-item').count(), 0);
  assert.match(await page.locator('main').innerText(), /Im Zeitraum gab es keine Sicherheitswarnung/);
  await page.getByLabel('Zeitraum').selectOption({ label: 'Jahr 2026' });
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await page.waitForURL(/zeitraum=2026$/);
  assert.equal(await page.locator('section.evidence-item').count(), 1);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Als PDF herunterladen' }).click()]);
  assert.equal(download.suggestedFilename(), 'nachweis-2026.pdf');
  const { text } = await pdfText(readFileSync((await download.path())!));
  for (const expected of [
    'Praxis: Hausarztpraxis Müller-Lüdenscheidt',
    'Zeitraum: Jahr 2026 (01.01.2026 – 31.12.2026)',
    title,
    'Betrifft uns? Betroffen (beantwortet am 16.11.2026)',
    `1. ${actions[0]} – erledigt am 01.12.2026 von Dr. Jana Müller-Lüdenscheidt`,
    `2. ${actions[1]} – erledigt am 02.12.2026`,
  ]) {
    assert.ok(text.includes(expected), `the PDF says: ${expected}\n--- PDF text ---\n${text}`);
  }

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Anzeigen' }).isVisible(), false, 'the period chooser is not printed');
  assert.equal(await page.getByRole('link', { name: 'Als PDF herunterladen' }).isVisible(), false);
  assert.equal(await page.locator('footer.site').isVisible(), false);
  assert.equal(await item.isVisible(), true, 'the warnings are printed');
  await page.screenshot({ path: join(outputDir(), 'nachweis-print.png'), fullPage: true });
  await context.close();
});
