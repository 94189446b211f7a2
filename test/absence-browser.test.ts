import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { absences, deliveries } from '../src/db/schema.js';
import { sendDelivery } from '../src/notify/send.js';
import { signLinkToken } from '../src/practices/links.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { launchBrowser, outputDir, serveApp } from './support/browser.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

let smtp: SmtpSink;
let deps: AppDeps;
let server: Awaited<ReturnType<typeof serveApp>>;
let browser: Browser;
let page: Page;
let practiceId: number;
const now = new Date('2026-10-20T10:00:00Z');

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url } }), { logger: createLogger('silent'), clock: () => now });
  server = await serveApp(createWebApp(deps));
  practiceId = addPractice(deps.db, { name: 'Praxis Herbst', email: 'herbst@praxis.test', productIds: ['cgm-albis'] }, { now, origin: 'cli' }).id;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'de-DE', javaScriptEnabled: false }); // a phone, no scripts
});
after(async () => {
  await browser?.close();
  await server?.close();
  await removeQueues(deps.queues);
  await deps.close();
  await smtp.close();
});

const width = () => page.evaluate(() => document.documentElement.scrollWidth);

test('on a 375 px phone without scripts a practice sets a closing period, sees the German errors first, and then "Noch nicht bestätigt"; the deputy confirms from its mail', async () => {
  const token = signLinkToken(deps.env.LINK_SECRET, 'manage', practiceId);
  await page.goto(`${server.url}/verwalten/${token}`);
  await page.getByRole('link', { name: 'Urlaubsvertretung' }).click();
  assert.match(await page.locator('#schliesszeit-status').innerText(), /keine Schließzeit eingetragen/);
  assert.ok((await width()) <= 375, 'the manage page fits the phone');

  // The last day before the first, and the practice's own address as deputy.
  await page.getByLabel('Erster geschlossener Tag').fill('2026-10-26');
  await page.getByLabel('Letzter geschlossener Tag').fill('2026-10-23');
  await page.getByLabel('E-Mail-Adresse der Vertretung').fill('herbst@praxis.test');
  await page.getByRole('button', { name: 'Schließzeit speichern und Vertretung anfragen' }).click();
  const summary = page.locator('#fehler-schliesszeit');
  await summary.waitFor();
  const errors = await summary.innerText();
  assert.match(errors, /Letzter geschlossener Tag: Der letzte Tag darf nicht vor dem ersten Tag liegen/);
  assert.match(errors, /E-Mail-Adresse der Vertretung: Die Adresse der Vertretung muss sich von der Adresse Ihrer Praxis unterscheiden/);
  assert.equal(await page.getByLabel('Letzter geschlossener Tag').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Erster geschlossener Tag').inputValue(), '2026-10-26', 'what was entered stays');
  assert.ok((await width()) <= 375, 'the error page fits the phone');
  await page.screenshot({ path: join(outputDir(), 'absence-errors-375.png'), fullPage: true });
  assert.equal(deps.db.select().from(absences).all().length, 0);

  await page.getByLabel('Erster geschlossener Tag').fill('2026-10-23');
  await page.getByLabel('Letzter geschlossener Tag').fill('2026-10-26');
  await page.getByLabel('E-Mail-Adresse der Vertretung').fill('vertretung@partnerpraxis.test');
  await page.getByRole('button', { name: 'Schließzeit speichern und Vertretung anfragen' }).click();
  await page.getByText('Die Schließzeit ist gespeichert').waitFor();
  const state = await page.locator('#schliesszeit-status').innerText();
  assert.match(state, /vom 23\.10\.2026 bis zum 26\.10\.2026 geschlossen/);
  assert.match(state, /Noch nicht bestätigt\.[\s\S]*vertretung@partnerpraxis\.test/);
  assert.ok((await width()) <= 375, 'the saved page fits the phone');
  await page.screenshot({ path: join(outputDir(), 'absence-saved-375.png'), fullPage: true });

  // The deputy's mail, with the link that only asks on GET.
  const ask = deps.db.select().from(deliveries).where(eq(deliveries.kind, 'deputy_confirm')).get()!;
  assert.equal(await sendDelivery({ ...deps, publicUrl: server.url }, ask.id), 'sent');
  const link = new RegExp(`${server.url}/vertretung/[\\w.-]+`).exec(smtp.messages.at(-1)!.text ?? '')?.[0];
  assert.ok(link);
  await page.goto(link);
  assert.ok((await width()) <= 375, 'the confirmation page fits the phone');
  assert.equal(deps.db.select().from(absences).get()!.deputyConfirmedAt, null, 'opening the link confirms nothing');
  await page.getByRole('button', { name: 'Ja, ich übernehme die Vertretung' }).click();
  await page.getByRole('heading', { name: /Sie sind als Vertretung bestätigt/ }).waitFor();
  assert.ok(deps.db.select().from(absences).get()!.deputyConfirmedAt);

  await page.goto(`${server.url}/verwalten/${token}/schliesszeit`);
  assert.match(await page.locator('#schliesszeit-status').innerText(), /Bestätigt am/);
});
