import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { messageIdFor } from '../src/notify/message-id.js';
import { matchStep } from '../src/pipeline/pipeline.js';
import { startWorkers } from '../workers/workers.js';
import { peakRssMb, round, seconds, waitUntil, type Benchmark } from './support/bench.models.js';
import { benchCatalog, benchEnv, closeBench, openBench } from './support/bench-env.js';
import { attachSource, benchSource, hotProducts, publish, seedPractices } from './support/population.js';
import { bareWriter } from './support/bulk.js';
import { inFlight } from './support/sends.js';
import { startDiscardSink } from './support/smtp-discard.js';
import { noDelaySocket } from '../src/notify/smtp-socket.js';
import { inFlightPerJob } from '../src/notify/settings.js';
import { loadEnv } from '../src/config/env.js';

const practices = 100_000;
// The service's defaults: send jobs per worker (SEND_CONCURRENCY) and the mails each has in flight.
const concurrency = Number(process.env.BENCH_SEND_CONCURRENCY ?? loadEnv({}).SEND_CONCURRENCY);
const poolSize = Number(process.env.SMTP_POOL_SIZE ?? 5);
// The bare pool gets as many mails in flight as the workers have.
const mailsInFlight = concurrency * inFlightPerJob(poolSize, concurrency);
const sample = 3000;

/**
 * An advisory for a product 30 % of 100,000 practices use, from approve (matchStep) to the last mail accepted by the
 * local relay, with send workers in this process. Baseline, the bare parts: a plain insert of the same rows in one
 * transaction plus a bare nodemailer pool sending as many pre-built mails (its rate measured on 3,000 mails here).
 */
const benchmark: Benchmark = {
  description: 'approve to last mail for 30 % of 100,000 practices',
  async run() {
    const sink = await startDiscardSink();
    const catalog = benchCatalog(2000);
    const bench = benchEnv({ catalog, sources: [benchSource], env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: String(poolSize), SEND_CONCURRENCY: String(concurrency) } });
    const deps = await openBench(bench);
    try {
      seedPractices(deps.db, catalog.products.map((p) => p.id), { count: practices });
      const wide = hotProducts.find(([, share]) => share === 0.3)![0];
      const advisoryId = publish(deps.db, {
        title: 'FRITZ!Box: Fernzugriff ohne Anmeldung möglich',
        severity: 'kritisch',
        products: [{ id: wide, fixedVersion: '8.03' }],
        actions: ['FRITZ!OS auf Version 8.03 aktualisieren', 'MyFRITZ!-Fernzugang bis zum Update abschalten'],
      });
      attachSource(deps.db, advisoryId, benchSource.id);
      const workers = startWorkers(deps, { connection: deps.redis, concurrency, only: ['send'] });
      const t = performance.now();
      const { deliveries } = await matchStep(deps, { advisoryId });
      const fanoutSeconds = seconds(t);
      await waitUntil(async () => (await sink.count()) >= deliveries, { what: 'the last mail', everyMs: 50, timeoutMs: 1_800_000 });
      const value = seconds(t);
      const rss = peakRssMb();
      await workers.close();

      // Baseline: bare insert of the same rows, plus the bare pool's rate over a sample of pre-built mails.
      const sqlite = deps.db.$client;
      const base = publish(deps.db, { title: 'Baseline', products: [] });
      let b = performance.now();
      sqlite.transaction(() => {
        const insertMatch = bareWriter(deps.db, 'matches', ['practice_id', 'advisory_id', 'created_at']);
        const insertDelivery = bareWriter(deps.db, 'deliveries', ['practice_id', 'advisory_id', 'kind', 'dedupe_key', 'message_id', 'created_at']);
        for (let p = 1; p <= deliveries; p++) {
          const key = `alert:${base}:${p}`;
          insertMatch.add([p, base, Date.now()]);
          insertDelivery.add([p, base, 'alert', key, messageIdFor(key, deps.mailDomain), Date.now()]);
        }
        insertMatch.flush();
        insertDelivery.flush();
      })();
      const insertSeconds = seconds(b);
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, pool: true, maxConnections: poolSize, maxMessages: Infinity, getSocket: noDelaySocket });
      const text = 'Guten Tag, Praxis,\n\nes gibt einen neuen Sicherheitshinweis, der Ihre Praxis betrifft.\n'.repeat(20);
      const built = await Promise.all(
        Array.from({ length: sample }, (_, i) => new MailComposer({ from: deps.env.MAIL_FROM, to: `praxis${i}@bench.test`, subject: 'Kritisch: FRITZ!Box', text, html: `<p>${text}</p>` }).compile().build()),
      );
      b = performance.now();
      await inFlight(sample, mailsInFlight, (i) => transport.sendMail({ envelope: { from: 'warnungen@praxiswarn.local', to: `praxis${i}@bench.test` }, raw: built[i]! }));
      const bareRate = sample / seconds(b);
      transport.close();
      const baseline = insertSeconds + deliveries / bareRate;
      return {
        value: round(value, 2),
        unit: 's',
        baseline: round(baseline, 2),
        peakRssMb: rss,
        goal: '< 30 s',
        extra: { mails: deliveries, fanoutSeconds: round(fanoutSeconds, 2), mailsPerSecond: Math.round(deliveries / (value - fanoutSeconds)), bareMailsPerSecond: Math.round(bareRate), concurrency, mailsInFlight, poolSize },
      };
    } finally {
      await closeBench(bench, deps);
      await sink.close();
    }
  },
};

export default benchmark;
