import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openStore } from '../src/app/deps.js';
import { archiveReason } from '../src/advisories/archive.js';
import type { Db } from '../src/db/client.js';
import { notices } from '../src/db/schema.js';
import { archiveRead, burstNewItems, storeNotices } from '../src/ingest/notices.repository.js';
import { testEnv } from './support/test-env.js';

const now = new Date('2026-12-04T09:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const rule = (stated: Date | null, archivedRead: boolean) => archiveReason({ stated, archivedRead, now, maxAgeDays: 30 });

test('a notice older than ALERT_MAX_AGE_DAYS by its stated date is old news on any read', () => {
  assert.match(rule(daysAgo(31), false)!, /Laut Quelle vom 03\.11\.2026: älter als 30 Tage/);
  assert.equal(rule(daysAgo(29), false), null);
  assert.equal(rule(null, false), null, 'an undated notice on an ordinary read is news');
});

test('on a read that shows the archive only what the publisher dated in the last two days is news', () => {
  assert.equal(rule(daysAgo(1), true), null);
  assert.match(rule(daysAgo(3), true)!, /Aus dem Bestand der Quelle .* vom 01\.12\.2026/);
  assert.match(rule(null, true)!, /ohne Datum/);
});

test('a first read, or more than the burst of never-seen items, shows the archive', () => {
  assert.equal(archiveRead(true, 1), true);
  assert.equal(archiveRead(false, burstNewItems), false);
  assert.equal(archiveRead(false, burstNewItems + 1), true);
});

let db: Db;
before(() => {
  db = openStore(testEnv({ sources: [{ id: 'kv', name: 'KV', publisher: 'KV', kind: 'rss', url: 'http://127.0.0.1:9/feed.xml', trust: 'review', intervalMinutes: 60, enabled: true }] })).db;
});
after(() => db.$client.close());

const item = (id: string) => ({ externalId: id, url: null, title: `Rundschreiben ${id}`, text: `Text ${id}`, publishedAt: null });
const archivedFlag = (id: string) => db.select({ archived: notices.archived }).from(notices).where(eq(notices.externalId, id)).get()!.archived;

test('the notices of a first read, and of a burst, are marked archived; a few new ones later are not', () => {
  assert.equal(storeNotices(db, 'kv', [item('a'), item('b')], now, { firstRead: true }).archived, true);
  assert.equal(archivedFlag('a'), true);
  const few = storeNotices(db, 'kv', [item('a'), item('b'), item('c')], now);
  assert.deepEqual([few.archived, few.created.length], [false, 1]);
  assert.equal(archivedFlag('c'), false);
  const burst = Array.from({ length: burstNewItems + 1 }, (_, i) => item(`burst-${i}`));
  assert.equal(storeNotices(db, 'kv', burst, now).archived, true);
  assert.equal(archivedFlag('burst-0'), true);
  assert.equal(storeNotices(db, 'kv', [...burst, item('d')], now, { firstRead: true }).archived, true, 'a first read with one new item still is one');
});
