import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { getAdvisory } from '../src/advisories/advisories.repository.js';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { listAudit } from '../src/admin/audit.repository.js';
import { advisoryRevisions, advisorySources } from '../src/db/schema.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { ingestAndRecord, recordHandwritten } from './support/drafts.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { removeQueues } from './support/queues.js';
import { fixtureSources, sourcesReadBefore, testEnv } from './support/test-env.js';

let site: FixtureServer;
let deps: AppDeps;
let editor: AdminClient;
let boxId: number;

before(async () => {
  site = await startFixtureServer();
  const sources = fixtureSources(site.url).map((s) => ({ ...s, trust: 'review' as const }));
  deps = await createAppDeps(testEnv({ sources }), { logger: createLogger('silent') });
  sourcesReadBefore(deps.db);
  const now = new Date();
  addPractice(deps.db, { name: 'Praxis Dr. Anders', email: 'anders@praxis.test', productIds: ['telekom-digitalisierungsbox-premium'] }, { now, origin: 'cli' });
  addPractice(deps.db, { name: 'MVZ Bergmann', email: 'bergmann@praxis.test', productIds: ['telekom-digitalisierungsbox-smart'], cadence: 'weekly' }, { now, origin: 'cli' });
  addPractice(deps.db, { name: 'Praxis Cramer', email: 'cramer@praxis.test', productIds: ['cgm-albis'] }, { now, origin: 'cli' });
  [boxId] = (await ingestAndRecord(deps, 'dgn-news')) as [number];
  await adminWithRole(deps.db, 'editor', 'redaktion@verband.test');
  editor = new AdminClient(createWebApp(deps));
  await editor.login('redaktion@verband.test', testPassword);
});
after(async () => {
  await removeQueues(deps.queues);
  await deps.close();
  await site.close();
});

test('the review queue lists the DGN draft with its source, reason, products and audience', async () => {
  const $ = cheerio.load(await (await editor.get('/admin')).text());
  const row = $('tbody tr').first();
  assert.match(row.text(), /Datenleck in Digitalisierungsboxen/);
  assert.match(row.text(), /DGN News/);
  assert.match(row.text(), /Digitalisierungsbox Premium/);
  assert.match(row.text(), /Sicherheitshinweis zu Digitalisierungsbox/);
  assert.equal(row.find('td.num').contents().first().text().trim(), '1', 'one practice at once');
  assert.match(row.find('td.num').text(), /\+ 1 im Sammelbericht/);
});

test('the editor links every extracted field to its sentence, highlighted in the escaped notice', async () => {
  const $ = cheerio.load(await (await editor.get(`/admin/meldungen/${boxId}`)).text());
  const firstAction = $('#ev-a0');
  assert.equal(firstAction.prop('tagName'), 'MARK');
  assert.match(firstAction.text(), /Prüfen Sie in der Benutzeroberfläche der Digitalisierungsbox/);
  assert.equal($('a[href="#ev-a0"]').length, 1);
  assert.ok($('a[href="#ev-p0"]').length >= 1 && $('#ev-p0').text().includes('Digitalisierungsbox'), 'product evidence');
  assert.match($('#ev-s').text() || $('a[href^="#ev-"]').text(), /\S/);
  assert.match($('#preview-subject').text(), /Digitalisierungsbox Premium/);
  assert.equal($('iframe.preview').attr('sandbox'), '');
});

test('the preview is the alert mail the subscribed practice would receive, framed without scripts', async () => {
  const res = await editor.get(`/admin/meldungen/${boxId}/vorschau`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
  const mail = await res.text();
  assert.match(mail, /Guten Tag, Praxis Dr. Anders,/);
  assert.match(mail, /behoben in Version 11\.01\.02\.102/);
  assert.match(mail, /<ol><li>In der Benutzeroberfläche/);
});

test('editing corrects a product, reorders and adds actions, keeps each evidence and writes the audit log', async () => {
  const token = await editor.csrf(`/admin/meldungen/${boxId}`);
  const before = getAdvisory(deps.db, boxId)!;
  const form = {
    _csrf: token,
    title: before.title,
    summary: before.summary,
    severity: 'hoch',
    product_id: ['telekom-digitalisierungsbox-premium', 'telekom-digitalisierungsbox-smart', 'telekom-digitalisierungsbox-standard', 'telekom-digitalisierungsbox-premium-2'],
    product_affected: ['', '', '', ''],
    product_fixed: ['11.01.02.102', '11.01.02.102', '11.01.02.102', '11.01.02.102'],
    action_id: before.actions.map((a) => String(a.id)),
    action_text: before.actions.map((a) => a.text),
    action_new: 'Nach dem Update die Portweiterleitungen erneut prüfen',
    cves: '',
    op: 'down:0',
  };
  const res = await editor.post(`/admin/meldungen/${boxId}`, form);
  assert.equal(res.status, 303);
  const after = getAdvisory(deps.db, boxId)!;
  assert.deepEqual(after.products.map((p) => p.productId), ['telekom-digitalisierungsbox-premium', 'telekom-digitalisierungsbox-premium-2', 'telekom-digitalisierungsbox-smart', 'telekom-digitalisierungsbox-standard']);
  assert.equal(after.actions[0]!.text, before.actions[1]!.text);
  assert.equal(after.actions[1]!.text, before.actions[0]!.text);
  assert.equal(after.actions[1]!.evidence, before.actions[0]!.evidence, 'evidence moves with its action');
  assert.equal(after.actions.at(-1)!.text, 'Nach dem Update die Portweiterleitungen erneut prüfen');
  assert.equal(after.actions.at(-1)!.evidence, null);
  const entry = listAudit(deps.db, { entity: 'advisory', entityId: String(boxId) })[0]!;
  assert.equal(entry.action, 'advisory.edit');
  assert.equal(entry.actor, 'redaktion@verband.test');
  assert.equal((entry.before as { products: unknown[] }).products.length, 3);
  assert.equal((entry.after as { products: unknown[] }).products.length, 4);

  const bad = await editor.post(`/admin/meldungen/${boxId}`, { ...form, _csrf: token, title: 'Mein neuer Titel', product_id: ['gibt-es-nicht'], op: 'save' });
  assert.equal(bad.status, 422);
  const shown = await bad.text();
  assert.match(shown, /role="alert">Nicht gespeichert: Unbekannte Produkt-ID\(s\): gibt-es-nicht/);
  assert.match(shown, /id="title" name="title" type="text" value="Mein neuer Titel"/, 'what the editor typed is kept');
  const tooShort = await editor.post(`/admin/meldungen/${boxId}`, { ...form, _csrf: token, title: 'x', op: 'save' });
  assert.equal(tooShort.status, 422);
  assert.match(await tooShort.text(), /Der Titel braucht mindestens 3 Zeichen/);
  assert.equal(getAdvisory(deps.db, boxId)!.products.length, 4, 'nothing saved');
});

test('reject needs a reason; merge moves sources and revisions; approve publishes and enqueues matching', async () => {
  const albis = recordHandwritten(deps, { title: 'Sicherheitslücke in CGM ALBIS', text: 'In CGM ALBIS wurde eine Sicherheitslücke gefunden. Installieren Sie das Update auf Version 24.10.' });
  const again = recordHandwritten(deps, { title: 'CGM TURBOMED: Update gegen Schwachstelle', text: 'Eine Schwachstelle betrifft auch CGM TURBOMED. Spielen Sie das Sicherheitsupdate ein. CVE-2026-12345.' });
  const other = recordHandwritten(deps, { title: 'Schwachstelle in CGM M1 PRO', text: 'In CGM M1 PRO wurde eine Schwachstelle gefunden. Installieren Sie das Update auf Version 5.2.' });
  const token = await editor.csrf();
  assert.equal((await editor.post(`/admin/meldungen/${other}/ablehnen`, { _csrf: token, reason: '' })).status, 303);
  assert.equal(getAdvisory(deps.db, other)!.status, 'draft', 'an empty reason is refused');
  await editor.post(`/admin/meldungen/${other}/ablehnen`, { _csrf: token, reason: 'Doppelt gemeldet, betrifft nur Testsysteme.' });
  assert.equal(getAdvisory(deps.db, other)!.status, 'rejected');
  assert.equal(getAdvisory(deps.db, other)!.rejectReason, 'Doppelt gemeldet, betrifft nur Testsysteme.');
  const rejectedList = await (await editor.get('/admin?status=abgelehnt')).text();
  assert.match(rejectedList, /Schwachstelle in CGM M1 PRO/);
  assert.match(rejectedList, /Abgelehnt: Doppelt gemeldet/);
  await editor.post(`/admin/meldungen/${other}/wieder-oeffnen`, { _csrf: token });
  assert.equal(getAdvisory(deps.db, other)!.status, 'draft', 'reopened into the queue');
  await editor.post(`/admin/meldungen/${other}/ablehnen`, { _csrf: token, reason: 'Doch nicht relevant.' });

  assert.notEqual(again, albis, 'a separate draft, for the editor to merge');
  {
    const res = await editor.post(`/admin/meldungen/${again}/zusammenfuehren`, { _csrf: token, targetId: String(albis) });
    assert.equal(res.headers.get('location'), `/admin/meldungen/${albis}`);
    const merged = getAdvisory(deps.db, again)!;
    assert.equal(merged.status, 'merged');
    assert.equal(merged.mergedIntoId, albis);
    assert.equal(deps.db.select().from(advisorySources).where(eq(advisorySources.advisoryId, albis)).all().length, 2);
    assert.equal(deps.db.select().from(advisoryRevisions).where(eq(advisoryRevisions.advisoryId, again)).all().length, 0);
    assert.deepEqual(getAdvisory(deps.db, albis)!.cves, ['CVE-2026-12345']);
    assert.deepEqual(getAdvisory(deps.db, albis)!.products.map((p) => p.productId), ['cgm-albis', 'cgm-turbomed']);
  }

  const approve = await editor.post(`/admin/meldungen/${boxId}`, { ...(await currentForm(boxId)), _csrf: token, op: 'approve' });
  assert.equal(approve.status, 303);
  const published = getAdvisory(deps.db, boxId)!;
  assert.equal(published.status, 'published');
  assert.ok(published.releasedAt);
  assert.ok(await deps.queues.match.getJob(`match-${boxId}`), 'the match job is queued');
  const actions = listAudit(deps.db, { entity: 'advisory' }).map((e) => e.action);
  for (const a of ['advisory.approve', 'advisory.reject', 'advisory.reopen', 'advisory.merge', 'advisory.edit']) assert.ok(actions.includes(a), a);

  const audit = await (await editor.get('/admin/protokoll')).text();
  assert.match(audit, /Meldung freigegeben/);
  assert.match(audit, /redaktion@verband.test/);
});

test('published advisories can be filtered and show revision and delivery counts', async () => {
  const list = await (await editor.get('/admin/veroeffentlicht?vendor=telekom&severity=hoch')).text();
  assert.match(list, /Datenleck in Digitalisierungsboxen/);
  const none = await (await editor.get('/admin/veroeffentlicht?vendor=cgm')).text();
  assert.doesNotMatch(none, /Datenleck in Digitalisierungsboxen/);
  const page = await (await editor.get(`/admin/meldungen/${boxId}`)).text();
  assert.match(page, /0 in Warteschlange, 0 gesendet, 0 fehlgeschlagen/);
});

async function currentForm(id: number) {
  const a = getAdvisory(deps.db, id)!;
  return {
    title: a.title, summary: a.summary, severity: a.severity,
    product_id: a.products.map((p) => p.productId), product_affected: a.products.map((p) => p.affectedVersions ?? ''), product_fixed: a.products.map((p) => p.fixedVersion ?? ''),
    action_id: a.actions.map((x) => String(x.id)), action_text: a.actions.map((x) => x.text), cves: a.cves.join('\n'),
  };
}
