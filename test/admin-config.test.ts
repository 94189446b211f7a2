import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { listAudit } from '../src/admin/audit.repository.js';
import { deliveries, practices, productProposals, products, sources, subscriptions } from '../src/db/schema.js';
import { ingestSource } from '../src/ingest/ingest.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { getSource } from '../src/sources/sources.repository.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';
import { fixtureSources, testEnv } from './support/test-env.js';

let site: FixtureServer;
let deps: AppDeps;
let editor: AdminClient;
let token: string;

before(async () => {
  site = await startFixtureServer();
  deps = await createAppDeps(testEnv({ sources: fixtureSources(site.url) }), { logger: createLogger('silent') });
  await adminWithRole(deps.db, 'editor', 'redaktion@verband.test');
  editor = new AdminClient(createWebApp(deps));
  await editor.login('redaktion@verband.test', testPassword);
  token = await editor.csrf();
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await site.close();
});

test('the sources page shows health in German; disable and "Jetzt abrufen" are recorded', async () => {
  site.setRoute('/feeds/praxis-it.xml', { status: 500, body: 'kaputt' });
  await ingestSource(deps, 'praxis-it-feed');
  const $ = cheerio.load(await (await editor.get('/admin/quellen')).text());
  const row = $('tr').filter((_, el) => $(el).text().includes('Praxis-IT Sicherheitshinweise'));
  assert.match(row.text(), /gestört/);
  assert.match(row.text(), /antwortete mit HTTP 500/);

  await editor.post('/admin/quellen/dgn-news/abrufen', { _csrf: token });
  assert.ok(getSource(deps.db, 'dgn-news')!.nextCheckAt.getTime() <= Date.now());
  assert.equal((await deps.queues.fetch.getJobs(['waiting'])).filter((j) => j.data.sources.some((s: { sourceId: string }) => s.sourceId === 'dgn-news')).length, 1);

  await editor.post('/admin/quellen/praxis-it-feed/deaktivieren', { _csrf: token });
  assert.equal(getSource(deps.db, 'praxis-it-feed')!.enabled, false);
  const actions = listAudit(deps.db, { entity: 'source' }).map((e) => `${e.action} ${e.entityId}`);
  assert.ok(actions.includes('source.fetch_now dgn-news'));
  assert.ok(actions.includes('source.disable praxis-it-feed'));
});

test('a new source is tested live with its selectors before it is saved', async () => {
  const form = {
    _csrf: token, id: 'dgn-archiv', name: 'DGN Archiv', publisher: 'DGN Deutsches Gesundheitsnetz', kind: 'html', url: `${site.url}/dgn/unternehmen/category/news/`,
    sel_item: 'article.news-item', sel_link: '.news-item__title a', sel_title: '.news-item__title', sel_date: 'time', sel_article: 'article.post', sel_remove: '.press-contact, .share',
    trust: 'review', intervalMinutes: '120', enabled: '1',
  };
  const tested = cheerio.load(await (await editor.post('/admin/quellen/neu', { ...form, op: 'test' })).text());
  assert.match(tested('.card').text(), /Einträge gefunden/);
  assert.match(tested('ol').text(), /Datenleck in Digitalisierungsboxen/);
  assert.match(tested('pre').text(), /Firmware-Version 11\.01\.02\.102/, 'the first article through the article selector');
  assert.equal(getSource(deps.db, 'dgn-archiv'), undefined, 'a test stores nothing');

  const wrong = await editor.post('/admin/quellen/neu', { ...form, url: 'ftp://dgn.example/news', op: 'save' });
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /Nicht gespeichert/);
  const unreachable = await editor.post('/admin/quellen/neu', { ...form, url: `${site.url}/gibt-es-nicht`, op: 'save' });
  assert.equal(unreachable.status, 422);
  assert.match(await unreachable.text(), /HTTP 404/);

  assert.equal((await editor.post('/admin/quellen/neu', { ...form, op: 'save' })).status, 303);
  const saved = getSource(deps.db, 'dgn-archiv')!;
  assert.equal(saved.origin, 'admin');
  assert.deepEqual(saved.selectors?.remove, ['.press-contact', '.share']);
  assert.equal(saved.intervalMinutes, 120);
  assert.equal(listAudit(deps.db, { entity: 'source', entityId: 'dgn-archiv' })[0]!.action, 'source.create');
});

test('a proposed product is accepted into the catalog or dismissed', async () => {
  const [accept, dismiss] = ['CGM ALBIS.YOU', 'Praxis-Cloud 3000'].map((name) => deps.db.insert(productProposals).values({ name, vendorId: 'cgm', evidence: `Betroffen ist auch ${name}.` }).returning().get());
  const page = await (await editor.get('/admin/katalog')).text();
  assert.match(page, /CGM ALBIS\.YOU/);
  assert.match(page, /Betroffen ist auch Praxis-Cloud 3000/);
  await editor.post(`/admin/katalog/vorschlaege/${accept!.id}/annehmen`, { _csrf: token, productId: 'cgm-albis-you', name: 'CGM ALBIS.YOU', vendorId: 'cgm', category: 'pvs' });
  assert.equal(deps.db.select().from(products).where(eq(products.id, 'cgm-albis-you')).get()?.name, 'CGM ALBIS.YOU');
  await editor.post(`/admin/katalog/vorschlaege/${dismiss!.id}/verwerfen`, { _csrf: token });
  const statuses = deps.db.select().from(productProposals).all().map((p) => p.status);
  assert.deepEqual(statuses, ['accepted', 'dismissed']);
  assert.doesNotMatch(await (await editor.get('/admin/katalog')).text(), /Betroffen ist auch Praxis-Cloud/);
});

test('a CSV import shows a dry run first, then creates pending practices with one confirm delivery each', async () => {
  addPractice(deps.db, { name: 'Praxis Bekannt', email: 'bekannt@praxis.test', productIds: ['cgm-albis'] }, { now: new Date(), origin: 'cli' });
  const csv = [
    'name;email;products',
    'Praxis Dr. Sommer;sommer@praxis.test;medatixx-x-isynet|Digitalisierungsbox Premium',
    '"Gemeinschaftspraxis Winter; Herbst";winter@praxis.test;CGM ALBIS',
    'Praxis Bekannt;bekannt@praxis.test;cgm-albis',
    'Praxis Tippfehler;kein-at-zeichen;cgm-albis',
    'Praxis Unbekannt;unbekannt@praxis.test;Wunderbox 9000',
  ].join('\r\n');
  const dry = cheerio.load(await (await editor.post('/admin/praxen/import', { _csrf: token, csv, op: 'plan' })).text());
  const results = dry('tbody tr').map((_, tr) => dry(tr).find('td').last().text()).get();
  assert.equal(results.length, 5);
  assert.match(results[0]!, /^neu/);
  assert.match(results[1]!, /^neu/);
  assert.match(results[2]!, /^schon vorhanden/);
  assert.match(results[3]!, /^Fehler: email/);
  assert.match(results[4]!, /^Fehler: Unbekannte Produkte: Wunderbox 9000/);
  assert.equal(deps.db.select().from(practices).all().length, 1, 'a dry run stores nothing');

  const carried = dry('textarea[name=csv]').text();
  assert.equal((await editor.post('/admin/praxen/import', { _csrf: token, csv: carried, op: 'import' })).status, 303);
  const imported = deps.db.select().from(practices).where(eq(practices.origin, 'import')).all();
  assert.deepEqual(imported.map((p) => [p.name, p.status]), [['Praxis Dr. Sommer', 'pending'], ['Gemeinschaftspraxis Winter; Herbst', 'pending']]);
  const sommer = imported[0]!;
  assert.deepEqual(deps.db.select().from(subscriptions).where(eq(subscriptions.practiceId, sommer.id)).all().map((s) => s.productId).sort(), ['medatixx-x-isynet', 'telekom-digitalisierungsbox-premium']);
  const confirms = deps.db.select().from(deliveries).where(eq(deliveries.kind, 'confirm')).all();
  assert.deepEqual(confirms.map((d) => d.dedupeKey).sort(), imported.map((p) => `confirm:${p.id}`).sort());
  assert.ok(listAudit(deps.db, { entity: 'practice' }).some((e) => e.action === 'practices.import'));

  await editor.post('/admin/praxen/import', { _csrf: token, csv: carried, op: 'import' });
  assert.equal(deps.db.select().from(practices).all().length, 3, 'importing again adds nobody');
  assert.match(await (await editor.get(`/admin/praxen/${sommer.id}`)).text(), /Bestätigung/);
  assert.match(await (await editor.get('/admin/praxen?q=winter')).text(), /Gemeinschaftspraxis Winter; Herbst/);
});
