import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { getAdvisory } from '../src/advisories/advisories.repository.js';
import { createAppDeps, type AppDeps } from '../src/app/deps.js';
import { createLogger } from '../src/app/logger.js';
import { listAudit } from '../src/admin/audit.repository.js';
import { recordNotice } from '../src/advisories/record-notice.js';
import { advisories, advisoryCves, advisoryRevisions, advisorySources, sources } from '../src/db/schema.js';
import { storeNotices } from '../src/ingest/notices.repository.js';
import { addPractice } from '../src/practices/practices.repository.js';
import { createWebApp } from '../src/web/app.js';
import { AdminClient, adminWithRole, testPassword } from './support/admin-http.js';
import { publishAdvisory } from './support/advisories.js';
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
  assert.match(mail, /<p>Guten Tag,<\/p>\n<p>für Ihre Praxis „Praxis Dr\. Anders“ gibt es/);
  assert.match(mail, /<strong>Bitte aktualisieren Sie Digitalisierungsbox Premium bis spätestens \d\d\.\d\d\.\d{4} auf Version 11\.01\.02\.102/);
  assert.match(mail, new RegExp(`<a href="https://praxiswarn\\.test/warnungen/${boxId}"[^>]*>Bin ich betroffen\\? – Warnung im Browser öffnen</a>`));
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

test('a CSAF notice reads as a summary: title, tracking id, versions, remediation, CVE and CVSS in words; the JSON is one click away', async () => {
  const csafFile = new URL('fixtures/csaf/white/2026/wid-sec-w-2026-2871.json', import.meta.url);
  const doc = JSON.parse(readFileSync(csafFile, 'utf8'));
  // Dated today, so that the draft stays news whenever the test runs; the note carries markup, as scraped text may.
  doc.document.tracking.current_release_date = new Date().toISOString();
  doc.document.notes.find((n: { title?: string }) => n.title === 'Angriff').text += ' <img src=x onerror=alert(1)>';
  const lancom = recordCsaf(doc);
  const $ = cheerio.load(await (await editor.get(`/admin/meldungen/${lancom}`)).text());
  const summary = $('.csaf-summary');
  assert.equal(summary.length, 1, 'the source pane shows a summary');
  const text = summary.clone().find('details').remove().end().text().replace(/\s+/g, ' ');
  assert.match(text, /LANCOM LCOS: Schwachstelle ermöglicht Denial of Service/);
  assert.match(text, /WID-SEC-W-2026-2871 \(Fassung 2\)/);
  assert.match(text, /zuerst am 11\.11\.2026/);
  assert.match(text, /LANCOM LCOS: betroffen <10\.92 RU3; behoben in 10\.92 RU3/);
  assert.match(text, /Update des Herstellers: Update auf LCOS 10\.92 RU3 einspielen \(für LANCOM LCOS <10\.92 RU3\)/);
  assert.match(text, /CVE-2026-38870: Beim Verarbeiten präparierter IKEv2-Pakete/);
  const words = '5,9 (mittel), aus dem Netz ausnutzbar, nur unter besonderen Bedingungen, ohne Anmeldung, ohne Mitwirkung eines Nutzers; Angreifer können das System lahmlegen';
  assert.ok(text.includes(words), text);
  assert.doesNotMatch(text, /vectorString|CVSS:3\.1\/|"baseScore"/, 'no JSON outside the details');
  assert.equal(summary.find('img').length, 0, 'the document’s markup is escaped');
  assert.match(text, /<img src=x onerror=alert\(1\)>/);
  assert.match(summary.find('details > summary').text(), /JSON des Dokuments anzeigen/);
  assert.match(summary.find('details pre').text(), /"vectorString": "CVSS:3\.1\/AV:N\/AC:H\/PR:N\/UI:N\/S:U\/C:N\/I:N\/A:H"/);

  const evidence = $('p.evidence').filter((_, e) => $(e).text().startsWith('Fundstelle Einstufung')).first();
  assert.equal(evidence.text().replace(/\s+/g, ' '), `Fundstelle Einstufung: CVSS ${words}. Einstufung laut Herausgeber: mittel.`);
  assert.equal(evidence.find('a').attr('href'), '#csaf-cvss');
  assert.equal($('#csaf-cvss').length, 1, 'the evidence links to the CVSS line of the summary');
});

test('merge suggestions: nothing is preselected for the FRITZ!Box draft among unrelated drafts; the FRITZ!Box advisory ranks first with its reasons', async () => {
  const fritz = recordHandwritten(deps, {
    title: 'AVM FRITZ!Box: Schwachstellen ermöglichen Umgehen der Anmeldung',
    text: 'AVM hat FRITZ!OS 8.02 für die FRITZ!Box veröffentlicht. Das Update schließt die Lücken CVE-2026-40011 und CVE-2026-40012.\nInstallieren Sie FRITZ!OS 8.02 zeitnah.',
  });
  assert.deepEqual(getAdvisory(deps.db, fritz)!.products.map((p) => p.productId), ['avm-fritzbox']);
  const lancom = deps.db.select({ id: advisories.id }).from(advisories).where(eq(advisories.title, 'LANCOM LCOS: Schwachstelle ermöglicht Denial of Service')).get()!.id;
  {
    const $ = cheerio.load(await (await editor.get(`/admin/meldungen/${fritz}`)).text());
    const options = $('#target option');
    assert.equal(options.first().text(), '– bitte wählen –');
    assert.equal(options.first().attr('value'), '');
    assert.deepEqual($('#target option[selected]').map((_, o) => $(o).attr('value')).get(), [''], 'only the placeholder is selected');
    assert.ok($('#target').is('[required]'), 'the browser refuses the empty choice');
    assert.match($(`#target option[value="${lancom}"]`).text(), /LANCOM LCOS.* – verschiedene CVEs$/);
    assert.match($('#target-hint').text(), /bitte wählen Sie selbst/);
  }
  const refused = await editor.post(`/admin/meldungen/${fritz}/zusammenfuehren`, { _csrf: await editor.csrf(), targetId: '' });
  assert.equal(refused.status, 303);
  assert.match(await (await editor.get(refused.headers.get('location')!.replace(/#.*/, ''))).text(), /Bitte wählen Sie die Meldung aus, in die diese Meldung zusammengeführt werden soll\./);
  assert.equal(getAdvisory(deps.db, fritz)!.status, 'draft', 'nothing merged');

  const known = publishAdvisory(deps.db, { title: 'AVM FRITZ!Box: Mehrere Schwachstellen ermöglichen Umgehen von Sicherheitsvorkehrungen', severity: 'hoch', products: [{ id: 'avm-fritzbox', fixedVersion: '8.02' }] });
  deps.db.insert(advisoryCves).values([{ advisoryId: known, cve: 'CVE-2026-40011' }, { advisoryId: known, cve: 'CVE-2026-40012' }]).run();
  const $ = cheerio.load(await (await editor.get(`/admin/meldungen/${fritz}`)).text());
  const best = $('#target optgroup').first().find('option').first();
  assert.equal(best.attr('value'), String(known), 'the FRITZ!Box advisory ranks first');
  assert.ok(best.is('[selected]'), 'and is preselected');
  assert.equal(best.text(), `#${known} AVM FRITZ!Box: Mehrere Schwachstellen ermöglichen Umgehen von Sicherheitsvorkehrungen (Veröffentlicht) – gleiches Produkt: FRITZ!Box; 2 gemeinsame CVEs; ähnlicher Titel`);
  assert.deepEqual($('#target option[selected]').map((_, o) => $(o).attr('value')).get(), [String(known)]);
});

/** A CSAF document as the BSI's provider would be read: stored under a CSAF source and recorded. */
function recordCsaf(doc: { document: { title: string; tracking: { id: string; current_release_date: string } } }): number {
  deps.db.insert(sources).values({ id: 'bsi-wid-csaf', name: 'BSI WID (CSAF)', publisher: 'BSI CERT-Bund', kind: 'csaf', url: 'https://wid.cert-bund.de/.well-known/csaf/provider-metadata.json', trust: 'review' }).onConflictDoNothing().run();
  const now = deps.clock();
  const { tracking, title } = doc.document;
  const stored = storeNotices(deps.db, 'bsi-wid-csaf', [{ externalId: tracking.id, url: `https://wid.cert-bund.de/.well-known/csaf/white/2026/${tracking.id.toLowerCase()}.json`, title, publishedAt: new Date(tracking.current_release_date), text: JSON.stringify(doc, null, 2) }], now);
  const result = recordNotice(deps, stored.created[0]!);
  assert.equal(result.outcome, 'created');
  return result.advisoryId!;
}

async function currentForm(id: number) {
  const a = getAdvisory(deps.db, id)!;
  return {
    title: a.title, summary: a.summary, severity: a.severity,
    product_id: a.products.map((p) => p.productId), product_affected: a.products.map((p) => p.affectedVersions ?? ''), product_fixed: a.products.map((p) => p.fixedVersion ?? ''),
    action_id: a.actions.map((x) => String(x.id)), action_text: a.actions.map((x) => x.text), cves: a.cves.join('\n'),
  };
}
