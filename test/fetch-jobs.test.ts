import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fetchJobs, fetchNowJob, maxSourcesPerFetchJob } from '../src/ingest/fetch-jobs.js';
import { queueDefinitions } from '../src/queues/queues.js';

const due = (id: string, url: string, at = 1_764_000_000_000) => ({ id, url, nextCheckAt: new Date(at) });
const members = (jobs: ReturnType<typeof fetchJobs>) => jobs.map((j) => j.data.sources.map((s) => s.sourceId));

test('one fetch job per host with its due sources in their own order, hosts by their earliest due source', () => {
  const jobs = fetchJobs([
    due('kbv-1', 'https://www.kbv.de/praxisnachrichten/'),
    due('gematik', 'https://www.gematik.de/newsroom/'),
    due('kbv-2', 'https://www.kbv.de/presse/'),
    due('heise-1', 'https://www.heise.de/security/rss/news-atom.xml'),
    due('kbv-3', 'https://WWW.KBV.DE:443/ti/'),
    due('heise-2', 'https://www.heise.de/security/rss/alert-news-atom.xml'),
  ]);
  assert.deepEqual(members(jobs), [['kbv-1', 'kbv-2', 'kbv-3'], ['gematik'], ['heise-1', 'heise-2']]);
  assert.deepEqual(jobs[1]!.data.sources, [{ sourceId: 'gematik', dueAt: 1_764_000_000_000 }]);
  for (const job of jobs) {
    assert.doesNotMatch(job.jobId, /:/, 'BullMQ reserves ":" in job ids');
    assert.ok(queueDefinitions.fetch.safeParse(job.data).success);
  }
});

test('the same host on another port or scheme counts as another host, as in the per-host limiter', () => {
  const jobs = fetchJobs([due('a', 'http://127.0.0.1:8080/a'), due('b', 'http://127.0.0.1:8080/b'), due('c', 'http://127.0.0.1:8081/c'), due('d', 'https://127.0.0.1/d'), due('v6', 'http://[::1]:8080/')]);
  assert.deepEqual(members(jobs), [['a', 'b'], ['c'], ['d'], ['v6']]);
  assert.equal(new Set(jobs.map((j) => j.jobId)).size, 4);
});

test('a source whose URL does not parse gets a job of its own, not dropped', () => {
  assert.deepEqual(members(fetchJobs([due('kaputt', 'nicht eine Adresse'), due('ok', 'https://www.kbv.de/')])), [['kaputt'], ['ok']]);
});

test('the same due sources give the same job id; a source due at another time gives a new one', () => {
  const first = fetchJobs([due('kbv-1', 'https://www.kbv.de/a'), due('kbv-2', 'https://www.kbv.de/b')]);
  const again = fetchJobs([due('kbv-2', 'https://www.kbv.de/b'), due('kbv-1', 'https://www.kbv.de/a')]);
  const later = fetchJobs([due('kbv-1', 'https://www.kbv.de/a', 1_764_003_600_000), due('kbv-2', 'https://www.kbv.de/b')]);
  const more = fetchJobs([due('kbv-1', 'https://www.kbv.de/a'), due('kbv-2', 'https://www.kbv.de/b'), due('kbv-3', 'https://www.kbv.de/c')]);
  assert.equal(again[0]!.jobId, first[0]!.jobId);
  assert.notEqual(later[0]!.jobId, first[0]!.jobId);
  assert.notEqual(more[0]!.jobId, first[0]!.jobId);
});

test('a host with more due sources than one job takes is split, none left out', () => {
  const many = Array.from({ length: maxSourcesPerFetchJob + 5 }, (_, i) => due(`quelle-${i}`, `https://www.kbv.de/${i}`));
  const jobs = fetchJobs(many);
  assert.deepEqual(jobs.map((j) => j.data.sources.length), [maxSourcesPerFetchJob, 5]);
  assert.notEqual(jobs[0]!.jobId, jobs[1]!.jobId);
  assert.ok(jobs.every((j) => queueDefinitions.fetch.safeParse(j.data).success));
});

test('"Jetzt abrufen" makes a job for the one source, due at the moment it was asked for', () => {
  const now = new Date(1_764_000_000_000);
  assert.deepEqual(fetchNowJob('dgn-news', now), { jobId: 'fetch-dgn-news-1764000000000', data: { sources: [{ sourceId: 'dgn-news', dueAt: 1_764_000_000_000 }] } });
});
