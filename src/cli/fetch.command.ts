import { createLogger } from '../app/logger.js';
import { openStore } from '../app/deps.js';
import type { Env } from '../config/env.js';
import type { Db } from '../db/client.js';
import { httpOptionsFromEnv } from '../ingest/http-config.js';
import { ingestSourceRow, type IngestResult } from '../ingest/ingest.js';
import { getNotice } from '../ingest/notices.repository.js';
import { normalizeJobs } from '../pipeline/pipeline.js';
import { closeQueues, createQueues, enqueue } from '../queues/queues.js';
import { connectRedis } from '../queues/redis.js';
import { dueSources, getSource, listSources, type Source } from '../sources/sources.repository.js';

type Options = { source?: string; all?: boolean };
type Out = NodeJS.WritableStream & { isTTY?: boolean };

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });

/**
 * `praxiswarn fetch [--source ID | --all]`: fetches the due sources (or one, or all) now, in this process, shows
 * progress per source, ends with a summary table and hands new notices to the workers. Exit 2 if a source failed.
 */
export async function fetchCommand(env: Env, { source, all }: Options, out: Out = process.stdout): Promise<number> {
  const { db } = openStore(env);
  const logger = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  try {
    const targets = pickTargets(db, { source, all }, out);
    if (!targets) return 1;
    const deps = { db, clock: () => new Date(), logger, http: httpOptionsFromEnv(env) };
    const rows: { source: Source; result: IngestResult }[] = [];
    for (const [index, s] of targets.entries()) {
      const step = `[${index + 1}/${targets.length}] ${s.name}`;
      if (out.isTTY) out.write(`\r\x1b[2K${step} …`);
      const result = await ingestSourceRow(deps, s);
      rows.push({ source: s, result });
      if (out.isTTY) out.write(`\r\x1b[2K${step}: ${statusLabel(result)}\n`);
      else out.write(`${step}: ${statusLabel(result)}\n`);
      if (result.status === 'ok') for (const id of [...result.created, ...result.changed]) out.write(`  + ${getNotice(db, id)?.title}\n`);
    }
    out.write(`\n${summaryTable(rows)}\n`);
    for (const { source: s, result } of rows) if (result.status === 'error') out.write(`Fehler bei ${s.id}: ${result.message}\n`);
    await handOver(env, db, rows.map((r) => r.result), out);
    return rows.some((r) => r.result.status === 'error') ? 2 : 0;
  } finally {
    db.$client.close();
  }
}

function pickTargets(db: Db, { source, all }: Options, out: Out): Source[] | null {
  if (source) {
    const found = getSource(db, source);
    if (!found) out.write(`Quelle "${source}" ist unbekannt. Bekannt: ${listSources(db).map((s) => s.id).join(', ')}\n`);
    return found ? [found] : null;
  }
  const targets = all ? listSources(db).filter((s) => s.enabled) : dueSources(db, new Date());
  if (targets.length === 0) {
    const next = listSources(db).filter((s) => s.enabled).sort((a, b) => a.nextCheckAt.getTime() - b.nextCheckAt.getTime())[0];
    out.write(`Keine Quelle ist fällig${next ? ` (nächste: ${next.id} am ${berlin.format(next.nextCheckAt)} Uhr)` : ''}. Mit --all werden alle abgerufen.\n`);
  }
  return targets;
}

function statusLabel(result: IngestResult): string {
  if (result.status === 'error') return 'Fehler';
  if (result.status === 'not_modified') return 'unverändert';
  return `ok, ${result.created.length} neu, ${result.changed.length} geändert`;
}

/** Quelle | Status | neu | geändert | Fehler (items skipped, or the failed source). */
export function summaryTable(rows: { source: Pick<Source, 'id'>; result: IngestResult }[]): string {
  const header = ['Quelle', 'Status', 'neu', 'geändert', 'Fehler'];
  const lines = rows.map(({ source, result }) =>
    result.status === 'error'
      ? [source.id, 'Fehler', '–', '–', '1']
      : [source.id, result.status === 'ok' ? 'ok' : 'unverändert', String(result.created.length), String(result.changed.length), String(result.skipped)],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [format(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

async function handOver(env: Env, db: Db, results: IngestResult[], out: Out): Promise<void> {
  const ids = results.flatMap((r) => (r.status === 'ok' ? [...r.created, ...r.changed] : []));
  if (ids.length === 0) return;
  try {
    const redis = await connectRedis(env.REDIS_URL);
    const queues = createQueues(redis, env.QUEUE_PREFIX);
    await enqueue(queues, 'normalize', normalizeJobs(db, ids));
    await closeQueues(queues);
    redis.disconnect();
    out.write(`${ids.length} Meldung(en) an die Auswertung übergeben.\n`);
  } catch {
    out.write(`${ids.length} Meldung(en) gespeichert; sie werden ausgewertet, sobald die Worker laufen (Redis ist gerade nicht erreichbar).\n`);
  }
}
