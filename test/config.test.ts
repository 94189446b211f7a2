import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { ConfigError, loadEnv } from '../src/config/env.js';
import { deliverySettings } from '../src/notify/settings.js';

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
