import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { getAdvisory } from '../src/advisories/advisories.repository.js';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { deliveries } from '../src/db/schema.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { startWorkers, type RunningWorkers } from '../workers/workers.js';
import { adminWithRole, testPassword } from './support/admin-http.js';
import { launchBrowser, outputDir, serveApp } from './support/browser.js';
import { ingestAndRecord } from './support/drafts.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';
import { fixtureSources, sourcesReadBefore, testEnv } from './support/test-env.js';

let site: FixtureServer;
let deps: AppDeps;
let web: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let workers: RunningWorkers;
let page: Page;
let draftId: number;
let practiceId: number;
const problems: string[] = [];

before(async () => {
  site = await startFixtureServer();
  const sources = fixtureSources(site.url).map((s) => ({ ...s, trust: 'review' as const }));
  // Plain http on 127.0.0.1: the session cookie is Secure only behind https.
  deps = await createAppDeps(testEnv({ sources, env: { PUBLIC_URL: 'http://127.0.0.1:3000' } }), { logger: createLogger('silent') });
  sourcesReadBefore(deps.db); // a later read of the source: its item is news, a draft, not the archive of a first read
  practiceId = addPractice(deps.db, { name: 'Praxis Dr. Anders', email: 'anders@praxis.test', productIds: ['telekom-digitalisierungsbox-premium'] }, { now: new Date(), origin: 'cli' }).id;
  [draftId] = (await ingestAndRecord(deps, 'dgn-news')) as [number];
  await adminWithRole(deps.db, 'editor', 'redaktion@verband.test');
  // Only matching runs: the practice's alert must stay queued, not be sent, so the test can see it waiting.
  workers = startWorkers(deps, { connection: deps.redis, concurrency: 1, only: ['match'] });
  web = await serveApp(createWebApp(deps));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'de-DE' });
  page.on('dialog', (d) => (problems.push(`dialog: ${d.message()}`), void d.dismiss()));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() === 404 && problems.push(`404: ${new URL(r.url()).pathname}`));
});
after(async () => {
  await browser?.close();
  await web?.close();
  await workers?.close();
  await removeQueues(deps.queues);
  await deps.close();
  await site.close();
});

test('an editor logs in with the keyboard', async () => {
  await page.goto(`${web.url}/admin`);
  assert.match(page.url(), /\/admin\/anmelden/);
  // The e-mail field takes the focus by itself; on a loaded machine that can come after the load event.
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'email');
  await page.keyboard.type('redaktion@verband.test');
  await page.keyboard.press('Tab');
  await page.keyboard.type(testPassword);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${web.url}/admin`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Prüfliste');
});

test('opens the DGN draft, corrects a product, reorders actions and sees the preview', async () => {
  await page.getByRole('link', { name: /Datenleck in Digitalisierungsboxen/ }).click();
  await page.waitForURL(`${web.url}/admin/meldungen/${draftId}`);
  // The extractor's Standard is corrected to Premium 2, with its fixed version.
  await page.getByLabel('Produkt', { exact: true }).nth(2).selectOption('telekom-digitalisierungsbox-premium-2');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await page.getByText('Änderungen gespeichert.').waitFor();
  assert.deepEqual(getAdvisory(deps.db, draftId)!.products.map((p) => p.productId).sort(), [
    'telekom-digitalisierungsbox-premium', 'telekom-digitalisierungsbox-premium-2', 'telekom-digitalisierungsbox-smart',
  ]);

  const before = getAdvisory(deps.db, draftId)!.actions.map((a) => a.text);
  await page.getByRole('button', { name: 'Maßnahme 2 nach oben' }).click();
  await page.getByText('Änderungen gespeichert.').waitFor();
  assert.equal(await page.getByLabel('Maßnahme 1', { exact: true }).inputValue(), before[1]);
  assert.equal(await page.getByLabel('Maßnahme 2', { exact: true }).inputValue(), before[0]);

  const preview = page.frameLocator('iframe.preview');
  await preview.getByText('für Ihre Praxis „Praxis Dr. Anders“ gibt es').waitFor();
  const items = await preview.locator('ol > li').allTextContents();
  assert.equal(items[0]?.replace(/\s*Als erledigt markieren$/, ''), before[1], 'the mail shows the new order, each action with its erledigt link');
  assert.match(await page.locator('#preview-subject').textContent() ?? '', /Digitalisierungsbox Premium/);

  await page.getByRole('link', { name: /Prüfen Sie in der Benutzeroberfläche/ }).click();
  assert.match(page.url(), /#ev-/);
  assert.equal(await page.locator('mark:target').count(), 1, 'the evidence link jumps to the highlighted sentence');
  // A viewport shot: full-page captures leave the preview frame blank.
  await page.goto(`${web.url}/admin/meldungen/${draftId}`);
  await page.frameLocator('iframe.preview').getByText('für Ihre Praxis „Praxis Dr. Anders“ gibt es').waitFor();
  await page.screenshot({ path: join(outputDir(), 'admin-editor.png') });
  await page.locator('iframe.preview').screenshot({ path: join(outputDir(), 'admin-preview.png') });
});

test('approves; the subscribed practice’s alert is queued and the audit log shows the change', async () => {
  await page.getByRole('button', { name: 'Speichern und freigeben' }).click();
  await page.waitForURL(`${web.url}/admin`);
  await page.getByText(`Meldung #${draftId} ist freigegeben`).waitFor();
  const alert = await eventually(() => deps.db.select().from(deliveries).where(and(eq(deliveries.practiceId, practiceId), eq(deliveries.advisoryId, draftId))).all());
  assert.equal(alert.length, 1);
  assert.equal(alert[0]!.kind, 'alert');
  assert.equal(alert[0]!.status, 'pending');
  const waiting = await deps.queues.send.getJobs(['wait', 'prioritized', 'delayed']);
  assert.ok(waiting.some((job) => job.data.deliveryIds.includes(alert[0]!.id)), 'its send job waits in the queue');

  await page.goto(`${web.url}/admin/meldungen/${draftId}`);
  await page.getByText('1 in Warteschlange, 0 gesendet, 0 fehlgeschlagen').waitFor();

  await page.getByRole('link', { name: 'Protokoll', exact: true }).click();
  const log = await page.locator('tbody').textContent();
  assert.match(log ?? '', /Meldung freigegeben/);
  assert.match(log ?? '', /Meldung bearbeitet/);
  assert.match(log ?? '', /redaktion@verband\.test/);
});

test('the queue dashboard loads behind the login under its own policy', async () => {
  assert.deepEqual(problems, [], 'no dialogs, no console errors (no CSP violations) on the admin pages');
  const missing: string[] = [];
  page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
  await page.goto(`${web.url}/admin/queues`);
  await page.getByText('match', { exact: true }).first().waitFor({ timeout: 10_000 });
  assert.deepEqual(missing, [], 'all of its assets load');
  // Its web fonts come from Google; the policy keeps the dashboard on this server, so those are refused on purpose.
  assert.deepEqual((problems as string[]).filter((p) => !p.includes('fonts.googleapis.com')), []);
});

/** Polls a query until it returns rows (matching runs in a worker). */
async function eventually<T>(query: () => T[], timeoutMs = 10_000): Promise<T[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const rows = query();
    if (rows.length > 0 || Date.now() > end) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
}
