import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { getAdvisory } from '../src/advisories/advisories.repository.js';
import { createLogger } from '../src/app/logger.js';
import { launchBrowser, outputDir, serveApp } from './support/browser.js';
import { brokenFeedPath, brokenFeedRoute, seedEveryState, type EveryState } from './support/every-state.js';
import { csafPages, sitePages, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';

// The editor on the BSI's FRITZ!Box notice while the LANCOM one waits beside it, as an association editor sees it.
let site: FixtureServer;
let world: EveryState;
let web: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let page: Page;
let fritz: number;
let lancom: number;

before(async () => {
  site = await startFixtureServer({ ...sitePages, ...csafPages, [brokenFeedPath]: brokenFeedRoute });
  world = await seedEveryState(site, { logger: createLogger('silent') });
  [fritz] = world.advisoryIds['draft with recipients'] as [number];
  [lancom] = world.advisoryIds['draft without recipients (CSAF)'] as [number];
  web = await serveApp(world.app);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  await page.goto(`${web.url}/admin/anmelden`);
  await page.getByLabel('E-Mail').fill(world.editor.email);
  await page.getByLabel('Passwort').fill(world.editor.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(`${web.url}/admin`);
});
after(async () => {
  await browser?.close();
  await web?.close();
  if (world) await removeQueues(world.deps.queues);
  await world?.close();
  await site?.close();
});

test('“Zusammenführen” on the FRITZ!Box draft preselects nothing, lists the LANCOM draft with its different CVEs, and refuses the empty choice', async () => {
  await page.goto(`${web.url}/admin/meldungen/${fritz}`);
  const select = page.getByLabel('Gleicher Vorfall wie Meldung');
  assert.equal(await select.inputValue(), '', 'no target chosen for the editor');
  assert.equal(await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent), '– bitte wählen –');
  const lancomOption = select.locator(`option[value="${lancom}"]`);
  assert.match((await lancomOption.textContent()) ?? '', /LANCOM LCOS: Schwachstelle ermöglicht Denial of Service \(Entwurf\) – verschiedene CVEs/);

  await page.getByRole('button', { name: 'In diese Meldung zusammenführen' }).click();
  assert.equal(await select.evaluate((s: HTMLSelectElement) => s.validity.valueMissing), true, 'the browser holds the form back');
  assert.equal(page.url(), `${web.url}/admin/meldungen/${fritz}`);
  assert.equal(getAdvisory(world.deps.db, fritz)!.status, 'draft', 'one careless click merges nothing');
});

test('the BSI notice reads as a summary with the CVSS in German words; the JSON opens on a click', async () => {
  await page.goto(`${web.url}/admin/meldungen/${fritz}`);
  const summary = page.locator('.csaf-summary');
  await summary.getByText('AVM FRITZ!OS: betroffen <8.02; behoben in 8.02').waitFor();
  const words = '8,1 (hoch), aus dem Netz ausnutzbar, nur unter besonderen Bedingungen, ohne Anmeldung, ohne Mitwirkung eines Nutzers; Angreifer können Daten auslesen, Daten verändern und das System lahmlegen';
  assert.equal(await page.locator('#csaf-cvss').innerText(), `${words} (CVE-2026-40011)`);
  const evidence = page.locator('p.evidence', { hasText: 'Fundstelle Einstufung' });
  assert.equal(await evidence.innerText(), `Fundstelle Einstufung: CVSS ${words}. Einstufung laut Herausgeber: hoch.`);
  assert.doesNotMatch(await page.locator('main').innerText(), /vectorString/, 'no JSON on screen until asked for');

  await evidence.getByRole('link').click();
  assert.equal(await page.locator('#csaf-cvss:target').count(), 1, 'the evidence jumps to the CVSS line');
  const json = summary.locator('details pre');
  assert.equal(await json.isVisible(), false);
  await summary.getByText('JSON des Dokuments anzeigen').click();
  await json.waitFor({ state: 'visible' });
  assert.match(await json.innerText(), /"vectorString": "CVSS:3\.1\/AV:N\/AC:H\/PR:N\/UI:N\/S:U\/C:H\/I:H\/A:H"/);
  await page.screenshot({ path: join(outputDir(), 'admin-editor-csaf-1280.png'), fullPage: true });
});

test('on a phone the editor with its merge card and CSAF summary fits the screen', async () => {
  const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'de-DE' });
  await phone.context().addCookies(await page.context().cookies());
  await phone.goto(`${web.url}/admin/meldungen/${fritz}`);
  await phone.locator('.csaf-summary').waitFor();
  const widest = await phone.evaluate(() => document.documentElement.scrollWidth);
  await phone.screenshot({ path: join(outputDir(), 'admin-editor-csaf-375.png'), fullPage: true });
  assert.ok(widest <= 375, `the page is ${widest} px wide at 375 px`);
  await phone.close();
});
