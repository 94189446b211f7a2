import { getSource } from '../sources/sources.repository.js';
import type { FetchTarget } from './fetch-jobs.js';
import { ingestSourceRow, type IngestDeps, type IngestResult } from './ingest.js';

export type IngestDueResult = {
  /** One result per source fetched, each also recorded on its source (status, error, schedule). */
  results: IngestResult[];
  /** Sources fetched by someone else since the job was made (their `next_check_at` moved): left alone. */
  skipped: string[];
  /** Sources whose fetch threw an unexpected error (a bug, the database): nothing was recorded for them. */
  crashed: { sourceId: string; error: Error }[];
};

/**
 * Fetches the given sources (one host's due sources, see fetchJobs) one after another, in their order. A source that
 * fails does not stop the others: expected failures are recorded on the source by ingestSource, unexpected ones are
 * collected in `crashed` for the caller to retry. A source whose `next_check_at` is no longer the one it was due at
 * has been fetched since (an earlier attempt of the same job, "Jetzt abrufen", another sweep's job) and is skipped,
 * so a retried job fetches only what is still owed; so is a source disabled or removed in the meantime.
 */
export async function ingestDueSources(deps: IngestDeps, targets: FetchTarget[]): Promise<IngestDueResult> {
  const outcome: IngestDueResult = { results: [], skipped: [], crashed: [] };
  for (const { sourceId, dueAt } of targets) {
    const source = getSource(deps.db, sourceId);
    // Removed, disabled or fetched by someone else since the job was made: nothing is owed.
    if (!source || !source.enabled || source.nextCheckAt.getTime() !== dueAt) {
      outcome.skipped.push(sourceId);
      deps.logger.debug({ sourceId }, 'source not due any more');
      continue;
    }
    try {
      outcome.results.push(await ingestSourceRow(deps, source));
    } catch (error) {
      outcome.crashed.push({ sourceId, error: error as Error });
      deps.logger.error({ sourceId, err: error }, 'source fetch crashed');
    }
  }
  return outcome;
}
