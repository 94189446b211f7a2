import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openStore } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import type { Db } from '../src/db/client.js';
import { notices } from '../src/db/schema.js';
import { parsePublishedDate } from '../src/ingest/dates.js';
import { httpOptionsFromEnv } from '../src/ingest/http-config.js';
import { ingestSource, type IngestResult } from '../src/ingest/ingest.js';
import { normalizeJobs } from '../src/pipeline/pipeline.js';
import { getSource } from '../src/sources/sources.repository.js';
import type { SourceConfig } from '../src/sources/sources.models.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { testEnv } from './support/test-env.js';
import { testDialect } from './support/test-database.js';

let site: FixtureServer;
let db: Db;
let deps: Parameters<typeof ingestSource>[0];

type FeedItem = { title?: string; guid?: string; link?: string; pubDate?: string; description?: string; extra?: string };
const rss = (items: FeedItem[], head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${head}<rss version="2.0"><channel><title>Praxis-IT Hinweise</title><link>https://praxis-it.example/</link>${items
    .map(
      (i) =>
        `<item>${i.title !== undefined ? `<title>${i.title}</title>` : ''}${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}${
          i.link ? `<link>${i.link}</link>` : ''
        }${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}<description>${i.description ?? 'Bitte aktualisieren Sie die Firmware.'}</description>${i.extra ?? ''}</item>`,
    )
    .join('')}</channel></rss>`;

const serveFeed = (xml: string) => site.setRoute('/feed.xml', { body: xml, contentType: 'application/rss+xml; charset=utf-8' });
const ok = (r: IngestResult) => {
  assert.equal(r.status, 'ok', r.status === 'error' ? r.message : '');
  return r as Exclude<IngestResult, { status: 'error' }>;
};
const rows = (sourceId: string) => db.select().from(notices).where(eq(notices.sourceId, sourceId)).all();
const due = (sourceId: string) => db.$client.prepare('UPDATE sources SET next_check_at = 0, etag = NULL, last_modified = NULL WHERE id = ?').run(sourceId);

const listPage = (teaser: string) => `<!DOCTYPE html><html lang="de"><body><main>
  <article class="teaser"><h2><a href="/news/firmware-11-01">Neue Firmware für die Digitalisierungsbox</a></h2>
    <span class="date">8. November 2021</span><p>${teaser}</p></article>
  <article class="teaser"><h2><a href="/news/wartung">Wartungsfenster am Samstag</a></h2><span class="date">01.11.2021</span><p>Kurz nicht erreichbar.</p></article>
</main></body></html>`;
const articlePage = (body: string) => `<html><body><nav>Menü</nav><article class="content"><h1>Titel</h1><p>${body}</p></article></body></html>`;

before(async () => {
  site = await startFixtureServer({
    '/news/': { body: listPage('Die Firmware 11.01.02.102 schließt eine Lücke.') },
    '/news/firmware-11-01': { body: articlePage('Installieren Sie Firmware 11.01.02.102 und prüfen Sie alle Portweiterleitungen.') },
    '/news/wartung': { body: articlePage('Das Portal ist am Samstag von 6 bis 10 Uhr nicht erreichbar.') },
  });
  const sources: SourceConfig[] = [
    { id: 'feed', name: 'Praxis-IT', publisher: 'Praxis-IT', kind: 'rss', url: `${site.url}/feed.xml`, trust: 'review', intervalMinutes: 60, enabled: true },
    {
      id: 'list',
      name: 'Hersteller-News',
      publisher: 'Hersteller',
      kind: 'html',
      url: `${site.url}/news/`,
      selectors: { item: 'article.teaser', link: 'h2 a', title: 'h2', date: '.date', article: 'article.content' },
      trust: 'review',
      intervalMinutes: 60,
      enabled: true,
    },
  ];
  const env = testEnv({ sources });
  db = openStore(env).db;
  deps = { db, clock: () => new Date('2026-11-25T08:00:00Z'), logger: createLogger('silent'), http: { ...httpOptionsFromEnv(env), timeoutMs: 5000 } };
});
after(async () => {
  db.$client.close();
  await site.close();
});

test('German dates and RFC 822 are read; a date without time stays on its day in Berlin', () => {
  const day = (s: string) => parsePublishedDate(s)?.toISOString().slice(0, 10);
  assert.equal(day('8. November 2021'), '2021-11-08');
  assert.equal(day('08.11.2021'), '2021-11-08');
  assert.equal(day('Stand: 8. Nov. 2021'), '2021-11-08');
  assert.equal(day('Mon, 08 Nov 2021 10:00:00 +0100'), '2021-11-08');
  assert.equal(day('08 Nov 2021 23:30:00 GMT'), '2021-11-08');
  assert.equal(day('2021-11-08'), '2021-11-08');
  assert.equal(parsePublishedDate('31.02.2021'), null, 'no such day');
  assert.equal(parsePublishedDate('demnächst'), null);
});

test('each feed item stands alone: bad ones are skipped and counted; missing GUIDs fall back to the link or a hash', async () => {
  serveFeed(
    rss([
      { title: 'Lücke in Digitalisierungsbox', guid: 'tag:praxis-it,2021:1', link: 'https://praxis-it.example/1', pubDate: '8. November 2021' },
      { title: 'Doppelt gemeldet', guid: 'tag:praxis-it,2021:1', link: 'https://praxis-it.example/1b', pubDate: '08.11.2021' },
      { title: 'Ohne GUID, mit Link', link: 'https://praxis-it.example/2', pubDate: 'Mon, 08 Nov 2021 10:00:00 +0100' },
      { title: 'Weder GUID noch Link', pubDate: 'Tue, 09 Nov 2021 08:00:00 +0100' },
      { title: '', guid: 'ohne-titel' },
      { title: 'Link mit javascript', guid: 'js', link: 'javascript:alert(1)' },
    ]),
  );
  const result = ok(await ingestSource(deps, 'feed'));
  assert.equal(result.created.length, 4);
  assert.equal(result.skipped, 2, 'the duplicate GUID and the item without title');
  const stored = rows('feed');
  const ids = stored.map((n) => n.externalId).sort();
  assert.ok(ids.includes('tag:praxis-it,2021:1') && ids.includes('https://praxis-it.example/2'));
  assert.ok(ids.some((id) => /^sha256:[0-9a-f]{32}$/.test(id)), 'the item without GUID and link gets a hash id');
  assert.equal(stored.find((n) => n.externalId === 'tag:praxis-it,2021:1')!.title, 'Lücke in Digitalisierungsbox', 'the first of two duplicates wins');
  assert.ok(stored.filter((n) => n.externalId !== 'js').every((n) => n.publishedAt?.toISOString().startsWith('2021-11-0')));
  assert.equal(stored.find((n) => n.externalId === 'js')!.url, null, 'a javascript: link is dropped, the item kept');
});

test('changed content of a known item becomes a new version; unchanged items stay as they are', async () => {
  due('feed');
  serveFeed(
    rss([
      { title: 'Lücke in Digitalisierungsbox', guid: 'tag:praxis-it,2021:1', link: 'https://praxis-it.example/1', pubDate: '8. November 2021', description: 'Update: Firmware 11.01.02.102 ist verfügbar.' },
      { title: 'Ohne GUID, mit Link', link: 'https://praxis-it.example/2', pubDate: 'Mon, 08 Nov 2021 10:00:00 +0100' },
    ]),
  );
  const result = ok(await ingestSource(deps, 'feed'));
  assert.equal(result.changed.length, 1);
  assert.equal(result.unchanged, 1);
  const changed = rows('feed').find((n) => n.externalId === 'tag:praxis-it,2021:1')!;
  assert.equal(changed.version, 2);
  assert.match(changed.text, /11\.01\.02\.102/);
  assert.deepEqual(
    normalizeJobs(db, result.changed).map((j) => j.jobId),
    [`normalize-${changed.id}-v2`],
    'the new version gets a normalize job of its own',
  );
  assert.equal(rows('feed').length, 4, 'items missing from the feed now are kept');
});

test('an item with __proto__ keys is stored like any other and leaves Object.prototype clean', async () => {
  due('feed');
  serveFeed(
    rss([
      { title: '__proto__', guid: '__proto__', link: 'https://praxis-it.example/proto', extra: '<__proto__><polluted>ja</polluted></__proto__><constructor><prototype><polluted>ja</polluted></prototype></constructor>' },
    ]),
  );
  const result = ok(await ingestSource(deps, 'feed'));
  assert.equal(result.created.length, 1);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  assert.ok(rows('feed').some((n) => n.externalId === '__proto__'));
});

test('malformed XML, XXE and billion laughs are a German source error, entities are never expanded, nothing is lost', async () => {
  const before = rows('feed').length;
  const attacks = {
    malformed: ['<rss><channel><item><title>kaputt', /kein gültiges RSS oder Atom/],
    xxe: [rss([{ title: '&xxe;', guid: 'x' }], '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), /Entity-Deklarationen/],
    laughs: [
      rss(
        [{ title: '&lol9;', guid: 'l' }],
        `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`,
      ),
      /Billion Laughs/,
    ],
  } as const;
  for (const [name, [xml, message]] of Object.entries(attacks)) {
    due('feed');
    serveFeed(xml);
    const result = await ingestSource(deps, 'feed');
    assert.equal(result.status, 'error', name);
    assert.match(getSource(db, 'feed')!.lastError ?? '', message, name);
  }
  assert.equal(rows('feed').length, before);
  assert.ok(rows('feed').every((n) => !/root:/.test(n.text) && !/lollol/.test(n.title)));
});

test('a feed with 10,000 items is stored completely, and a second fetch changes nothing', async () => {
  due('feed');
  const items = Array.from({ length: 10_000 }, (_, i) => ({
    title: `Hinweis ${i}`,
    guid: `bulk-${i}`,
    link: `https://praxis-it.example/bulk/${i}`,
    pubDate: 'Mon, 08 Nov 2021 10:00:00 +0100',
    description: `Eintrag ${i}`,
  }));
  serveFeed(rss(items));
  const first = ok(await ingestSource(deps, 'feed'));
  assert.equal(first.created.length, 10_000);
  due('feed');
  assert.equal((await ingestSource(deps, 'feed')).status, 'not_modified', 'the very same document is not parsed again');
  serveFeed(`${rss(items)}\n`); // one byte more: the document is read again, and every item is found unchanged
  due('feed');
  const second = ok(await ingestSource(deps, 'feed'));
  assert.deepEqual([second.created.length, second.changed.length, second.unchanged], [0, 0, 10_000]);
});

test('list pages: an article is fetched again only when its list entry changed, and a changed article is a new version', async () => {
  const first = ok(await ingestSource(deps, 'list'));
  assert.equal(first.created.length, 2);
  const articleHits = () => site.hits.get('/news/firmware-11-01') ?? 0;
  const hits = articleHits();

  due('list');
  assert.equal((await ingestSource(deps, 'list')).status, 'not_modified', 'the very same list page is not read again');
  assert.equal(articleHits(), hits);
  // Another byte outside the entries: the page is read again, its entries are unchanged.
  site.setRoute('/news/', { body: `${listPage('Die Firmware 11.01.02.102 schließt eine Lücke.')}\n` });
  due('list');
  const quiet = ok(await ingestSource(deps, 'list'));
  assert.equal(quiet.unchanged, 2);
  assert.equal(articleHits(), hits, 'an unchanged list entry costs no article request');

  site.setRoute('/news/firmware-11-01', { body: articlePage('Installieren Sie Firmware 11.01.02.104; 11.01.02.102 reicht nicht aus.') });
  site.setRoute('/news/', { body: `${listPage('Die Firmware 11.01.02.102 schließt eine Lücke.')}\n\n` });
  due('list');
  const silentEdit = ok(await ingestSource(deps, 'list'));
  assert.equal(silentEdit.changed.length, 0, 'an edit the list does not show waits for the next visible change');

  site.setRoute('/news/', { body: listPage('Aktualisiert: Firmware 11.01.02.104 schließt die Lücke vollständig.') });
  due('list');
  const edited = ok(await ingestSource(deps, 'list'));
  assert.equal(edited.changed.length, 1);
  assert.equal(articleHits(), hits + 1);
  const notice = rows('list').find((n) => n.url?.endsWith('/news/firmware-11-01'))!;
  assert.equal(notice.version, 2);
  assert.match(notice.text, /11\.01\.02\.104/);
  assert.equal(notice.publishedAt?.toISOString().slice(0, 10), '2021-11-08');
});

test('a list page whose selector finds nothing, or an invalid selector, is a source error that keeps the notices', async () => {
  const before = rows('list').length;
  site.setRoute('/news/', { body: '<html><body><main><p>Wir haben unsere Website neu gestaltet.</p></main></body></html>' });
  due('list');
  const empty = await ingestSource(deps, 'list');
  assert.equal(empty.status, 'error');
  assert.equal(getSource(db, 'list')!.lastError, 'Auf der Seite wurden keine Einträge gefunden (Selektor „article.teaser“). Hat sich die Seite geändert?');
  const broken = testDialect === 'postgres' ? `jsonb_set(selectors, '{item}', '"article["')` : `json_set(selectors, '$.item', 'article[')`;
  db.$client.prepare(`UPDATE sources SET selectors = ${broken} WHERE id = 'list'`).run();
  due('list');
  const invalid = await ingestSource(deps, 'list');
  assert.equal(invalid.status, 'error');
  assert.match(getSource(db, 'list')!.lastError ?? '', /kein gültiger CSS-Selektor/);
  assert.equal(getSource(db, 'list')!.errorCount, 2);
  assert.equal(rows('list').length, before);
});
