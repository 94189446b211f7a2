import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadEnv } from '../src/config/env.js';
import { deliverySettings } from '../src/notify/settings.js';
import { databaseLocation } from '../src/app/deps.js';

test('defaults give a runnable embedded configuration', () => {
  const env = loadEnv({});
  assert.equal(env.PORT, 3000);
  assert.equal(env.DATA_DIR, './data');
  assert.equal(env.REDIS_URL, 'redis://127.0.0.1:6379');
  assert.equal(env.SMTP_URL, undefined);
  assert.equal(env.AUTO_MIGRATE, true);
});

test('every bad value is named in one readable German error', () => {
  assert.throws(
    () => loadEnv({ PORT: 'abc', REDIS_URL: 'http://localhost', AUTO_MIGRATE: 'vielleicht' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^Ungültige Konfiguration:/);
      assert.match(error.message, /PORT: .*Zahl.*\(Wert: "abc"\)/);
      assert.match(error.message, /REDIS_URL/);
      assert.match(error.message, /AUTO_MIGRATE/);
      return true;
    },
  );
});

test('secrets in a bad SMTP URL are not echoed', () => {
  assert.throws(() => loadEnv({ SMTP_URL: 'ftp://user:geheim@mail.example.de' }), (error: Error) => !error.message.includes('geheim'));
});

test('production refuses the development link secret', () => {
  assert.throws(() => loadEnv({ NODE_ENV: 'production' }), /LINK_SECRET/);
});

const configured = { LINK_SECRET: 'k8Jw2mQx9vTz4rLp7bNc1fHd6sGy3aEu', OPERATOR_NAME: 'Ärzteverband Musterland e. V.', OPERATOR_ADDRESS: 'Musterstraße 1, 12345 Musterstadt' };

test('production refuses a missing operator name and address and the development link secret, naming every one', () => {
  assert.throws(
    () => loadEnv({ NODE_ENV: 'production', PORT: 'abc' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^Ungültige Konfiguration:/);
      for (const key of ['PORT', 'LINK_SECRET', 'OPERATOR_NAME', 'OPERATOR_ADDRESS']) assert.match(error.message, new RegExp(`\\n {2}- ${key}: `));
      return true;
    },
  );
  // The placeholder copied from .env.example counts as missing.
  assert.throws(() => loadEnv({ NODE_ENV: 'production', ...configured, OPERATOR_ADDRESS: 'Anschrift des Betreibers nicht konfiguriert (OPERATOR_ADDRESS)' }), /OPERATOR_ADDRESS: fehlt oder ist noch der Platzhalter/);
  assert.throws(() => loadEnv({ NODE_ENV: 'production', ...configured, OPERATOR_NAME: '' }), /OPERATOR_NAME/);
  assert.equal(loadEnv({ NODE_ENV: 'production', ...configured }).OPERATOR_ADDRESS, 'Musterstraße 1, 12345 Musterstadt');
  // Development keeps its stand-ins, so a checkout starts without setup.
  assert.equal(loadEnv({ NODE_ENV: 'development' }).OPERATOR_ADDRESS, 'Anschrift des Betreibers nicht konfiguriert (OPERATOR_ADDRESS)');
});

test('start, serve and work refuse production placeholders with exit code 78 and one German message', async () => {
  const unset = { LINK_SECRET: '', OPERATOR_NAME: '', OPERATOR_ADDRESS: '', OPERATOR_IMPRINT_URL: '' };
  const run = (command: string) =>
    new Promise<{ command: string; status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/praxiswarn.js', command], { env: { ...process.env, ...unset, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('exit', (status) => resolve({ command, status, stderr }));
    });
  for (const { command, status, stderr } of await Promise.all(['start', 'serve', 'work'].map(run))) {
    assert.equal(status, 78, `${command}: ${stderr}`);
    assert.match(stderr, /^Ungültige Konfiguration:\n {2}- LINK_SECRET: .*\n {2}- OPERATOR_NAME: .*\n {2}- OPERATOR_ADDRESS: /);
    assert.doesNotMatch(stderr, /at .*\.ts:\d+/);
  }
});

test('development starts with the placeholders and warns once, in one log line', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/praxiswarn.js', 'serve'], {
    env: { PATH: process.env.PATH, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'praxiswarn-test-')), QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const end = Date.now() + 30_000;
    while (!output.includes('praxiswarn started') && child.exitCode === null && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    assert.match(output, /praxiswarn started/, output);
    const warnings = output.split('\n').filter((line) => line.includes('development placeholders in use'));
    assert.equal(warnings.length, 1, output);
    assert.deepEqual(JSON.parse(warnings[0]!).settings, ['LINK_SECRET', 'OPERATOR_NAME', 'OPERATOR_ADDRESS']);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('the CLI exits non-zero with the readable message and no stack trace on bad config', () => {
  const result = spawnSync(process.execPath, ['bin/praxiswarn.js', 'migrate'], {
    env: { ...process.env, PORT: '99999' },
    encoding: 'utf8',
  });
  assert.equal(result.status, 78);
  assert.match(result.stderr, /Ungültige Konfiguration:\n {2}- PORT/);
  assert.doesNotMatch(result.stderr, /at .*\.ts:\d+/);
});

test('fetches and sends get their own number of parallel jobs', () => {
  assert.deepEqual([loadEnv({}).FETCH_CONCURRENCY, loadEnv({}).WORKER_CONCURRENCY, loadEnv({}).SEND_CONCURRENCY], [16, 4, 2]);
  assert.equal(loadEnv({ FETCH_CONCURRENCY: '50' }).FETCH_CONCURRENCY, 50);
  // Send jobs and their mails in flight come from the same setting: about four mails per pooled connection in all.
  const delivery = deliverySettings(loadEnv({ SEND_CONCURRENCY: '3', SMTP_POOL_SIZE: '6' }));
  assert.deepEqual([delivery.concurrency, delivery.inFlightPerJob], [3, 8]);
  assert.throws(() => loadEnv({ FETCH_CONCURRENCY: '0' }), /FETCH_CONCURRENCY: .*\(Wert: "0"\)/);
});

test('DATABASE_URL picks the database: the SQLite file in DATA_DIR, a file of its own, or PostgreSQL; anything else is refused', () => {
  assert.equal(databaseLocation(loadEnv({ DATA_DIR: '/srv/praxiswarn' })), '/srv/praxiswarn/praxiswarn.sqlite');
  assert.equal(databaseLocation(loadEnv({ DATA_DIR: '/srv/praxiswarn', DATABASE_URL: '' })), '/srv/praxiswarn/praxiswarn.sqlite');
  assert.equal(databaseLocation(loadEnv({ DATABASE_URL: 'file:/var/lib/pw.sqlite' })), '/var/lib/pw.sqlite');
  assert.equal(databaseLocation(loadEnv({ DATABASE_URL: 'postgres://pw:geheim@db:5432/pw' })), 'postgres://pw:geheim@db:5432/pw');
  assert.throws(() => loadEnv({ DATABASE_URL: 'mysql://pw@db/pw' }), (e: Error) => /DATABASE_URL muss leer sein, mit file: oder mit postgres:\/\/ beginnen/.test(e.message));
});
