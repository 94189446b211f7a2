import { createLogger } from '../app/logger.js';
import { openStore } from '../app/deps.js';
import type { Env } from '../config/env.js';
import { ingestSource, type IngestResult } from '../ingest/ingest.js';
import { enqueue, createQueues, closeQueues } from '../queues/queues.js';
import { connectRedis } from '../queues/redis.js';
import { getNotice } from '../ingest/notices.repository.js';
import { getSource, listSources } from '../sources/sources.repository.js';
import { normalizeJob } from '../pipeline/pipeline.js';

/** `praxiswarn fetch`: fetches now, in this process, prints what it found and hands new notices to the workers. */
export async function fetchCommand(env: Env, { source }: { source?: string }, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const { db } = openStore(env);
  const logger = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  try {
    const targets = source ? [getSource(db, source)].filter((s) => s !== undefined) : listSources(db).filter((s) => s.enabled);
    if (source && targets.length === 0) {
      out.write(`Quelle "${source}" ist unbekannt. Bekannt: ${listSources(db).map((s) => s.id).join(', ')}\n`);
      return 1;
    }
    const results: IngestResult[] = [];
    for (const s of targets) {
      out.write(`Rufe ${s.name} ab (${s.url}) …\n`);
      const result = await ingestSource({ db, clock: () => new Date(), logger }, s.id);
      results.push(result);
      if (result.status === 'error') out.write(`  Fehler: ${result.message}\n`);
      else if (result.status === 'not_modified') out.write('  Unverändert seit dem letzten Abruf.\n');
      else {
        out.write(`  ${result.created.length} neu, ${result.changed.length} geändert, ${result.unchanged} unverändert, ${result.skipped} übersprungen\n`);
        for (const id of [...result.created, ...result.changed]) out.write(`  + ${getNotice(db, id)?.title}\n`);
      }
    }
    await handOver(env, db, results, out);
    return results.some((r) => r.status === 'error') ? 2 : 0;
  } finally {
    db.$client.close();
  }
}

async function handOver(env: Env, db: ReturnType<typeof openStore>['db'], results: IngestResult[], out: NodeJS.WritableStream): Promise<void> {
  const ids = results.flatMap((r) => (r.status === 'ok' ? [...r.created, ...r.changed] : []));
  if (ids.length === 0) return;
  try {
    const redis = await connectRedis(env.REDIS_URL);
    const queues = createQueues(redis, env.QUEUE_PREFIX);
    await enqueue(queues, 'normalize', ids.map((id) => normalizeJob(db, id)));
    await closeQueues(queues);
    redis.disconnect();
    out.write(`${ids.length} Meldung(en) an die Auswertung übergeben.\n`);
  } catch {
    out.write(`${ids.length} Meldung(en) gespeichert; sie werden ausgewertet, sobald die Worker laufen (Redis ist gerade nicht erreichbar).\n`);
  }
}
