import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openStore } from '../src/app/deps.js';
import type { Db } from '../src/db/client.js';
import { advisories } from '../src/db/schema.js';
import { cachedAdvisoryView, renderAlertFor, subscribedIds } from '../src/notify/alert-cache.js';
import { loadAdvisoryView } from '../src/notify/advisory-view.js';
import { loadAlertData } from '../src/notify/alert-data.js';
import { renderAlert } from '../src/notify/templates/alert.js';
import { addPractice, type Practice } from '../src/practices/practices.repository.js';
import { publishAdvisory } from './support/advisories.js';
import { testEnv } from './support/test-env.js';

let db: Db;
before(() => {
  db = openStore(testEnv()).db;
});
after(() => db.$client.close());

const links = (p: Practice) => ({ unsubscribeUrl: `https://praxiswarn.test/abmelden/unsubscribe.${p.id}.x&y="z"`, operatorName: 'Ärzteverband <Nord> & Co.' });
const direct = (advisoryId: number, p: Practice) => {
  const data = loadAlertData(db, advisoryId, p, links(p));
  return data ? renderAlert(data) : undefined;
};

test('an alert rendered once per advisory and filled in per practice equals the mail rendered from scratch, hostile text included', () => {
  const now = new Date();
  const a = addPractice(db, { name: 'Praxis <b>Dr. Ärger</b> & "Söhne" \'MVZ\'', email: 'a@praxis.test', productIds: ['cgm-albis', 'avm-fritzbox'] }, { now, origin: 'cli' });
  const b = addPractice(db, { name: 'Praxis Öztürk', email: 'b@praxis.test', productIds: ['avm-fritzbox'] }, { now, origin: 'cli' });
  const c = addPractice(db, { name: 'Praxis Ohne', email: 'c@praxis.test', productIds: ['t2med'] }, { now, origin: 'cli' });
  const id = publishAdvisory(db, {
    title: 'Lücke in <script>alert(1)</script> & FRITZ!Box',
    severity: 'kritisch',
    products: [{ id: 'avm-fritzbox', fixedVersion: '8.03' }, { id: 'cgm-albis' }],
    actions: ['FRITZ!OS auf 8.03 aktualisieren', 'Fernzugang "MyFRITZ!" abschalten'],
  });
  for (const p of [a, b, a, b]) assert.deepEqual(renderAlertFor(db, id, p, links(p)), direct(id, p));
  assert.equal(renderAlertFor(db, id, c, links(c)), undefined, 'a practice without an affected product gets no mail');
  assert.match(renderAlertFor(db, id, a, links(a))!.html, /Praxis &lt;b&gt;Dr\. Ärger&lt;\/b&gt; &amp; &quot;Söhne&quot;/);
});

test('an edited advisory is rendered anew, not taken from the cache', () => {
  const p = addPractice(db, { name: 'Praxis Neu', email: 'neu@praxis.test', productIds: ['t2med'] }, { now: new Date(), origin: 'cli' });
  const id = publishAdvisory(db, { title: 'Alter Titel', severity: 'hoch', products: [{ id: 't2med' }] });
  assert.match(renderAlertFor(db, id, p, links(p))!.text, /Alter Titel/);
  db.update(advisories).set({ title: 'Neuer Titel', updatedAt: new Date(Date.now() + 1000) }).where(eq(advisories.id, id)).run();
  assert.match(renderAlertFor(db, id, p, links(p))!.text, /Neuer Titel/);
  assert.deepEqual(renderAlertFor(db, id, p, links(p)), direct(id, p));
});

test('the cached advisory view of a digest equals the one read from scratch, and a withdrawn advisory is left out', () => {
  const p = addPractice(db, { name: 'Praxis Digest', email: 'digest@praxis.test', productIds: ['cgm-medistar', 'avm-fritzbox'] }, { now: new Date(), origin: 'cli' });
  const id = publishAdvisory(db, { title: 'Zwei Produkte', severity: 'mittel', products: [{ id: 'cgm-medistar', fixedVersion: '1.2' }, { id: 'cgm-albis' }], actions: ['Update'] });
  const other = publishAdvisory(db, { title: 'Nicht meins', severity: 'hoch', products: [{ id: 'cgm-albis' }] });
  const mine = new Set(subscribedIds(db, p.id));
  for (const a of [id, other]) assert.deepEqual(cachedAdvisoryView(db, a, mine, 'https://praxiswarn.test'), loadAdvisoryView(db, a, p.id, 'https://praxiswarn.test'));
  db.update(advisories).set({ status: 'rejected', updatedAt: new Date(Date.now() + 5000) }).where(eq(advisories.id, id)).run();
  assert.equal(cachedAdvisoryView(db, id, mine, 'https://praxiswarn.test'), undefined);
});
