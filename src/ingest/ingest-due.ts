import { getSource } from '../sources/sources.repository.js';
import type { FetchTarget } from './fetch-jobs.js';
import { ingestSource, ingestSourceRow, type IngestDeps, type IngestResult } from './ingest.js';

export type IngestDueResult = {
  /** One result per source fetched, each also recorded on its source (status, error, schedule). */
  results: IngestResult[];
  /** Sources fetched by someone else since the job was made (their `next_check_at` moved): left alone. */
  skipped: string[];
  /** Sources whose fetch threw an unexpected error (a bug, the database): nothing was recorded for them. */
  crashed: { sourceId: string; error: Error }[];
};

/**
 * Two sources of a job are under way at a time: while one is parsed and stored, the next one's request is already
 * on its way. The host limiter still sends one request at a time, so the host sees no more than before.
 */
const inFlight = 2;

/**
 * Fetches the given sources (one host's due sources, see fetchJobs), in their order. A source that fails does not
 * stop the others: expected failures are recorded on the source by ingestSource, unexpected ones are collected in
 * `crashed` for the caller to retry. A source whose `next_check_at` is no longer the one it was due at has been
 * fetched since (an earlier attempt of the same job, "Jetzt abrufen", another sweep's job) and is skipped, so a
 * retried job fetches only what is still owed.
 */
export async function ingestDueSources(deps: IngestDeps, targets: FetchTarget[]): Promise<IngestDueResult> {
  const outcomes: ({ skipped: string } | { result: IngestResult } | { crashed: { sourceId: string; error: Error } })[] = [];
  let next = 0;
  const lane = async () => {
    while (next < targets.length) {
      const index = next++;
      const { sourceId, dueAt } = targets[index]!;
      const source = getSource(deps.db, sourceId);
      if (source && source.nextCheckAt.getTime() !== dueAt) {
        outcomes[index] = { skipped: sourceId };
        deps.logger.debug({ sourceId }, 'source fetched since the job was made');
        continue;
      }
      try {
        outcomes[index] = { result: source ? await ingestSourceRow(deps, source) : await ingestSource(deps, sourceId) };
      } catch (error) {
        outcomes[index] = { crashed: { sourceId, error: error as Error } };
        deps.logger.error({ sourceId, err: error }, 'source fetch crashed');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, targets.length) }, lane));
  const outcome: IngestDueResult = { results: [], skipped: [], crashed: [] };
  for (const o of outcomes) {
    if ('result' in o) outcome.results.push(o.result);
    else if ('skipped' in o) outcome.skipped.push(o.skipped);
    else outcome.crashed.push(o.crashed);
  }
  return outcome;
}
