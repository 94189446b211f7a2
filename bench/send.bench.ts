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

const mails = Number(process.env.BENCH_SEND_MAILS ?? 10_000);
const warmUpMails = 1000;
// The service's defaults: send jobs per worker (WORKER_CONCURRENCY) and the mails each has in flight.
const concurrency = Number(process.env.BENCH_SEND_CONCURRENCY ?? 4);
const poolSize = Number(process.env.SMTP_POOL_SIZE ?? 5);
// The bare pool gets as many mails in flight as the workers have.
const mailsInFlight = concurrency * inFlightPerJob(poolSize, concurrency);

/**
 * 10,000 alerts from the outbox through BullMQ send workers (claim, render, pooled SMTP into a local sink that
 * discards, mark sent), in mails per second. Baselines in the same run: a bare nodemailer pool of the same size with
 * the same number of mails in flight, (a) sending pre-built messages, (b) building each message.
 */
const benchmark: Benchmark = {
  description: '10,000 alerts through the send workers',
  async run() {
    const sink = await startDiscardSink();
    const bench = benchEnv({ sources: [benchSource], env: { SMTP_URL: sink.url, SMTP_POOL_SIZE: String(poolSize), WORKER_CONCURRENCY: String(concurrency) } });
    const deps = await openBench(bench);
    try {
      const products = deps.catalog.products.map((p) => p.id);
      seedPractices(deps.db, products, { count: mails, always: ['telekom-digitalisierungsbox-premium'] });
      const advisoryId = publish(deps.db, {
        title: 'Digitalisierungsbox: Datenleck über Portweiterleitungen',
        summary: 'Bei Digitalisierungsboxen der Telekom konnten Portweiterleitungen unbemerkt geöffnet werden. Ein Firmware-Update schließt die Lücke.',
        products: [{ id: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }, { id: 'telekom-digitalisierungsbox-smart' }],
        actions: ['Firmware der Digitalisierungsbox auf Version 11.01.02.102 aktualisieren', 'Portweiterleitungen prüfen und nicht benötigte entfernen', 'Passwort der Benutzeroberfläche ändern'],
      });
      attachSource(deps.db, advisoryId, benchSource.id);
      const ids = matchAdvisory(deps.db, advisoryId, { now: new Date(), mailDomain: deps.mailDomain });
      if (ids.length !== mails) throw new Error(`expected ${mails} deliveries, got ${ids.length}`);

      const workers = startWorkers(deps, { connection: deps.redis, concurrency, only: ['send'] });
      const watch = await watchSent(deps);
      // Warm-up, not measured: 1,000 alerts of another advisory, so that the pipeline is timed warm, as the bare
      // pool below is (it runs after the pipeline has warmed up nodemailer and the relay, and gets its own warm-up).
      const warmUp = publish(deps.db, { title: 'Aufwärmen', products: [{ id: 'telekom-digitalisierungsbox-premium' }], actions: ['Nichts tun'] });
      attachSource(deps.db, warmUp, benchSource.id);
      await enqueueSendJobs(deps, matchAdvisory(deps.db, warmUp, { now: new Date(), mailDomain: deps.mailDomain }).slice(0, warmUpMails));
      await waitUntil(() => watch.sent() >= warmUpMails, { what: 'the warm-up alerts sent', everyMs: 5 });
      const t = performance.now();
      await enqueueSendJobs(deps, ids);
      await waitUntil(() => watch.sent() >= warmUpMails + mails, { what: 'all alerts sent', everyMs: 5 });
      const elapsed = seconds(t);
      const pipelineRss = peakRssMb();
      await workers.close();
      await watch.close();
      const sent = sentCount(deps, advisoryId);
      if (sent !== mails) throw new Error(`the send jobs reported ${watch.sent() - warmUpMails} sent, the database has ${sent}`);
      const accepted = await sink.count();
      if (accepted < warmUpMails + mails) throw new Error(`the sink accepted ${accepted - warmUpMails} of ${mails} mails`);

      // The same mail (the first practice's), addressed to each practice in turn.
      const practice = getPractice(deps.db, 1)!;
      const delivery = deps.db.$client.prepare('select * from deliveries where id = ?').get(ids[0]!);
      const mail = composers.alert!(composeContext(deps, { ...(delivery as object), advisoryId } as never, practice, new Date()))!;
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, pool: true, maxConnections: poolSize, maxMessages: Infinity, getSocket: noDelaySocket });
      const message = (i: number) => ({
        from: deps.env.MAIL_FROM,
        to: `praxis${i + 1}@bench.test`,
        ...mail,
        messageId: `<baseline-${i}@praxiswarn.bench>`,
        headers: { 'List-Id': 'Sicherheitswarnungen <warnungen.praxiswarn.bench>', 'List-Unsubscribe': '<https://praxiswarn.bench/abmelden/x>' },
      });
      const built: Buffer[] = [];
      for (let i = 0; i < mails; i++) built.push(await new MailComposer(message(i)).compile().build());
      await inFlight(warmUpMails, mailsInFlight, (i) => transport.sendMail({ envelope: { from: 'warnungen@praxiswarn.local', to: `praxis${i + 1}@bench.test` }, raw: built[i]! }));
      let b = performance.now();
      await inFlight(mails, mailsInFlight, (i) => transport.sendMail({ envelope: { from: 'warnungen@praxiswarn.local', to: `praxis${i + 1}@bench.test` }, raw: built[i]! }));
      const prebuilt = mails / seconds(b);
      built.length = 0;
      b = performance.now();
      await inFlight(mails, mailsInFlight, (i) => transport.sendMail(message(i)));
      const building = mails / seconds(b);
      transport.close();

      const value = mails / elapsed;
      return {
        value: Math.round(value),
        unit: 'mails/s',
        baseline: Math.round(prebuilt),
        peakRssMb: pipelineRss,
        goal: 'ratio ≥ 0.6, ratioBuilding ≥ 1.0',
        extra: { baselineBuilding: Math.round(building), ratioBuilding: round(value / building), seconds: round(elapsed), concurrency, mailsInFlight, poolSize },
      };
    } finally {
      await closeBench(bench, deps);
      await sink.close();
    }
  },
};

export default benchmark;
