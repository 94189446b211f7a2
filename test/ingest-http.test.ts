import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { createHostLimiter } from '../src/ingest/host-limiter.js';
import { httpGet, parseRetryAfter, type HttpOptions } from '../src/ingest/http.js';
import { FetchError } from '../src/ingest/ingest.errors.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';

let site: FixtureServer;
let options: HttpOptions;
let active = 0;
let maxActive = 0;

const feed = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hinweise</title></channel></rss>';

before(async () => {
  site = await startFixtureServer({
    '/loop/a': { status: 302, headers: { location: '/loop/b' }, body: '' },
    '/loop/b': { status: 302, headers: { location: '/loop/a' }, body: '' },
    '/chain/0': { status: 301, headers: { location: '/chain/1' }, body: '' },
    '/chain/1': { status: 301, headers: { location: '/chain/2' }, body: '' },
    '/chain/2': { status: 301, headers: { location: '/chain/3' }, body: '' },
    '/chain/3': { status: 200, body: feed },
    '/no-location': { status: 302, body: '' },
    '/big': { body: 'x'.repeat(300_000) },
    '/big-chunked': {
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }); // no Content-Length: the cap must hold while reading
        for (let i = 0; i < 40; i++) res.write('y'.repeat(16_384));
        res.end();
      },
    },
    '/gzip-bomb': {
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' });
        res.end(gzipSync(Buffer.alloc(50 * 1024 * 1024))); // 50 MB of zeros in about 50 KB
      },
    },
    '/brotli': {
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': 'br' });
        res.end(brotliCompressSync(Buffer.from(feed)));
      },
    },
    '/deflate': { handle: (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'deflate' }).end(deflateSync(feed)) },
    '/x-gzip': { handle: (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': ' X-Gzip ' }).end(gzipSync(feed)) },
    '/zstd': { handle: (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'zstd' }).end('(zstd)') },
    '/latin1': {
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        res.end(Buffer.from('<p>Praxisnachrichten für Ärzte: Größe</p>', 'latin1'));
      },
    },
    '/trickle': {
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('<')), 1000);
        res.write('<');
        res.on('close', () => clearInterval(timer));
      },
    },
    '/500': { status: 500, body: 'Internal Server Error' },
    '/429': { status: 429, headers: { 'retry-after': '120' }, body: 'Too Many Requests' },
    '/503-date': { status: 503, headers: { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }, body: 'Wartung' },
    '/etag': {
      handle: (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Wed, 25 Nov 2026 07:00:00 GMT' }).end(feed);
      },
    },
    '/slow': {
      handle: (_req, res) => {
        active++;
        maxActive = Math.max(maxActive, active);
        setTimeout(() => {
          active--;
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        }, 60);
      },
    },
  });
  options = { allowHosts: new Set([new URL(site.url).host]), timeoutMs: 3000, limiter: createHostLimiter() };
});
after(() => site.close());

async function failure(path: string, extra: HttpOptions = {}): Promise<FetchError> {
  const error = await httpGet(`${site.url}${path}`, { ...options, ...extra }).then(
    () => assert.fail(`${path} succeeded`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FetchError, String(error));
  return error;
}

test('a redirect loop is detected, and a long chain stops at the hop limit', async () => {
  const loop = await failure('/loop/a');
  assert.equal(loop.code, 'redirects');
  assert.match(loop.message, /Weiterleitungsschleife/);
  const ok = await httpGet(`${site.url}/chain/0`, options);
  assert.equal(ok.notModified === false && ok.url, `${site.url}/chain/3`);
  const tooMany = await failure('/chain/0', { maxRedirects: 2 });
  assert.match(tooMany.message, /Mehr als 2 Weiterleitungen/);
  assert.equal((await failure('/no-location')).code, 'http_status');
});

test('a body over the cap is refused, whether announced by Content-Length or not', async () => {
  const declared = await failure('/big', { maxBytes: 100_000 });
  assert.equal(declared.code, 'too_large');
  assert.match(declared.message, /größer als 98 KB/);
  assert.equal((await failure('/big-chunked', { maxBytes: 100_000 })).code, 'too_large');
});

test('a gzip bomb is stopped by the cap on the decompressed size', async () => {
  const error = await failure('/gzip-bomb', { maxBytes: 1024 * 1024 });
  assert.equal(error.code, 'too_large');
});

test('brotli, deflate and x-gzip bodies are decoded, an unknown encoding is refused, and a declared charset is honoured', async () => {
  for (const path of ['/brotli', '/deflate', '/x-gzip']) {
    const decoded = await httpGet(`${site.url}${path}`, options);
    assert.ok(!decoded.notModified && decoded.body.includes('<title>Hinweise</title>'), path);
  }
  const zstd = await failure('/zstd');
  assert.deepEqual([zstd.code, /unbekannte Kodierung \(zstd\)/.test(zstd.message)], ['encoding', true]);
  const latin1 = await httpGet(`${site.url}/latin1`, options);
  assert.ok(!latin1.notModified && latin1.body.includes('für Ärzte: Größe'));
});

test('a server that trickles one byte per second is cut off at the deadline', async () => {
  // The server never ends this body: only a deadline over the whole exchange lets the call return at all.
  const error = await failure('/trickle', { timeoutMs: 800 });
  assert.equal(error.code, 'timeout');
  assert.match(error.message, /Zeitüberschreitung/);
});

test('server errors and rate limits are FetchErrors; Retry-After is read in seconds or as a date', async () => {
  const e500 = await failure('/500');
  assert.equal(e500.status, 500);
  assert.equal(e500.permanent, false);
  const e429 = await failure('/429', { limiter: createHostLimiter() });
  assert.equal(e429.code, 'rate_limited');
  assert.equal(e429.retryAfterSeconds, 120);
  assert.match(e429.message, /HTTP 429 und bittet, frühestens in 2 Minuten wieder anzufragen/);
  const e503 = await failure('/503-date', { limiter: createHostLimiter() });
  assert.ok(e503.retryAfterSeconds! > 3500 && e503.retryAfterSeconds! <= 3600);
  assert.equal(parseRetryAfter('999999999'), 7 * 24 * 3600, 'capped at a week');
  assert.equal(parseRetryAfter('bald'), undefined);
});

test('after a 429 the host is left alone until Retry-After has passed', async () => {
  const limiter = createHostLimiter();
  await failure('/429', { limiter });
  const hits = site.hits.get('/etag') ?? 0;
  const paused = await failure('/etag', { limiter });
  assert.equal(paused.code, 'rate_limited');
  assert.equal(site.hits.get('/etag') ?? 0, hits, 'no request was sent');
});

test('conditional requests: the ETag comes back as If-None-Match and a 304 is reported as not modified', async () => {
  const first = await httpGet(`${site.url}/etag`, options);
  assert.ok(!first.notModified);
  assert.equal(first.etag, '"v1"');
  assert.match(site.lastHeaders.get('/etag')?.['user-agent'] ?? '', /^praxiswarn\/\d/);
  const second = await httpGet(`${site.url}/etag`, { ...options, etag: first.etag, lastModified: first.lastModified });
  assert.equal(second.notModified, true);
  assert.equal(site.lastHeaders.get('/etag')?.['if-modified-since'], 'Wed, 25 Nov 2026 07:00:00 GMT');
});

test('requests to one host run one at a time, with the configured pause between them', async () => {
  maxActive = 0;
  const limiter = createHostLimiter();
  const started = Date.now();
  await Promise.all(Array.from({ length: 4 }, () => httpGet(`${site.url}/slow`, { ...options, limiter, hostDelayMs: 50 })));
  assert.equal(maxActive, 1);
  assert.ok(Date.now() - started >= 4 * 60 + 3 * 50 - 20, 'each request waited for the one before and the pause');
});
