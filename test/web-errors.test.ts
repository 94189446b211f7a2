import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { createApiToken, listApiTokens } from '../src/admin/api-tokens.repository.js';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { signLinkToken } from '../src/practices/links.js';
import { addPractice, getPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let editor: AdminClient;
let editorId: number;

// What `curl --data-binary garbage` sends with a multipart content type: a body no form parser can read.
const garbage = (extra: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  body: 'garbage',
  headers: { 'content-type': 'multipart/form-data; boundary=xx', ...extra },
});

before(async () => {
  deps = await createAppDeps(testEnv(), { logger: createLogger('silent') });
  app = createWebApp(deps);
  editorId = (await adminWithRole(deps.db, 'editor')).id;
  editor = new AdminClient(app);
  assert.equal((await editor.login('editor@verband.test', testPassword)).status, 303);
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

function assertGermanPage(page: string): void {
  assert.match(page, /<html lang="de">/);
  assert.doesNotMatch(page, /Internal Server Error|Payload Too Large|Bad Request/);
}

test('a body the server cannot read is a German 400 on the sign-up, manage, login and import forms, never a 500', async () => {
  const practice = addPractice(deps.db, { name: 'Praxis Dr. Kaputt', email: 'kaputt@praxis.test', productIds: ['cgm-albis'] }, { now: new Date(), origin: 'cli' });
  const paths = ['/abonnieren', `/verwalten/${signLinkToken(deps.env.LINK_SECRET, 'manage', practice.id)}`, '/admin/anmelden'];
  for (const path of paths) {
    const res = await app.request(path, garbage());
    assert.equal(res.status, 400, path);
    const page = await res.text();
    assertGermanPage(page);
    assert.match(page, /Die Anfrage konnte nicht gelesen werden/, path);
  }
  for (const path of ['/admin/praxen/import', '/admin/tokens']) {
    const res = await editor.request(path, garbage());
    assert.equal(res.status, 400, path);
    assertGermanPage(await res.text());
  }
  assert.equal(getPractice(deps.db, practice.id)?.name, 'Praxis Dr. Kaputt', 'nothing changed');
});

test('the API answers a body it cannot read in its JSON error envelope', async () => {
  const { token } = createApiToken(deps.db, (await adminWithRole(deps.db, 'editor', 'automat@verband.test')).id, 'Skript', new Date());
  const res = await app.request('/api/v1/advisories/1/reject', garbage({ authorization: `Bearer ${token}` }));
  assert.equal(res.status, 400);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid');
});

test('an admin form larger than any form we serve is refused with a German 413 before it is read; the CSV import takes a file', async () => {
  const csrf = await editor.csrf('/admin/tokens');
  const res = await editor.post('/admin/tokens', { _csrf: csrf, name: 'x'.repeat(300 * 1024) });
  assert.equal(res.status, 413);
  const page = await res.text();
  assertGermanPage(page);
  assert.match(page, /zu groß/);
  assert.equal(listApiTokens(deps.db, editorId).length, 0, 'no token was created');

  const name = (i: number) => `Gemeinschaftspraxis für Allgemeinmedizin und Innere Medizin Dr. med. Beispiel und Kollegen, Standort ${i}`;
  const rows = Array.from({ length: 5000 }, (_, i) => `"${name(i)}",praxis${i}@import.test,cgm-albis|cgm-turbomed`).join('\n');
  const csv = `name,email,products\n${rows}`;
  assert.ok(csv.length > 700_000);
  const dryRun = await editor.post('/admin/praxen/import', { _csrf: csrf, op: 'plan', csv });
  assert.equal(dryRun.status, 200, 'a CSV of about a megabyte is read');
});

test('an unexpected failure shows a German page with an error id, and the same id is in the log line', async (t) => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const local = await createAppDeps(testEnv(), { logger });
  t.after(async () => {
    await removeQueues(local.queues);
    await local.close();
  });
  const web = createWebApp(local);
  const { token } = createApiToken(local.db, (await adminWithRole(local.db, 'editor')).id, 'Skript', new Date());
  // A database that went away is the failure nobody planned for.
  local.db.$client.close();

  const logged = (id: string) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.errorId === id);

  const res = await web.request('/warnungen');
  assert.equal(res.status, 500);
  const page = await res.text();
  assertGermanPage(page);
  assert.match(page, /Ein Fehler ist aufgetreten/);
  const pageId = /Fehler-ID: <code>([0-9a-f]{12})<\/code>/.exec(page)?.[1];
  assert.ok(pageId, 'the page names the error id');
  const line = logged(pageId);
  assert.ok(line, 'the log line carries the same id');
  assert.equal(line.msg, 'request failed');
  assert.equal(line.route, '/warnungen');

  const api = await web.request('/api/v1/advisories', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(api.status, 500);
  const body = (await api.json()) as { error: { code: string; message: string; errorId: string } };
  assert.equal(body.error.code, 'internal');
  assert.match(body.error.message, /Fehler-ID/);
  assert.ok(logged(body.error.errorId), 'the API error id is logged too');
  assert.doesNotMatch(lines.join('\n'), /pw_|@verband\.test/, 'no token or address in the log');
});
