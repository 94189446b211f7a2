import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Env } from '../src/config/env.js';
import { createSharedSendRate } from '../src/notify/send-rate.js';
import { connectRedis } from '../src/queues/redis.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { startSmtpSink } from './support/smtp-sink.js';
import { testEnv } from './support/test-env.js';
import { waitUntil } from './support/worker-process.js';

// Two real processes on one Redis, each with the limits deps.ts gives `praxiswarn work`: what one process keeps to,
// both together must keep to.

const script = fileURLToPath(new URL('./support/shared-limits-client.ts', import.meta.url));
const redis = await connectRedis('redis://127.0.0.1:6379');
const prefixes: string[] = [];
const children: ChildProcess[] = [];

type Request = { path: string; from: string; start: number; end?: number };
let site: FixtureServer;
const requests: Request[] = [];

before(async () => {
  const record = (path: string, url: string) => {
    const request: Request = { path, from: new URL(url, 'http://x').searchParams.get('from') ?? '', start: Date.now() };
    requests.push(request);
    return request;
  };
  site = await startFixtureServer({
    '/slow': {
      handle: (req, res) => {
        const request = record('/slow', req.url!);
        setTimeout(() => {
          request.end = Date.now();
          res.end('ok');
        }, 100);
      },
    },
    '/busy': { handle: (req, res) => void (record('/busy', req.url!), res.writeHead(429, { 'retry-after': '120' }).end('slow down')) },
    // Never answers: its client is killed while it holds the host.
    '/hang': { handle: (req) => void record('/hang', req.url!) },
    '/after': { handle: (req, res) => void (record('/after', req.url!), res.end('ok')) },
  });
});

after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:limits:*`);
    if (keys.length) await redis.del(...keys);
  }
  redis.disconnect();
  await site.close();
});

function env(overrides: Record<string, string>): Env {
  const e = testEnv({ env: { FETCH_ALLOW_HOSTS: new URL(site.url).host, FETCH_HOST_DELAY_MS: '0', ...overrides } });
  prefixes.push(e.QUEUE_PREFIX);
  return e;
}

type Client = { child: ChildProcess; lines: Record<string, unknown>[]; go(): void; results(): Record<string, unknown>[] };

/** Starts one client process (own data folder, the shared queue prefix) and waits until it is ready. */
async function client(e: Env, args: string[]): Promise<Client> {
  const vars = Object.fromEntries(Object.entries({ ...e, DATA_DIR: mkdtempSync(join(tmpdir(), 'praxiswarn-limits-')) }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { PATH: process.env.PATH, ...vars }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let buffer = '';
  let errors = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      lines.push(JSON.parse(buffer.slice(0, i)) as Record<string, unknown>);
      buffer = buffer.slice(i + 1);
    }
  });
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
  await waitUntil(() => lines.some((l) => l.ready) || child.exitCode !== null, { timeoutMs: 30_000, what: 'client ready' });
  assert.equal(child.exitCode, null, errors);
  return { child, lines, go: () => child.stdin!.write('go\n'), results: () => lines.filter((l) => 'ok' in l || 'error' in l) };
}

const done = (c: Client) => waitUntil(() => c.lines.some((l) => l.done), { timeoutMs: 60_000, what: 'client done' });

test('two processes fetching from one host never overlap there and keep FETCH_HOST_DELAY_MS between requests', async () => {
  const e = env({ FETCH_HOST_DELAY_MS: '300' });
  const [a, b] = await Promise.all([client(e, ['fetch', `${site.url}/slow?from=a`, '4']), client(e, ['fetch', `${site.url}/slow?from=b`, '4'])]);
  a.go();
  b.go();
  await Promise.all([done(a), done(b)]);
  assert.deepEqual([...a.results(), ...b.results()], Array(8).fill({ ok: true }));

  const seen = requests.filter((r) => r.path === '/slow').sort((x, y) => x.start - y.start);
  assert.equal(seen.length, 8);
  assert.deepEqual(new Set(seen.map((r) => r.from)), new Set(['a', 'b']));
  for (let i = 1; i < seen.length; i++) {
    // Measured at the host: from the end of one answer to the start of the next request, whoever sent them.
    const gap = seen[i]!.start - seen[i - 1]!.end!;
    assert.ok(gap >= 300, `request ${i} (${seen[i]!.from}) started ${gap} ms after the previous one (${seen[i - 1]!.from}) ended`);
  }
});

test('a Retry-After pause that one process was told is honoured by the other, without asking the host', async () => {
  const e = env({});
  const [a, b] = await Promise.all([client(e, ['fetch', `${site.url}/busy?from=a`, '1']), client(e, ['fetch', `${site.url}/busy?from=b`, '1'])]);
  a.go();
  await done(a);
  assert.deepEqual(a.results(), [{ error: 'rate_limited', retryAfterSeconds: 120 }]);
  b.go();
  await done(b);
  const [result] = b.results() as { error: string; retryAfterSeconds: number }[];
  assert.equal(result!.error, 'rate_limited');
  assert.ok(result!.retryAfterSeconds > 100 && result!.retryAfterSeconds <= 120, `pause of ${result!.retryAfterSeconds} s`);
  assert.deepEqual(
    requests.filter((r) => r.path === '/busy').map((r) => r.from),
    ['a'],
  );
});

test('a process killed while it holds a host blocks the other only until its lease expires', async () => {
  const leaseMs = '1500';
  const e = env({});
  const [holder, other] = await Promise.all([client(e, ['fetch', `${site.url}/hang?from=holder`, '1', leaseMs]), client(e, ['fetch', `${site.url}/after?from=other`, '1', leaseMs])]);
  holder.go();
  await waitUntil(() => requests.some((r) => r.path === '/hang'), { timeoutMs: 10_000, what: 'holder at the host' });
  other.go();
  await waitUntil(() => other.lines.some((l) => l.started), { timeoutMs: 10_000, what: 'other asking' });
  // Longer than the lease: the holder's renewals keep the host while it lives.
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(requests.filter((r) => r.path === '/after').length, 0, 'the other process reached the host while the holder was still at it');

  holder.child.kill('SIGKILL');
  const killedAt = Date.now();
  await done(other);
  assert.deepEqual(other.results(), [{ ok: true }]);
  const [reached] = requests.filter((r) => r.path === '/after');
  assert.ok(reached && reached.start >= killedAt);
});

test('two processes together send no more than SMTP_RATE_PER_SECOND mails in any second', async () => {
  const perSecond = 3;
  const sink = await startSmtpSink();
  try {
    // One connection each, opened by the warm-up mail before `ready`: a connection opened mid-test would delay its
    // first mail and bunch it with the next.
    const e = env({ SMTP_URL: sink.url, SMTP_RATE_PER_SECOND: String(perSecond), SMTP_POOL_SIZE: '1' });
    const [a, b] = await Promise.all([client(e, ['mail', 'a', '9']), client(e, ['mail', 'b', '9'])]);
    const warmUps = sink.receivedAt.length;
    a.go();
    b.go();
    await Promise.all([done(a), done(b)]);
    assert.deepEqual([...a.results(), ...b.results()], Array(18).fill({ ok: true }));
    await sink.waitFor(warmUps + 18);
    assert.deepEqual(new Set(sink.messages.slice(warmUps).map((m) => m.subject!.split(' ')[0])), new Set(['a', 'b']));

    // Slots are handed out 1000/N ms apart across both processes, so at the relay any half-open second holds N mails,
    // N + 1 if the time from slot to arrival varies by up to one interval (333 ms) between two mails. A rate kept per
    // process would let each send N, about 2N = 6 in a second.
    const times = sink.receivedAt.slice(warmUps).sort((x, y) => x - y);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    assert.ok(busiest <= perSecond + 1, `${busiest} mails within one second`);
  } finally {
    await sink.close();
  }
});

test('while Redis is away the send rate is kept in the process, so held send jobs still go out', async () => {
  const gone = await connectRedis('redis://127.0.0.1:6379');
  const ended = new Promise((resolve) => gone.once('end', resolve));
  gone.disconnect();
  await ended;
  assert.equal(gone.status, 'end');
  const rate = createSharedSendRate({ redis: gone, prefix: env({}).QUEUE_PREFIX, perSecond: 1000 });
  await Promise.all(Array.from({ length: 5 }, () => rate()));
});
