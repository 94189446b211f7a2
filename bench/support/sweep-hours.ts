import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { realScale, startRealFeeds } from './real-feeds.js';

// One side of sweep-real, in a process of its own (its CPU and peak memory are its own): simulated hours of sweeping
// 500 feeds with the code whose modules are under argv[2] (a compiled tree's dist/, or a checkout run through tsx),
// argv[3] hours measured after a first hour that reads every feed for the first time. The working directory is the
// tree's (its config/ and migrations/). Reports JSON through IPC, or on stdout.
//
// An hour at the default intervals (a source every 60 minutes, a sweep every 60 s) is 60 sweep steps: the first finds
// every source due and waits until all are checked, the other 59 find nothing due. They run back to back under a
// clock that says what minute it is. What the process uses while it only waits, the rest of the hour, is measured at
// the end; sweep-real.bench.ts adds it up.

const modules = process.argv[2]!;
const hours = Number(process.argv[3] ?? 3);
const settleSeconds = 10;
const load = (path: string) => import(pathToFileURL(join(modules, path)).href);
const { loadEnv } = await load('src/config/env.js');
const { createAppDeps } = await load('src/app/deps.js');
const { createLogger } = await load('src/app/logger.js');
const { sweepStep } = await load('src/pipeline/pipeline.js');
const { startWorkers } = await load('workers/workers.js');

const feeds = await startRealFeeds();
const dir = mkdtempSync(join(tmpdir(), 'praxiswarn-sweep-real-'));
const sourcesFile = join(dir, 'sources.json');
const configured = Array.from({ length: realScale.sources }, (_, i) => ({
  id: `feed-${i}`, name: `Feed ${i}`, publisher: `Herausgeber ${i % realScale.hosts}`, kind: 'rss', url: feeds.url(i), trust: 'review', intervalMinutes: 60, enabled: true,
}));
writeFileSync(sourcesFile, JSON.stringify({ sources: configured }));
const env = loadEnv({
  DATA_DIR: dir,
  SOURCES_FILE: sourcesFile,
  QUEUE_PREFIX: `bench-${randomBytes(6).toString('hex')}`,
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test',
  PUBLIC_URL: 'https://praxiswarn.bench',
  // The SSRF guard refuses loopback addresses unless they are allowed, as exact host:port entries.
  FETCH_ALLOW_HOSTS: feeds.addresses.map((a) => `${a}:${feeds.port}`).join(','),
});
const start = Date.now() + 1000;
let now = start;
const deps = await createAppDeps(env, { logger: createLogger('silent'), clock: () => new Date(now) });
const workers = startWorkers(deps, { connection: deps.redis, concurrency: env.WORKER_CONCURRENCY, fetchConcurrency: env.FETCH_CONCURRENCY, only: ['fetch'] });
const sql = deps.db.$client;
const checkedSince = sql.prepare('select count(*) as n from sources where last_checked_at >= ?');
const noticeCount = sql.prepare('select count(*) as n from notices');
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1e6;
};

try {
  const rssMbAfterEachHour: number[] = [];
  const measured: { cpuS: number; busyS: number; fetches: number; newNotices: number; notModified: number }[] = [];
  for (let hour = 0; hour <= hours; hour++) {
    await feeds.setHour(hour);
    const before = { notices: (noticeCount.get() as { n: number }).n, ...(await feeds.counts()) };
    let cpuS = 0;
    let busyS = 0;
    let fetches = 0;
    for (let minute = 0; minute < 60; minute++) {
      now = start + hour * 3_600_000 + minute * 60_000;
      const cpu = process.cpuUsage();
      const t = performance.now();
      const step = await sweepStep(deps);
      // Polled every 50 ms: about a thousand cheap counts in an hour, the same on both sides.
      while (step.fetches > 0 && (checkedSince.get(now) as { n: number }).n < step.fetches) await new Promise((r) => setTimeout(r, 50));
      cpuS += cpuSeconds(cpu);
      busyS += (performance.now() - t) / 1000;
      fetches += step.fetches;
      // Between sweeps the normalize workers (not running here) take in what was fetched: otherwise every later sweep
      // would re-enqueue the hour's new notices as lost normalize jobs, work a live host does not have.
      if (step.fetches > 0) sql.prepare('update notices set normalized_at = ? where normalized_at is null').run(now);
    }
    const failing = (sql.prepare('select count(*) as n from sources where error_count > 0').get() as { n: number }).n;
    if (failing > 0) throw new Error(`${failing} sources failed: ${(sql.prepare('select last_error from sources where error_count > 0').get() as { last_error: string }).last_error}`);
    const after = await feeds.counts();
    rssMbAfterEachHour.push(Math.round(process.memoryUsage().rss / 1e6));
    measured.push({ cpuS, busyS, fetches, newNotices: (noticeCount.get() as { n: number }).n - before.notices, notModified: after.notModified - before.notModified });
  }
  // What follows an hour's work once the sweeps are done (collecting its garbage, closing idle connections), then the
  // rate of a process that only waits: the median of six windows of 5 s, so that one late collection is not counted
  // for every second of the hour.
  const settle = process.cpuUsage();
  await new Promise((r) => setTimeout(r, settleSeconds * 1000));
  const settleCpuS = cpuSeconds(settle);
  const windows: number[] = [];
  for (let w = 0; w < 6; w++) {
    const idle = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 5000));
    windows.push(cpuSeconds(idle) / 5);
  }
  windows.sort((a, b) => a - b);
  const idleCpuPerS = (windows[2]! + windows[3]!) / 2;
  const result = { hours: measured, settleS: settleSeconds, settleCpuS, idleCpuPerS, peakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10, rssMbAfterEachHour };
  if (process.send) process.send(result);
  else console.log(JSON.stringify(result, null, 2));
} finally {
  await workers.close();
  await Promise.all(Object.values(deps.queues as Record<string, { obliterate?: (o: object) => Promise<void> }>).map((q) => q.obliterate?.({ force: true }).catch(() => {})));
  await deps.close();
  rmSync(dir, { recursive: true, force: true });
  await feeds.close();
}
