import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { matchAdvisory } from '../src/notify/match.js';
import { composeContext, composers } from '../src/notify/compose.js';
import { getPractice } from '../src/practices/practices.repository.js';
import { startWorkers } from '../workers/workers.js';
import { peakRssMb, round, seconds, waitUntil, type Benchmark } from './support/bench.models.js';
import { benchEnv, closeBench, openBench } from './support/bench-env.js';
import { attachSource, benchSource, publish, seedPractices } from './support/population.js';
import { enqueueSendJobs, inFlight, sentCount, watchSent } from './support/sends.js';
import { startDiscardSink } from './support/smtp-discard.js';
import { noDelaySocket } from '../src/notify/smtp-socket.js';
import { inFlightPerJob } from '../src/notify/settings.js';
import { loadEnv } from '../src/config/env.js';

const mails = Number(process.env.BENCH_SEND_MAILS ?? 10_000);
const warmUpMails = 1000;
// The pipeline and the bare pool take turns this many times; the figures are the medians (see below).
const rounds = Number(process.env.BENCH_SEND_ROUNDS ?? 3);
// The service's defaults: send jobs per worker (SEND_CONCURRENCY) and the mails each has in flight.
const concurrency = Number(process.env.BENCH_SEND_CONCURRENCY ?? loadEnv({}).SEND_CONCURRENCY);
const poolSize = Number(process.env.SMTP_POOL_SIZE ?? 5);
const batchSize = process.env.SEND_BATCH_SIZE;
// The bare pool gets as many mails in flight as the workers have.
const mailsInFlight = concurrency * inFlightPerJob(poolSize, concurrency);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * 10,000 alerts from the outbox through BullMQ send workers (claim, render, pooled SMTP into a local sink that
 * discards, mark sent), in mails per second. Baselines in the same run: a bare nodemailer pool of the same size with
 * the same number of mails in flight, (a) sending pre-built messages, (b) building each message.
 *
 * The pipeline and the two baselines take turns, `rounds` times, each round with a fresh advisory for the same
 * 10,000 practices; the figures are the medians. This machine's speed drifts by a third within seconds: measured once
 * each, some seconds apart, the ratio swung between 0.5 and 0.75 from run to run.
 */
const benchmark: Benchmark = {
  description: '10,000 alerts through the send workers',
  async run() {
    const sink = await startDiscardSink();
    const bench = benchEnv({ sources: [benchSource], env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: String(poolSize), SEND_CONCURRENCY: String(concurrency), ...(batchSize ? { SEND_BATCH_SIZE: batchSize } : {}) } });
    const deps = await openBench(bench);
    try {
      const products = deps.catalog.products.map((p) => p.id);
      seedPractices(deps.db, products, { count: mails, always: ['telekom-digitalisierungsbox-premium'] });
      const advisory = (round: number) => {
        const advisoryId = publish(deps.db, {
          title: `Digitalisierungsbox: Datenleck über Portweiterleitungen (${round + 1})`,
          summary: 'Bei Digitalisierungsboxen der Telekom konnten Portweiterleitungen unbemerkt geöffnet werden. Ein Firmware-Update schließt die Lücke.',
          products: [{ id: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }, { id: 'telekom-digitalisierungsbox-smart' }],
          actions: ['Firmware der Digitalisierungsbox auf Version 11.01.02.102 aktualisieren', 'Portweiterleitungen prüfen und nicht benötigte entfernen', 'Passwort der Benutzeroberfläche ändern'],
        });
        attachSource(deps.db, advisoryId, benchSource.id);
        const ids = matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain: deps.mailDomain });
        if (ids.length !== mails) throw new Error(`expected ${mails} deliveries, got ${ids.length}`);
        return { advisoryId, ids };
      };

      const workers = startWorkers(deps, { connection: deps.redis, concurrency, only: ['send'] });
      const watch = await watchSent(deps);
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, pool: true, maxConnections: poolSize, maxMessages: Infinity, getSocket: noDelaySocket });
      const envelope = (i: number) => ({ from: 'warnungen@praxiswarn.local', to: `praxis${i + 1}@bench.test` });
      let expected = 0;
      let pipelineRss = 0;
      const pipeline: number[] = [];
      const prebuilt: number[] = [];
      const building: number[] = [];
      try {
        // Warm-up, not measured: 1,000 alerts of another advisory, so that the pipeline is timed warm, as the bare
        // pool is (it gets its own warm-up below).
        const warmUp = publish(deps.db, { title: 'Aufwärmen', products: [{ id: 'telekom-digitalisierungsbox-premium' }], actions: ['Nichts tun'] });
        attachSource(deps.db, warmUp, benchSource.id);
        await enqueueSendJobs(deps, matchAdvisory(deps.db, warmUp, { now: new Date(), mailDomain: deps.mailDomain }).slice(0, warmUpMails));
        expected += warmUpMails;
        await waitUntil(() => watch.sent() >= expected, { what: 'the warm-up alerts sent', everyMs: 5 });

        for (let round = 0; round < rounds; round++) {
          const { advisoryId, ids } = advisory(round);
          // Each side starts from a collected heap, so neither pays for collecting the other's garbage (the bare
          // pool's 10,000 pre-built messages, say).
          globalThis.gc?.();
          const t = performance.now();
          await enqueueSendJobs(deps, ids);
          expected += mails;
          await waitUntil(() => watch.sent() >= expected, { what: 'all alerts sent', everyMs: 5 });
          pipeline.push(mails / seconds(t));
          // The pipeline's memory before the bare pool's 10,000 pre-built messages join it.
          if (round === 0) pipelineRss = peakRssMb();
          const sent = sentCount(deps, advisoryId);
          if (sent !== mails) throw new Error(`the send jobs reported ${mails} sent, the database has ${sent}`);

          // The same mail (this round's first practice's), addressed to each practice in turn.
          const practice = getPractice(deps.db, 1)!;
          const delivery = deps.db.$client.prepare('select * from deliveries where id = ?').get(ids[0]!);
          const mail = composers.alert!(composeContext(deps, { ...(delivery as object), advisoryId } as never, practice, new Date()))!;
          const message = (i: number) => ({
            from: deps.env.MAIL_FROM,
            to: `praxis${i + 1}@bench.test`,
            ...mail,
            messageId: `<baseline-${round}-${i}@praxiswarn.bench>`,
            headers: { 'List-Id': 'Sicherheitswarnungen <warnungen.praxiswarn.bench>', 'List-Unsubscribe': '<https://praxiswarn.bench/abmelden/x>' },
          });
          const built: Buffer[] = [];
          for (let i = 0; i < mails; i++) built.push(await new MailComposer(message(i)).compile().build());
          if (round === 0) await inFlight(warmUpMails, mailsInFlight, (i) => transport.sendMail({ envelope: envelope(i), raw: built[i]! }));
          globalThis.gc?.();
          let b = performance.now();
          await inFlight(mails, mailsInFlight, (i) => transport.sendMail({ envelope: envelope(i), raw: built[i]! }));
          prebuilt.push(mails / seconds(b));
          built.length = 0;
          globalThis.gc?.();
          b = performance.now();
          await inFlight(mails, mailsInFlight, (i) => transport.sendMail(message(i)));
          building.push(mails / seconds(b));
        }
      } finally {
        transport.close();
        await workers.close();
        await watch.close();
      }
      const accepted = await sink.count();
      const sinkExpected = expected + warmUpMails + 2 * rounds * mails;
      if (accepted < sinkExpected) throw new Error(`the sink accepted ${accepted} of ${sinkExpected} mails`);

      const value = median(pipeline);
      const baselineBuilding = median(building);
      const perRound = pipeline.map((v, i) => round(v / prebuilt[i]!, 2));
      return {
        value: Math.round(value),
        unit: 'mails/s',
        baseline: Math.round(median(prebuilt)),
        peakRssMb: pipelineRss,
        goal: 'ratio ≥ 0.6, ratioBuilding ≥ 1.0',
        extra: {
          baselineBuilding: Math.round(baselineBuilding),
          ratioBuilding: round(value / baselineBuilding),
          rounds,
          ratioPerRound: perRound.join(' / '),
          pipelinePerRound: pipeline.map((v) => Math.round(v)).join(' / '),
          baselinePerRound: prebuilt.map((v) => Math.round(v)).join(' / '),
          concurrency,
          mailsInFlight,
          poolSize,
        },
      };
    } finally {
      await closeBench(bench, deps);
      await sink.close();
    }
  },
};

export default benchmark;
