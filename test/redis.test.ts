import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { connectRedis, RedisUnavailableError } from '../src/queues/redis.js';
import { testEnv } from './support/test-env.js';

test('no Redis at REDIS_URL gives a plain error that says how to start one', async () => {
  await assert.rejects(connectRedis('redis://127.0.0.1:1', { timeoutMs: 1000 }), (error: unknown) => {
    assert.ok(error instanceof RedisUnavailableError);
    assert.match(error.message, /Redis unter 127\.0\.0\.1:1 antwortet nicht/);
    assert.match(error.message, /redis-server --daemonize yes/);
    return true;
  });
});

test('praxiswarn start without Redis exits non-zero with that message', () => {
  const env = testEnv();
  const result = spawnSync(process.execPath, ['bin/praxiswarn.js', 'start'], {
    env: { ...process.env, DATA_DIR: env.DATA_DIR, SOURCES_FILE: env.SOURCES_FILE, REDIS_URL: 'redis://127.0.0.1:1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /antwortet nicht/);
  assert.match(result.stderr, /redis-server/);
});
