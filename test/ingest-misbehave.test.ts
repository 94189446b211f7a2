import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { openStore } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import type { Db } from '../src/db/client.js';
import { notices } from '../src/db/schema.js';
import { createHostLimiter } from '../src/ingest/host-limiter.js';
import { httpOptionsFromEnv } from '../src/ingest/http-config.js';
import type { HttpOptions } from '../src/ingest/http.js';
import { ingestSource } from '../src/ingest/ingest.js';
import { getSource } from '../src/sources/sources.repository.js';
import { startFixtureServer, type Route, type FixtureServer } from './support/fixture-server.js';
import { testEnv } from './support/test-env.js';

// One source with notices already stored, then its server misbehaves in every way we know: each time the source
// gets a German error, backs off, and keeps what it had.

const now = new Date('2026-11-25T08:00:00Z');
const feed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Praxis-IT</title>
<item><title>Digitalisierungsbox: Firmware 11.01.02.102 installieren</title><guid>dbox-2019</guid><link>https://praxis-it.example/dbox</link><pubDate>Fri, 15 Nov 2019 09:30:00 +0100</pubDate><description>Portweiterleitungen prüfen.</description></item>
<item><title>medatixx: Passwörter ändern</title><guid>medatixx-2021</guid><link>https://praxis-it.example/medatixx</link><pubDate>8. November 2021</pubDate><description>Passwörter von PVS und Konnektor ändern.</description></item>
</channel></rss>`;

let site: FixtureServer;
let db: Db;
let http: HttpOptions;

const cases: [name: string, route: Route, message: RegExp][] = [
  ['a redirect loop', { status: 302, headers: { location: '/feed.xml' }, body: '' }, /Weiterleitungsschleife/],
  ['a redirect to the cloud metadata address', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' }, body: '' }, /nicht erlaubt: Link-Local-Adresse \(169\.254\.169\.254\)/],
  ['a redirect to Redis on 127.0.0.1:6379', { status: 301, headers: { location: 'http://127.0.0.1:6379/' }, body: '' }, /127\.0\.0\.1:6379 ist nicht erlaubt: Loopback-Adresse/],
  ['a redirect to file://', { status: 302, headers: { location: 'file:///etc/passwd' }, body: '' }, /Nur http- und https-Adressen sind erlaubt \(file\)/],
  [
    'a gzip bomb',
    { handle: (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(20 * 1024 * 1024))) },
    /größer als 64 KB/,
  ],
  ['a body far over the cap', { body: `<rss>${'x'.repeat(2 * 1024 * 1024)}</rss>`, contentType: 'application/rss+xml' }, /größer als 64 KB/],
  [
    'a server that trickles one byte per second',
    {
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const timer = setInterval(() => res.write('<'), 1000);
        res.write('<');
        res.on('close', () => clearInterval(timer));
      },
    },
    /Zeitüberschreitung beim Abruf von 127\.0\.0\.1/,
  ],
  ['HTTP 500', { status: 500, body: 'Internal Server Error' }, /antwortete mit HTTP 500\.$/],
];

before(async () => {
  site = await startFixtureServer({ '/feed.xml': { body: feed, contentType: 'application/rss+xml' } });
  const env = testEnv({
    sources: [{ id: 'praxis-it', name: 'Praxis-IT', publisher: 'Praxis-IT', kind: 'rss', url: `${site.url}/feed.xml`, trust: 'review', intervalMinutes: 60, enabled: true }],
  });
  db = openStore(env).db;
  http = { ...httpOptionsFromEnv(env), timeoutMs: 1000, maxBytes: 64 * 1024 };
});
after(async () => {
  db.$client.close();
  await site.close();
});

const deps = () => ({ db, clock: () => now, logger: createLogger('silent'), http: { ...http, limiter: createHostLimiter() } });
const stored = () => db.select().from(notices).where(eq(notices.sourceId, 'praxis-it')).all();

test('the source starts with two notices', async () => {
  const result = await ingestSource(deps(), 'praxis-it');
  assert.equal(result.status, 'ok');
  assert.equal(stored().length, 2);
});

for (const [index, [name, route, message]] of cases.entries()) {
  test(`${name}: a German source error, a later next check, nothing lost`, async () => {
    site.setRoute('/feed.xml', route);
    const result = await ingestSource(deps(), 'praxis-it');
    assert.equal(result.status, 'error');
    const source = getSource(db, 'praxis-it')!;
    assert.match(source.lastError ?? '', message);
    assert.equal(source.errorCount, index + 1);
    assert.ok(source.nextCheckAt.getTime() > now.getTime());
    assert.deepEqual(stored().map((n) => [n.externalId, n.version]).sort(), [['dbox-2019', 1], ['medatixx-2021', 1]]);
  });
}

test('429 with Retry-After: the next check waits at least that long, and the admin reads why', async () => {
  db.$client.prepare("UPDATE sources SET error_count = 0 WHERE id = 'praxis-it'").run();
  site.setRoute('/feed.xml', { status: 429, headers: { 'retry-after': '172800' }, body: 'Too Many Requests' });
  const result = await ingestSource(deps(), 'praxis-it');
  assert.equal(result.status, 'error');
  const source = getSource(db, 'praxis-it')!;
  assert.equal(source.nextCheckAt.toISOString(), '2026-11-27T08:00:00.000Z', 'two days, later than the back-off of two hours');
  assert.equal(
    source.lastError,
    `Der Server ${new URL(site.url).host} antwortete mit HTTP 429 und bittet, frühestens in 48 Stunden wieder anzufragen. Nächster Abruf frühestens 27.11.2026, 09:00 Uhr.`,
  );
  assert.equal(stored().length, 2);
});

test('after all that, the source recovers as soon as its server behaves', async () => {
  site.setRoute('/feed.xml', { body: feed, contentType: 'application/rss+xml' });
  const result = await ingestSource(deps(), 'praxis-it');
  assert.equal(result.status, 'not_modified', 'the very feed last read in full: nothing to parse again');
  const source = getSource(db, 'praxis-it')!;
  assert.deepEqual(
    { errorCount: source.errorCount, lastError: source.lastError, lastSuccessAt: source.lastSuccessAt?.toISOString(), nextCheckAt: source.nextCheckAt.toISOString() },
    { errorCount: 0, lastError: null, lastSuccessAt: now.toISOString(), nextCheckAt: '2026-11-25T09:00:00.000Z' },
    'the error is cleared and the next check is one interval away',
  );
});
