import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { listAudit } from '../src/admin/audit.repository.js';
import { verifyPassword, hashPassword } from '../src/admin/password.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let now = new Date('2026-11-25T10:00:00Z');

before(async () => {
  deps = await createAppDeps(testEnv(), { logger: createLogger('silent'), clock: () => now });
  app = createWebApp(deps);
  await adminWithRole(deps.db, 'editor', 'redaktion@verband.test');
  await adminWithRole(deps.db, 'viewer', 'lesen@verband.test');
  await adminWithRole(deps.db, 'editor', 'gesperrt@verband.test');
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

// Every page and every write of the admin area; ids need not exist, the guard answers first.
const pages = ['/admin', '/admin/meldungen/1', '/admin/meldungen/1/vorschau', '/admin/veroeffentlicht', '/admin/quellen', '/admin/quellen/neu', '/admin/katalog', '/admin/praxen', '/admin/praxen/1', '/admin/protokoll', '/admin/tokens', '/admin/konto', '/admin/queues', '/admin/queues/api/queues'];
const writes = [
  '/admin/meldungen/1', '/admin/meldungen/1/ablehnen', '/admin/meldungen/1/wieder-oeffnen', '/admin/meldungen/1/zusammenfuehren', '/admin/quellen/neu', '/admin/quellen/dgn-news',
  '/admin/quellen/dgn-news/abrufen', '/admin/quellen/dgn-news/aktivieren', '/admin/quellen/dgn-news/deaktivieren', '/admin/katalog/vorschlaege/1/annehmen',
  '/admin/katalog/vorschlaege/1/verwerfen', '/admin/praxen/import',
];

test('passwords are stored as scrypt hashes and checked in constant time', async () => {
  const hash = await hashPassword('Sommer-Praxis-2026!');
  assert.match(hash, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('Sommer-Praxis-2026!', hash), true);
  assert.equal(await verifyPassword('Sommer-Praxis-2026?', hash), false);
});

test('anonymous visitors are sent to the login page and cannot write', async () => {
  const anon = new AdminClient(app);
  for (const path of pages) {
    const res = await anon.get(path);
    assert.ok(res.status === 303 || res.status === 401, `${path} answered ${res.status}`);
    if (res.status === 303) assert.match(res.headers.get('location') ?? '', /^\/admin\/anmelden/);
  }
  for (const path of writes) assert.equal((await anon.post(path, { _csrf: 'x' })).status, 401, path);
  const login = await anon.get('/admin/anmelden');
  assert.equal(login.status, 200);
  const html = await login.text();
  assert.match(html, /<html lang="de">/);
  assert.match(html, /<label for="email">E-Mail-Adresse<\/label>/);
  assert.match(login.headers.get('content-security-policy') ?? '', /default-src 'none'; style-src 'self'/);
  assert.doesNotMatch(html, /<script|style=/);
});

test('a login needs the right password, rotates the session id and sets a hardened cookie', async () => {
  const client = new AdminClient(app);
  client.cookies.set('pw_session', 'planted-by-an-attacker');
  assert.equal((await client.login('redaktion@verband.test', 'falsch')).status, 401);
  assert.equal((await client.login(`${'a'.repeat(300)}@verband.test`, 'x'.repeat(300))).status, 401, 'oversized input is just wrong');
  const ok = await client.login('Redaktion@Verband.test', testPassword);
  assert.equal(ok.status, 303);
  const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('pw_session='))!;
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /Secure/, 'PUBLIC_URL is https in tests');
  assert.match(cookie, /Path=\/admin/);
  const first = client.cookies.get('pw_session')!;
  assert.notEqual(first, 'planted-by-an-attacker');
  assert.equal((await client.get('/admin')).status, 200);
  assert.equal((await client.get('/admin/')).headers.get('location'), '/admin');
  const back = new AdminClient(app);
  const form = await (await back.get('/admin/anmelden?next=%2Fadmin%2Fquellen')).text();
  assert.match(form, /name="next" value="\/admin\/quellen"/);
  const token = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
  const landed = await back.post('/admin/anmelden', { _csrf: token, email: 'redaktion@verband.test', password: testPassword, next: '/admin/quellen' });
  assert.equal(landed.headers.get('location'), '/admin/quellen', 'back to the page that asked for the login');
  const evil = await back.post('/admin/anmelden', { _csrf: await back.csrf('/admin/anmelden'), email: 'redaktion@verband.test', password: testPassword, next: 'https://evil.example/admin' });
  assert.equal(evil.headers.get('location'), '/admin', 'no open redirect');

  const attacker = new AdminClient(app);
  attacker.cookies.set('pw_session', 'planted-by-an-attacker');
  assert.equal((await attacker.get('/admin')).status, 303, 'the planted id never becomes a session');

  await client.login('redaktion@verband.test', testPassword);
  assert.notEqual(client.cookies.get('pw_session'), first, 'a second login gets another id');
  const stale = new AdminClient(app);
  stale.cookies.set('pw_session', first);
  assert.equal((await stale.get('/admin')).status, 303, 'the old id ended with the new login');
  assert.ok(listAudit(deps.db, { entity: 'admin' }).some((e) => e.action === 'login'));

  assert.equal((await client.post('/admin/abmelden', { _csrf: await client.csrf() })).status, 303);
  assert.equal((await client.get('/admin')).status, 303, 'logged out');
});

test('a login form posted without its CSRF cookie is refused', async () => {
  const client = new AdminClient(app);
  const res = await client.post('/admin/anmelden', { _csrf: 'guess', email: 'redaktion@verband.test', password: testPassword });
  assert.equal(res.status, 403);
  assert.equal(client.cookies.has('pw_session'), false);
});

test('five wrong passwords make this client wait a minute before the next password is checked, even the right one', async () => {
  const client = new AdminClient(app);
  for (let i = 0; i < 4; i++) assert.equal((await client.login('gesperrt@verband.test', `falsch-${i}`)).status, 401);
  const fifth = await client.login('gesperrt@verband.test', 'falsch-5');
  assert.equal(fifth.status, 429);
  assert.equal(fifth.headers.get('retry-after'), '60');
  assert.match(await fifth.text(), /Zu viele Fehlversuche für diese E-Mail-Adresse\. Bitte warten Sie bis 11:01 Uhr/);
  assert.equal((await client.login('gesperrt@verband.test', testPassword)).status, 429);
  now = new Date(now.getTime() + 61_000);
  assert.equal((await client.login('gesperrt@verband.test', testPassword)).status, 303);
  assert.equal((await client.login('gesperrt@verband.test', 'falsch-6')).status, 401, 'a correct password starts the count afresh');
});

test('every write needs the session CSRF token', async () => {
  const client = new AdminClient(app);
  await client.login('redaktion@verband.test', testPassword);
  for (const path of writes) {
    assert.equal((await client.post(path, {})).status, 403, `${path} without token`);
    assert.equal((await client.post(path, { _csrf: 'falsch' })).status, 403, `${path} with a wrong token`);
  }
  const foreign = await client.request('/admin/queues/api/queues/fetch/pause', { method: 'PUT', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
  assert.equal(foreign.status, 403, 'Bull Board refuses cross-site writes');
});

test('a viewer reads every page but may not change anything', async () => {
  const viewer = new AdminClient(app);
  await viewer.login('lesen@verband.test', testPassword);
  for (const path of ['/admin', '/admin/veroeffentlicht', '/admin/quellen', '/admin/katalog', '/admin/praxen', '/admin/protokoll', '/admin/tokens']) {
    assert.equal((await viewer.get(path)).status, 200, path);
  }
  const token = await viewer.csrf();
  for (const path of writes) assert.equal((await viewer.post(path, { _csrf: token })).status, 403, path);
  assert.equal((await viewer.request('/admin/queues/api/queues/fetch/pause', { method: 'PUT', headers: { 'sec-fetch-site': 'same-origin' } })).status, 403);
  assert.equal((await viewer.post('/admin/tokens', { _csrf: token, name: 'Auswertung' })).status, 200, 'own API tokens are allowed');
});
