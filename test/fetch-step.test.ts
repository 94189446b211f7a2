import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { notices } from '../src/db/schema.js';
import { fetchStep, sweepStep } from '../src/pipeline/pipeline.js';
import type { Payload } from '../src/queues/queues.js';
import { getSource } from '../src/sources/sources.repository.js';
import type { SourceConfig } from '../src/sources/sources.models.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';
import { testDialect } from './support/test-database.js';

const rss = (name: string) => ({
  contentType: 'application/rss+xml; charset=utf-8',
  body:
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title><link>https://praxis-it.example/</link>` +
    `<item><title>Sicherheitsupdate für ${name}</title><link>https://praxis-it.example/${name}/1</link><guid>${name}-1</guid><description>Bitte das Update einspielen.</description></item>` +
    `</channel></rss>`,
});

// Three feeds of one publisher on one host: they share one fetch job.
const paths = { praxis: '/feeds/praxis.xml', kaputt: '/feeds/kaputt.xml', labor: '/feeds/labor.xml' };
let site: FixtureServer;
let deps: AppDeps;

before(async () => {
  site = await startFixtureServer({ [paths.praxis]: rss('Praxissoftware'), [paths.kaputt]: { status: 500, body: 'kaputt' }, [paths.labor]: rss('Laborsoftware') });
  const sources: SourceConfig[] = Object.entries(paths).map(([id, path]) => ({
    id, name: `Hinweise ${id}`, publisher: 'Praxis-IT', kind: 'rss', url: site.url + path, trust: 'review', intervalMinutes: 60, enabled: true,
  }));
  deps = await createAppDeps(testEnv({ sources }), { logger: createLogger('silent') });
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await site.close();
});

async function sweptJobs(): Promise<Payload<'fetch'>[]> {
  await deps.queues.fetch.drain();
  const { fetches, fetchJobs } = await sweepStep(deps);
  const jobs = await deps.queues.fetch.getJobs(['waiting']);
  assert.equal(jobs.length, fetchJobs);
  assert.equal(jobs.flatMap((j) => j.data.sources).length, fetches);
  return jobs.map((j) => j.data as Payload<'fetch'>);
}

const storedFor = (sourceId: string) => deps.db.select().from(notices).all().filter((n) => n.sourceId === sourceId).length;

test('one fetch job for the host; its failing source is recorded in German and does not stop the others', async () => {
  const jobs = await sweptJobs();
  assert.deepEqual(jobs.map((j) => j.sources.map((s) => s.sourceId)), [['praxis', 'kaputt', 'labor']]);

  const { results, skipped } = await fetchStep(deps, jobs[0]!);
  assert.deepEqual(results.map((r) => [r.sourceId, r.status]), [['praxis', 'ok'], ['kaputt', 'error'], ['labor', 'ok']]);
  assert.deepEqual(skipped, []);
  assert.deepEqual([storedFor('praxis'), storedFor('labor')], [1, 1]);
  assert.match(getSource(deps.db, 'kaputt')!.lastError ?? '', /antwortete mit HTTP 500/);
  assert.equal(getSource(deps.db, 'kaputt')!.errorCount, 1);
  assert.deepEqual([getSource(deps.db, 'praxis')!.errorCount, getSource(deps.db, 'labor')!.lastError], [0, null]);
  const normalize = await deps.queues.normalize.getJobs(['waiting']);
  assert.equal(normalize.length, 2, 'the notices of both working feeds are handed on');
});

test('running the same job again fetches nothing: every source has moved on since it was due', async () => {
  assert.equal((await sweepStep(deps)).fetches, 0);
  const before = [...site.hits.values()].reduce((a, b) => a + b, 0);
  const stale = { sources: Object.keys(paths).map((sourceId) => ({ sourceId, dueAt: 0 })) };
  const { results, skipped } = await fetchStep(deps, stale);
  assert.deepEqual(results, []);
  assert.deepEqual(skipped, ['praxis', 'kaputt', 'labor']);
  assert.equal([...site.hits.values()].reduce((a, b) => a + b, 0), before, 'no request was sent');
});

test('a source that crashes fails the job after the others are stored; the retry fetches only that source', async () => {
  const due = new Date(Date.now() - 1000);
  for (const id of Object.keys(paths)) deps.db.$client.prepare('update sources set next_check_at = ? where id = ?').run(due.getTime(), id);
  site.setRoute(paths.kaputt, rss('Kaputt'));
  site.setRoute(paths.praxis, rss('Praxissoftware-neu'));
  site.setRoute(paths.labor, rss('Laborsoftware-neu'));
  // Not an expected failure of the source (those are recorded on it) but of the database: nothing is recorded.
  deps.db.$client.exec(
    testDialect === 'postgres'
      ? `create function crash() returns trigger language plpgsql as $$ begin raise exception 'Datenträger voll'; end $$;
         create trigger crash before insert on notices for each row when (new.source_id = 'kaputt') execute function crash()`
      : `create trigger crash before insert on notices when new.source_id = 'kaputt' begin select raise(abort, 'Datenträger voll'); end`,
  );
  const [job] = await sweptJobs();
  await assert.rejects(fetchStep(deps, job!), /kaputt: Datenträger voll/);
  assert.deepEqual([storedFor('praxis'), storedFor('kaputt'), storedFor('labor')], [2, 0, 2]);
  assert.equal(getSource(deps.db, 'kaputt')!.nextCheckAt.getTime(), due.getTime(), 'still due');

  deps.db.$client.exec(testDialect === 'postgres' ? 'drop trigger crash on notices' : 'drop trigger crash');
  const hits = { praxis: site.hits.get(paths.praxis), labor: site.hits.get(paths.labor) };
  const retry = await fetchStep(deps, job!);
  assert.deepEqual(retry.results.map((r) => [r.sourceId, r.status]), [['kaputt', 'ok']]);
  assert.deepEqual(retry.skipped, ['praxis', 'labor']);
  assert.deepEqual({ praxis: site.hits.get(paths.praxis), labor: site.hits.get(paths.labor) }, hits);
  assert.equal(storedFor('kaputt'), 1);
});
