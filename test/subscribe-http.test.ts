import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { deliveries, practices, scopeSubscriptions, subscriptions } from '../src/db/schema.js';
import { signExpiringLinkToken } from '../src/practices/links.js';
import { deleteUnconfirmedSignups } from '../src/practices/preferences.repository.js';
import { sendDelivery } from '../src/notify/send.js';
import { createWebApp } from '../src/web/app.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let smtp: SmtpSink;
let now = new Date('2026-11-25T09:00:00Z');
let ipCounter = 0;

before(async () => {
  smtp = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { SMTP_URL: smtp.url, TRUST_PROXY: 'true', SIGNUP_LIMIT_PER_IP: '3', SIGNUP_LIMIT_PER_ADDRESS: '4' } }), {
    logger: createLogger('silent'),
    clock: () => now,
  });
  app = createWebApp(deps);
});
after(async () => {
  await removeQueues(deps.queues);
  const keys = await deps.redis.keys(`${deps.env.QUEUE_PREFIX}:ratelimit:*`);
  if (keys.length) await deps.redis.del(...keys);
  await deps.close();
  await smtp.close();
});

type Fields = Record<string, string | string[]>;
const baseForm: Fields = { name: 'Praxis Dr. Sommer', email: 'sommer@praxis.test', product: ['cgm-albis', 'telekom-digitalisierungsbox-premium'], 'version-cgm-albis': '24.30', cadence: 'immediate', minSeverity: 'niedrig', consent: 'ja' };

/** Posts the sign-up form as a browser would, each call from its own client address unless one is given. */
function signup(fields: Fields, ip = `192.0.2.${++ipCounter}`) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return app.request('/abonnieren', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip } });
}
const practiceByEmail = (email: string) => deps.db.select().from(practices).where(eq(practices.email, email)).get();
const deliveriesOf = (practiceId: number) => deps.db.select().from(deliveries).where(eq(deliveries.practiceId, practiceId)).all();

test('the form lists the catalog by category, works without JavaScript and names the consent version readably', async () => {
  const res = await app.request('/abonnieren');
  const page = await res.text();
  assert.equal(res.status, 200);
  for (const legend of ['Praxisverwaltungssystem (PVS)', 'Zahnarzt-PVS', 'Telematikinfrastruktur (TI)', 'Router', 'Fernwartung']) assert.ok(page.includes(legend), legend);
  assert.match(page, /<input type="checkbox" name="product" value="cgm-albis"/);
  assert.match(page, /<label for="f-email">E-Mail-Adresse der Praxis<\/label>/);
  assert.match(page, /Einwilligungserklärung, Stand: November 2026/);
  assert.doesNotMatch(page, /einwilligung-2026-11-v1/, 'the stored id is no text for people');
  assert.match(page, /<button type="submit">Warnungen abonnieren<\/button>/);
  // The vendor only where the product's name does not say it.
  assert.match(page, /> <span>x\.isynet <span class="hint">\(medatixx\)<\/span><\/span><\/label>/);
  assert.match(page, /> <span>APRIS<\/span><\/label>/);
  assert.doesNotMatch(page, /APRIS <span class="hint">/);
  assert.match(page, /<script src="\/static\/produktsuche\.js" defer><\/script>/);
  assert.doesNotMatch(page, /<script>/, 'no inline script');
  const $ = cheerio.load(page);
  $('input:not([type=hidden]), select').each((_, el) => {
    const id = $(el).attr('id');
    const labelled = (id && $(`label[for="${id}"]`).length === 1) || $(el).closest('label').length === 1;
    assert.ok(labelled, `every field has a label: ${$(el).attr('name') ?? id}`);
  });
  assert.equal($('fieldset').length, $('fieldset > legend').length, 'every fieldset has a legend');
  const css = await app.request('/static/app.css');
  assert.match(css.headers.get('content-type') ?? '', /text\/css/);
  assert.match(await css.text(), /@media/);
});

test('a sign-up writes a pending practice with consent record, subscriptions, versions and scopes, and one confirmation', async () => {
  const res = await signup({ ...baseForm, vendor: 'lancom', category: 'ti', partnerEmail: 'Technik@IT-Partner.test' }, '198.51.100.7');
  assert.equal(res.status, 200);
  const p = practiceByEmail('sommer@praxis.test')!;
  assert.equal(p.status, 'pending');
  assert.equal(p.origin, 'form');
  assert.equal(p.consentVersion, 'einwilligung-2026-11-v1');
  assert.equal(p.consentIp, '198.51.100.7');
  assert.equal(p.consentAt?.getTime(), now.getTime());
  assert.equal(p.partnerEmail, 'technik@it-partner.test');
  const subs = deps.db.select().from(subscriptions).where(eq(subscriptions.practiceId, p.id)).all();
  assert.deepEqual(subs.map((s) => [s.productId, s.version]).sort(), [['cgm-albis', '24.30'], ['telekom-digitalisierungsbox-premium', null]]);
  const scopes = deps.db.select().from(scopeSubscriptions).where(eq(scopeSubscriptions.practiceId, p.id)).all();
  assert.deepEqual(scopes.map((s) => `${s.scope}:${s.value}`).sort(), ['category:ti', 'vendor:lancom']);
  const owed = deliveriesOf(p.id);
  assert.deepEqual(owed.map((d) => [d.kind, d.dedupeKey]), [['confirm', `confirm:${p.id}`]]);

  assert.equal(await sendDelivery(deps, owed[0]!.id), 'sent');
  const mail = smtp.messages.at(-1)!;
  assert.equal(mail.subject, 'Bitte bestätigen Sie Ihre Anmeldung bei praxiswarn');
  assert.match(mail.text ?? '', /https:\/\/praxiswarn\.test\/bestaetigen\/confirm\.\d+\.\d+\.[\w-]+/);
  assert.match(mail.text ?? '', /CGM ALBIS \(Version 24\.30\)/);
  assert.match(mail.text ?? '', /alle Produkte von LANCOM/);
  assert.match(mail.text ?? '', /Der Link gilt bis zum 2\. Dezember 2026/);
  assert.equal(mail.headers.get('list-unsubscribe'), undefined, 'no unsubscribe header on a confirmation');
});

test('the page is byte-identical for a new, a pending and an active address (no enumeration)', async () => {
  const fresh = await (await signup({ ...baseForm, email: 'neu@praxis.test' })).text();
  const pending = await (await signup({ ...baseForm, email: 'neu@praxis.test' })).text();
  deps.db.update(practices).set({ status: 'active' }).where(eq(practices.email, 'neu@praxis.test')).run();
  const active = await (await signup({ ...baseForm, email: 'neu@praxis.test', name: 'Jemand anderes' })).text();
  assert.equal(fresh, pending);
  assert.equal(fresh, active);
  const p = practiceByEmail('neu@praxis.test')!;
  assert.equal(p.name, 'Praxis Dr. Sommer', 'a sign-up never changes an active practice');
  const kinds = deliveriesOf(p.id).map((d) => d.kind).sort();
  assert.deepEqual(kinds, ['access', 'confirm'], 'the active address gets its manage link instead of a confirmation');
  await signup({ ...baseForm, email: 'neu@praxis.test' });
  assert.equal(deliveriesOf(p.id).length, 2, 'at most one manage-link mail per hour');
});

test('a pending address that signs up again gets its confirmation again, but at most once per hour', async () => {
  const p = practiceByEmail('sommer@praxis.test')!;
  await signup(baseForm);
  assert.equal(deliveriesOf(p.id)[0]!.status, 'sent', 'within the hour nothing is re-sent');
  now = new Date(now.getTime() + 61 * 60_000);
  await signup({ ...baseForm, name: 'Praxis Dr. Sommer & Kollegen' });
  const [again] = deliveriesOf(p.id);
  assert.equal(again!.status, 'pending');
  assert.equal(deliveriesOf(p.id).length, 1, 'still one row: the dedupe key is confirm:<practiceId>');
  assert.equal(practiceByEmail('sommer@praxis.test')!.name, 'Praxis Dr. Sommer & Kollegen');
});

test('header injection, invalid addresses and a missing consent are refused with German field errors', async () => {
  const injected = await signup({ ...baseForm, email: 'x@praxis.test', name: 'Praxis\r\nBcc: opfer@example.com' });
  assert.equal(injected.status, 400);
  const page = await injected.text();
  assert.match(page, /Bitte prüfen Sie Ihre Angaben/);
  assert.match(page, /Bitte ohne Zeilenumbrüche oder Steuerzeichen eingeben/);
  assert.match(page, /aria-invalid="true" aria-describedby="e-name"/);
  for (const email of ['a@praxis.test\r\nBcc: opfer@example.com', 'a@praxis.test\nCc: b@example.com', 'keine-adresse']) {
    const res = await signup({ ...baseForm, email });
    assert.equal(res.status, 400, email);
    assert.match(await res.text(), /gültige E-Mail-Adresse|ohne Zeilenumbrüche/);
  }
  const partner = await signup({ ...baseForm, email: 'y@praxis.test', partnerEmail: 'it@partner.test\r\nBcc: z@example.com' });
  assert.equal(partner.status, 400);
  const noConsent = await signup({ ...baseForm, email: 'z@praxis.test', consent: [] });
  assert.match(await noConsent.text(), /Bitte bestätigen Sie die Einwilligung/);
  const nothing = await signup({ ...baseForm, email: 'z@praxis.test', product: [] });
  assert.match(await nothing.text(), /mindestens ein Produkt/);
  const forged = await signup({ ...baseForm, email: 'z@praxis.test', product: 'gibt-es-nicht' });
  assert.equal(forged.status, 400);
  const huge = await signup({ ...baseForm, email: 'z@praxis.test', name: 'x'.repeat(100_000) });
  assert.equal(huge.status, 413);
  const badVersion = await signup({ ...baseForm, email: 'z@praxis.test', 'version-cgm-albis': '<script>' });
  assert.match(await badVersion.text(), /nur die Versionsnummer/);
  for (const email of ['x@praxis.test', 'y@praxis.test', 'z@praxis.test']) assert.equal(practiceByEmail(email), undefined);
});

test('rate limits per client address and per target address answer 429 in German', async () => {
  const ip = '203.0.113.50';
  for (let i = 0; i < 3; i++) assert.equal((await signup({ ...baseForm, email: `flut${i}@praxis.test` }, ip)).status, 200);
  const blocked = await signup({ ...baseForm, email: 'flut9@praxis.test' }, ip);
  assert.equal(blocked.status, 429);
  assert.equal(blocked.headers.get('retry-after'), '3600');
  assert.match(await blocked.text(), /Zu viele Anmeldungen/);
  assert.equal(practiceByEmail('flut9@praxis.test'), undefined);

  for (let i = 0; i < 4; i++) assert.equal((await signup({ ...baseForm, email: 'opfer@praxis.test' })).status, 200);
  assert.equal((await signup({ ...baseForm, email: 'Opfer@Praxis.test' })).status, 429, 'from a fresh address, same mailbox');
});

test('the confirmation link: GET only asks, POST activates, twice is harmless; tampered and expired links are refused', async () => {
  const p = practiceByEmail('sommer@praxis.test')!;
  const token = /bestaetigen\/([\w.-]+)/.exec(smtp.messages.find((m) => m.to && !Array.isArray(m.to) && m.to.text === 'sommer@praxis.test')!.text!)![1]!;
  const get = await app.request(`/bestaetigen/${token}`);
  assert.equal(get.status, 200);
  assert.match(await get.text(), /<form method="post"><button type="submit">Ja, Anmeldung bestätigen/);
  assert.equal(practiceByEmail('sommer@praxis.test')!.status, 'pending');

  const tampered = token.replace(`confirm.${p.id}.`, `confirm.${p.id + 1}.`);
  assert.equal((await app.request(`/bestaetigen/${tampered}`, { method: 'POST' })).status, 400);
  assert.equal((await app.request(`/bestaetigen/${token.slice(0, -2)}xx`, { method: 'POST' })).status, 400);

  const first = await app.request(`/bestaetigen/${token}`, { method: 'POST' });
  assert.match(await first.text(), /Ihre Anmeldung ist bestätigt/);
  assert.equal(practiceByEmail('sommer@praxis.test')!.status, 'active');
  assert.match(await (await app.request(`/bestaetigen/${token}`, { method: 'POST' })).text(), /bereits bestätigt/);

  const expired = signExpiringLinkToken(deps.env.LINK_SECRET, 'confirm', p.id, new Date(now.getTime() - 1000));
  assert.equal((await app.request(`/bestaetigen/${expired}`)).status, 410);
  assert.equal((await app.request(`/bestaetigen/${expired}`, { method: 'POST' })).status, 410);
});

test('sign-ups left unconfirmed for 7 days are deleted with everything that hangs on them', async () => {
  await signup({ ...baseForm, email: 'vergessen@praxis.test' });
  const p = practiceByEmail('vergessen@praxis.test')!;
  assert.equal(deleteUnconfirmedSignups(deps.db, new Date(now.getTime() + 6 * 24 * 3600_000)), 0);
  const deleted = deleteUnconfirmedSignups(deps.db, new Date(now.getTime() + 7 * 24 * 3600_000 + 1));
  assert.ok(deleted >= 1);
  assert.equal(practiceByEmail('vergessen@praxis.test'), undefined);
  assert.equal(deliveriesOf(p.id).length, 0);
  assert.equal(practiceByEmail('sommer@praxis.test')?.status, 'active', 'confirmed practices stay');
});
