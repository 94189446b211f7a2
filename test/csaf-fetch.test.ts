import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openStore } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import type { Db } from '../src/db/client.js';
import { notices } from '../src/db/schema.js';
import { httpOptionsFromEnv } from '../src/ingest/http-config.js';
import { ingestSource, type IngestResult } from '../src/ingest/ingest.js';
import { getSource } from '../src/sources/sources.repository.js';
import { csafPages, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { testEnv } from './support/test-env.js';

const csaf = '/wid/.well-known/csaf';
const doc = (id: string) => `${csaf}/white/2026/${id.toLowerCase()}.json`;
const fixture = (path: string) => readFileSync(new URL(`fixtures/csaf/${path}`, import.meta.url), 'utf8');

let site: FixtureServer;
let db: Db;
let deps: Parameters<typeof ingestSource>[0];

const ok = (r: IngestResult) => {
  assert.equal(r.status, 'ok', r.status === 'error' ? r.message : '');
  return r as Exclude<IngestResult, { status: 'error' }>;
};
const stored = () => db.select().from(notices).where(eq(notices.sourceId, 'bsi-wid-csaf')).all();
const documentHits = () => [...site.hits].filter(([path]) => path.includes('/white/20')).reduce((sum, [, n]) => sum + n, 0);
const due = () => db.$client.prepare("UPDATE sources SET next_check_at = 0 WHERE id = 'bsi-wid-csaf'").run();

before(async () => {
  site = await startFixtureServer({ ...csafPages });
  const env = testEnv({
    sources: [
      { id: 'bsi-wid-csaf', name: 'BSI WID', publisher: 'BSI', kind: 'csaf', url: `${site.url}${csaf}/provider-metadata.json`, trust: 'review', intervalMinutes: 60, enabled: true },
    ],
  });
  db = openStore(env).db;
  deps = { db, clock: () => new Date('2026-11-25T08:00:00Z'), logger: createLogger('silent'), http: httpOptionsFromEnv(env) };
});
after(async () => {
  db.$client.close();
  await site.close();
});

test('provider metadata, the TLP:WHITE ROLIE feed and the documents become notices holding the JSON as fetched', async () => {
  const result = ok(await ingestSource(deps, 'bsi-wid-csaf'));
  assert.equal(result.created.length, 3);
  assert.equal(result.skipped, 0);
  assert.equal(site.hits.get(`${csaf}/white/2024/wid-sec-w-2024-0815.json`), undefined, 'a document from 2024 is outside the backfill window');
  assert.equal(site.hits.get(`${csaf}/amber/bsi-wid-amber.json`), undefined, 'the TLP:AMBER feed is never asked for');
  const fritz = stored().find((n) => n.externalId === 'WID-SEC-W-2026-2940')!;
  assert.equal(fritz.title, 'AVM FRITZ!Box: Mehrere Schwachstellen ermöglichen Umgehen von Sicherheitsvorkehrungen');
  assert.equal(fritz.url, `${site.url}${doc('WID-SEC-W-2026-2940')}`);
  assert.equal(fritz.publishedAt?.toISOString(), '2026-11-20T23:00:00.000Z');
  assert.equal(fritz.text, fixture('white/2026/wid-sec-w-2026-2940.json'), 'the document is stored byte for byte');
  assert.equal(JSON.parse(fritz.text).document.csaf_version, '2.0');
  const lancom = stored().find((n) => n.externalId === 'WID-SEC-W-2026-2871')!;
  assert.equal(lancom.publishedAt?.toISOString(), '2026-11-23T23:00:00.000Z', 'current_release_date, not the initial one');
});

test('a second run fetches the feed again but no unchanged document', async () => {
  const before = documentHits();
  due();
  const result = ok(await ingestSource(deps, 'bsi-wid-csaf'));
  assert.deepEqual([result.created.length, result.changed.length, result.unchanged], [0, 0, 3]);
  assert.equal(documentHits(), before);
});

test('a document with a new release is fetched again and stored as a new version of its notice', async () => {
  const revised = JSON.parse(fixture('white/2026/wid-sec-w-2026-2977.json'));
  revised.document.tracking.current_release_date = '2026-11-25T06:00:00.000+00:00';
  revised.document.tracking.version = '2';
  revised.document.tracking.revision_history.push({ date: '2026-11-25T06:00:00.000+00:00', number: '2', summary: 'Exploit öffentlich verfügbar' });
  const feed = JSON.parse(fixture('white/bsi-wid-white.json').replaceAll('{{BASE_URL}}', site.url));
  feed.feed.entry.find((e: { id: string }) => e.id === 'WID-SEC-W-2026-2977').updated = '2026-11-25T06:00:00.000+00:00';
  site.setRoute(`${csaf}/white/bsi-wid-white.json`, { body: JSON.stringify(feed), contentType: 'application/json' });
  site.setRoute(doc('WID-SEC-W-2026-2977'), { body: JSON.stringify(revised, null, 2), contentType: 'application/json' });
  const hits = site.hits.get(doc('WID-SEC-W-2026-2940'));
  due();
  const result = ok(await ingestSource(deps, 'bsi-wid-csaf'));
  assert.equal(result.changed.length, 1);
  assert.equal(result.unchanged, 2);
  assert.equal(site.hits.get(doc('WID-SEC-W-2026-2940')), hits, 'the unchanged documents were not fetched');
  const anydesk = stored().find((n) => n.externalId === 'WID-SEC-W-2026-2977')!;
  assert.equal(anydesk.version, 2);
  assert.equal(JSON.parse(anydesk.text).document.tracking.version, '2');
});

test('a broken document is skipped and counted; the others are still stored', async () => {
  db.$client.prepare("DELETE FROM notices WHERE source_id = 'bsi-wid-csaf'").run();
  site.setRoute(`${csaf}/white/bsi-wid-white.json`, csafPages[`${csaf}/white/bsi-wid-white.json`]!);
  site.setRoute(doc('WID-SEC-W-2026-2977'), { body: '{"document": {"title": "ohne tracking"}}', contentType: 'application/json' });
  site.setRoute(doc('WID-SEC-W-2026-2871'), { body: '{ kaputt', contentType: 'application/json' });
  due();
  const result = ok(await ingestSource(deps, 'bsi-wid-csaf'));
  assert.equal(result.created.length, 1);
  assert.equal(result.skipped, 2);
  site.setRoute(doc('WID-SEC-W-2026-2977'), csafPages[doc('WID-SEC-W-2026-2977')]!);
  site.setRoute(doc('WID-SEC-W-2026-2871'), csafPages[doc('WID-SEC-W-2026-2871')]!);
  due();
  assert.equal(ok(await ingestSource(deps, 'bsi-wid-csaf')).created.length, 2, 'the skipped documents arrive at the next run');
});

test('without a ROLIE feed the directory changes.csv lists the documents', async () => {
  db.$client.prepare("DELETE FROM notices WHERE source_id = 'bsi-wid-csaf'").run();
  const metadata = JSON.parse(fixture('provider-metadata.json').replaceAll('{{BASE_URL}}', site.url));
  metadata.distributions = [{ directory_url: `${site.url}${csaf}/white/` }];
  site.setRoute(`${csaf}/provider-metadata.json`, { body: JSON.stringify(metadata), contentType: 'application/json' });
  due();
  const first = ok(await ingestSource(deps, 'bsi-wid-csaf'));
  assert.equal(first.created.length, 3);
  due();
  const again = ok(await ingestSource(deps, 'bsi-wid-csaf'));
  assert.deepEqual([again.created.length, again.unchanged], [0, 3], 'known documents are matched by their file name');
});

test('metadata without a public feed, or not CSAF at all, is a German source error that keeps the notices', async () => {
  const before = stored().length;
  site.setRoute(`${csaf}/provider-metadata.json`, { body: JSON.stringify({ metadata_version: '2.0', distributions: [{ rolie: { feeds: [{ tlp_label: 'AMBER', url: 'x.json' }] } }] }), contentType: 'application/json' });
  due();
  assert.equal((await ingestSource(deps, 'bsi-wid-csaf')).status, 'error');
  assert.match(getSource(db, 'bsi-wid-csaf')!.lastError ?? '', /keinen öffentlichen \(TLP:WHITE\) ROLIE-Feed/);
  site.setRoute(`${csaf}/provider-metadata.json`, { body: '<html>Wartung</html>', contentType: 'text/html' });
  due();
  assert.equal((await ingestSource(deps, 'bsi-wid-csaf')).status, 'error');
  assert.match(getSource(db, 'bsi-wid-csaf')!.lastError ?? '', /kein gültiges JSON/);
  assert.equal(stored().length, before);
});
