import { createHash } from 'node:crypto';
import { hostKey } from './ssrf.js';

/** One source of a fetch job, with the `next_check_at` it was due at when the job was made. */
export type FetchTarget = { sourceId: string; dueAt: number };

export type FetchJob = { jobId: string; data: { sources: FetchTarget[] } };

/** More due sources on one host than this are split over several jobs (they still wait on each other per host). */
export const maxSourcesPerFetchJob = 100;

/**
 * One fetch job per host with that host's due sources, fetched one after another inside the job: the host limiter,
 * shared in Redis, keeps a host to one request at a time anyway, and this way no fetch slot waits for another job's
 * host. The job id is the host plus a hash of its sources and their due times: the same sweep twice adds nothing,
 * and a source made due again (fetched, or "Jetzt abrufen") is part of a fresh job. Hosts come in the order of their
 * earliest due source.
 */
export function fetchJobs(due: { id: string; url: string; nextCheckAt: Date }[]): FetchJob[] {
  const byHost = new Map<string, FetchTarget[]>();
  for (const source of due) {
    const key = keyOf(source.url);
    const target = { sourceId: source.id, dueAt: source.nextCheckAt.getTime() };
    const targets = byHost.get(key);
    if (targets) targets.push(target);
    else byHost.set(key, [target]);
  }
  const jobs: FetchJob[] = [];
  for (const [host, targets] of byHost) {
    for (let i = 0; i < targets.length; i += maxSourcesPerFetchJob) {
      const sources = targets.slice(i, i + maxSourcesPerFetchJob);
      const hash = createHash('sha1')
        .update(sources.map((t) => `${t.sourceId}@${t.dueAt}`).sort().join(','))
        .digest('hex')
        .slice(0, 16);
      // BullMQ reserves ':' in job ids; host keys carry the port after one (and IPv6 addresses have more).
      jobs.push({ jobId: `fetch-${host.replace(/[^a-z0-9.-]/gi, '_')}-${hash}`, data: { sources } });
    }
  }
  return jobs;
}

/** The job of "Jetzt abrufen": the one source, due now (`fetchSourceNow` has just set its `next_check_at`). */
export function fetchNowJob(sourceId: string, now: Date): FetchJob {
  return { jobId: `fetch-${sourceId}-${now.getTime()}`, data: { sources: [{ sourceId, dueAt: now.getTime() }] } };
}

/** The limiter's key; a URL that does not parse is its own host (its fetch fails with a readable error anyway). */
function keyOf(url: string): string {
  try {
    return hostKey(new URL(url));
  } catch {
    return url;
  }
}
