import { randomBytes } from 'node:crypto';
import { createQueues, closeQueues } from '../src/queues/queues.js';
import { messageIdFor } from '../src/notify/message-id.js';
import { sendJobs } from '../src/notify/send-jobs.js';
import { matchStep } from '../src/pipeline/pipeline.js';
import { enqueue } from '../src/queues/queues.js';
import { removeQueues } from '../test/support/queues.js';
import { round, seconds, type Benchmark } from './support/bench.models.js';
import { benchCatalog, benchEnv, closeBench, openBench } from './support/bench-env.js';
import { hotProducts, publish, seedPractices } from './support/population.js';
import { bareWriter } from './support/bulk.js';

const practices = 100_000;

/**
 * Publishing at national scale: 100,000 practices with 7 subscriptions each over 2,000 products. The figure is the
 * time of matchStep (approve → every delivery row written and its send job in Redis) for an advisory on a product
 * 30 % of practices use; the baseline a bare insert of as many rows in one transaction (bench/support/bulk.ts: one
 * prepared statement per row on SQLite, multi-row statements on PostgreSQL).
 */
const benchmark: Benchmark = {
  description: 'fan-out of one advisory to 30 % of 100,000 practices',
  async run() {
    const catalog = benchCatalog(2000);
    const bench = benchEnv({ catalog });
    const deps = await openBench(bench);
    try {
      // 80 % get alerts at once, the others a daily or weekly digest (matches only).
      const population = seedPractices(deps.db, catalog.products.map((p) => p.id), { count: practices, cadence: (i) => (i % 10 === 8 ? 'daily' : i % 10 === 9 ? 'weekly' : 'immediate') });
      const wide = hotProducts.find(([, share]) => share === 0.3)![0];
      const small = publish(deps.db, { title: 'Lücke in fünf Produkten', products: population.tail.slice(100, 105).map((id) => ({ id })) });
      const big = publish(deps.db, { title: 'Lücke in der FRITZ!Box', products: [{ id: wide, fixedVersion: '8.03' }], actions: ['FRITZ!OS auf Version 8.03 aktualisieren'] });
      const count = (sql: string, ...args: unknown[]) => (deps.db.$client.prepare(sql).get(...args) as { n: number }).n;

      let t = performance.now();
      const fiveProducts = await matchStep(deps, { advisoryId: small });
      const smallSeconds = seconds(t);
      t = performance.now();
      const thirty = await matchStep(deps, { advisoryId: big });
      const value = seconds(t);

      const matched = count('select count(*) as n from matches where advisory_id = ?', big);
      const queued = (await deps.queues.send.getJobs(['wait', 'prioritized', 'delayed'])).reduce((n, job) => n + job.data.deliveryIds.length, 0);
      if (queued !== fiveProducts.deliveries + thirty.deliveries) throw new Error(`expected ${fiveProducts.deliveries + thirty.deliveries} deliveries in send jobs, found ${queued}`);

      // The Redis half alone: the same jobs once more into fresh queues.
      const again = createQueues(deps.redis, `bench-${randomBytes(6).toString('hex')}`);
      const ids = (deps.db.$client.prepare('select id from deliveries where advisory_id = ? order by id').all(big) as { id: number }[]).map((r) => r.id);
      t = performance.now();
      await enqueue(again, 'send', sendJobs(ids.map((id) => ({ id, attempts: 0 })), deps.delivery.batchSize));
      const enqueueSeconds = seconds(t);
      await removeQueues(again);
      await closeQueues(again);

      // Baseline: the same number of rows (matches + deliveries) inserted bare, in one transaction.
      const baselineAdvisory = publish(deps.db, { title: 'Baseline', products: [] });
      const sqlite = deps.db.$client;
      const practiceIds = (sqlite.prepare('select practice_id as id from matches where advisory_id = ? order by practice_id').all(big) as { id: number }[]).map((r) => r.id);
      t = performance.now();
      sqlite.transaction(() => {
        const insertMatch = bareWriter(deps.db, 'matches', ['practice_id', 'advisory_id', 'created_at']);
        const insertDelivery = bareWriter(deps.db, 'deliveries', ['practice_id', 'advisory_id', 'kind', 'dedupe_key', 'message_id', 'created_at']);
        const now = Date.now();
        for (let i = 0; i < practiceIds.length; i++) {
          const id = practiceIds[i]!;
          insertMatch.add([id, baselineAdvisory, now]);
          if (i < thirty.deliveries) {
            const key = `alert:${baselineAdvisory}:${id}`;
            insertDelivery.add([id, baselineAdvisory, 'alert', key, messageIdFor(key, deps.mailDomain), now]);
          }
        }
        insertMatch.flush();
        insertDelivery.flush();
      })();
      const baseline = seconds(t);
      return {
        value: round(value),
        unit: 's',
        baseline: round(baseline),
        goal: '< 0.5 s, ratio < 2',
        extra: {
          deliveries: thirty.deliveries,
          matches: matched,
          rowsPerSecond: Math.round((matched + thirty.deliveries) / value),
          baselineRowsPerSecond: Math.round((matched + thirty.deliveries) / baseline),
          enqueueSeconds: round(enqueueSeconds),
          fiveProductsSeconds: round(smallSeconds),
          fiveProductsDeliveries: fiveProducts.deliveries,
          subscriptions: population.subscriptions,
        },
      };
    } finally {
      await closeBench(bench, deps);
    }
  },
};

export default benchmark;
