import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createAppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { listSources } from '../src/sources/sources.repository.js';
import type { SourceConfig } from '../src/sources/sources.models.js';
import { sweepStep } from '../src/pipeline/pipeline.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';
import { startWorkerProcess, waitUntil, type WorkerProcess } from './support/worker-process.js';
import { splitSlots } from '../workers/workers.js';

const feed = (n: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Herausgeber ${n}</title><link>https://herausgeber-${n}.example/</link>` +
  `<item><title>Sicherheitshinweis ${n}</title><link>https://herausgeber-${n}.example/hinweis</link><guid>h${n}</guid><description>Update einspielen.</description></item></channel></rss>`;

/**
 * Feeds on `count` hosts (one port each, so the per-host limiter lets them run side by side). Every answer is held
 * back until `holdUntil` requests have been open at once for a moment (long enough for a worker with more slots to
 * open one more), and answered at once after that; a fallback releases them after a while, so that a worker with too
 * few slots ends in a failed assertion, not a hang.
 */
async function startHeldFeeds(count: number, holdUntil = count) {
  let open = 0;
  let mostOpen = 0;
  let holding = true;
  const held: (() => void)[] = [];
  const releaseAll = () => held.splice(0).forEach((answer) => answer());
  const fallback = setInterval(releaseAll, 3000);
  const servers: Server[] = [];
  for (let n = 1; n <= count; n++) {
    const server = createServer((_req, res: ServerResponse) => {
      open++;
      mostOpen = Math.max(mostOpen, open);
      held.push(() => {
        open--;
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed(n));
      });
      if (!holding) releaseAll();
      else if (open === holdUntil) {
        setTimeout(() => {
          holding = false;
          releaseAll();
        }, 300);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  return {
    urls: servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/feed.xml`),
    mostOpen: () => mostOpen,
    async close() {
      clearInterval(fallback);
      releaseAll();
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

async function fetchAtOnce({ hosts, fetchConcurrency }: { hosts: number; fetchConcurrency: number }): Promise<number> {
  const feeds = await startHeldFeeds(hosts, fetchConcurrency);
  const sources: SourceConfig[] = feeds.urls.map((url, i) => ({
    id: `herausgeber-${i + 1}`,
    name: `Herausgeber ${i + 1}`,
    publisher: `Herausgeber ${i + 1}`,
    kind: 'rss',
    url,
    trust: 'review',
    intervalMinutes: 60,
    enabled: true,
  }));
  const env = testEnv({ sources, env: { WORKER_CONCURRENCY: '1', FETCH_CONCURRENCY: String(fetchConcurrency), LOG_LEVEL: 'warn' } });
  const deps = await createAppDeps(env, { logger: createLogger('silent') });
  let worker: WorkerProcess | undefined;
  try {
    assert.equal((await sweepStep(deps)).fetches, hosts);
    worker = startWorkerProcess(env, ['fetch']);
    await waitUntil(() => listSources(deps.db).every((s) => s.lastCheckedAt !== null), { what: 'every source fetched' });
    assert.deepEqual(
      listSources(deps.db).map((s) => s.lastError),
      Array(hosts).fill(null),
    );
    return feeds.mostOpen();
  } finally {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await removeQueues(deps.queues);
    await deps.close();
    await feeds.close();
  }
}

test('a worker process fetches FETCH_CONCURRENCY sources at once, however low WORKER_CONCURRENCY is', { timeout: 60_000 }, async () => {
  assert.equal(await fetchAtOnce({ hosts: 3, fetchConcurrency: 3 }), 3, 'all three feeds were requested at the same time');
});

test('fetch slots spread over several BullMQ workers still add up to FETCH_CONCURRENCY, no more', { timeout: 60_000 }, async () => {
  assert.deepEqual(splitSlots(7, 5), [4, 3]);
  assert.deepEqual(splitSlots(16, 5), [4, 4, 4, 4]);
  assert.deepEqual(splitSlots(50, 5), Array(10).fill(5));
  assert.deepEqual(splitSlots(1, 5), [1]);
  assert.equal(await fetchAtOnce({ hosts: 9, fetchConcurrency: 7 }), 7, 'seven of the nine feeds were requested at the same time');
});
