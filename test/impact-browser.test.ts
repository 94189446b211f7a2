import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import * as cheerio from 'cheerio';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { deliveries } from '../src/db/schema.js';
import { matchAdvisory } from '../src/notify/match.js';
import { writeReminderDeliveries } from '../src/notify/reminders.js';
import { sendDelivery } from '../src/notify/send.js';
import { impactAnswerOf } from '../src/practices/answers.repository.js';
import { subscriptions } from '../src/practices/practices.table.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { publishAdvisory } from './support/advisories.js';
import { launchBrowser, outputDir } from './support/browser.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

// The walk for one practice, on a 375 px phone without scripts: the alert arrives by SMTP; the practice
// follows "Nicht betroffen", chooses "Produkt nicht im Einsatz", confirms removing the product; no reminder follows.

let smtp: SmtpSink;
let deps: AppDeps;
let server: ServerType;
let base: string;
let browser: Browser;
let page: Page;
const day = 86_400_000;
const now = new Date('2026-12-10T09:00:00Z');
const mailDomain = 'praxiswarn.test';

before(async () => {
  smtp = await startSmtpSink();
  let fetchApp: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  server = serve({ fetch: (req) => fetchApp(req), port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url, PUBLIC_URL: base } }), { logger: createLogger('silent'), clock: () => now });
  const app = createWebApp(deps);
  fetchApp = (req) => app.fetch(req);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'de-DE', javaScriptEnabled: false });
});

after(async () => {
  await browser?.close();
  await removeQueues(deps.queues);
  await deps.close();
  await new Promise((r) => server.close(r));
  await smtp.close();
});

const width = () => page.evaluate(() => document.documentElement.scrollWidth);

test('alert received → "nicht betroffen, Produkt nicht im Einsatz" → product removed after confirming → no reminder', async () => {
  const practiceId = addPractice(deps.db, { name: 'Praxis Sommer', email: 'sommer@praxis.test', productIds: ['cgm-kocobox-med-plus', 'cgm-albis'] }, { now: new Date(now.getTime() - 60 * day), origin: 'cli' }).id;
  const released = new Date(now.getTime() - 8 * day);
  const advisoryId = publishAdvisory(deps.db, {
    title: 'Kritische Schwachstelle im Konnektor KoCoBox MED+',
    severity: 'kritisch',
    products: [{ id: 'cgm-kocobox-med-plus', fixedVersion: '5.2.0' }],
    actions: ['Firmware auf Version 5.2.0 aktualisieren', 'Neustart durchführen'],
    releasedAt: released,
  });
  matchAdvisory(deps.db, advisoryId, { now: released, mailDomain });
  const alert = deps.db.select().from(deliveries).where(and(eq(deliveries.advisoryId, advisoryId), eq(deliveries.kind, 'alert'))).get()!;
  assert.equal(await sendDelivery(deps, alert.id), 'sent');
  const mail = smtp.messages.at(-1)!;
  assert.match(mail.subject ?? '', /^\[Sofort handeln\]/);
  const $ = cheerio.load(String(mail.html));
  const notAffected = $('a').toArray().find((a) => $(a).text().trim() === 'Nicht betroffen')?.attribs.href;
  assert.ok(notAffected?.startsWith(`${base}/betrifft/`), 'the answer link in the mail');

  await page.goto(notAffected!);
  assert.equal(await page.locator('h1').textContent(), 'Ihre Praxis ist nicht betroffen?');
  assert.ok((await width()) <= 375, 'the question fits the phone');
  await page.screenshot({ path: join(outputDir(), 'impact-question-375.png'), fullPage: true });
  assert.equal(impactAnswerOf(deps.db, practiceId, advisoryId), undefined, 'opening the link records nothing');

  await page.getByRole('button', { name: 'Produkt nicht im Einsatz' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Vielen Dank – vermerkt');
  assert.match((await page.textContent('main')) ?? '', /Nicht betroffen \(Produkt nicht im Einsatz\)/);
  assert.equal(impactAnswerOf(deps.db, practiceId, advisoryId)?.reason, 'nicht_im_einsatz');
  const still = () => deps.db.select({ id: subscriptions.productId }).from(subscriptions).where(eq(subscriptions.practiceId, practiceId)).all().map((r) => r.id).sort();
  assert.deepEqual(still(), ['cgm-albis', 'cgm-kocobox-med-plus'], 'nothing removed before the practice confirms');
  assert.ok((await width()) <= 375, 'the offer fits the phone');
  await page.screenshot({ path: join(outputDir(), 'impact-offer-375.png'), fullPage: true });

  const remove = page.getByRole('button', { name: /entfernen$/ });
  assert.match((await remove.textContent()) ?? '', /KoCoBox/);
  await remove.click();
  assert.match((await page.locator('h1').textContent()) ?? '', /KoCoBox.* entfernt$/);
  assert.deepEqual(still(), ['cgm-albis'], 'removed after confirming');
  assert.ok((await width()) <= 375);

  // The link leads to the inventory: the product is gone, the answer is shown with the advisory.
  await page.getByRole('link', { name: 'Ihre Geräte und Programme' }).click();
  const inventory = await page.locator('ul.inventory').textContent();
  assert.match(inventory ?? '', /ALBIS/);
  assert.doesNotMatch(inventory ?? '', /KoCoBox/);
  assert.match((await page.locator(`section[aria-labelledby="w-${advisoryId}"] .impact`).textContent()) ?? '', /Ihre Antwort: Nicht betroffen \(Produkt nicht im Einsatz\)/);
  assert.ok((await width()) <= 375, 'the manage page fits the phone');
  await page.screenshot({ path: join(outputDir(), 'impact-manage-375.png'), fullPage: true });
  await page.locator(`section[aria-labelledby="w-${advisoryId}"]`).screenshot({ path: join(outputDir(), 'impact-manage-advisory-375.png') });
  await page.locator('#geraete').screenshot({ path: join(outputDir(), 'impact-manage-inventory-375.png') });

  // A week on: no reminder for this practice.
  assert.deepEqual(writeReminderDeliveries(deps.db, { now, days: 7, mailDomain }), []);
  assert.equal(deps.db.select().from(deliveries).where(eq(deliveries.kind, 'reminder')).all().length, 0);
});
