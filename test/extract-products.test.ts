import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { extractNotice } from '../src/normalize/extract.js';
import { compileCatalog } from '../src/normalize/products.js';
import { splitSentences } from '../src/normalize/sentences.js';
import { findSeverity } from '../src/normalize/severity.js';
import { findVersions, sameVersion } from '../src/normalize/versions.js';

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const extract = (title: string, text: string) => extractNotice(matcher, { title, text, publishedAt: null });
const ids = (x: { products: { id: string }[] }) => x.products.map((p) => p.id).sort();

test('a vendor attacked names the vendor; the connector whose password is to change is not affected', () => {
  const x = extract(
    'Cyberangriff auf einen Praxissoftware-Hersteller',
    'Der Hersteller medatixx wurde Opfer einer Cyberattacke auf medatixx selbst.\nPraxen sollten vorsorglich die Passwörter der Windows-Anmeldung sowie die Passwörter des TI-Konnektors zu ändern.',
  );
  assert.deepEqual(ids(x), []);
  assert.equal(x.vendorId, 'medatixx');
});

test('a connector named as the channel of an update, and Windows 11 as the target of a migration, are background', () => {
  const terminal = extract('Firmware 3.8.2 für ORGA 6141 online', 'Die Firmware 3.8.2 für das ORGA 6141 online ist da. Ist das Terminal entsprechend eingestellt, wird das Update automatisch über den Konnektor eingespielt.');
  assert.deepEqual(ids(terminal), ['worldline-orga-6141']);
  const windows = extract('Upgrade auf Windows 11 in der Praxis', 'Microsoft beendet den Support für Windows 10. Danach gibt es keine Sicherheitsupdates mehr. Prüfen Sie, ob Ihre Geräte unter Windows 11 unterstützt werden.');
  assert.deepEqual(ids(windows), ['microsoft-windows-10']);
});

test('connectors listed by their vendors are those vendors\' connectors; several vendors of one kind leave the vendor open', () => {
  const x = extract('TI-Störung', 'Seit Montag ist die TI gestört. Laut gematik sind Konnektoren dreier Hersteller betroffen: T-Systems, Secunet und Rise. Bitte spielen Sie das Update ein.');
  assert.deepEqual(ids(x), ['rise-konnektor', 'secunet-konnektor']);
  assert.equal(x.vendorId, null);
});

test('a library inside a product is not affected unless the title is about the library', () => {
  const inside = extract('Sicherheitsupdates für Praxissoftware', 'Von dem Fehler im Software-Element Log4J sind auch Praxisverwaltungssysteme betroffen. Die KBV aktualisiert das KBV-Prüfmodul.');
  assert.deepEqual(ids(inside), ['kbv-pruefmodul']);
  assert.equal(inside.vendorId, 'kbv');
  const about = extract('Sicherheitslücke in Log4j: Update für KBV-Prüfmodul', 'Die Bibliothek Log4j enthält eine Schwachstelle. Betroffen ist auch das KBV-Prüfmodul.');
  assert.deepEqual(ids(about), ['apache-log4j', 'kbv-pruefmodul']);
});

test('products named in a list of other articles do not count', () => {
  const x = extract(
    'Sicherheitslücke in der Digitalisierungsbox Premium',
    'Die Digitalisierungsbox Premium hat eine Sicherheitslücke. Die Telekom hat ein Firmware-Update auf Version 11.1.2.102 veröffentlicht. Bitte spielen Sie es ein.\nTeilen: Facebook Twitter Vorheriger Beitrag: Windows 7 – Supportende naht',
  );
  assert.deepEqual(ids(x), ['telekom-digitalisierungsbox-premium']);
});

test('versions: the notice version, ranges, devices running a version, hotfix bases and the update target', () => {
  assert.deepEqual(findVersions('Version 1.0 · Eltville & Bamberg, 08.11.2021, 12 Uhr', []), []);
  assert.deepEqual(
    findVersions('AP-Controller mit Firmware V6.00 bis V6.10 sind betroffen.', []).map((v) => v.kind),
    ['affected', 'affected'],
  );
  assert.deepEqual(findVersions('Betroffen sind Konnektoren, auf denen eine Firmware ab Version 5.50.3 läuft.', []).map((v) => v.kind), ['affected']);
  assert.deepEqual(findVersions('Hotfixes for v18.0 MR5 and v18.5 MR2 were published.', []), []);
  const both = findVersions('Für alle Geräte ab der Firmware-Version 4.7.0 gilt die Empfehlung, sie auf die Firmware-Version 4.9.0 zu aktualisieren.', []);
  assert.deepEqual(both.filter((v) => v.target).map((v) => v.version), ['4.9.0']);
  assert.deepEqual(findVersions('Fix included in v19.0 GA and v18.5 MR4 (18.5.4)', []).map((v) => v.version), ['v19.0 GA', 'v18.5 MR4 (18.5.4)']);
});

test('of several fixed releases in one sentence, the one on the affected line; version spellings compare equal', () => {
  const x = extract('Sophos Firewall: Schwachstelle', 'Betroffen ist Sophos Firewall v18.5 MR3 (18.5.3) and older.\nFix included in v19.0 GA and v18.5 MR4 (18.5.4).');
  assert.equal(x.products[0]?.fixedVersion, 'v18.5 MR4 (18.5.4)');
  assert.ok(sameVersion('LCOS 10.80 RU4', '10.80 RU4'));
  assert.ok(sameVersion('v18.5 MR4 (18.5.4)', '18.5.4'));
  assert.ok(!sameVersion('18.5', 'v18.5 MR4 (18.5.4)'));
});

test('severity: urgency about what a vendor did is not a rating; a score out of ten and "(critical)" are', () => {
  assert.equal(findSeverity(splitSentences('Wir haben umgehend Gegenmaßnahmen eingeleitet.')).severity, 'unbekannt');
  assert.equal(findSeverity(splitSentences('Die Telekom hat umgehend Updates bereitgestellt.')).severity, 'unbekannt');
  assert.equal(findSeverity(splitSentences('Bitte installieren Sie das Update umgehend.')).severity, 'hoch');
  assert.equal(findSeverity(splitSentences('Severity: Critical 9.3 / 10')).severity, 'kritisch');
  assert.equal(findSeverity(splitSentences('CVE-2021-34473 – ACL bypass (critical)')).severity, 'kritisch');
  assert.equal(findSeverity(splitSentences('Ransomware-Attacke: Großalarm im Gesundheitswesen')).severity, 'unbekannt');
});

test('a standard the product is made ready for is background; the end of support names the product itself', () => {
  const x = extract(
    'KoCoBox MED+: E-Health Upgrade',
    'Für die KoCoBox MED+ steht das Upgrade auf Version 2.3.24 bereit. Nach dem Upgrade erfüllt die KoCoBox MED+ die Voraussetzungen für NFDM, den eMedikationsplan und den TI-Kommunikationsstandard „Kommunikation im Medizinwesen“ (KIM).',
  );
  assert.deepEqual(ids(x), ['cgm-kocobox-med-plus']);
  assert.equal(x.vendorId, 'cgm');
  const windows = extract('Support für Windows 10 endet', 'Der Support für Windows 10 endet im Oktober. Danach gibt es keine Sicherheitsupdates mehr.');
  assert.deepEqual(ids(windows), ['microsoft-windows-10']);
});

test('a product the publisher found no problems with, or that is not directly affected, is not affected', () => {
  const x = extract(
    'Informationen zu Windows 10',
    'Im Zusammenspiel von psyprax und Windows 10 haben wir keine Probleme festgestellt. Windows 10 überträgt jedoch Daten an Microsoft, wenn Sie die Voreinstellungen behalten.',
  );
  assert.deepEqual(ids(x), ['microsoft-windows-10']);
  const y = extract('Lücke in Exchange', 'Exchange Online ist nicht direkt betroffen, anders als der Exchange Server in der Praxis. Die Lücke im Exchange Server wird aktiv ausgenutzt.');
  assert.deepEqual(ids(y), ['microsoft-exchange']);
});

test('a family with its models named after a word for them ("in den Varianten …", "Modelle: …"), also in the plural and in quotes', () => {
  const ids = (text: string) => extractNotice(matcher, { title: 'Router-Lücke', text, publishedAt: null }).products.map((p) => p.id).sort();
  const all = ['telekom-digitalisierungsbox-premium', 'telekom-digitalisierungsbox-smart', 'telekom-digitalisierungsbox-standard'];
  assert.deepEqual(ids('Betroffen sind die „Digitalisierungsboxen“ in den Varianten Standard, Premium und Smart. Ein Update behebt die Lücke.'), all);
  assert.deepEqual(ids('Betroffen ist die Digitalisierungsbox (Modelle: Premium und Smart). Ein Update behebt die Lücke.'), all.slice(0, 2));
  // "in allen Varianten" names no model: none is guessed.
  assert.deepEqual(ids('Betroffen sind die Digitalisierungsboxen der Telekom in allen Varianten. Ein Update behebt die Lücke.'), []);
});
