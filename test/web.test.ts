import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { signLinkToken } from '../src/practices/links.js';
import { addPractice, getPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { testEnv } from './support/test-env.js';
import { removeQueues } from './support/queues.js';

let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;

before(async () => {
  deps = await createAppDeps(testEnv(), { logger: createLogger('silent') });
  app = createWebApp(deps);
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

test('/healthz answers and /readyz reports database and Redis', async () => {
  assert.equal((await app.request('/healthz')).status, 200);
  const ready = await app.request('/readyz');
  assert.equal(ready.status, 200);
  assert.deepEqual(await ready.json(), { status: 'ready', checks: { database: true, redis: true } });
});

test('/readyz says unavailable when Redis is gone', async () => {
  const local = await createAppDeps(testEnv(), { logger: createLogger('silent') });
  const web = createWebApp(local);
  local.redis.disconnect();
  const ready = await web.request('/readyz');
  assert.equal(ready.status, 503);
  assert.equal(((await ready.json()) as { checks: { redis: boolean } }).checks.redis, false);
  await local.close();
});

test('pages are German and carry a strict Content-Security-Policy', async () => {
  const res = await app.request('/');
  assert.match(await res.text(), /<html lang="de">/);
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  assert.equal((await app.request('/gibt-es-nicht')).status, 404);
});

test('the unsubscribe link: GET only asks, POST unsubscribes, twice is harmless, a tampered token is refused', async () => {
  const practice = addPractice(deps.db, { name: 'Praxis Dr. Abmeldung', email: 'abmeldung@praxis.test', productIds: ['cgm-albis'] }, { now: new Date(), origin: 'cli' });
  const token = signLinkToken(deps.env.LINK_SECRET, 'unsubscribe', practice.id);

  const get = await app.request(`/abmelden/${token}`);
  assert.equal(get.status, 200);
  assert.match(await get.text(), /Ja, abmelden/);
  assert.equal(getPractice(deps.db, practice.id)?.status, 'active');

  for (let i = 0; i < 2; i++) {
    const post = await app.request(`/abmelden/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(post.status, 200);
    assert.match(await post.text(), /Sie sind abgemeldet/);
  }
  assert.equal(getPractice(deps.db, practice.id)?.status, 'unsubscribed');

  const other = addPractice(deps.db, { name: 'Praxis Zwei', email: 'zwei@praxis.test', productIds: ['cgm-albis'] }, { now: new Date(), origin: 'cli' });
  const forged = token.replace(`.${practice.id}.`, `.${other.id}.`);
  assert.equal((await app.request(`/abmelden/${forged}`, { method: 'POST' })).status, 400);
  assert.equal((await app.request(`/abmelden/manage.${other.id}.x`, { method: 'POST' })).status, 400);
  assert.equal(getPractice(deps.db, other.id)?.status, 'active');
});
