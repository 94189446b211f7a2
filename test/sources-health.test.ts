import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { notices, sources } from '../src/db/schema.js';
import { ingestSource } from '../src/ingest/ingest.js';
import { getSource } from '../src/sources/sources.repository.js';
import { sourceHealth } from '../src/sources/source-health.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';
import { fixtureSources, testEnv } from './support/test-env.js';

// /admin/quellen must show what the error counter cannot: an article skipped with its status, how many items the
// last read saw, when something new last came, and a source that went quiet.

let site: FixtureServer;
let deps: AppDeps;
let editor: AdminClient;

before(async () => {
  site = await startFixtureServer();
  deps = await createAppDeps(testEnv({ sources: fixtureSources(site.url) }), { logger: createLogger('silent') });
  await adminWithRole(deps.db, 'editor');
  editor = new AdminClient(createWebApp(deps));
  await editor.login('editor@verband.test', testPassword);
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await site.close();
});

const row = async (name: string) => {
  const $ = cheerio.load(await (await editor.get('/admin/quellen')).text());
  return $('tbody tr').toArray().map((tr) => $(tr).text().replace(/\s+/g, ' ')).find((t) => t.includes(name))!;
};

test('a read that skipped an article answering 404 shows as partly failed, naming the article, with the items seen', async () => {
  // The DGN list links a maintenance article that answers 404 (see sitePages).
  const result = await ingestSource(deps, 'dgn-news');
  assert.equal(result.status, 'ok');
  const source = getSource(deps.db, 'dgn-news')!;
  assert.equal(source.errorCount, 0, 'the read itself succeeded');
  assert.equal(source.lastItemCount, 4);
  assert.equal(source.lastPartialErrors?.length, 1);
  assert.match(source.lastPartialErrors![0]!.url, /wartungsarbeiten-am-dgn-portal/);
  assert.ok(source.lastNewItemAt);
  const text = await row('DGN News');
  assert.match(text, /teilweise gestört/);
  assert.match(text, /1 Artikel übersprungen:.*404/);
});

test('a source that used to bring news every day and has been silent for a week is marked as quiet', async () => {
  const now = new Date('2026-12-04T09:00:00Z');
  deps.db.delete(notices).where(eq(notices.sourceId, 'praxis-it-feed')).run();
  for (let day = 7; day <= 12; day++) {
    deps.db
      .insert(notices)
      .values({ sourceId: 'praxis-it-feed', externalId: `kbv-${day}`, title: `Praxisnachricht ${day}`, text: 'Text', contentHash: `h${day}`, fetchedAt: new Date(now.getTime() - day * 86_400_000) })
      .run();
  }
  deps.db.update(sources).set({ lastNewItemAt: new Date(now.getTime() - 7 * 86_400_000) }).where(eq(sources.id, 'praxis-it-feed')).run();
  const health = sourceHealth(deps.db, getSource(deps.db, 'praxis-it-feed')!, now);
  assert.equal(health.usualGapMs, 86_400_000);
  assert.ok(health.quietSince);
  const fresh = sourceHealth(deps.db, getSource(deps.db, 'praxis-it-feed')!, new Date(now.getTime() - 5 * 86_400_000));
  assert.equal(fresh.quietSince, null, 'two days of silence after daily news is not yet suspicious');
  assert.match(await row('Praxis-IT'), /auffällig still.*nichts Neues; sonst etwa alle 24 Stunden/);
});
