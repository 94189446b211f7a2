import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConfigError, loadEnv } from '../src/config/env.js';
import { httpGet } from '../src/ingest/http.js';
import { FetchError } from '../src/ingest/ingest.errors.js';
import { parseAllowHosts } from '../src/ingest/http-config.js';
import { checkSourceUrl, classifyAddress } from '../src/ingest/ssrf.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';

const refused = (host: string) => {
  const verdict = classifyAddress(host);
  assert.ok(verdict, `${host} is read as an address`);
  return verdict.allowed ? null : verdict.reason;
};

test('loopback, private, link-local, CGNAT, multicast and unspecified IPv4 addresses are refused', () => {
  assert.match(refused('127.0.0.1')!, /Loopback/);
  assert.match(refused('127.255.255.254')!, /Loopback/);
  assert.match(refused('10.1.2.3')!, /RFC 1918/);
  assert.match(refused('172.16.0.1')!, /RFC 1918/);
  assert.match(refused('172.31.255.255')!, /RFC 1918/);
  assert.match(refused('192.168.178.1')!, /RFC 1918/, 'the FRITZ!Box in the practice');
  assert.match(refused('169.254.169.254')!, /Link-Local/, 'cloud metadata');
  assert.match(refused('100.64.0.1')!, /Carrier-Grade-NAT/);
  assert.match(refused('100.127.255.255')!, /Carrier-Grade-NAT/);
  assert.match(refused('224.0.0.251')!, /Multicast/);
  assert.match(refused('239.255.255.250')!, /Multicast/);
  assert.match(refused('0.0.0.0')!, /unspezifiziert/);
  assert.match(refused('255.255.255.255')!, /reserviert/);
  assert.match(refused('198.18.0.1')!, /Testnetz/);
});

test('odd IPv4 spellings are read the way a URL parser or inet_aton reads them', () => {
  for (const spelling of ['0', '127.1', '017700000001', '0x7f.0.0.1', '0x7f000001', '2130706433', '127.0.1', '0177.0.0.1', '127.0.0.1.']) {
    assert.ok(refused(spelling), `${spelling} is refused`);
  }
  assert.match(refused('0')!, /unspezifiziert/);
  assert.match(refused('2130706433')!, /Loopback/);
  assert.match(refused('0xa9.0xfe.0xa9.0xfe')!, /Link-Local/, '169.254.169.254 in hex');
  assert.match(refused('3232235777')!, /RFC 1918/, '192.168.1.1 as one number');
  assert.equal(classifyAddress('256.1.1.1'), null, 'not an address: a name');
  assert.equal(classifyAddress('www.kbv.de'), null);
  assert.equal(classifyAddress('0x1g.0.0.1'), null);
});

test('IPv6 loopback, unique-local, link-local, multicast and IPv4-mapped addresses are refused in every spelling', () => {
  assert.match(refused('::1')!, /Loopback/);
  assert.match(refused('[::1]')!, /Loopback/);
  assert.match(refused('0:0:0:0:0:0:0:1')!, /Loopback/);
  assert.match(refused('::')!, /unspezifiziert/);
  assert.match(refused('fc00::1')!, /Unique-Local/);
  assert.match(refused('fd12:3456:789a::1')!, /Unique-Local/);
  assert.match(refused('fe80::1%eth0')!, /Link-Local/);
  assert.match(refused('febf::1')!, /Link-Local/);
  assert.match(refused('ff02::1')!, /Multicast/);
  assert.match(refused('::ffff:127.0.0.1')!, /IPv4-gemappt.*127\.0\.0\.1/);
  assert.match(refused('[::ffff:7f00:1]')!, /IPv4-gemappt.*127\.0\.0\.1/);
  assert.match(refused('::ffff:a9fe:a9fe')!, /169\.254\.169\.254/);
  assert.match(refused('0:0:0:0:0:ffff:c0a8:0101')!, /192\.168\.1\.1/);
  assert.match(refused('::ffff:8.8.8.8')!, /IPv4-gemappt/, 'mapped addresses are refused even when public');
  assert.match(refused('::127.0.0.1')!, /IPv4-kompatible/);
  assert.match(refused('64:ff9b::169.254.169.254')!, /Link-Local.*eingebettet/, 'NAT64 reaches the embedded address');
  assert.match(refused('2002:7f00:1::')!, /Loopback.*eingebettet/, '6to4 reaches the embedded address');
  assert.match(refused('2001:db8::1')!, /Dokumentation/);
});

test('public addresses are allowed', () => {
  for (const address of ['8.8.8.8', '193.96.188.1', '100.128.0.1', '172.32.0.1', '169.253.1.1', '2a00:1450:4001:80b::2003', '2003:e2:ff00::1', '64:ff9b::8.8.8.8']) {
    assert.deepEqual(classifyAddress(address), { allowed: true }, address);
  }
});

test('FETCH_ALLOW_HOSTS entries are exact host:port', () => {
  assert.deepEqual([...parseAllowHosts(' 127.0.0.1:8080, Mirror.local:443 ,')], ['127.0.0.1:8080', 'mirror.local:443']);
  assert.equal(parseAllowHosts('').size, 0);
});

let site: FixtureServer;
let allowHosts: Set<string>;

before(async () => {
  site = await startFixtureServer({
    '/feed.xml': { body: '<rss version="2.0"><channel><title>t</title></channel></rss>', contentType: 'application/rss+xml' },
    '/to-metadata': { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' }, body: '' },
    '/to-redis': { status: 301, headers: { location: 'http://127.0.0.1:6379/' }, body: '' },
    '/to-file': { status: 302, headers: { location: 'file:///etc/passwd' }, body: '' },
    '/to-gopher': { status: 307, headers: { location: 'gopher://127.0.0.1:6379/_FLUSHALL' }, body: '' },
    '/to-name': { status: 302, headers: { location: 'http://metadata.praxiswarn.test/latest/' }, body: '' },
    '/to-hex': { status: 302, headers: { location: 'http://0x7f.0.0.1:6379/' }, body: '' },
    '/to-mapped': { status: 302, headers: { location: 'http://[::ffff:7f00:1]:6379/' }, body: '' },
  });
  allowHosts = new Set([new URL(site.url).host]);
});
after(() => site.close());

// Names resolve through a stand-in resolver: one points at the cloud metadata address, one has a private record.
const resolve = async (hostname: string) => {
  if (hostname === 'metadata.praxiswarn.test') return [{ address: '169.254.169.254', family: 4 }];
  if (hostname === 'mixed.praxiswarn.test') return [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.7', family: 4 }];
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
};

async function fetchError(url: string, options = {}): Promise<FetchError> {
  const error = await httpGet(url, { allowHosts, resolve, timeoutMs: 2000, ...options }).then(
    () => assert.fail(`${url} was fetched`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FetchError, String(error));
  return error;
}

test('the allow-listed fixture server can be fetched, and only it', async () => {
  const response = await httpGet(`${site.url}/feed.xml`, { allowHosts, resolve });
  assert.equal(response.notModified, false);
  const error = await fetchError(`${site.url}/feed.xml`, { allowHosts: new Set() });
  assert.equal(error.code, 'blocked');
  assert.match(error.message, /nicht erlaubt: Loopback-Adresse/);
});

test('a redirect to the cloud metadata address is refused before any connection', async () => {
  const error = await fetchError(`${site.url}/to-metadata`);
  assert.equal(error.code, 'blocked');
  assert.match(error.message, /169\.254\.169\.254.*Link-Local/);
  assert.equal(error.permanent, true);
});

test('a redirect to Redis on 127.0.0.1:6379 is refused: only the exact allow-listed port is an exception', async () => {
  for (const path of ['/to-redis', '/to-hex', '/to-mapped']) {
    const error = await fetchError(`${site.url}${path}`);
    assert.equal(error.code, 'blocked', path);
  }
});

test('redirects to file:// and gopher:// are refused', async () => {
  const file = await fetchError(`${site.url}/to-file`);
  assert.equal(file.code, 'scheme');
  assert.match(file.message, /Nur http- und https-Adressen sind erlaubt \(file\)/);
  assert.equal((await fetchError(`${site.url}/to-gopher`)).code, 'scheme');
});

test('a host name is checked after DNS resolution, on every hop, and every address it has must be public', async () => {
  const viaRedirect = await fetchError(`${site.url}/to-name`);
  assert.equal(viaRedirect.code, 'blocked');
  assert.match(viaRedirect.message, /metadata\.praxiswarn\.test.*Link-Local.*169\.254\.169\.254/);
  const mixed = await fetchError('http://mixed.praxiswarn.test/feed.xml');
  assert.equal(mixed.code, 'blocked');
  assert.match(mixed.message, /10\.0\.0\.7/);
});

test('odd spellings in a source URL are refused, and so are credentials in it', async () => {
  for (const url of ['http://0/', 'http://127.1/', 'http://017700000001/', 'http://0x7f.0.0.1/', 'http://2130706433/', 'http://[::1]/', 'http://[::ffff:7f00:1]/']) {
    assert.equal((await fetchError(url)).code, 'blocked', url);
  }
  assert.equal((await fetchError('http://user:pass@example.org/')).code, 'scheme');
});

test('the check for an admin entering a source URL gives the same verdicts without sending a request', async () => {
  assert.deepEqual(await checkSourceUrl('https://www.kbv.de/praxis/', { resolve: async () => [{ address: '193.96.188.10', family: 4 }] }), { ok: true });
  const metadata = await checkSourceUrl('http://metadata.praxiswarn.test/', { resolve });
  assert.equal(metadata.ok, false);
  assert.match(!metadata.ok ? metadata.message : '', /Link-Local/);
  const unknown = await checkSourceUrl('https://gibt-es-nicht.praxiswarn.test/', { resolve });
  assert.match(!unknown.ok ? unknown.message : '', /lässt sich nicht auflösen \(ENOTFOUND\)/);
  assert.equal((await checkSourceUrl('ftp://example.org/', {})).ok, false);
  assert.deepEqual(await checkSourceUrl(`${site.url}/feed.xml`, { allowHosts }), { ok: true });
});

test('an allow-listed name connects to exactly the address its lookup checked', async () => {
  const port = new URL(site.url).port;
  const viaName = async (hostname: string) => (hostname === 'fixture.praxiswarn.test' ? [{ address: '127.0.0.1', family: 4 }] : resolve(hostname));
  const response = await httpGet(`http://fixture.praxiswarn.test:${port}/feed.xml`, { allowHosts: new Set([`fixture.praxiswarn.test:${port}`]), resolve: viaName });
  assert.equal(response.notModified, false);
  assert.equal(site.lastHeaders.get('/feed.xml')?.host, `fixture.praxiswarn.test:${port}`, 'the Host header keeps the name');
  const refusedName = await fetchError(`http://fixture.praxiswarn.test:${port}/feed.xml`, { resolve: viaName });
  assert.match(refusedName.message, /fixture\.praxiswarn\.test:\d+ ist nicht erlaubt: Loopback-Adresse \(127\.0\.0\.1\)/);
});

test('FETCH_ALLOW_HOSTS must list host:port entries', () => {
  assert.throws(() => loadEnv({ FETCH_ALLOW_HOSTS: 'localhost' }), (e: Error) => e instanceof ConfigError && /FETCH_ALLOW_HOSTS/.test(e.message));
  assert.equal(loadEnv({ FETCH_ALLOW_HOSTS: '127.0.0.1:8080,[::1]:8443' }).FETCH_ALLOW_HOSTS, '127.0.0.1:8080,[::1]:8443');
  assert.equal(loadEnv({}).FETCH_ALLOW_HOSTS, '', 'no exception by default');
});
