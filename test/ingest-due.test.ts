import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { ingestDueSources } from '../src/ingest/ingest-due.js';
import { eq } from 'drizzle-orm';
import { getSource } from '../src/sources/sources.repository.js';
import { sources } from '../src/sources/sources.table.js';
import type { SourceConfig } from '../src/sources/sources.models.js';
import { testEnv } from './support/test-env.js';

// One host with a list page (two articles behind it) and two feeds, all in one fetch job. The server logs the order
// of requests and how many were open at once.
const log: string[] = [];
let open = 0;
let maxOpen = 0;
let server: Server;
let deps: AppDeps;
let base = '';

const rss = (name: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title>` +
  `<item><title>Sicherheitsupdate für ${name}</title><link>https://praxis-it.example/${name}/1</link><guid>${name}-1</guid><description>Bitte das Update einspielen.</description></item></channel></rss>`;
const list = () =>
  `<html><body><main>${['a1', 'a2'].map((a) => `<article class="teaser"><h2><a href="/${a}">Hinweis ${a} zur Digitalisierungsbox</a></h2></article>`).join('')}</main></body></html>`;
const article = (a: string) => `<html><body><article class="content"><p>Hinweis ${a}: Installieren Sie die Firmware 11.01.02.102.</p></article></body></html>`;

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    log.push(path);
    maxOpen = Math.max(maxOpen, ++open);
    // A little latency, so that overlapping requests would show.
    setTimeout(() => {
      open--;
      if (path === '/list') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(list());
      else if (path.startsWith('/feed')) res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(path.slice(1)));
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(path.slice(1)));
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const source = (id: string, path: string, extra: Partial<SourceConfig> = {}): SourceConfig => ({
    id, name: id, publisher: 'Praxis-IT', kind: 'rss', url: base + path, trust: 'review', intervalMinutes: 60, enabled: true, ...extra,
  });
  const sourceList = [
    source('liste', '/list', { kind: 'html', selectors: { item: 'article.teaser', link: 'h2 a', title: 'h2', article: 'article.content' } }),
    source('feed-b', '/feed-b'),
    source('feed-c', '/feed-c'),
  ];
  deps = await createAppDeps(testEnv({ sources: sourceList, env: { FETCH_ALLOW_HOSTS: new URL(base).host, FETCH_HOST_DELAY_MS: '0' } }), { logger: createLogger('silent') });
});
after(async () => {
  await deps.close();
  await new Promise((resolve) => server.close(resolve));
});

test("a job's sources are fetched one after another, in its order, each with its article pages; the host sees one request at a time", async () => {
  const targets = ['liste', 'feed-b', 'feed-c'].map((sourceId) => ({ sourceId, dueAt: getSource(deps.db, sourceId)!.nextCheckAt.getTime() }));
  const { results, skipped, crashed } = await ingestDueSources(deps, targets);
  assert.deepEqual([skipped, crashed], [[], []]);
  assert.deepEqual(results.map((r) => [r.sourceId, r.status]), [['liste', 'ok'], ['feed-b', 'ok'], ['feed-c', 'ok']]);
  assert.equal(maxOpen, 1, 'one request at a time per host');
  assert.deepEqual(log, ['/list', '/a1', '/a2', '/feed-b', '/feed-c']);
  const liste = results[0]!;
  assert.equal(liste.status === 'ok' && liste.created.length, 2, 'both articles of the list were read');
});

test('a source fetched since the job was made is skipped without a request', async () => {
  const requests = log.length;
  const stale = [{ sourceId: 'feed-b', dueAt: 0 }];
  assert.deepEqual(await ingestDueSources(deps, stale), { results: [], skipped: ['feed-b'], crashed: [] });
  assert.equal(log.length, requests);
});

test('a source disabled after its job was made is skipped without a request, and so is one that no longer exists', async () => {
  const requests = log.length;
  deps.db.update(sources).set({ enabled: false }).where(eq(sources.id, 'feed-c')).run();
  const targets = [{ sourceId: 'feed-c', dueAt: getSource(deps.db, 'feed-c')!.nextCheckAt.getTime() }, { sourceId: 'entfernt', dueAt: 0 }];
  assert.deepEqual(await ingestDueSources(deps, targets), { results: [], skipped: ['feed-c', 'entfernt'], crashed: [] });
  assert.equal(log.length, requests);
});
