import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Writable } from 'node:stream';
import { fetchCommand } from '../src/cli/fetch.command.js';
import { fetchUrlCommand } from '../src/cli/fetch-url.command.js';
import type { Env } from '../src/config/env.js';
import { createQueues, closeQueues } from '../src/queues/queues.js';
import { connectRedis } from '../src/queues/redis.js';
import { readConfigFile } from '../src/config/files.js';
import { sourcesFileSchema } from '../src/sources/sources.models.js';
import { onFixtureServer, publisherPages, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

let site: FixtureServer;
let env: Env;
const shipped = readConfigFile('config/sources.json', sourcesFileSchema).sources;
const kbv = shipped.find((s) => s.id === 'kbv-praxisnachrichten')!;

const sink = (chunks: string[]) => new Writable({ write: (chunk, _enc, done) => void (chunks.push(String(chunk)), done()) });

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: env.DATA_DIR,
    ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}),
    SOURCES_FILE: env.SOURCES_FILE,
    QUEUE_PREFIX: env.QUEUE_PREFIX,
    FETCH_ALLOW_HOSTS: env.FETCH_ALLOW_HOSTS,
    FETCH_HOST_DELAY_MS: '0',
    LOG_LEVEL: 'silent',
    ...extraEnv,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/praxiswarn.js', 'fetch', ...args], { env: childEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

before(async () => {
  site = await startFixtureServer(publisherPages);
  env = testEnv({ sources: shipped.filter((s) => ['kbv-praxisnachrichten', 'gematik-newsroom'].includes(s.id)).map((s) => ({ ...s, url: onFixtureServer(s.url, site.url) })) });
});
after(async () => {
  const redis = await connectRedis(env.REDIS_URL);
  const queues = createQueues(redis, env.QUEUE_PREFIX);
  await removeQueues(queues);
  await closeQueues(queues);
  redis.disconnect();
  await site.close();
});

test('fetch --url tries a source through the same client and prints its items as JSON, storing nothing', async () => {
  const url = onFixtureServer(kbv.url, site.url);
  const { code, stdout, stderr } = await cli(['--url', url, '--kind', 'html', '--selectors', JSON.stringify(kbv.selectors), '--limit', '1']);
  assert.equal(code, 0, stderr);
  const printed = JSON.parse(stdout) as { count: number; items: { title: string; publishedAt: string; text: string }[] };
  assert.equal(printed.items.length, 1, '--limit caps the article fetches');
  assert.equal(printed.items[0]!.title, 'IT-Sicherheitsrichtlinie: Neue Anforderungen gelten ab 1. Oktober');
  assert.match(printed.items[0]!.text, /Patch- und Änderungsmanagement/);
  assert.equal(site.hits.get(`${new URL(url).pathname}2021/12-16/log4j-update-fuer-pruefmodule/`), undefined);
  assert.equal(existsSync(join(env.DATA_DIR, 'praxiswarn.sqlite')), false, 'no database was even opened');
});

test('fetch --url says in German why it failed and exits non-zero', async () => {
  const blocked = await cli(['--url', `${site.url}/kbv/`, '--kind', 'rss'], { FETCH_ALLOW_HOSTS: '' });
  assert.equal(blocked.code, 2);
  assert.match(blocked.stderr, /Abruf fehlgeschlagen: Die Adresse 127\.0\.0\.1:\d+ ist nicht erlaubt: Loopback-Adresse/);
  // The same command in-process (spawning costs seconds on a busy machine): bad input and a selector that finds nothing.
  const tryOut = async (args: Parameters<typeof fetchUrlCommand>[1]) => {
    const err: string[] = [];
    const code = await fetchUrlCommand(env, args, { out: sink([]), err: sink(err) });
    return { code, stderr: err.join('') };
  };
  const badKind = await tryOut({ url: `${site.url}/kbv/`, kind: 'pdf' });
  assert.equal(badKind.code, 1);
  assert.match(badKind.stderr, /Ungültige Eingabe:\n {2}- kind:/);
  const badJson = await tryOut({ url: `${site.url}/kbv/`, kind: 'html', selectors: '{item:' });
  assert.match(badJson.stderr, /--selectors ist kein gültiges JSON/);
  const noItems = await tryOut({ url: `${site.url}/gematik/newsroom`, kind: 'html', selectors: '{"item":".gibt-es-nicht","link":"a"}' });
  assert.equal(noItems.code, 2);
  assert.match(noItems.stderr, /keine Einträge gefunden \(Selektor „\.gibt-es-nicht“\)/);
});

test('fetch --source stores the notices, hands them to the workers and ends with a summary table', async () => {
  const { code, stdout, stderr } = await cli(['--source', 'kbv-praxisnachrichten']);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /\[1\/1\] KBV PraxisNachrichten: ok, 2 neu, 0 geändert/);
  assert.match(stdout, /^Quelle\s+Status\s+neu\s+geändert\s+Fehler$/m);
  assert.match(stdout, /^kbv-praxisnachrichten\s+ok\s+2\s+0\s+0$/m);
  assert.match(stdout, /2 Meldung\(en\) an die Auswertung übergeben/);
});

test('on a terminal each source shows its progress; a failing source is in the table and the exit code', async () => {
  const chunks: string[] = [];
  const out = Object.assign(sink(chunks), { isTTY: true });
  site.setRoute('/gematik/newsroom', { status: 500, body: 'Internal Server Error' });
  const code = await fetchCommand({ ...env, LOG_LEVEL: 'silent' }, { all: true }, out);
  const text = chunks.join('');
  assert.equal(code, 2);
  assert.match(text, /\r\x1b\[2K\[1\/2\] gematik Newsroom …/);
  assert.match(text, /\[1\/2\] gematik Newsroom: Fehler\n/);
  assert.match(text, /\[2\/2\] KBV PraxisNachrichten: unverändert\n/, "the same page as in the run before: not read again");
  assert.match(text, /^gematik-newsroom\s+Fehler\s+–\s+–\s+1$/m);
  assert.match(text, /Fehler bei gematik-newsroom: Der Server 127\.0\.0\.1:\d+ antwortete mit HTTP 500\./);
});

test('fetch --url --kind csaf shows the newest documents of a provider, as fetched', async () => {
  const out: string[] = [];
  const code = await fetchUrlCommand(env, { url: `${site.url}/wid/.well-known/csaf/provider-metadata.json`, kind: 'csaf', limit: '2' }, { out: sink(out), err: sink([]) });
  assert.equal(code, 0);
  const printed = JSON.parse(out.join('')) as { items: { externalId: string; text: string }[] };
  assert.deepEqual(printed.items.map((i) => i.externalId), ['WID-SEC-W-2026-2977', 'WID-SEC-W-2026-2871'], 'newest release first');
  assert.equal(JSON.parse(printed.items[0]!.text).document.aggregate_severity.text, 'hoch');
});
