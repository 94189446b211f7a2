import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { listAudit } from '../src/admin/audit.repository.js';
import { findAdminByEmail } from '../src/admin/admins.repository.js';
import { createAdminCommand, resetAdminCommand } from '../src/cli/admin.command.js';
import type { Env } from '../src/config/env.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

let env: Env;
let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;

const newPassword = 'Herbst-Praxis-Sprechstunde-7';

function terminal() {
  const out = new PassThrough();
  const err = new PassThrough();
  return { out, err, printed: () => String(out.read() ?? ''), errors: () => String(err.read() ?? '') };
}
const oneTimePassword = (printed: string) => /Einmal-Passwort: ([A-Za-z0-9]{20})\n/.exec(printed)?.[1];

async function changePassword(client: AdminClient, fields: { current: string; password: string; repeat?: string }) {
  const _csrf = await client.csrf('/admin/konto');
  return client.post('/admin/konto', { _csrf, current: fields.current, password: fields.password, repeat: fields.repeat ?? fields.password });
}

before(async () => {
  env = testEnv();
  deps = await createAppDeps(env, { logger: createLogger('silent') });
  app = createWebApp(deps);
  await adminWithRole(deps.db, 'editor', 'redaktion@verband.test');
  await adminWithRole(deps.db, 'viewer', 'lesen@verband.test');
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

test('a printed password must be changed at the first login, and afterwards it no longer works', async () => {
  const cli = terminal();
  assert.equal(await createAdminCommand(env, { email: 'neu@verband.test', role: 'editor' }, cli), 0);
  const printed = oneTimePassword(cli.printed());
  assert.ok(printed);
  assert.equal(findAdminByEmail(deps.db, 'neu@verband.test')?.mustChangePassword, true);

  const browser = new AdminClient(app);
  const login = await browser.login('neu@verband.test', printed);
  assert.equal(login.status, 303);
  assert.equal(login.headers.get('location'), '/admin/konto');
  for (const path of ['/admin', '/admin/quellen', '/admin/meldungen/1', '/admin/tokens', '/admin/protokoll']) {
    const res = await browser.get(path);
    assert.equal(res.status, 303, path);
    assert.equal(res.headers.get('location'), '/admin/konto', path);
  }
  const _csrf = await browser.csrf('/admin/konto');
  const write = await browser.post('/admin/tokens', { _csrf, name: 'Vorbei am Passwortwechsel' });
  assert.equal(write.headers.get('location'), '/admin/konto', 'no write either');

  const page = await (await browser.get('/admin/konto')).text();
  assert.match(page, /<h1>Ihr Konto<\/h1>/);
  assert.match(page, /Sie haben sich mit einem Einmal-Passwort angemeldet\. Bitte legen Sie jetzt ein eigenes Passwort fest/);
  assert.match(page, /<a href="\/admin\/konto" aria-current="page">Konto<\/a>/);

  const refusals: [Parameters<typeof changePassword>[1], RegExp][] = [
    [{ current: 'falsch-falsch-falsch', password: newPassword }, /Das bisherige Passwort ist falsch\./],
    [{ current: printed, password: 'zu-kurz' }, /Das Passwort muss mindestens 12 Zeichen lang sein\./],
    [{ current: printed, password: printed }, /Das neue Passwort muss sich vom bisherigen unterscheiden\./],
    [{ current: printed, password: newPassword, repeat: `${newPassword}!` }, /Die beiden neuen Passwörter stimmen nicht überein\./],
  ];
  for (const [fields, message] of refusals) {
    const res = await changePassword(browser, fields);
    assert.equal(res.status, 400);
    assert.match(await res.text(), message);
  }
  const forged = await browser.post('/admin/konto', { current: printed, password: newPassword, repeat: newPassword });
  assert.equal(forged.status, 403, 'the form needs the session CSRF token');

  const changed = await changePassword(browser, { current: printed, password: newPassword });
  assert.equal(changed.status, 303);
  assert.equal(changed.headers.get('location'), '/admin');
  assert.match(await (await browser.get('/admin')).text(), /Ihr Passwort ist geändert\./);
  assert.equal(findAdminByEmail(deps.db, 'neu@verband.test')?.mustChangePassword, false);

  assert.equal((await new AdminClient(app).login('neu@verband.test', printed)).status, 401, 'the one-time password is spent');
  const again = await new AdminClient(app).login('neu@verband.test', newPassword);
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), '/admin');
});

test('a password given on stdin is the owner\'s own and need not be changed', async () => {
  const cli = terminal();
  assert.equal(await createAdminCommand(env, { email: 'selbst@verband.test', role: 'viewer', password: 'selbst-gewaehltes-Passwort' }, cli), 0);
  const login = await new AdminClient(app).login('selbst@verband.test', 'selbst-gewaehltes-Passwort');
  assert.equal(login.headers.get('location'), '/admin');
});

test('changing the password ends every other session of the admin and keeps the current one', async () => {
  const desk = new AdminClient(app);
  const laptop = new AdminClient(app);
  const colleague = new AdminClient(app);
  await desk.login('redaktion@verband.test', testPassword);
  await laptop.login('redaktion@verband.test', testPassword);
  await colleague.login('lesen@verband.test', testPassword);
  assert.equal((await laptop.get('/admin')).status, 200);

  const res = await changePassword(desk, { current: testPassword, password: newPassword });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/admin/konto');
  const page = await desk.get('/admin/konto');
  assert.equal(page.status, 200, 'the session that changed it stays');
  assert.match(await page.text(), /Ihr Passwort ist geändert\. Eine andere Anmeldung wurde beendet\./);
  assert.equal((await laptop.get('/admin')).status, 303, 'the other session ended');
  assert.equal((await colleague.get('/admin')).status, 200, "another admin's session is untouched");
  assert.ok(listAudit(deps.db, { entity: 'admin' }).some((e) => e.action === 'admin.password_change' && e.actor === 'redaktion@verband.test'));

  const viewerChange = await changePassword(colleague, { current: testPassword, password: newPassword });
  assert.equal(viewerChange.status, 303, 'a viewer may change their own password');
});

test('guessing the current password on the account page is slowed down, without delaying the next login', async () => {
  const email = 'raten@verband.test';
  await adminWithRole(deps.db, 'editor', email);
  const browser = new AdminClient(app);
  await browser.login(email, testPassword);
  for (let i = 0; i < 4; i++) assert.equal((await changePassword(browser, { current: `geraten-${i}`, password: newPassword })).status, 400);
  const fifth = await changePassword(browser, { current: 'geraten-5', password: newPassword });
  assert.equal(fifth.status, 429);
  assert.match(await fifth.text(), /Das bisherige Passwort war zu oft falsch\. Bitte warten Sie bis \d\d:\d\d Uhr\./);
  assert.equal((await changePassword(browser, { current: testPassword, password: newPassword })).status, 429, 'not even the right one is checked');
  assert.equal((await new AdminClient(app).login(email, testPassword)).status, 303, 'the login counts its own failures');
});

test('`praxiswarn admin reset` prints a new one-time password, ends all sessions and is audited', async () => {
  const email = 'zurueck@verband.test';
  await adminWithRole(deps.db, 'editor', email);
  const browser = new AdminClient(app);
  await browser.login(email, testPassword);
  assert.equal((await browser.get('/admin')).status, 200);

  const cli = terminal();
  assert.equal(await resetAdminCommand(env, { email: 'Zurueck@Verband.test' }, cli), 0);
  const output = cli.printed();
  assert.match(output, /Passwort für Konto #\d+ \(zurueck@verband\.test\) zurückgesetzt; alle Anmeldungen des Kontos sind beendet\./);
  const printed = oneTimePassword(output);
  assert.ok(printed);

  assert.equal((await browser.get('/admin')).status, 303, 'the session ended');
  assert.equal((await new AdminClient(app).login(email, testPassword)).status, 401, 'the old password is gone');
  const login = await new AdminClient(app).login(email, printed);
  assert.equal(login.headers.get('location'), '/admin/konto', 'the new one must be changed first');
  assert.ok(listAudit(deps.db, { entity: 'admin' }).some((e) => e.action === 'admin.reset' && e.actor === 'cli'));

  assert.equal(await resetAdminCommand(env, { email: 'niemand@verband.test' }, cli), 1);
  assert.equal(cli.errors(), 'Kein Konto für niemand@verband.test.\n');
});

test('a reset also lifts the login delays of the address', async () => {
  const email = 'vergesslich@verband.test';
  await adminWithRole(deps.db, 'editor', email);
  const browser = new AdminClient(app);
  for (let i = 0; i < 5; i++) await browser.login(email, `vielleicht-${i}`);
  assert.equal((await browser.login(email, testPassword)).status, 429);
  const cli = terminal();
  assert.equal(await resetAdminCommand(env, { email }, cli), 0);
  assert.equal((await browser.login(email, oneTimePassword(cli.printed())!)).status, 303);
});
