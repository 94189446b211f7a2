import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { parseArticle } from '../src/ingest/parse-html.js';
import { extractNotice } from '../src/normalize/extract.js';
import { compileCatalog } from '../src/normalize/products.js';
import { splitSentences } from '../src/normalize/sentences.js';
import { findSeverity } from '../src/normalize/severity.js';
import { findVersions } from '../src/normalize/versions.js';
import { readPage } from '../src/normalize/page.js';

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const remove = ['.press-contact', '.contact', '.newsletter', '.share', '.related'];

function extractPage(file: string, article: string, title: string) {
  const page = parseArticle(readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8'), { article, remove });
  assert.ok(page, `${file} has an article`);
  return extractNotice(matcher, { title, text: page.text, publishedAt: page.publishedAt });
}

test('the DGN notice: three Digitalisierungsbox models, the fixed firmware, five actions in order (one per step), urgent', () => {
  const x = extractPage('sites/dgn/datenleck-digitalisierungsbox.html', 'article.post', 'Datenleck in Digitalisierungsboxen der Telekom – Hinweise für Nutzer');
  assert.equal(x.relevant, true);
  assert.equal(x.vendorId, 'telekom');
  assert.deepEqual(x.products.map((p) => p.id).sort(), [
    'telekom-digitalisierungsbox-premium',
    'telekom-digitalisierungsbox-smart',
    'telekom-digitalisierungsbox-standard',
  ]);
  assert.ok(x.products.every((p) => p.fixedVersion === '11.01.02.102'));
  assert.deepEqual(x.actions, [
    'In der Benutzeroberfläche der Digitalisierungsbox prüfen, welche Firmware-Version installiert ist',
    'Die Firmware umgehend auf Version 11.01.02.102 aktualisieren, falls noch eine ältere Version installiert ist',
    'Angebotene Firmware-Updates künftig regelmäßig installieren',
    'Alle eingerichteten Portweiterleitungen überprüfen',
    'Weiterleitungen entfernen, die Sie nicht mehr benötigen',
  ]);
  assert.equal(x.severity, 'hoch');
  assert.equal(x.published?.slice(0, 10), '2019-11-15');
  // "… GUSbox sind von dem Fehler nicht betroffen" names a product that is not affected.
  assert.ok(!x.products.some((p) => p.id === 'dgn-gusbox'));
  // The press contact and its sales line were removed, and would not be actions anyway.
  assert.ok(!x.actions.some((a) => /Sprechen|0211|presse@/.test(a)));
});

test('the medatixx notice: six products, password actions in order, and the notice version is not a software version', () => {
  const x = extractPage('sites/medatixx/cyberangriff.html', 'article.notice', 'Cyberangriff auf medatixx: Kunden sollen Passwörter ändern');
  assert.equal(x.relevant, true);
  assert.equal(x.vendorId, 'medatixx');
  assert.deepEqual(x.products.map((p) => p.id).sort(), [
    'medatixx-easymed',
    'medatixx-medatixx',
    'medatixx-x-comfort',
    'medatixx-x-concept',
    'medatixx-x-isynet',
    'medatixx-x-vianova',
  ]);
  assert.ok(x.products.every((p) => p.fixedVersion === null), 'no software version in this notice');
  // The TI-Konnektor is where a password is changed, not an affected product.
  assert.ok(!x.products.some((p) => p.id === 'gematik-ti-konnektor'));
  assert.deepEqual(x.actions, [
    'Alle Passwörter in Ihrer Praxissoftware ändern',
    'Das Passwort am TI-Konnektor ändern',
    'Auch Passwörter außerhalb der Praxissoftware ändern, zum Beispiel Ihre Windows-Anmeldungen, die Zugänge zu Servern und zu Sicherheitssystemen wie Firewalls',
    'Vorsichtig bei E-Mails sein, die angeblich von medatixx stammen, und keine unerwarteten Anhänge öffnen',
  ]);
  assert.match(x.summary, /^Die medatixx GmbH & Co\. KG ist Opfer eines Cyberangriffs geworden\./);
});

test('trade-fair news that names a connector is not a warning', () => {
  const x = extractPage('sites/dgn/medica-2019.html', 'article.post', 'DGN auf der MEDICA 2019: Besuchen Sie uns in Halle 15');
  assert.equal(x.relevant, false);
  assert.match(x.relevanceReason, /kein Sicherheitsbezug/);
  assert.deepEqual(x.actions, []);
});

test('a price notice with a sales line has no actions and is not relevant', () => {
  const x = extractPage('sites/dgn/preise-kv-safenet.html', 'article.post', 'Neue Preise für KV-SafeNet-Zugänge ab 2020');
  assert.equal(x.relevant, false);
  assert.deepEqual(x.actions, []);
});

test('"älter als" marks an affected version and "sollten … ändern" a medium severity (umlauts after a space)', () => {
  const versions = findVersions('Betroffen sind alle Versionen älter als 2.1.4; das Update auf 2.1.4 ist verfügbar.', []);
  assert.deepEqual(
    versions.map((v) => [v.version, v.kind, v.phrase]),
    [
      ['2.1.4', 'affected', 'älter als 2.1.4'],
      ['2.1.4', 'fixed', '2.1.4'],
    ],
  );
  const severity = findSeverity(splitSentences('Praxen sollten ihre Zugangsdaten ändern.'));
  assert.equal(severity.severity, 'mittel');
});

test('a page is read alike whatever its markup lacks: no body, unclosed paragraphs, tags inside scripts, stray end tags', () => {
  // The expected readings are what cheerio's default parser (parse5, the HTML standard's algorithm) gave before the
  // page reader moved to htmlparser2.
  const read = (html: string) => {
    const { title, text } = readPage(html);
    return { title, text };
  };
  assert.deepEqual(read('<title>Seitentitel</title><h1>Warnung</h1><p>Bitte aktualisieren Sie die Firmware.</p>'), {
    title: 'Warnung',
    text: 'Warnung\nBitte aktualisieren Sie die Firmware.',
  });
  assert.deepEqual(
    read('<html><body><main><h1>Titel</h1><p>Erster Absatz<p>Zweiter Absatz<ul><li>eins<li>zwei</ul><p>Dritter &amp; letzter &uuml;ber &#8222;Zitat&#8220;</main></body></html>'),
    { title: 'Titel', text: 'Titel\nErster Absatz\nZweiter Absatz\n• eins\n• zwei\nDritter & letzter über „Zitat“' },
  );
  assert.deepEqual(read('<body><article><h1>S</h1><script>var x = "</p><p>kein Text";</script><p>Text</p><style>p{}</style><noscript><p>Bitte JS</p></noscript></article></body>'), {
    title: 'S',
    text: 'S\nText',
  });
  assert.deepEqual(read('<body><article><h1>Kaputt</h1><p>Text <div>Block in p</div> weiter</p></p></p><p>Ende<!-- Kommentar --></p></article>'), {
    title: 'Kaputt',
    text: 'Kaputt\nText\nBlock in p\nweiter\nEnde',
  });
});

test('a KV warning about phishing mails in the name of a Krankenkasse is relevant without a catalog product', () => {
  const x = extractNotice(matcher, {
    title: 'Achtung: E-Mails mit Schadsoftware im Umlauf',
    text: 'Zurzeit erreichen Arztpraxen E-Mails, die scheinbar von der Techniker Krankenkasse kommen. Im Anhang steckt ein Trojaner.\nBitte löschen Sie diese Nachrichten ungelesen und öffnen Sie auf keinen Fall den Anhang.',
    publishedAt: null,
  });
  assert.equal(x.relevant, true);
  assert.match(x.relevanceReason, /E-Mails/);
});

test("a vendor's statement on an attack on its own systems is relevant to its customers", () => {
  const x = extractNotice(matcher, {
    title: 'Technische Störung – Update',
    text: 'Wir sind Ziel eines Ransomware-Angriffs geworden und haben umgehend Gegenmaßnahmen eingeleitet.\nDer weit überwiegende Teil unserer Kundensysteme läuft; unsere Kunden können weiterarbeiten.',
    publishedAt: null,
  });
  assert.equal(x.relevant, true);
});

test('consumer router news, policy and advertising are not practice notices', () => {
  const consumer = extractNotice(matcher, {
    title: 'Telekom warnt vor WPS-Lücke im Heimnetz',
    text: 'Drei Speedport-Router lassen Fremde ins Heimnetz. Kunden sollen WPS abschalten, bis das Update kommt.',
    publishedAt: null,
  });
  assert.equal(consumer.relevant, false);
  const policy = extractNotice(matcher, {
    title: 'Gesetzliche Klarstellung zur Verantwortlichkeit in der TI',
    text: 'Die Vertreterversammlung fordert den Gesetzgeber auf, klarzustellen, dass Praxen für die Konnektoren nicht haften.\nDer Beschluss wurde einstimmig gefasst.',
    publishedAt: null,
  });
  assert.equal(policy.relevant, false);
  const sales = extractNotice(matcher, {
    title: 'Wie ausfallsicher ist das TI-Gateway?',
    text: 'Bei anderen Anbietern gab es Ausfälle des TI-Gateways. Unser Gateway lief ohne Störung.\nSie möchten wechseln? Wir beraten Sie gern. Jetzt Termin vereinbaren.',
    publishedAt: null,
  });
  assert.equal(sales.relevant, false);
});

test('a hole in a product practices run, with a CVE or told to practices, is relevant before anyone names what to do', () => {
  const told = extractNotice(matcher, { title: 'Schwachstelle in CGM ALBIS bekannt geworden', text: 'Sicherheitsforscher haben eine Schwachstelle in CGM ALBIS gefunden. Der Hersteller prüft den Bericht; Praxen erhalten weitere Informationen.', publishedAt: null });
  assert.equal(told.relevant, true);
  assert.match(told.relevanceReason, /prüfen, ob sie betroffen sind/);
  const cve = extractNotice(matcher, { title: 'CVE-2026-41001 in FRITZ!OS', text: 'In FRITZ!OS wurde die Schwachstelle CVE-2026-41001 gemeldet. AVM untersucht sie.', publishedAt: null });
  assert.equal(cve.relevant, true);
  // A product with a security word but no flaw or attack stays product news.
  const news = extractNotice(matcher, { title: 'CGM ALBIS: neue Sicherheitsfunktionen', text: 'Die neue Version von CGM ALBIS bringt eine Zwei-Faktor-Anmeldung für Praxen.', publishedAt: null });
  assert.equal(news.relevant, false);
});

test('the duties of the IT-Sicherheitsrichtlinie are security work for practices, even worded like policy', () => {
  const duties = extractNotice(matcher, {
    title: 'IT-Sicherheitsrichtlinie: neue Anforderungen ab Oktober',
    text: 'Der Gesetzgeber hat die Übergangsregelung beendet; die Vertreterversammlung hat den Beschluss zur Kenntnis genommen.\nDie IT-Sicherheitsrichtlinie nach § 390 SGB V gilt für alle Praxen. Die neuen Anforderungen müssen bis zum 1. Oktober umgesetzt werden.',
    publishedAt: null,
  });
  assert.equal(duties.relevant, true);
  assert.match(duties.relevanceReason, /IT-Sicherheitsrichtlinie/);
  // Without the guideline the same policy words still mean policy news.
  const policy = extractNotice(matcher, {
    title: 'Übergangsregelung beendet',
    text: 'Der Gesetzgeber hat die Übergangsregelung beendet; die Vertreterversammlung hat den Beschluss zur Kenntnis genommen.',
    publishedAt: null,
  });
  assert.equal(policy.relevant, false);
});

test('a menu or selector inside a page\'s content is not read as part of the notice', () => {
  const { text } = readPage(
    '<main><h1>Konnektor-Upgrade</h1><p>Das Upgrade für die KoCoBox MED+ ist verfügbar. Bitte wählen Sie Ihre Praxissoftware:</p><p>CGM ALBIS · CGM M1 PRO · CGM MEDISTAR · Sonstige</p><p>Versionen: 2.3.24 · 2.3.25 · 2.4.0</p></main>',
  );
  assert.equal(text, 'Konnektor-Upgrade\nDas Upgrade für die KoCoBox MED+ ist verfügbar. Bitte wählen Sie Ihre Praxissoftware:\nVersionen: 2.3.24 · 2.3.25 · 2.4.0');
});

test('a vendor advisory on a hole in a NAS or VPN gateway, with its fix, is relevant though the maker is not in the catalog', () => {
  const nas = extractNotice(matcher, {
    title: 'Security Advisory: Vulnerability in NAS operating system',
    text: 'A vulnerability (CVE-2026-12345) in the NAS operating system allows attackers to run code remotely.\nAdministrators should update the NAS to version 5.2.1 or later.',
    publishedAt: null,
  });
  assert.equal(nas.relevant, true);
  // The same device class without a hole is product news.
  const release = extractNotice(matcher, { title: 'New NAS operating system', text: 'The new NAS operating system brings a faster photo app. Update to version 5.2.1 to use it.', publishedAt: null });
  assert.equal(release.relevant, false);
});
