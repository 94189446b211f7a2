import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inArray } from 'drizzle-orm';
import { openStore } from '../src/app/deps.js';
import type { Db } from '../src/db/client.js';
import { deliveries } from '../src/db/schema.js';
import { claimDeliveries, claimDelivery, markSent } from '../src/notify/deliveries.repository.js';
import { matchAdvisory } from '../src/notify/match.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { publishAdvisory } from './support/advisories.js';
import { testEnv } from './support/test-env.js';

let db: Db;
before(() => {
  db = openStore(testEnv()).db;
});
after(() => db.$client.close());

const minute = 60_000;

/** `count` fresh alert deliveries of one advisory, in id order. */
function alertDeliveries(count: number, tag: string): number[] {
  const now = new Date();
  for (let i = 0; i < count; i++) {
    addPractice(db, { name: `Praxis ${tag} ${i + 1}`, email: `${tag}-${i + 1}@praxis.test`, productIds: ['cgm-albis'] }, { now, origin: 'cli' });
  }
  const advisoryId = publishAdvisory(db, { title: `ALBIS: Update ${tag}`, severity: 'hoch', products: [{ id: 'cgm-albis' }] });
  return matchAdvisory(db, advisoryId, { now, mailDomain: 'praxiswarn.test' }).sort((a, b) => a - b);
}

function statuses(ids: number[]): Map<number, { status: string; attempts: number; sentAt: Date | null }> {
  const rows = db.select().from(deliveries).where(inArray(deliveries.id, ids)).all();
  return new Map(rows.map((r) => [r.id, { status: r.status, attempts: r.attempts, sentAt: r.sentAt }]));
}

test('a group claim takes exactly what a claim one by one would take, in the order given, across several statements', () => {
  const ids = alertDeliveries(40, 'gruppe');
  const now = new Date();
  // What other workers did meanwhile: one sent, one claimed a moment ago, one claimed by a worker gone quiet.
  const [sent, fresh, stale] = [ids[3]!, ids[5]!, ids[7]!];
  claimDelivery(db, sent, now);
  markSent(db, [sent], now);
  claimDelivery(db, fresh, new Date(now.getTime() - minute));
  claimDelivery(db, stale, new Date(now.getTime() - 20 * minute));

  // 40 ids (three statements of 16), given out of order, with a duplicate and an id that does not exist.
  const asked = [...ids.slice(20), 999_999, ...ids.slice(0, 20), ids[10]!];
  const claimed = claimDeliveries(db, asked, now, 10 * minute);

  const expected = [...ids.slice(20), ...ids.slice(0, 20)].filter((id) => id !== sent && id !== fresh);
  assert.deepEqual(
    claimed.map((d) => d.id),
    expected,
    'in the order given, the duplicate once, neither the sent nor the freshly claimed one',
  );
  const after = statuses(ids);
  assert.equal(after.get(sent)!.status, 'sent');
  assert.equal(after.get(fresh)!.attempts, 1, 'a claim another worker holds is left alone');
  assert.equal(after.get(stale)!.attempts, 2, 'a stale claim is taken over');
  assert.ok(
    claimed.every((d) => d.status === 'sending' && d.claimedAt?.getTime() === now.getTime()),
    'the rows come back as claimed',
  );
  assert.equal(claimDeliveries(db, ids, now, 10 * minute).length, 0, 'nothing is claimed twice');
});

test('marking a group sent marks exactly its deliveries, across several statements', () => {
  const ids = alertDeliveries(20, 'markiert');
  const now = new Date();
  claimDeliveries(db, ids, now);
  const marked = ids.filter((_, i) => i !== 2 && i !== 17);
  markSent(db, marked, now);
  const after = statuses(ids);
  for (const id of ids) {
    const expected = marked.includes(id) ? 'sent' : 'sending';
    assert.equal(after.get(id)!.status, expected, `delivery ${id}`);
    assert.equal(after.get(id)!.sentAt?.getTime(), expected === 'sent' ? now.getTime() : undefined);
  }
});
