import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openStore } from '../src/app/deps.js';
import type { Db } from '../src/db/client.js';
import { advisories, advisorySources, notices, products, sources } from '../src/db/schema.js';
import { cachedAdvisoryView, coveredProductIds, preloadAdvisories, preloadPractices, renderAlertFor, renderSession } from '../src/notify/alert-cache.js';
import { loadAdvisoryView } from '../src/notify/advisory-view.js';
import { loadAlertData, type AlertLinks } from '../src/notify/alert-data.js';
import { composers, practiceLinks, type ComposeContext, type Delivery } from '../src/notify/compose.js';
import type { DeliverySettings } from '../src/notify/settings.js';
import { renderAlert, type RenderedMail } from '../src/notify/templates/alert.js';
import { joinQuotedPrintable } from '../src/notify/mime.js';
import { signAckToken } from '../src/practices/links.js';
import { preferencesSchema, type Preferences } from '../src/practices/preferences.models.js';
import { coveredProducts, updatePreferences } from '../src/practices/preferences.repository.js';
import { addPractice, getPractice, type Practice } from '../src/practices/practices.repository.js';
import { publishAdvisory } from './support/advisories.js';
import { testEnv } from './support/test-env.js';

let db: Db;
before(() => {
  db = openStore(testEnv()).db;
  db.insert(sources).values({ id: 'bsi-test', name: 'BSI', publisher: 'BSI <CERT-Bund> & "Partner" $&', kind: 'rss', url: 'https://bsi.test/feed' }).run();
});
after(() => db.$client.close());

const publicUrl = 'https://praxiswarn.test';
const secret = 'geheimer-schluessel-fuer-links-0123456789';
const operator: DeliverySettings['operator'] = { name: 'Ärzteverband <Nord> & Co. $&', address: 'Musterstraße 1, 20095 Hamburg', imprintUrl: 'https://praxiswarn.test/impressum?a=1&b="2"' };

// The links exactly as the alert composer builds them.
function links(p: Practice, advisoryId: number): AlertLinks {
  const own = practiceLinks(publicUrl, secret, p.id);
  const ackUrl = (position: number) => new URL(`/erledigt/${signAckToken(secret, p.id, advisoryId, position)}`, publicUrl).href;
  return { ...own, ackUrl, operatorName: 'praxiswarn' };
}
/** Decodes quoted-printable pieces joined as the mailer joins them. */
function decodeQp(pieces: Buffer[]): string {
  const encoded = Buffer.concat(joinQuotedPrintable(pieces)).toString('latin1');
  assert.ok(encoded.split('\r\n').every((line) => line.length <= 76), 'quoted-printable lines of at most 76 characters');
  const bytes = encoded.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
}

/** The cached rendering equals the direct one, and its pre-encoded bodies decode to exactly its text and HTML. */
function assertSameMail(cached: RenderedMail | undefined, expected: RenderedMail | undefined, message?: string) {
  if (!cached || !expected) return assert.equal(cached, expected, message);
  const { encoded, ...plain } = cached;
  assert.deepEqual(plain, expected, message);
  assert.ok(encoded, 'the cached rendering carries its encoded bodies');
  assert.equal(decodeQp(encoded.text), plain.text, message);
  assert.equal(decodeQp(encoded.html), plain.html, message);
}

// `operator: null` renders without operator details, as a mail without DeliverySettings would.
const direct = (advisoryId: number, p: Practice, l = links(p, advisoryId), op: DeliverySettings['operator'] | null = operator) => {
  const data = loadAlertData(db, advisoryId, p, l);
  return data ? renderAlert({ ...data, operator: op ?? undefined }) : undefined;
};

/** A practice as the manage form would save it (validated like the form), with vendor and category scopes and versions. */
function practice(email: string, prefs: Partial<Preferences> & { name: string }): Practice {
  // Added with a placeholder product (the CLI requires one), then saved like the form.
  const p = addPractice(db, { name: prefs.name, email, productIds: ['t2med'] }, { now: new Date(), origin: 'cli' });
  updatePreferences(db, p.id, preferencesSchema.parse({ cadence: 'immediate', minSeverity: 'niedrig', ...prefs }), new Date());
  return getPractice(db, p.id)!;
}

function addSource(advisoryId: number, n: { title: string; url: string | null; externalId: string }) {
  const now = new Date();
  const notice = db.insert(notices).values({ sourceId: 'bsi-test', externalId: n.externalId, url: n.url, title: n.title, publishedAt: now, text: 'Text', contentHash: n.externalId, fetchedAt: now }).returning().get();
  db.insert(advisorySources).values({ advisoryId, noticeId: notice.id, addedAt: now }).run();
}

test('the cached alert equals the mail rendered from scratch for every kind of subscription, hostile text included', async () => {
  const hostileName = 'Praxis <b>Dr. Ärger</b> & "Söhne" \'MVZ\' $& $1 $$';
  const own = practice('own@praxis.test', { name: hostileName, productIds: ['cgm-albis', 'avm-fritzbox'], versions: { 'avm-fritzbox': '7.57' } });
  const vendor = practice('vendor@praxis.test', { name: 'Praxis Öztürk', vendorIds: ['avm'] });
  const category = practice('category@praxis.test', { name: 'MVZ Süd <i>Kinder</i>', categories: ['pvs', 'router'], productIds: ['telekom-speedport'] });
  const fixed = practice('fixed@praxis.test', { name: 'Praxis Aktuell', productIds: ['avm-fritzbox', 'cgm-albis'], versions: { 'avm-fritzbox': '8.03' } });
  const allFixed = practice('allfixed@praxis.test', { name: 'Praxis Neueste', productIds: ['avm-fritzbox'], versions: { 'avm-fritzbox': '8.10' } });
  const unrelated = practice('unrelated@praxis.test', { name: 'Praxis Ohne', productIds: ['t2med'] });

  const id = publishAdvisory(db, {
    title: 'Lücke in <script>alert(1)</script> & FRITZ!Box $& \u0000',
    summary: 'Angreifer <img src=x onerror=alert(1)> können "Befehle" ausführen & $1 $\' $`.',
    severity: 'kritisch',
    products: [{ id: 'avm-fritzbox', fixedVersion: '8.03' }, { id: 'cgm-albis' }],
    actions: ['FRITZ!OS auf 8.03 aktualisieren <b>sofort</b>', 'Fernzugang "MyFRITZ!" abschalten & $&'],
  });
  addSource(id, { title: 'Warnung <script>x</script> & "Quelle" $&', url: 'https://bsi.test/w?a=1&b="2"', externalId: 'w1' });
  addSource(id, { title: 'Zweite Quelle', url: 'javascript:alert(1)', externalId: 'w2' });

  for (const round of [1, 2]) {
    for (const p of [own, vendor, category, fixed, allFixed, unrelated]) {
      assertSameMail(renderAlertFor(db, id, p, links(p, id), operator), direct(id, p), `${p.name}, round ${round}`);
    }
  }
  // Rendered as a send job's group: the practices' products read for all of them at once, scoped or not.
  const group = [own, vendor, category, fixed, allFixed, unrelated];
  // Once not knowing which practices have scopes, once told so (as the send job's practice read tells it).
  const scopedPractices = new Set([vendor.id, category.id]);
  for (const told of [false, true]) {
    const session = renderSession();
    await preloadPractices(db, session, group.map((p) => (told ? { id: p.id, scoped: scopedPractices.has(p.id) } : { id: p.id })));
    assert.equal(session.practices.size, group.length, 'every practice of the group preloaded');
    for (const p of group) {
      assertSameMail(renderAlertFor(db, id, p, links(p, id), operator, session), direct(id, p), `${p.name}, preloaded, told ${told}`);
      assert.deepEqual(coveredProductIds(db, p.id, session), new Set(coveredProducts(db, p.id).keys()), `${p.name}: covered products preloaded`);
    }
  }
  assert.equal(renderAlertFor(db, id, allFixed, links(allFixed, id), operator), undefined, 'a practice on the fixed version of every product gets no mail');
  assert.equal(renderAlertFor(db, id, unrelated, links(unrelated, id), operator), undefined, 'a practice without an affected product gets no mail');

  // The equality covers the practice's own parts, not just the shared ones.
  const ownMail = renderAlertFor(db, id, own, links(own, id), operator)!;
  assert.ok(ownMail.text.includes(`Guten Tag,\n\nfür Ihre Praxis „${hostileName}“ gibt es`));
  assert.ok(ownMail.html.includes('Praxis &lt;b&gt;Dr. Ärger&lt;/b&gt; &amp; &quot;Söhne&quot; &#39;MVZ&#39; $&amp; $1 $$'));
  for (const position of [0, 1, -1]) assert.ok(ownMail.text.includes(links(own, id).ackUrl!(position)), `ack link ${position}`);
  assert.ok(ownMail.text.includes(practiceLinks(publicUrl, secret, own.id).manageUrl));
  assert.match(ownMail.text, /Warnungen zu CGM ALBIS, FRITZ!Box \(Version 7\.57\) abonniert/);
  assert.match(ownMail.text, /Impressum: https:\/\/praxiswarn\.test\/impressum/);
  assert.match(renderAlertFor(db, id, vendor, links(vendor, id), operator)!.text, /Warnungen zu alle Produkte von AVM abonniert/);
  const categoryMail = renderAlertFor(db, id, category, links(category, id), operator)!;
  assert.match(categoryMail.text, /Speedport, alle Produkte aus „Praxisverwaltungssystem \(PVS\)“, alle Produkte aus/);
  assert.match(categoryMail.text, /- FRITZ!Box \(behoben in Version 8\.03\)\n- CGM ALBIS/);
  const fixedMail = renderAlertFor(db, id, fixed, links(fixed, id), operator)!;
  assert.doesNotMatch(fixedMail.text, /- FRITZ!Box/, 'the product already on the fixed version is not listed');
  assert.match(fixedMail.subject, /CGM ALBIS/);

  // Without manage, ack links or operator details, and for an advisory without actions, the parts drop out alike.
  const plain = { unsubscribeUrl: practiceLinks(publicUrl, secret, vendor.id).unsubscribeUrl, operatorName: 'Praxiswarn <Betrieb>' };
  assertSameMail(renderAlertFor(db, id, vendor, plain), direct(id, vendor, plain, null));
  const bare = publishAdvisory(db, { title: 'Ohne Maßnahmen', severity: 'hoch', products: [{ id: 'cgm-albis' }] });
  for (const p of [own, category]) assertSameMail(renderAlertFor(db, bare, p, links(p, bare), operator), direct(bare, p));
});

test('the alert composer sends the cached rendering', () => {
  const p = practice('composer@praxis.test', { name: 'Praxis <Komponist> & Co', vendorIds: ['cgm'], productIds: ['avm-fritzbox'] });
  const id = publishAdvisory(db, { title: 'CGM-Lücke', severity: 'hoch', products: [{ id: 'cgm-medistar', fixedVersion: '1.2' }], actions: ['Update einspielen'] });
  const ctx: ComposeContext = {
    db,
    delivery: { advisoryId: id } as Delivery,
    practice: p,
    links: { ...practiceLinks(publicUrl, secret, p.id), ack: (advisoryId) => links(p, advisoryId).ackUrl! },
    publicUrl,
    linkSecret: secret,
    operatorName: 'praxiswarn',
    operator,
    alertMaxAgeDays: 30,
    now: new Date(),
  };
  assertSameMail(composers.alert!(ctx) ?? undefined, direct(id, p));
});

test('an edited advisory, a new revision, a new source and a renamed product are rendered anew, not taken from the cache', () => {
  const p = practice('neu@praxis.test', { name: 'Praxis Neu', productIds: ['t2med'] });
  const id = publishAdvisory(db, { title: 'Alter Titel', severity: 'hoch', products: [{ id: 't2med' }], actions: ['Erst dies'] });
  const mail = () => renderAlertFor(db, id, p, links(p, id), operator)!;
  assert.match(mail().text, /Alter Titel/);
  db.update(advisories).set({ title: 'Neuer Titel', updatedAt: new Date(Date.now() + 1000) }).where(eq(advisories.id, id)).run();
  assert.match(mail().text, /Neuer Titel/);
  assertSameMail(mail(), direct(id, p));
  // A revision without a new updatedAt (same millisecond) still counts.
  db.update(advisories).set({ title: 'Revidierter Titel', revision: 2 }).where(eq(advisories.id, id)).run();
  assert.match(mail().text, /Revidierter Titel/);
  assertSameMail(mail(), direct(id, p));
  addSource(id, { title: 'Nachgereichte Quelle', url: 'https://bsi.test/nachtrag', externalId: 'n1' });
  assert.match(mail().text, /Nachgereichte Quelle/);
  assertSameMail(mail(), direct(id, p));
  const name = db.select({ name: products.name }).from(products).where(eq(products.id, 't2med')).get()!.name;
  db.update(products).set({ name: 'T2med <neu>' }).where(eq(products.id, 't2med')).run();
  try {
    assert.match(mail().html, /T2med &lt;neu&gt;/);
    assertSameMail(mail(), direct(id, p));
  } finally {
    db.update(products).set({ name }).where(eq(products.id, 't2med')).run();
  }
});

test('the deadline of the first line counts from each mail’s send time: a template of yesterday is not reused today', () => {
  const p = practice('frist@praxis.test', { name: 'Praxis Frist', productIds: ['t2med'] });
  const id = publishAdvisory(db, { title: 'Lücke in T2med', severity: 'hoch', products: [{ id: 't2med', fixedVersion: '25.1' }], actions: ['T2med auf 25.1 aktualisieren'] });
  const thursday = new Date('2026-12-10T22:59:00Z'); // 23:59 in Berlin
  const friday = new Date('2026-12-10T23:00:00Z'); // midnight in Berlin
  const at = (now: Date) => renderAlertFor(db, id, p, links(p, id), operator, undefined, now)!;
  assert.match(at(thursday).text, /^Bitte aktualisieren Sie T2med bis spätestens 17\.12\.2026 auf Version 25\.1\./);
  assert.match(at(friday).text, /^Bitte aktualisieren Sie T2med bis spätestens 18\.12\.2026 auf Version 25\.1\./);
  assert.match(at(thursday).text, /bis spätestens 17\.12\.2026/, 'and back: each day has its own template');
  const data = loadAlertData(db, id, p, links(p, id), friday)!;
  assertSameMail(at(friday), renderAlert({ ...data, operator }));
});

test('mails rendered together look the advisory up once; the next group sees an edit made meanwhile', () => {
  const p = practice('gruppe@praxis.test', { name: 'Praxis Gruppe', productIds: ['t2med'] });
  const id = publishAdvisory(db, { title: 'Titel vor der Gruppe', severity: 'hoch', products: [{ id: 't2med' }], actions: ['Update einspielen'] });
  const session = renderSession();
  const first = renderAlertFor(db, id, p, links(p, id), operator, session)!;
  db.update(advisories).set({ title: 'Titel nach der Änderung', updatedAt: new Date(Date.now() + 1000) }).where(eq(advisories.id, id)).run();
  // The same group: the version read for its first mail stands for all of them.
  const second = renderAlertFor(db, id, p, links(p, id), operator, session)!;
  assert.deepEqual([second.subject, second.text, second.html], [first.subject, first.text, first.html]);
  assert.match(first.text, /Titel vor der Gruppe/);
  // The next group, like a mail rendered on its own, checks the version again.
  assert.match(renderAlertFor(db, id, p, links(p, id), operator, renderSession())!.text, /Titel nach der Änderung/);
  assertSameMail(renderAlertFor(db, id, p, links(p, id), operator), direct(id, p));
  const view = cachedAdvisoryView(db, id, new Set(['t2med']), publicUrl, session);
  assert.equal(view?.title, 'Titel vor der Gruppe', 'a digest rendered in the same group uses the same lookup');
});

test('a group whose advisories were preloaded renders what a mail rendered on its own shows, an edit included; a missing advisory renders nothing', async () => {
  const p = practice('vorab@praxis.test', { name: 'Praxis Vorab', productIds: ['t2med'] });
  const id = publishAdvisory(db, { title: 'Titel vorab gelesen', severity: 'hoch', products: [{ id: 't2med' }], actions: ['Update einspielen'] });
  const warm = renderSession();
  await preloadAdvisories(db, warm, [id, id]);
  assert.equal(warm.versions.size, 1, 'each advisory read once');
  assertSameMail(renderAlertFor(db, id, p, links(p, id), operator, warm)!, direct(id, p));
  // Edited after the last group: the next group's preload sees the new version, not the cached rendering.
  db.update(advisories).set({ title: 'Titel nach dem Vorablesen', updatedAt: new Date(Date.now() + 2000) }).where(eq(advisories.id, id)).run();
  const next = renderSession();
  await preloadAdvisories(db, next, [id]);
  const mail = renderAlertFor(db, id, p, links(p, id), operator, next)!;
  assert.match(mail.text, /Titel nach dem Vorablesen/);
  assertSameMail(mail, direct(id, p));
  assert.equal(cachedAdvisoryView(db, id, new Set(['t2med']), publicUrl, next)?.title, 'Titel nach dem Vorablesen', 'a digest of the group reads the preloaded version too');
  const none = renderSession();
  await preloadAdvisories(db, none, [999_999]);
  assert.equal(none.versions.get(999_999), null);
  assert.equal(renderAlertFor(db, 999_999, p, links(p, 999_999), operator, none), undefined);
});

test('the cached advisory view of a digest equals the one read from scratch, and a withdrawn advisory is left out', () => {
  const p = practice('digest@praxis.test', { name: 'Praxis Digest', productIds: ['cgm-medistar'], vendorIds: ['avm'] });
  const id = publishAdvisory(db, { title: 'Zwei Produkte', severity: 'mittel', products: [{ id: 'cgm-medistar', fixedVersion: '1.2' }, { id: 'cgm-albis' }], actions: ['Update'] });
  const other = publishAdvisory(db, { title: 'Nicht meins', severity: 'hoch', products: [{ id: 'cgm-albis' }] });
  const byVendor = publishAdvisory(db, { title: 'Über den Hersteller', severity: 'hoch', products: [{ id: 'avm-fritzbox' }, { id: 'cgm-albis' }] });
  const mine = new Set(coveredProducts(db, p.id).keys());
  for (const a of [id, other, byVendor]) assert.deepEqual(cachedAdvisoryView(db, a, mine, publicUrl), loadAdvisoryView(db, a, p.id, publicUrl));
  assert.deepEqual(cachedAdvisoryView(db, byVendor, mine, publicUrl)!.products, [{ name: 'FRITZ!Box', fixedVersion: null }]);
  db.update(advisories).set({ status: 'rejected', updatedAt: new Date(Date.now() + 5000) }).where(eq(advisories.id, id)).run();
  assert.equal(cachedAdvisoryView(db, id, mine, publicUrl), undefined);
});
