import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderAlert, type AlertData } from '../src/notify/templates/alert.js';
import { subjectLine, titleGist } from '../src/notify/templates/subject.js';
import { dueDay, urgencyOf } from '../src/notify/urgency.js';
import { sourceLinks, widPortalUrl } from '../src/notify/source-links.js';

// A Thursday in Berlin.
const now = new Date('2026-12-10T09:00:00Z');

const base: AlertData = {
  practiceName: 'Praxis Dr. Sommer',
  title: 'Datenleck in Digitalisierungsboxen',
  summary: 'Beim Einrichten einer Portweiterleitung wurden benachbarte Ports geöffnet.',
  severity: 'hoch',
  publishedAt: new Date('2019-11-15T11:00:00Z'),
  products: [{ name: 'Digitalisierungsbox Premium', fixedVersion: '11.01.02.102' }],
  actions: ['Firmware-Version prüfen', 'Firmware auf Version 11.01.02.102 aktualisieren'],
  sources: [{ publisher: 'DGN', title: 'Datenleck', url: 'https://www.dgn.de/x/', publishedAt: new Date('2019-11-15T11:00:00Z') }],
  subscribedProducts: ['Digitalisierungsbox Premium'],
  unsubscribeUrl: 'https://praxiswarn.test/abmelden/t',
  operatorName: 'praxiswarn',
  advisoryUrl: 'https://praxiswarn.test/warnungen/7',
  now,
  mentions: { products: ['Digitalisierungsbox Premium', 'DigiBox Premium'], vendors: ['Telekom'] },
};

test('the alert says how urgent it is in the subject and what to do by when in its first line, in German', () => {
  const mail = renderAlert(base);
  assert.equal(mail.subject, '[Zeitnah handeln] Digitalisierungsbox Premium: Datenleck');
  assert.equal(mail.text.split('\n')[0], 'Bitte aktualisieren Sie Digitalisierungsbox Premium bis spätestens 17.12.2026 auf Version 11.01.02.102 und erledigen Sie die weitere Maßnahme unten.');
  assert.equal(mail.text.split('\n')[1], 'Bin ich betroffen? – Warnung im Browser öffnen: https://praxiswarn.test/warnungen/7');
  assert.match(mail.text, /\n\nGuten Tag,\n\nfür Ihre Praxis „Praxis Dr\. Sommer“ gibt es einen neuen Sicherheitshinweis vom 15\. November 2019\./);
  assert.match(mail.text, /Wie dringend\?\nZeitnah handeln – bitte innerhalb einer Woche, bis spätestens 17\.12\.2026\.\nEinstufung „Hoch“ bedeutet: Ernstes Risiko/);
  assert.match(mail.text, /Was Sie jetzt tun sollten:\n1\. Firmware-Version prüfen\n2\. Firmware auf Version 11\.01\.02\.102 aktualisieren/);
  assert.match(mail.text, /Digitalisierungsbox Premium \(behoben in Version 11\.01\.02\.102\)/);
  assert.match(mail.text, /Abmelden: https:\/\/praxiswarn\.test\/abmelden\/t/);
  assert.match(mail.html, /<ol><li>Firmware-Version prüfen<\/li>/);
});

test('the urgency words follow severity and whether there is anything to do', () => {
  const words = (severity: AlertData['severity'], hasActions: boolean) => urgencyOf({ severity, hasActions });
  assert.deepEqual([words('kritisch', true).label, words('kritisch', true).timeFrame], ['Sofort handeln', 'noch heute']);
  assert.deepEqual([words('hoch', false).label, words('hoch', false).timeFrame], ['Zeitnah handeln', 'innerhalb einer Woche']);
  assert.deepEqual([words('mittel', true).label, words('mittel', true).timeFrame], ['Zeitnah handeln', 'in den nächsten 30 Tagen']);
  assert.deepEqual([words('unbekannt', true).label, words('unbekannt', true).days], ['Zeitnah handeln', 30]);
  assert.equal(words('mittel', false).label, 'Zur Kenntnis');
  assert.equal(words('niedrig', true).label, 'Zur Kenntnis');
  // Counted in Berlin: 23:30 UTC on 31 Dec is already 1 Jan there; a deadline on a weekend moves to the Friday before.
  assert.deepEqual(dueDay(words('kritisch', true), new Date('2026-12-31T23:30:00Z')), { year: 2027, month: 1, day: 1 });
  assert.deepEqual(dueDay(words('hoch', true), new Date('2026-12-12T10:00:00Z')), { year: 2026, month: 12, day: 18 }, 'Saturday + 7 is a Saturday');
  assert.equal(dueDay(words('niedrig', true), now), null);
  assert.match(renderAlert({ ...base, severity: 'kritisch' }).text, /^Bitte aktualisieren Sie Digitalisierungsbox Premium noch heute auf Version 11\.01\.02\.102/);
  assert.match(renderAlert({ ...base, severity: 'niedrig' }).text, /^Kein Termindruck: /);
  assert.match(renderAlert({ ...base, products: [{ name: 'Digitalisierungsbox Premium', fixedVersion: null }] }).text, /^Bitte erledigen Sie die Maßnahmen unten bis spätestens 17\.12\.2026\./);
});

test('the subject names the product once, says what happened in a few words, and is never cut inside a word', () => {
  const gist = (title: string, products: string[], vendors: string[] = []) => titleGist(title, { products, vendors });
  assert.equal(gist('FRITZ!Box auf Version 8.02 aktualisieren', ['FRITZ!Box', 'FRITZ!OS'], ['AVM']), 'auf Version 8.02 aktualisieren');
  assert.equal(gist('AVM FRITZ!Box: Mehrere Schwachstellen ermöglichen Umgehen von Sicherheitsvorkehrungen', ['FRITZ!Box'], ['AVM']), 'Mehrere Schwachstellen ermöglichen Umgehen von Sicherheitsvorkehrungen');
  assert.equal(gist('Sicherheitslücke in CGM TURBOMED', ['CGM TURBOMED', 'TURBOMED']), 'Sicherheitslücke');
  assert.equal(gist('Hinweis zu CGM Z1: Zugangsdaten prüfen', ['CGM Z1', 'Z1'], ['CGM']), 'Zugangsdaten prüfen');
  assert.equal(gist('Cyberattacke auf Medatixx: Ärzte sollen Passwörter ändern', ['x.isynet'], ['medatixx']), 'Cyberattacke auf Medatixx – Ärzte sollen Passwörter ändern');
  assert.equal(gist('FRITZ!Box', ['FRITZ!Box']), 'neue Sicherheitswarnung');
  const long = subjectLine('Zeitnah handeln', 'FRITZ!Box', 'Mehrere Schwachstellen ermöglichen Umgehen von Sicherheitsvorkehrungen');
  assert.equal(long, '[Zeitnah handeln] FRITZ!Box: Mehrere Schwachstellen ermöglichen Umgehen…');
  assert.ok(long.length <= 90);
  assert.equal(subjectLine('Zeitnah handeln', 'x.isynet', 'Cyberangriff auf medatixx – wichtige Informationen für unsere Kunden in allen Regionen'), '[Zeitnah handeln] x.isynet: Cyberangriff auf medatixx');
});

test('a BSI WID notice links its portal page first and the CSAF JSON second', () => {
  const json = 'https://wid.cert-bund.de/.well-known/csaf/white/2026/wid-sec-w-2026-2977.json';
  const portal = 'https://wid.cert-bund.de/portal/wid/securityadvisory?name=WID-SEC-2026-2977';
  assert.equal(widPortalUrl('WID-SEC-W-2026-2977'), portal);
  assert.equal(widPortalUrl('WID-SEC-2026-2977'), portal);
  assert.equal(widPortalUrl('CVE-2026-1234'), null);
  assert.deepEqual(sourceLinks({ url: json, externalId: 'WID-SEC-W-2026-2977' }), { page: portal, machine: json });
  assert.deepEqual(sourceLinks({ url: json }), { page: portal, machine: json }, 'from the file name when the id is unknown');
  assert.deepEqual(sourceLinks({ url: 'https://www.dgn.de/x/', externalId: 'guid-1' }), { page: 'https://www.dgn.de/x/', machine: null });
  const mail = renderAlert({ ...base, sources: [{ publisher: 'BSI', title: 'AnyDesk: Schwachstelle', url: json, externalId: 'WID-SEC-W-2026-2977', publishedAt: null }] });
  assert.match(mail.text, new RegExp(`- BSI: AnyDesk: Schwachstelle\\n  ${portal.replace(/[.?]/g, '\\$&')}\\n  Maschinenlesbare Fassung \\(CSAF\\): ${json.replace(/[.?]/g, '\\$&')}`));
});

test('scraped text is inert in the HTML mail and cannot break the subject line', () => {
  const mail = renderAlert({
    ...base,
    title: 'Warnung <script>alert(1)</script>',
    summary: '<img src=x onerror="alert(1)"> Text',
    products: [{ name: 'Box\r\nBcc: opfer@example.com', fixedVersion: null }],
    actions: ['<svg onload=alert(1)> prüfen'],
    sources: [{ publisher: 'Evil', title: 'Klick', url: 'javascript:alert(1)', publishedAt: null }],
  });
  assert.doesNotMatch(mail.html, /<script>|<img|<svg|javascript:/);
  assert.match(mail.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(mail.subject, /[\r\n]/);
  assert.doesNotMatch(mail.text, /javascript:/);
});

test('without actions the mail says so instead of showing an empty list', () => {
  const mail = renderAlert({ ...base, actions: [] });
  assert.match(mail.text, /^Bitte aktualisieren Sie Digitalisierungsbox Premium bis spätestens 17\.12\.2026 auf Version 11\.01\.02\.102\.\n/, 'the fixed version is the action');
  assert.match(mail.text, /nennt keine konkreten Maßnahmen/);
  const unfixed = { ...base, actions: [], products: [{ name: 'Digitalisierungsbox Premium', fixedVersion: null }] };
  assert.match(renderAlert(unfixed).text, /^Bitte klären Sie bis spätestens 17\.12\.2026 mit Ihrem IT-Dienstleister, ob Ihre Praxis betroffen ist\./);
  assert.equal(renderAlert({ ...unfixed, severity: 'mittel' }).subject, '[Zur Kenntnis] Digitalisierungsbox Premium: Datenleck');
  assert.match(renderAlert({ ...unfixed, severity: 'mittel' }).text, /^Sie müssen nichts tun: Diese Warnung ist zu Ihrer Information\./);
});
