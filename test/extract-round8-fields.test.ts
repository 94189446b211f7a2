import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { compileCatalog, mentions } from '../src/normalize/products.js';
import { statedDate } from '../src/normalize/published.js';
import { assessRelevance } from '../src/normalize/relevance.js';
import { splitSentences } from '../src/normalize/sentences.js';
import { findVersions, versionFor } from '../src/normalize/versions.js';
import { findSeverity } from '../src/normalize/severity.js';

const severity = (text: string) => findSeverity(splitSentences(text)).severity;

test('a rating in quotation marks counts like one without them', () => {
  assert.equal(severity('Der Anbieter stuft den Fehler im Druckdienst als „kritisch“ ein.'), 'kritisch');
  assert.equal(severity('Die Schwachstelle gilt als "kritisch".'), 'kritisch');
  assert.equal(severity('Das Risiko wird vom Hersteller als »hoch« bewertet.'), 'hoch');
  assert.equal(severity('Der Hersteller bewertet die Lücke als ‚mittel‘.'), 'mittel');
  // Quotes around another word rate nothing.
  assert.equal(severity('Der Dienst läuft als „Hintergrundprozess“ weiter.'), 'unbekannt');
});

test('an English "high risk" rates like the German "hohes Risiko"', () => {
  assert.equal(severity('Storage boxes reachable from the internet are at high risk.'), 'hoch');
  assert.equal(severity('This poses a high risk to exposed servers.'), 'hoch');
  assert.equal(severity('Patients with a high blood pressure risk are not concerned.'), 'unbekannt');
  assert.equal(severity('Owners face a high risk of data loss.'), 'hoch');
  assert.equal(severity('The high-risk group was informed.'), 'unbekannt');
});

test('"schnellstens" in advice is urgency, as "schnellstmöglich" is', () => {
  assert.equal(severity('Praxen sollten das Gerät schnellstens tauschen lassen.'), 'hoch');
  // About what someone else did, it says nothing about the flaw.
  assert.equal(severity('Der Dienstleister hat den Server schnellstens abgeschaltet.'), 'unbekannt');
});

const day = (lines: string[]) => statedDate(lines)?.toISOString().slice(0, 10) ?? null;
const body = 'Ein Dienstleister hat mehrere Praxen über einen Fehler im Anmeldeverfahren informiert und bittet um Geduld.';
const bodyEn = 'We noticed unusual activity in an internal system and began to look into it with outside specialists.';

test('"Aktualisierungsdatum" dates the page like "Aktualisiert am"', () => {
  assert.equal(day(['Neue Frist für Kartenlesegeräte', '• Aktualisierungsdatum: 04.02.2025', body]), '2025-02-04');
  // A deadline after the same page's body is no date of the notice.
  assert.equal(day(['Neue Frist für Kartenlesegeräte', body, 'Die Geräte funktionieren bis 04.02.2025 weiter.']), null);
});

test("a statement's first entry in its update history dates it", () => {
  assert.equal(day(['Statement on an incident', 'Update – March 3, 2025', bodyEn, 'Initial statement – March 1, 2025', bodyEn]), '2025-03-01');
  // An update alone, with a dash and no cue, dates nothing.
  assert.equal(day(['Statement on an incident', bodyEn, 'Our next statement follows – March 3, 2025 is planned.', bodyEn]), null);
});

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const owner = (text: string, id: string) => {
  const named = mentions(matcher, text, null);
  const mention = named.find((m) => m.product.id === id)!;
  return versionFor(text, mention, findVersions(text, named), named)?.version ?? null;
};

test('a release "für" one product is not the release of another product further on', () => {
  const text = 'Die neue Firmware 4.2.1 für das ORGA 6141 online mindert Störungen beim Stecken der SMC-B.';
  assert.equal(owner(text, 'worldline-orga-6141'), '4.2.1');
  assert.equal(owner(text, 'gematik-smc-b'), null);
  // With no other product between, "für" still hands the release to the product after it.
  assert.equal(owner('Bereit steht die Firmware 4.2.1 für das ORGA 6141 online.', 'worldline-orga-6141'), '4.2.1');
});

const remoteTool = { id: 'teamviewer', name: 'TeamViewer', vendor: 'TeamViewer', affectedVersions: null, fixedVersion: null };
const relevant = (body: string) => assessRelevance({ body, products: [remoteTool], actions: 0, fixedVersion: false, nothingToDo: false }).relevant;

test("a maker's own statement on an incident in its IT concerns its customers, in English too", () => {
  assert.equal(
    relevant("Statement on Example Corp's security incident\nOur security team noticed suspicious logins. So far nothing shows that customer data was touched."),
    true,
  );
  assert.equal(
    relevant('Yesterday we found an irregularity in our internal corporate IT network. We keep our customers informed about the security of their data.'),
    true,
  );
  // A statement on prices or a new release is no incident, however often it says "security".
  assert.equal(relevant('Statement on our new licence prices\nCustomers keep all security features of their plan.'), false);
});

const noProducts = (body: string) => assessRelevance({ body, products: [], actions: 1, fixedVersion: false, nothingToDo: false }).relevant;

test("a chamber's assembly demanding a new law is policy, like a KV's Vertreterversammlung", () => {
  assert.equal(
    noProducts('Die Vollversammlung der Zahnärztekammer verlangt vom Gesetzgeber, die elektronische Patientenakte neu aufzusetzen. Der Datenschutz der Praxen und die Datensicherheit der Praxis-IT seien nicht gewährleistet; Praxen sollten nicht für Fehler der Anbieter haften.'),
    false,
  );
  // A warning of fake mails to practices stays one, though it names the assembly and the lawmakers.
  assert.equal(
    noProducts('Vor der Vollversammlung verschicken Betrüger gefälschte E-Mails mit Schadsoftware an Praxen, angeblich vom Gesetzgeber. Öffnen Sie keine Anhänge und löschen Sie die Phishing-Mails.'),
    true,
  );
});

test('a knowledge base number right after a Windows release is its fix', () => {
  const text = '• Windows 11 Versionen 22H2 und 23H2: KB5031354';
  assert.equal(owner(text, 'microsoft-windows-11'), 'KB5031354');
  const win7 = 'Windows 7: KB5004953';
  assert.equal(owner(win7, 'microsoft-windows-7'), 'KB5004953');
  // A KB number with no product before it, or far from it, names no fix; "KBV" is no KB number.
  assert.deepEqual(findVersions('Details stehen im Artikel KB5004953.', []), []);
  assert.deepEqual(findVersions('Die KBV informiert über Windows 7 und das Update.', mentions(matcher, 'Die KBV informiert über Windows 7 und das Update.', null)), []);
});
