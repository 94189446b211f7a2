import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { getAdvisory } from '../src/advisories/advisories.repository.js';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { createApiToken, revokeApiToken } from '../src/admin/api-tokens.repository.js';
import { listAudit } from '../src/admin/audit.repository.js';
import { findAdminByEmail } from '../src/admin/admins.repository.js';
import type { Env } from '../src/config/env.js';
import { createWebApp } from '../src/web/app.js';
import { createAdminCommand, tokenCommand } from '../src/cli/admin.command.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { recordHandwritten } from './support/drafts.js';
import { removeQueues } from './support/queues.js';
import { fixtureSources, testEnv } from './support/test-env.js';

let env: Env;
let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let editorToken: string;
let editorTokenId: number;
let viewerToken: string;

const call = (path: string, { token, method = 'GET', json }: { token?: string; method?: string; json?: unknown } = {}) =>
  app.request(`/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });

before(async () => {
  env = testEnv({ sources: fixtureSources('http://127.0.0.1:9') });
  deps = await createAppDeps(env, { logger: createLogger('silent') });
  app = createWebApp(deps);
  const editor = await adminWithRole(deps.db, 'editor');
  const viewer = await adminWithRole(deps.db, 'viewer');
  ({ token: editorToken, row: { id: editorTokenId } } = createApiToken(deps.db, editor.id, 'Automatisierung', new Date()));
  viewerToken = createApiToken(deps.db, viewer.id, 'Auswertung', new Date()).token;
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

test('the OpenAPI document describes every operation', async () => {
  const res = await call('/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>> };
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(Object.keys(doc.paths).sort(), ['/advisories', '/advisories/{id}', '/advisories/{id}/approve', '/advisories/{id}/merge', '/advisories/{id}/reject', '/sources', '/sources/{id}/fetch']);
  assert.ok(doc.paths['/advisories/{id}']!['put']!.requestBody!.content['application/json']!.schema.properties, 'the edit body comes from its zod schema');
});

test('without a live token nothing is answered; a viewer token only reads', async () => {
  assert.equal((await call('/advisories')).status, 401);
  assert.equal((await call('/advisories', { token: 'pw_falsch' })).status, 401);
  const { token, row } = createApiToken(deps.db, findAdminByEmail(deps.db, 'editor@verband.test')!.id, 'alt', new Date());
  assert.equal((await call('/advisories', { token })).status, 200);
  revokeApiToken(deps.db, row.adminId, row.id, new Date());
  assert.equal((await call('/advisories', { token })).status, 401, 'a revoked token is refused');
  assert.equal((await call('/advisories', { token: viewerToken })).status, 200);
  assert.equal((await call('/advisories/1/approve', { token: viewerToken, method: 'POST' })).status, 403);
  assert.equal((await app.request('/api/v1/advisories', { headers: { cookie: 'pw_session=x' } })).status, 401, 'cookies do not count');
});

test('a viewer cannot revoke an editor\'s token: a German 403, and the token keeps working', async () => {
  const viewer = new AdminClient(app);
  assert.equal((await viewer.login('viewer@verband.test', testPassword)).status, 303);
  const res = await viewer.post(`/admin/tokens/${editorTokenId}/widerrufen`, { _csrf: await viewer.csrf('/admin/tokens') });
  assert.equal(res.status, 403);
  assert.match(await res.text(), /Sie können nur Ihre eigenen API-Tokens widerrufen/);
  assert.equal((await call('/advisories', { token: editorToken })).status, 200, 'the editor token still works');
  assert.equal(listAudit(deps.db, { entity: 'api_token' }).filter((e) => e.action === 'api_token.revoke').length, 0);
});

test('an unknown API address answers the JSON error envelope with 404', async () => {
  const res = await call('/gibt-es-nicht', { token: viewerToken });
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
});

test('a JSON body over 256 KB is refused with 413 before it is parsed, with or without a content length', async () => {
  const huge = JSON.stringify({ reason: 'x'.repeat(10 * 1024 * 1024) });
  const headers = { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' };
  const sized = await app.request('/api/v1/advisories/1/reject', { method: 'POST', headers: { ...headers, 'content-length': String(huge.length) }, body: huge });
  assert.equal(sized.status, 413);
  assert.equal(((await sized.json()) as { error: { code: string } }).error.code, 'too_large');
  const stream = new Blob([huge]).stream();
  const streamed = await app.request('/api/v1/advisories/1/reject', { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
  assert.equal(streamed.status, 413);
});

test('an editor token lists, edits, approves, rejects and merges drafts, each in the audit log', async () => {
  const albis = recordHandwritten(deps, { title: 'Sicherheitslücke in CGM ALBIS', text: 'In CGM ALBIS wurde eine Sicherheitslücke gefunden. Installieren Sie das Update auf Version 24.10.' });
  const turbomed = recordHandwritten(deps, { title: 'Schwachstelle in CGM TURBOMED', text: 'CGM TURBOMED hat eine Schwachstelle. Installieren Sie das Update auf Version 25.1.' });
  const m1 = recordHandwritten(deps, { title: 'Schwachstelle in CGM M1 PRO', text: 'In CGM M1 PRO wurde eine Schwachstelle gefunden. Installieren Sie das Update auf Version 5.2.' });

  const list = (await (await call('/advisories', { token: editorToken })).json()) as { advisories: { id: number }[] };
  assert.deepEqual(list.advisories.map((a) => a.id), [m1, turbomed, albis], 'newest first');

  const current = ((await (await call(`/advisories/${albis}`, { token: editorToken })).json()) as { advisory: { actions: { id: number; text: string }[] } }).advisory;
  const edit = {
    title: 'Sicherheitslücke in CGM ALBIS: Update 24.10', summary: 'Ein Fehler erlaubt Zugriff.', severity: 'hoch',
    products: [{ productId: 'cgm-albis', affectedVersions: 'bis 24.9', fixedVersion: '24.10' }],
    actions: [...current.actions.map((a) => ({ id: a.id, text: a.text })), { text: 'Danach die Praxis-Server neu starten' }],
    cves: ['cve-2026-4711'],
  };
  const put = await call(`/advisories/${albis}`, { token: editorToken, method: 'PUT', json: edit });
  assert.equal(put.status, 200);
  const edited = ((await put.json()) as { advisory: { cves: string[]; actions: { evidence: string | null }[] } }).advisory;
  assert.deepEqual(edited.cves, ['CVE-2026-4711']);
  assert.ok(edited.actions[0]!.evidence, 'evidence kept');

  const invalid = await call(`/advisories/${albis}`, { token: editorToken, method: 'PUT', json: { ...edit, severity: 'egal', cves: ['4711'] } });
  assert.equal(invalid.status, 422);
  const problem = (await invalid.json()) as { error: { issues: { path: string; message: string }[] } };
  assert.ok(problem.error.issues.some((i) => i.path === 'cves.0' && /CVE-2024-12345/.test(i.message)));
  assert.equal((await call(`/advisories/${albis}`, { token: editorToken, method: 'PUT', json: { ...edit, products: [{ productId: 'nix' }] } })).status, 422);
  assert.equal((await call('/advisories/999', { token: editorToken })).status, 404);

  assert.equal((await call(`/advisories/${albis}/approve`, { token: editorToken, method: 'POST' })).status, 200);
  assert.equal(getAdvisory(deps.db, albis)!.status, 'published');
  assert.ok(await deps.queues.match.getJob(`match-${albis}`));
  assert.equal((await call(`/advisories/${albis}/approve`, { token: editorToken, method: 'POST' })).status, 409, 'twice is a conflict');

  assert.equal((await call(`/advisories/${m1}/reject`, { token: editorToken, method: 'POST', json: {} })).status, 422);
  assert.equal((await call(`/advisories/${m1}/reject`, { token: editorToken, method: 'POST', json: { reason: 'Betrifft nur eine Testversion.' } })).status, 200);
  const merged = await call(`/advisories/${turbomed}/merge`, { token: editorToken, method: 'POST', json: { targetId: albis } });
  assert.equal(merged.status, 200);
  assert.equal(((await merged.json()) as { advisory: { status: string; mergedIntoId: number } }).advisory.mergedIntoId, albis);
  assert.equal((await call(`/advisories/${m1}/merge`, { token: editorToken, method: 'POST', json: { targetId: m1 } })).status, 409);

  const actors = new Set(listAudit(deps.db, { entity: 'advisory' }).map((e) => `${e.actor} ${e.action}`));
  for (const action of ['advisory.edit', 'advisory.approve', 'advisory.reject', 'advisory.merge']) assert.ok(actors.has(`editor@verband.test (API) ${action}`), action);
});

test('sources can be listed and fetched now', async () => {
  const sources = (await (await call('/sources', { token: viewerToken })).json()) as { sources: { id: string; errorCount: number }[] };
  assert.deepEqual(sources.sources.map((s) => s.id), ['dgn-news', 'handarbeit', 'praxis-it-feed']);
  const res = await call('/sources/dgn-news/fetch', { token: editorToken, method: 'POST' });
  assert.equal(res.status, 202);
  assert.equal((await deps.queues.fetch.getJobs(['waiting'])).filter((j) => j.data.sources.some((s: { sourceId: string }) => s.sourceId === 'dgn-news')).length, 1);
  assert.equal((await call('/sources/gibt-es-nicht/fetch', { token: editorToken, method: 'POST' })).status, 404);
});

test('`praxiswarn admin create` and `admin token` give a working login and token', async () => {
  const out = new PassThrough();
  const err = new PassThrough();
  const read = (s: PassThrough) => String(s.read() ?? '');
  assert.equal(await createAdminCommand(env, { email: 'Neu@Verband.test', role: 'viewer' }, { out, err }), 0);
  const printed = read(out);
  assert.match(printed, /Konto #\d+ für neu@verband.test \(nur lesen\) angelegt\./);
  const password = /Einmal-Passwort: ([A-Za-z0-9]{20})\n/.exec(printed)?.[1];
  assert.ok(password);
  const web = new AdminClient(app);
  assert.equal((await web.login('neu@verband.test', password)).status, 303, 'the one-time password logs in');
  assert.equal(await createAdminCommand(env, { email: 'neu@verband.test', role: 'editor', password: 'noch-ein-langes-Passwort' }, { out, err }), 1);
  assert.match(read(err), /Es gibt bereits ein Konto für neu@verband.test/);
  await assert.rejects(createAdminCommand(env, { email: 'kurz@verband.test', role: 'editor', password: 'kurz' }, { out, err }), /mindestens 12 Zeichen/);
  assert.equal(tokenCommand(env, { email: 'neu@verband.test', name: 'Skript' }, { out, err }), 0);
  const token = read(out).trim();
  assert.match(token, /^pw_/);
  assert.equal((await call('/sources', { token })).status, 200);
  assert.equal((await call('/sources/dgn-news/fetch', { token, method: 'POST' })).status, 403, 'a viewer');
  assert.equal(tokenCommand(env, { email: 'niemand@verband.test', name: 'x' }, { out, err }), 1);
});
