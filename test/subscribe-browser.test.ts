import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { acknowledgements, advisories, advisoryActions, advisoryProducts, practices, subscriptions } from '../src/db/schema.js';
import { matchStep } from '../src/pipeline/pipeline.js';
import { createWebApp } from '../src/web/app.js';
import { startWorkers, type RunningWorkers } from '../workers/workers.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

let smtp: SmtpSink;
let deps: AppDeps;
let server: ServerType;
let base: string;
let workers: RunningWorkers;
let browser: Browser;
let page: Page;
const email = 'empfang@praxis-sommer.test';

const practice = () => deps.db.select().from(practices).where(eq(practices.email, email)).get();
async function mailAbout(subject: RegExp, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const mail = smtp.messages.find((m) => subject.test(m.subject ?? ''));
    if (mail) return mail;
    if (Date.now() > end) throw new Error(`no mail about ${subject}, only: ${smtp.messages.map((m) => m.subject).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const linkIn = (text: string, path: string) => new RegExp(`${base}/${path}/[\\w.-]+`).exec(text)?.[0];

before(async () => {
  smtp = await startSmtpSink();
  let fetchApp: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  server = serve({ fetch: (req) => fetchApp(req), port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url, PUBLIC_URL: base } }), { logger: createLogger('silent') });
  const app = createWebApp(deps);
  fetchApp = (req) => app.fetch(req);
  workers = startWorkers(deps, { connection: deps.redis, concurrency: 1, only: ['send'] });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
  page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'de-DE' }); // a phone
});
after(async () => {
  await browser?.close();
  await workers?.close();
  await removeQueues(deps.queues);
  const keys = await deps.redis.keys(`${deps.env.QUEUE_PREFIX}:ratelimit:*`);
  if (keys.length) await deps.redis.del(...keys);
  await deps.close();
  await new Promise((r) => server.close(r));
  await smtp.close();
});

test('an empty form shows the error summary and moves the focus to it', async () => {
  await page.goto(`${base}/abonnieren`);
  await page.getByRole('button', { name: 'Warnungen abonnieren' }).click();
  await page.waitForSelector('#fehler');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'fehler');
  assert.match(await page.locator('#fehler').innerText(), /Name der Praxis: Bitte geben Sie den Namen Ihrer Praxis an/);
});

test('a practice subscribes on the phone, confirms from the mail, changes its products, marks an action done and unsubscribes with one click', async () => {
  await page.goto(`${base}/abonnieren`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal scrolling on a phone');
  await page.getByLabel('Name der Praxis').fill('Praxis Dr. Sommer');
  await page.getByLabel('E-Mail-Adresse der Praxis').fill(email);
  // The search (static script) narrows the list by name or alias and opens the category.
  await page.getByLabel('Produkt suchen').fill('albis');
  assert.equal(await page.locator('.product:not([hidden])').count(), (await page.locator('.product[data-search*="ALBIS" i]').count()));
  const albisVersion = page.getByLabel('Installierte Version von CGM ALBIS (freiwillig)');
  assert.equal(await albisVersion.isVisible(), false, 'the version field shows only under a ticked product');
  await page.getByLabel('CGM ALBIS', { exact: false }).first().check();
  await albisVersion.fill('24.20');
  await page.getByLabel('Täglich eine Zusammenfassung').check();
  await page.getByLabel('Ich bin einverstanden.').check();
  await page.getByRole('button', { name: 'Warnungen abonnieren' }).click();
  await page.getByRole('heading', { name: /Bitte prüfen Sie Ihr Postfach/ }).waitFor();
  assert.equal(practice()?.status, 'pending');

  await smtp.waitFor(1);
  const confirmMail = smtp.messages[0]!;
  assert.equal(confirmMail.subject, 'Bitte bestätigen Sie Ihre Anmeldung bei praxiswarn');
  const confirmUrl = linkIn(confirmMail.text ?? '', 'bestaetigen')!;
  assert.ok(confirmUrl, 'the mail carries the confirmation link');
  await page.goto(confirmUrl);
  assert.equal(practice()?.status, 'pending', 'opening the link alone confirms nothing');
  await page.getByRole('button', { name: 'Ja, Anmeldung bestätigen' }).click();
  await page.getByRole('heading', { name: /Ihre Anmeldung ist bestätigt/ }).waitFor();
  assert.equal(practice()?.status, 'active');

  await page.getByRole('link', { name: 'Einstellungen ansehen' }).click();
  await page.getByRole('heading', { name: 'Einstellungen für Praxis Dr. Sommer' }).waitFor();
  await page.getByLabel('Produkt suchen').fill('Digitalisierungsbox Premium');
  await page.getByLabel('Digitalisierungsbox Premium', { exact: false }).first().check();
  await page.getByLabel('Sofort bei jeder neuen Warnung').check();
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  await page.getByText('Ihre Änderungen sind gespeichert.').waitFor();
  const subs = deps.db.select().from(subscriptions).where(eq(subscriptions.practiceId, practice()!.id)).all();
  assert.deepEqual(subs.map((s) => [s.productId, s.version]).sort(), [['cgm-albis', '24.20'], ['telekom-digitalisierungsbox-premium', null]]);
  assert.equal(practice()?.cadence, 'immediate');

  // An advisory for the new product arrives as an alert with erledigt links and the one-click headers.
  const now = new Date();
  const advisoryId = deps.db
    .insert(advisories)
    .values({ title: 'Datenleck in Digitalisierungsboxen', summary: 'Portweiterleitungen öffneten Nachbarports.', severity: 'hoch', status: 'published', relevant: true, relevanceReason: 'Test', releasedAt: now, createdAt: now, updatedAt: now })
    .returning()
    .get().id;
  deps.db.insert(advisoryProducts).values({ advisoryId, productId: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }).run();
  ['Firmware-Version prüfen', 'Firmware auf Version 11.01.02.102 aktualisieren'].forEach((text, position) => deps.db.insert(advisoryActions).values({ advisoryId, position, text }).run());
  await matchStep(deps, { advisoryId });
  // Besides the confirmation, the welcome mail may arrive before or after the alert: find the alert by its subject.
  const alert = await mailAbout(/Digitalisierungsbox/);
  const doneUrl = linkIn(alert.text ?? '', 'erledigt')!;
  await page.goto(doneUrl);
  await page.getByRole('button', { name: 'Ja, erledigt' }).click();
  await page.getByRole('heading', { name: /vermerkt/ }).waitFor();
  assert.deepEqual(deps.db.select().from(acknowledgements).all().map((a) => a.actionPosition), [0]);
  await page.getByRole('link', { name: 'Offene Maßnahmen ansehen' }).click();
  await page.getByText('1 von 2 Maßnahmen offen').waitFor();

  const header = alert.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  const unsubscribeUrl = /<([^>]+)>/.exec(header)![1]!;
  assert.match(alert.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line ?? '', /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/);
  await page.goto(unsubscribeUrl);
  assert.equal(practice()?.status, 'active', 'a GET never unsubscribes');
  // What a mail client does for RFC 8058: a POST without cookies or CSRF token.
  const oneClick = await fetch(unsubscribeUrl, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(oneClick.status, 200);
  assert.equal(practice()?.status, 'unsubscribed');
  await page.getByRole('button', { name: 'Ja, abmelden' }).click();
  await page.getByRole('heading', { name: 'Sie sind abgemeldet' }).waitFor();
});
