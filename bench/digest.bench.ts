import { inArray } from 'drizzle-orm';
import { deliveries, practices } from '../src/db/schema.js';
import { composeContext, composers, practiceLinks, type Delivery } from '../src/notify/compose.js';
import { writeDigestDeliveries } from '../src/notify/digest.js';
import { loadAdvisoryView } from '../src/notify/advisory-view.js';
import { messageIdFor } from '../src/notify/message-id.js';
import { preloadAdvisories, preloadPractices, renderSession } from '../src/notify/alert-cache.js';
import { advisoriesOf } from '../src/notify/send.js';
import { inFlightPerJob } from '../src/notify/settings.js';
import { renderDigest } from '../src/notify/templates/digest.js';
import { peakRssMb, round, seconds, type Benchmark } from './support/bench.models.js';
import { benchCatalog, benchEnv, closeBench, openBench } from './support/bench-env.js';
import { hotProducts, publish, seedPractices } from './support/population.js';
import { bareWriter } from './support/bulk.js';
import { inFlight } from './support/sends.js';

const count = Number(process.env.BENCH_DIGEST_PRACTICES ?? 100_000);
const chunk = 2000;
// The mails a send job renders together with the service's defaults (SMTP_POOL_SIZE 5, SEND_CONCURRENCY 2), and the
// send jobs a worker runs at once: on PostgreSQL a group's reads go over the asynchronous face, and while one job
// waits for them the other renders, as in the worker.
const concurrency = 2;
const group = inFlightPerJob(5, concurrency);

/**
 * The daily digest for 100,000 practices with 3 matched advisories each: writeDigestDeliveries, then every digest
 * rendered through the digest composer in send-job groups (what the send workers do, without SMTP). Baseline: the
 * bare parts, a plain insert of as many rows in one transaction and the pure template called as often.
 */
const benchmark: Benchmark = {
  description: 'daily digest for 100,000 practices',
  async run() {
    const catalog = benchCatalog(2000);
    const bench = benchEnv({ catalog });
    const deps = await openBench(bench);
    try {
      const yesterday = new Date(Date.now() - 86_400_000);
      seedPractices(deps.db, catalog.products.map((p) => p.id), { count, cadence: () => 'daily', createdAt: new Date(Date.now() - 30 * 86_400_000) });
      const severities = ['hoch', 'mittel', 'niedrig'];
      const advisoryIds = hotProducts.map(([id], i) =>
        publish(deps.db, { title: `Sicherheitshinweis ${i + 1} zu ${id}`, severity: severities[i], products: [{ id, fixedVersion: `${i + 1}.0.1` }, { id: 'cgm-albis' }], actions: ['Update einspielen', 'Passwörter ändern'], now: yesterday }),
      );
      const sqlite = deps.db.$client;
      sqlite.transaction(() => {
        const insertMatch = bareWriter(deps.db, 'matches', ['practice_id', 'advisory_id', 'created_at']);
        for (let p = 1; p <= count; p++) for (const a of advisoryIds) insertMatch.add([p, a, yesterday.getTime()]);
        insertMatch.flush();
      })();
      const rssBefore = peakRssMb();

      const now = new Date();
      const t = performance.now();
      const written = writeDigestDeliveries(deps.db, { cadence: 'daily', period: 'daily:2026-11-25', now, mailDomain: deps.mailDomain });
      const writeSeconds = seconds(t);
      let bytes = 0;
      for (let i = 0; i < written.length; i += chunk) {
        const rows = deps.db.select().from(deliveries).where(inArray(deliveries.id, written.slice(i, i + chunk))).all();
        const owners = new Map(deps.db.select().from(practices).where(inArray(practices.id, rows.map((r) => r.practiceId))).all().map((p) => [p.id, p]));
        // Rendered in the send job's groups, each with its render session, as sendBatch does, two jobs at a time.
        await inFlight(Math.ceil(rows.length / group), concurrency, async (k) => {
          const members = rows.slice(k * group, (k + 1) * group);
          const session = renderSession();
          await Promise.all([
            preloadPractices(deps.db, session, members.map((d) => ({ id: d.practiceId }))),
            preloadAdvisories(deps.db, session, members.flatMap((d) => advisoriesOf(d as Delivery))),
          ]);
          for (const delivery of members) {
            const mail = composers.digest!(composeContext(deps, delivery as Delivery, owners.get(delivery.practiceId)!, now, session));
            if (!mail) throw new Error(`digest ${delivery.id} rendered empty`);
            bytes += mail.html.length + mail.text.length;
          }
        });
      }
      const value = seconds(t);
      if (written.length !== count) throw new Error(`expected ${count} digests, got ${written.length}`);
      const rss = peakRssMb();

      // Baseline: the same number of rows inserted bare, and the pure template called as often.
      const views = advisoryIds.map((id) => loadAdvisoryView(deps.db, id, 1, deps.publicUrl)!);
      const b = performance.now();
      sqlite.transaction(() => {
        const insert = bareWriter(deps.db, 'deliveries', ['practice_id', 'kind', 'dedupe_key', 'period', 'advisory_ids', 'message_id', 'created_at']);
        for (let p = 1; p <= count; p++) {
          const key = `digest:baseline:${p}`;
          insert.add([p, 'digest', key, 'daily:baseline', JSON.stringify(advisoryIds), messageIdFor(key, deps.mailDomain), now.getTime()]);
        }
        insert.flush();
      })();
      const links = practiceLinks(deps.publicUrl, deps.linkSecret, 1);
      let baselineBytes = 0;
      for (let p = 1; p <= count; p++) {
        const mail = renderDigest({ practiceName: `Praxis ${p}`, cadence: 'daily', advisories: views, footer: { why: 'x', ...links, operator: deps.delivery.operator } });
        baselineBytes += mail.html.length + mail.text.length;
      }
      const baseline = seconds(b);
      return {
        value: round(value, 2),
        unit: 's',
        baseline: round(baseline, 2),
        peakRssMb: rss,
        goal: '< 60 s on 2 cores, peak RSS < 300 MB',
        extra: { digests: written.length, writeSeconds: round(writeSeconds, 2), renderedMb: Math.round(bytes / 1e6), baselineRenderedMb: Math.round(baselineBytes / 1e6), rssBeforeMb: rssBefore },
      };
    } finally {
      await closeBench(bench, deps);
    }
  },
};

export default benchmark;
