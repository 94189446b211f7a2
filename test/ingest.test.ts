import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openStore } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import type { Db } from '../src/db/client.js';
import { notices } from '../src/db/schema.js';
import type { HttpOptions } from '../src/ingest/http.js';
import { httpOptionsFromEnv } from '../src/ingest/http-config.js';
import { ingestSource } from '../src/ingest/ingest.js';
import { getSource } from '../src/sources/sources.repository.js';
import { sitePages, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { fixtureSources, testEnv } from './support/test-env.js';

let site: FixtureServer;
let db: Db;
const logger = createLogger('silent');
let now = new Date('2026-11-25T08:00:00Z');
let http: HttpOptions;
const deps = () => ({ db, clock: () => now, logger, http: { ...http, timeoutMs: 2000 } });

before(async () => {
  site = await startFixtureServer({ ...sitePages });
  const env = testEnv({ sources: fixtureSources(site.url) });
  db = openStore(env).db;
  http = httpOptionsFromEnv(env);
});
after(async () => {
  db.$client.close();
  await site.close();
});

test('a feed and its linked articles become notices with the article text, not the teaser', async () => {
  const result = await ingestSource(deps(), 'praxis-it-feed');
  assert.equal(result.status, 'ok');
  assert.equal(result.status === 'ok' && result.created.length, 2);
  const stored = db.select().from(notices).where(eq(notices.sourceId, 'praxis-it-feed')).all();
  const box = stored.find((n) => /Digitalisierungsbox/.test(n.title))!;
  assert.match(box.text, /11\.01\.02\.102/);
  assert.doesNotMatch(box.text, /Pressekontakt/, 'the press contact block is not part of the notice');
  assert.equal(box.publishedAt?.toISOString().slice(0, 10), '2019-11-15');
  assert.equal(getSource(db, 'praxis-it-feed')?.errorCount, 0);
});

test('the same feed again is not read again: nothing parsed, no article page fetched', async () => {
  const articleHits = () => [...site.hits].filter(([path]) => path !== '/feeds/praxis-it.xml').reduce((n, [, hits]) => n + hits, 0);
  const before = articleHits();
  const feedHits = site.hits.get('/feeds/praxis-it.xml');
  const result = await ingestSource(deps(), 'praxis-it-feed');
  assert.equal(result.status, 'not_modified');
  assert.equal(site.hits.get('/feeds/praxis-it.xml'), feedHits! + 1, 'the feed itself is requested');
  assert.equal(articleHits(), before);
  assert.equal(getSource(db, 'praxis-it-feed')?.lastSuccessAt?.getTime(), now.getTime(), 'the check counts as a success');
});

test('a feed whose bytes changed is read again; unchanged entries still fetch no article page', async () => {
  const feedFile = readFileSync(new URL('fixtures/feeds/praxis-it.rss.xml', import.meta.url), 'utf8').replaceAll('{{BASE_URL}}', site.url);
  site.setRoute('/feeds/praxis-it.xml', { body: feedFile.replace('13:05:00', '14:05:00'), contentType: 'application/rss+xml; charset=utf-8' });
  const hits = [...site.hits.values()].reduce((a, b) => a + b, 0);
  const result = await ingestSource(deps(), 'praxis-it-feed');
  assert.equal(result.status, 'ok');
  assert.deepEqual(result.status === 'ok' && [result.created.length, result.changed.length, result.unchanged], [0, 0, 2]);
  assert.equal([...site.hits.values()].reduce((a, b) => a + b, 0), hits + 1, 'only the feed was requested');
  site.setRoute('/feeds/praxis-it.xml', sitePages['/feeds/praxis-it.xml']!);
});

test('a list page gives one notice per item, with the article page as text', async () => {
  const result = await ingestSource(deps(), 'dgn-news');
  assert.equal(result.status, 'ok');
  const stored = db.select().from(notices).where(eq(notices.sourceId, 'dgn-news')).all();
  assert.ok(stored.length >= 2);
  assert.ok(stored.some((n) => /Portweiterleitung/i.test(n.text)));
});

test('a list page with an item left out is read in full again, so its missing article is tried again', async () => {
  const missing = '/dgn/unternehmen/wartungsarbeiten-am-dgn-portal/';
  const before = site.hits.get(missing) ?? 0;
  assert.ok(before > 0, 'the first fetch asked for the missing article');
  const result = await ingestSource(deps(), 'dgn-news');
  assert.equal(result.status, 'ok');
  assert.equal(site.hits.get(missing), before + 1);
  assert.equal(getSource(db, 'dgn-news')?.bodyHash, null);
});

test('a broken feed is the source error in German words and loses nothing already stored', async () => {
  const before = db.select().from(notices).all().length;
  site.setRoute('/feeds/praxis-it.xml', { body: '<rss><channel><item><title>kaputt', contentType: 'application/rss+xml' });
  now = new Date('2026-11-25T09:00:00Z');
  const result = await ingestSource(deps(), 'praxis-it-feed');
  assert.equal(result.status, 'error');
  const source = getSource(db, 'praxis-it-feed')!;
  assert.equal(source.errorCount, 1);
  assert.match(source.lastError ?? '', /kein gültiges RSS oder Atom/);
  assert.ok(source.nextCheckAt.getTime() > now.getTime(), 'the next check backs off');
  assert.equal(db.select().from(notices).all().length, before);
});

test('a server error and a selector that finds nothing are reported, not taken for "no news"', async () => {
  site.setRoute('/feeds/praxis-it.xml', { status: 500, body: 'Internal Server Error' });
  const failed = await ingestSource(deps(), 'praxis-it-feed');
  assert.equal(failed.status, 'error');
  assert.match(getSource(db, 'praxis-it-feed')!.lastError ?? '', /HTTP 500/);
  assert.equal(getSource(db, 'praxis-it-feed')!.errorCount, 2);

  site.setRoute('/dgn/unternehmen/category/news/', { body: '<html><body><p>Relaunch! Neue Website.</p></body></html>' });
  const empty = await ingestSource(deps(), 'dgn-news');
  assert.equal(empty.status, 'error');
  assert.match(getSource(db, 'dgn-news')!.lastError ?? '', /keine Einträge gefunden \(Selektor „article.news-item“\)/);
});

test('a source that recovers clears its error count', async () => {
  site.setRoute('/feeds/praxis-it.xml', sitePages['/feeds/praxis-it.xml']!);
  const result = await ingestSource(deps(), 'praxis-it-feed');
  assert.equal(result.status, 'ok');
  const source = getSource(db, 'praxis-it-feed')!;
  assert.equal(source.errorCount, 0);
  assert.equal(source.lastError, null);
});

test('an unreachable server is an error with a reason', async () => {
  db.$client.prepare("UPDATE sources SET url = 'http://127.0.0.1:1/feed.xml' WHERE id = 'praxis-it-feed'").run();
  const blocked = await ingestSource(deps(), 'praxis-it-feed');
  assert.equal(blocked.status, 'error');
  assert.match(getSource(db, 'praxis-it-feed')!.lastError ?? '', /nicht erlaubt: Loopback-Adresse/, 'a port that is not allow-listed is refused');
  http = { ...http, allowHosts: new Set([...(http.allowHosts ?? []), '127.0.0.1:1']) };
  const result = await ingestSource(deps(), 'praxis-it-feed');
  assert.equal(result.status, 'error');
  assert.match(getSource(db, 'praxis-it-feed')!.lastError ?? '', /nicht erreichbar/);
});
