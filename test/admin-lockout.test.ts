import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { listAudit } from '../src/admin/audit.repository.js';
import { findAdminByEmail } from '../src/admin/admins.repository.js';
import { signUnlockToken } from '../src/admin/unlock-link.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { removeQueues } from './support/queues.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';

let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let sink: SmtpSink;
let now = new Date('2026-11-25T10:00:00Z'); // 11:00 in Berlin

/** A browser at one client address; the app sits behind a proxy (TRUST_PROXY) that appends it to X-Forwarded-For. */
class BrowserAt extends AdminClient {
  constructor(
    app: Hono,
    private readonly ip: string,
  ) {
    super(app);
  }
  override request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', `203.0.113.250, ${this.ip}`);
    return super.request(path, { ...init, headers });
  }
}

const minutes = (n: number) => {
  now = new Date(now.getTime() + n * 60_000);
};
/** The login page without what differs per browser anyway (its own CSRF token). */
const answer = async (res: Response) => ({
  status: res.status,
  retryAfter: res.headers.get('retry-after'),
  body: (await res.text()).replace(/name="_csrf" value="[^"]*"/g, ''),
});
const mailsTo = (address: string) => sink.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);
const settle = () => new Promise((r) => setTimeout(r, 300));
async function waitForMails(address: string, count: number): Promise<void> {
  const end = Date.now() + 10_000;
  while (mailsTo(address).length < count) {
    if (Date.now() > end) throw new Error(`expected ${count} mails to ${address}, got ${mailsTo(address).length}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => {
  sink = await startSmtpSink();
  deps = await createAppDeps(testEnv({ env: { TRUST_PROXY: 'true', SMTP_URL: sink.url } }), { logger: createLogger('silent'), clock: () => now });
  app = createWebApp(deps);
  for (const email of ['redaktion@verband.test', 'zweite@verband.test', 'besitzerin@verband.test', 'eilig@verband.test']) await adminWithRole(deps.db, 'editor', email);
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await sink.close();
});

test('an address with an account and one without get the same answers, attempt by attempt', async () => {
  const first = new BrowserAt(app, '198.51.100.1');
  const second = new BrowserAt(app, '198.51.100.2');
  const known: Awaited<ReturnType<typeof answer>>[] = [];
  const unknown: typeof known = [];
  const took = { known: 0, unknown: 0 };
  for (let i = 0; i < 7; i++) {
    let start = performance.now();
    known.push(await answer(await first.login('redaktion@verband.test', `falsch-${i}`)));
    took.known += performance.now() - start;
    start = performance.now();
    unknown.push(await answer(await second.login('niemand@verband.test', `falsch-${i}`)));
    took.unknown += performance.now() - start;
  }
  assert.deepEqual(unknown, known);
  assert.deepEqual(known.map((a) => a.status), [401, 401, 401, 401, 429, 429, 429]);
  assert.match(known[4]!.body, /Zu viele Fehlversuche für diese E-Mail-Adresse\. Bitte warten Sie bis 11:01 Uhr/);
  assert.match(known[4]!.body, /Falls zu dieser Adresse ein Konto besteht, erhält sie eine E-Mail/);
  assert.match(known[0]!.body, /E-Mail-Adresse oder Passwort ist falsch\./);
  // Both paths check a password (the unknown address against a dummy hash): no order of magnitude between them.
  assert.ok(took.unknown > took.known / 3 && took.unknown < took.known * 3, `known ${took.known} ms, unknown ${took.unknown} ms`);
  await settle();
  assert.equal(mailsTo('niemand@verband.test').length, 0, 'no mail to an address without an account');
});

test('the delay doubles with each further wrong password, up to 30 minutes, and no password is checked during it', async () => {
  const browser = new BrowserAt(app, '198.51.100.3');
  for (let i = 0; i < 4; i++) assert.equal((await browser.login('zweite@verband.test', `falsch-${i}`)).status, 401);
  const waits: string[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await browser.login('zweite@verband.test', `noch-falsch-${i}`);
    assert.equal(res.status, 429);
    waits.push(res.headers.get('retry-after')!);
    const during = await browser.login('zweite@verband.test', testPassword);
    assert.equal(during.status, 429, 'not even the right password is checked while the client waits');
    assert.match(await during.text(), /Bitte warten Sie bis \d\d:\d\d Uhr/);
    minutes(Number(waits.at(-1)) / 60);
  }
  assert.deepEqual(waits, ['60', '120', '240', '480', '960', '1800', '1800']);
  assert.equal((await browser.login('zweite@verband.test', testPassword)).status, 303, 'after the wait the right password works');
  assert.equal((await browser.login('zweite@verband.test', 'falsch')).status, 401, 'and the count starts afresh');
});

test('a client that waits does not hold up the right password from another client', async () => {
  const attacker = new BrowserAt(app, '192.0.2.66');
  for (let i = 0; i < 6; i++) await attacker.login('redaktion@verband.test', `rate-${i}`);
  assert.equal((await attacker.login('redaktion@verband.test', testPassword)).status, 429);
  const owner = new BrowserAt(app, '198.51.100.4');
  const res = await owner.login('redaktion@verband.test', testPassword);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/admin');
  assert.equal((await owner.get('/admin')).status, 200);
  const colleague = new BrowserAt(app, '198.51.100.5');
  assert.equal((await colleague.login('redaktion@verband.test', 'vertippt')).status, 401, 'another client starts with its own count');
});

test('the owner is mailed a link that lifts the delay for every client of the address', async () => {
  const address = 'besitzerin@verband.test';
  const office = new BrowserAt(app, '198.51.100.6');
  const home = new BrowserAt(app, '198.51.100.7');
  for (let i = 0; i < 5; i++) await office.login(address, `buero-${i}`);
  await waitForMails(address, 1);
  for (let i = 0; i < 5; i++) await home.login(address, `zuhause-${i}`);
  assert.equal((await office.login(address, testPassword)).status, 429);
  assert.equal((await home.login(address, testPassword)).status, 429);
  await waitForMails(address, 2); // one per client whose delay began
  await settle();
  assert.equal(mailsTo(address).length, 2, 'attempts during a delay send nothing');

  const mail = mailsTo(address)[0]!;
  assert.equal(mail.subject, 'Fehlgeschlagene Anmeldungen bei praxiswarn – Wartezeit aufheben');
  assert.match(mail.text!, /^Guten Tag,/);
  assert.match(mail.text!, /Auf der Anmeldeseite der praxiswarn-Redaktion \(https:\/\/praxiswarn\.test\/admin\/anmelden\) wurde am 25\. November 2026 um \d\d:\d\d Uhr für Ihre E-Mail-Adresse besitzerin@verband\.test mehrmals hintereinander ein falsches Passwort eingegeben\./);
  assert.match(mail.text!, /Wenn Sie das nicht waren, müssen Sie nichts tun/);
  assert.match(mail.text!, /Der Link gilt bis zum 26\. November 2026/);
  assert.match(mail.text!, /\n-- \n.*\npraxiswarn – Sicherheitswarnungen für Arztpraxen/, 'the Impressum');
  assert.doesNotMatch(mail.text!, /198\.51\.100/, 'no client address in the mail');
  assert.doesNotMatch(String(mail.html), /<img|198\.51\.100/, 'no tracking pixel, no client address');
  const link = /https:\/\/praxiswarn\.test(\/admin\/entsperren\/[A-Za-z0-9._-]+)/.exec(mail.text!)?.[1];
  assert.ok(link, 'the mail carries the unlock link');
  assert.ok(listAudit(deps.db, { entity: 'admin' }).some((e) => e.action === 'login.delayed'));

  const visitor = new AdminClient(app);
  const shown = await visitor.get(link);
  assert.equal(shown.status, 200);
  assert.match(await shown.text(), /Wartezeit jetzt aufheben/);
  assert.equal((await office.login(address, testPassword)).status, 429, 'opening the link (a mail scanner) lifts nothing');
  assert.equal((await visitor.post(`${link.slice(0, -2)}xx`, {})).status, 400, 'a tampered link');
  const lifted = await visitor.post(link, {});
  assert.equal(lifted.status, 200);
  assert.match(await lifted.text(), /Sie können sich jetzt wieder anmelden/);
  assert.equal((await home.login(address, testPassword)).status, 303);
  assert.equal((await office.login(address, testPassword)).status, 303);
  assert.ok(listAudit(deps.db, { entity: 'admin' }).some((e) => e.action === 'login.unlock'));
});

test('an unlock link stops working after 24 hours', async () => {
  const admin = findAdminByEmail(deps.db, 'eilig@verband.test')!;
  const token = signUnlockToken(deps.env.LINK_SECRET, admin.id, new Date(now.getTime() + 24 * 3600_000));
  const browser = new BrowserAt(app, '198.51.100.8');
  for (let i = 0; i < 5; i++) await browser.login(admin.email, `eilig-${i}`);
  minutes(24 * 60 + 1);
  const res = await new AdminClient(app).post(`/admin/entsperren/${token}`, {});
  assert.equal(res.status, 410);
  assert.match(await res.text(), /Dieser Link ist abgelaufen/);
  assert.equal((await new AdminClient(app).post(`/admin/entsperren/${signUnlockToken('ein-ganz-anderes-geheimnis', admin.id, new Date(now.getTime() + 3600_000))}`, {})).status, 400);
});
