import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { acknowledgements, firms, impactAnswers } from '../src/db/schema.js';
import { signLinkToken } from '../src/practices/links.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { matchStep } from '../src/pipeline/pipeline.js';
import { createWebApp } from '../src/web/app.js';
import { startWorkers, type RunningWorkers } from '../workers/workers.js';
import { publishAdvisory } from './support/advisories.js';
import { launchBrowser, outputDir } from './support/browser.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

// An IT service firm on a phone (375 px, no JavaScript): it signs up and confirms from the mail, two practices invite
// it from their manage pages, it gets one mail for an advisory that hits both, ticks an action and answers "Betrifft
// uns?" for one of them; that practice sees it, the other revokes and vanishes from the firm's page at once. The mails
// go through the real `firm-send` queue and worker to a real SMTP server.

let smtp: SmtpSink;
let deps: AppDeps;
let server: ServerType;
let base: string;
let workers: RunningWorkers;
let browser: Browser;
let page: Page;
const firmEmail = 'hilfe@praxisnetz-it.test';
const ids = { sommer: 0, winter: 0 };

async function mailAbout(subject: RegExp, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const mail = smtp.messages.find((m) => subject.test(m.subject ?? ''));
    if (mail) return mail;
    if (Date.now() > end) throw new Error(`no mail about ${subject}, only: ${smtp.messages.map((m) => m.subject).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const manage = (practiceId: number) => `${base}/verwalten/${signLinkToken(deps.env.LINK_SECRET, 'manage', practiceId)}`;

before(async () => {
  smtp = await startSmtpSink();
  let fetchApp: (req: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  server = serve({ fetch: (req) => fetchApp(req), port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url, PUBLIC_URL: base } }), { logger: createLogger('silent') });
  const app = createWebApp(deps);
  fetchApp = (req) => app.fetch(req);
  workers = startWorkers(deps, { connection: deps.redis, concurrency: 1, only: ['firm-send'] });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'de-DE', javaScriptEnabled: false });
  const now = new Date();
  ids.sommer = addPractice(deps.db, { name: 'Praxis Dr. Sommer', email: 'sommer@praxis.test', productIds: ['telekom-digitalisierungsbox-premium'] }, { now, origin: 'cli' }).id;
  ids.winter = addPractice(deps.db, { name: 'Praxis Winter', email: 'winter@praxis.test', productIds: ['telekom-digitalisierungsbox-premium'] }, { now, origin: 'cli' }).id;
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

test('a firm signs up on a phone, is invited by two practices, works for one and loses the other at once', async () => {
  await page.goto(`${base}/dienstleister/anmelden`);
  assert.equal(await noSideways(), true, 'no horizontal scrolling on a phone');
  await page.getByRole('button', { name: 'Als IT-Dienstleister anmelden' }).click();
  assert.match(await page.locator('#fehler').innerText(), /Bitte geben Sie den Namen Ihres Unternehmens an/);
  await page.getByLabel('Name Ihres Unternehmens').fill('Praxisnetz IT');
  await page.getByLabel('E-Mail-Adresse').fill(firmEmail);
  await page.getByLabel('Ich bin einverstanden.').check();
  await page.getByRole('button', { name: 'Als IT-Dienstleister anmelden' }).click();
  await page.getByRole('heading', { name: 'Fast geschafft: Bitte prüfen Sie Ihr Postfach' }).waitFor();

  const confirm = await mailAbout(/Anmeldung Ihres Unternehmens/);
  const confirmUrl = new RegExp(`${base}/dienstleister/bestaetigen/[\\w.-]+`).exec(confirm.text ?? '')![0];
  await page.goto(confirmUrl);
  assert.equal(deps.db.select().from(firms).where(eq(firms.email, firmEmail)).get()!.status, 'pending', 'opening the link confirms nothing');
  await page.getByRole('button', { name: 'Ja, Anmeldung bestätigen' }).click();
  await page.getByRole('heading', { name: 'Vielen Dank – Ihre Anmeldung ist bestätigt' }).waitFor();
  await page.getByRole('link', { name: 'Zu Ihrer Übersicht' }).click();
  await page.getByText('Noch hat Sie keine Praxis eingeladen.').waitFor();
  const firmPage = page.url();

  // Both practices invite the firm from their manage pages.
  for (const id of [ids.sommer, ids.winter]) {
    await page.goto(manage(id));
    await page.getByLabel('E-Mail-Adresse des IT-Dienstleisters, den Sie einladen').fill(firmEmail);
    await page.getByRole('button', { name: 'IT-Dienstleister einladen' }).click();
    await page.locator('#dienstleister').waitFor();
    assert.match(await page.locator('.firm-list').innerText(), /Praxisnetz IT \(hilfe@praxisnetz-it\.test\): sieht Ihre offenen Maßnahmen/);
    assert.equal(await noSideways(), true);
  }
  await mailAbout(/Eine Praxis hat Sie als IT-Dienstleister eingeladen/);

  const advisoryId = publishAdvisory(deps.db, {
    title: 'Digitalisierungsbox: Lücke im Fernzugang',
    severity: 'kritisch',
    products: [{ id: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }],
    actions: ['Firmware aktualisieren', 'Fernzugang abschalten'],
  });
  await matchStep(deps, { advisoryId });
  const alert = await mailAbout(/Sofort handeln: 2 Ihrer Praxen betroffen/);
  assert.match(alert.text ?? '', /Betroffene Praxen:\n- Praxis Dr\. Sommer\n- Praxis Winter\n/);
  assert.equal(smtp.messages.filter((m) => /Ihrer Praxen betroffen/.test(m.subject ?? '')).length, 1, 'one mail for the advisory, not one per practice');

  await page.goto(firmPage);
  assert.equal(await noSideways(), true, 'the firm page fits a phone');
  const sommer = page.locator(`#p${ids.sommer}-w${advisoryId}`);
  const winter = page.locator(`#p${ids.winter}-w${advisoryId}`);
  assert.equal(await sommer.count(), 1);
  assert.equal(await winter.count(), 1);
  await page.screenshot({ path: `${outputDir()}firm-page-375.png`, fullPage: true });

  await sommer.getByRole('button', { name: 'Als erledigt vermerken: Firmware aktualisieren (Praxis Dr. Sommer)' }).click();
  await page.getByText('Ihr Vermerk ist gespeichert.').waitFor();
  assert.equal(await sommer.getByText('1 von 2 Maßnahmen offen').count(), 1);
  await sommer.getByRole('button', { name: 'Betrifft uns', exact: true }).click();
  await page.getByText('Ihr Vermerk ist gespeichert.').waitFor();
  assert.match(await sommer.innerText(), /Ihre Antwort bisher: Betrifft uns, von Ihnen vermerkt/);
  const firm = deps.db.select().from(firms).where(eq(firms.email, firmEmail)).get()!;
  assert.deepEqual(deps.db.select().from(acknowledgements).where(eq(acknowledgements.practiceId, ids.sommer)).all().map((a) => [a.actionPosition, a.firmId]), [[0, firm.id]]);
  assert.equal(deps.db.select().from(impactAnswers).where(eq(impactAnswers.practiceId, ids.sommer)).get()!.firmId, firm.id);

  await page.getByRole('link', { name: 'nach Praxis' }).click();
  assert.deepEqual(await page.locator('main h2[id^="praxis-"]').allInnerTexts(), ['Praxis Dr. Sommer', 'Praxis Winter']);

  // The practice sees what the firm did.
  await page.goto(manage(ids.sommer));
  assert.match(await page.locator('.firm-notes').innerText(), /Praxisnetz IT hat bei Digitalisierungsbox: Lücke im Fernzugang „Firmware aktualisieren“ als erledigt vermerkt/);

  // Winter revokes; the firm's page, reloaded, no longer shows it, and the firm's old form for it is refused.
  await page.goto(firmPage);
  await page.goto(manage(ids.winter));
  await page.getByRole('button', { name: `Zugriff beenden: ${firmEmail}` }).click();
  await page.getByText('Sie haben noch keinen IT-Dienstleister eingeladen.').waitFor();
  await page.goto(firmPage);
  assert.equal(await page.locator(`#p${ids.winter}-w${advisoryId}`).count(), 0);
  assert.doesNotMatch(await page.locator('main').innerText(), /Praxis Winter/);
  const refused = await page.request.post(`${firmPage}/erledigt`, { form: { practiceId: String(ids.winter), advisoryId: String(advisoryId), position: '0' }, maxRedirects: 0 });
  assert.equal(refused.status(), 403);
  assert.match(await refused.text(), /Kein Zugriff auf diese Praxis/);
});
