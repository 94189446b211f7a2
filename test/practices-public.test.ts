import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { advisories, advisoryActions, advisoryProducts, advisorySources, notices } from '../src/db/schema.js';
import { createWebApp } from '../src/web/app.js';
import { removeQueues } from './support/queues.js';
import { testEnv } from './support/test-env.js';

let deps: AppDeps;
let app: ReturnType<typeof createWebApp>;
let hostileId: number;
let draftId: number;
const now = new Date('2026-11-25T10:00:00Z');
const hostileTitle = 'Lücke <script>alert(1)</script> & "CDATA" ]]> in \u0001Box';

before(async () => {
  deps = await createAppDeps(
    testEnv({ sources: [{ id: 'dgn-news', name: 'DGN', publisher: 'DGN <b>Deutsches</b> Gesundheitsnetz', kind: 'rss', url: 'https://dgn.test/feed', selectors: {}, trust: 'auto', intervalMinutes: 60, enabled: true }] }),
    { logger: createLogger('silent'), clock: () => now },
  );
  app = createWebApp(deps);
  const insert = (title: string, status: 'published' | 'draft') =>
    deps.db.insert(advisories).values({ title, summary: '<img src=x onerror=alert(1)> Nachbarports offen', severity: 'hoch', status, relevant: true, relevanceReason: 'Test', releasedAt: now, createdAt: now, updatedAt: now }).returning().get().id;
  hostileId = insert(hostileTitle, 'published');
  draftId = insert('Entwurf, noch geheim', 'draft');
  deps.db.insert(advisoryProducts).values({ advisoryId: hostileId, productId: 'telekom-digitalisierungsbox-premium', fixedVersion: '11.01.02.102' }).run();
  deps.db.insert(advisoryActions).values({ advisoryId: hostileId, position: 0, text: 'Firmware auf <u>11.01.02.102</u> aktualisieren' }).run();
  const notice = deps.db
    .insert(notices)
    .values({ sourceId: 'dgn-news', externalId: 'x', url: 'javascript:alert(1)', title: 'Datenleck', text: 'Text', contentHash: 'h', fetchedAt: now })
    .returning()
    .get();
  deps.db.insert(advisorySources).values({ advisoryId: hostileId, noticeId: notice.id, addedAt: now }).run();
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
});

test('the advisory page shows products, fixed version, actions and sources, with every scraped text escaped', async () => {
  const res = await app.request(`/warnungen/${hostileId}`);
  assert.equal(res.status, 200);
  const page = await res.text();
  assert.doesNotMatch(page, /<script>alert|<img src=x|<u>|javascript:|<b>Deutsches/);
  const $ = cheerio.load(page);
  assert.equal($('h1').text(), hostileTitle);
  assert.match($('main').text(), /Digitalisierungsbox Premium \(Deutsche Telekom\), behoben in Version 11\.01\.02\.102/);
  assert.equal($('ol.actions li').first().text(), 'Firmware auf <u>11.01.02.102</u> aktualisieren');
  assert.match($('main').text(), /DGN <b>Deutsches<\/b> Gesundheitsnetz: Datenleck/);
  assert.equal((await app.request(`/warnungen/${draftId}`)).status, 404, 'drafts are not public');
  assert.equal((await app.request('/warnungen/abc')).status, 404);
});

test('"Bin ich betroffen?" compares the version the visitor types with the fixed one', async () => {
  const ask = async (version: string) => cheerio.load(await (await app.request(`/warnungen/${hostileId}?produkt=Digitalisierungsbox+Premium&version=${encodeURIComponent(version)}`)).text())('[role=status]').text();
  assert.match(await ask('11.1.2.102'), /^Nicht betroffen/);
  assert.match(await ask('11.01.02.101'), /^Betroffen/);
  assert.match(await ask('neueste'), /können wir nicht vergleichen/);
});

test('the list shows published advisories only', async () => {
  const page = await (await app.request('/warnungen')).text();
  assert.match(page, new RegExp(`href="/warnungen/${hostileId}"`));
  assert.doesNotMatch(page, /Entwurf, noch geheim/);
});

test('the Atom feed is well-formed Atom with escaped text and no drafts', async () => {
  const res = await app.request('/warnungen.atom');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml/);
  const xml = await res.text();
  assert.doesNotMatch(xml, /<script>|<img|\u0001/);
  const feed = await new Parser().parseString(xml); // throws on XML that is not well-formed
  assert.equal(feed.items.length, 1);
  assert.equal(feed.items[0]!.title, `[Hoch] ${hostileTitle.replace('\u0001', '')}`);
  assert.equal(feed.items[0]!.link, `https://praxiswarn.test/warnungen/${hostileId}`);
  const $ = cheerio.load(xml, { xml: true });
  assert.equal($('feed').attr('xmlns'), 'http://www.w3.org/2005/Atom');
  for (const required of ['feed > id', 'feed > title', 'feed > updated', 'feed > author > name', 'feed > link[rel=self]']) assert.equal($(required).length, 1, required);
  $('entry').each((_, entry) => {
    for (const required of ['id', 'title', 'updated', 'link[rel=alternate]']) assert.equal($(entry).find(required).length, 1, required);
    assert.match($(entry).find('updated').text(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
  assert.doesNotMatch(xml, /Entwurf/);
});

test('the list keeps the search escaped in its form, drops what it does not know, and shortens the address', async () => {
  const page = await (await app.request('/warnungen?q=%3Cb%3Enirgends%3C%2Fb%3E')).text();
  assert.doesNotMatch(page, /<b>/);
  assert.match(page, /<input type="search" id="suche" name="q" value="&lt;b&gt;nirgends&lt;\/b&gt;"/);
  assert.match(page, /Keine Meldung passt zu Ihrer Auswahl/);
  assert.match(page, /<a href="\/warnungen\.atom\?q=%3Cb%3Enirgends%3C%2Fb%3E">Atom-Feed<\/a>/);
  // The hostile title is found by its own words and shown as text.
  const found = cheerio.load(await (await app.request('/warnungen?q=%3Cscript%3E')).text());
  assert.equal(found('ul.advisory-list .advisory-title').text(), hostileTitle);

  const odd = await app.request('/warnungen?einstufung=sofort&seite=abc&produkt=..%2Fetc&q=');
  assert.equal(odd.status, 302);
  assert.equal(odd.headers.get('location'), '/warnungen');
  const full = await app.request('/warnungen?q=&produkt=telekom-digitalisierungsbox-premium&hersteller=&bereich=router');
  assert.equal(full.headers.get('location'), '/warnungen?produkt=telekom-digitalisierungsbox-premium&bereich=router');

  const $ = cheerio.load(await (await app.request('/warnungen?produkt=telekom-digitalisierungsbox-premium&bereich=router')).text());
  assert.equal($('ul.advisory-list > li').length, 1);
  assert.equal($('ul.advisory-list .advisory-title').text(), hostileTitle);
  assert.equal($('ul.advisory-list .products').text(), 'Betrifft: Digitalisierungsbox Premium (Deutsche Telekom)');
  assert.equal($('#f-produkt option[selected]').attr('value'), 'telekom-digitalisierungsbox-premium');
  assert.equal($('link[rel=alternate][type="application/atom+xml"]').attr('href'), '/warnungen.atom?produkt=telekom-digitalisierungsbox-premium&bereich=router');
});

test('a filtered feed has its own id and self link, escaped, and names its filter', async () => {
  const xml = await (await app.request('/warnungen.atom?q=L%C3%BCcke&bereich=router')).text();
  assert.match(xml, /<link rel="self" type="application\/atom\+xml" href="https:\/\/praxiswarn\.test\/warnungen\.atom\?q=L%C3%BCcke&amp;bereich=router"\/>/);
  const feed = await new Parser().parseString(xml);
  assert.equal(feed.title, 'praxiswarn: Sicherheitswarnungen für Arztpraxen (Suche „Lücke“, Bereich „Router“)');
  assert.equal(feed.items.length, 1);
  assert.equal((await new Parser().parseString(await (await app.request('/warnungen.atom?bereich=pvs')).text())).items.length, 0);
});
