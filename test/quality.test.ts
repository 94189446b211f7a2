import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { compileCatalog } from '../src/normalize/products.js';
import { covers, fields, loadCorpus, precision, recall, scoreCase, sum, type Field } from '../src/normalize/quality.js';

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));

// Just under what the extractor reaches on the corpus (docs/extraction.md); a change that loses ground fails here.
const floors: Record<Field, { precision: number; recall: number }> = {
  relevance: { precision: 0.97, recall: 0.97 },
  vendor: { precision: 0.95, recall: 0.95 },
  products: { precision: 0.95, recall: 0.97 },
  fixedVersions: { precision: 0.97, recall: 0.97 },
  // Precision 0.95 → 0.89 (7 Dec 2026): one action per step (action-steps.ts, LABELS.md rule 1) parts six sentences
  // whose rule-corpus labels, written before that rule, join two steps in one label; see docs/extraction.md.
  actions: { precision: 0.89, recall: 0.95 },
  cves: { precision: 1, recall: 1 },
  severity: { precision: 0.93, recall: 0.93 },
  published: { precision: 1, recall: 0.95 },
};

test('the labelled corpus holds at least 40 notices, ten of them near misses, with CSAF, feeds and English ones', () => {
  const corpus = loadCorpus(new URL('fixtures/corpus', import.meta.url).pathname);
  assert.ok(corpus.length >= 40);
  assert.ok(corpus.flatMap((c) => c.expected).filter((e) => !e.relevant).length >= 10);
  for (const ext of ['.csaf.json', '.rss.xml', '.atom.xml', '.html', '.txt']) assert.ok(corpus.some((c) => c.file.endsWith(ext)), ext);
});

test('extraction keeps its precision and recall on the corpus, field by field', async () => {
  const corpus = loadCorpus(new URL('fixtures/corpus', import.meta.url).pathname);
  const results = [];
  for (const c of corpus) results.push(await scoreCase(matcher, c));
  const total = sum(results);
  for (const f of fields) {
    const p = precision(total[f]);
    const r = recall(total[f]);
    const misses = results.flatMap((x) => x.misses.map((m) => `${x.name}: ${m}`)).join('\n');
    assert.ok(p >= floors[f].precision && r >= floors[f].recall, `${f}: P ${p.toFixed(2)} R ${r.toFixed(2)}\n${misses}`);
  }
});

test('an action matches when it holds most of the expected content words, inflection aside', () => {
  assert.ok(covers('Die Firmware umgehend auf Version 11.01.02.102 aktualisieren', 'Firmware auf Version 11.01.02.102 aktualisieren'));
  assert.ok(covers('Passwörter der Praxissoftware ändern', 'Alle Passwörter in Ihrer Praxissoftware ändern'));
  assert.ok(!covers('Die Firmware prüfen', 'Alle Portweiterleitungen überprüfen und nicht benötigte entfernen'));
  // A genitive "-s" meets its nominative: "des Betriebssystems, des Browsers" is "Betriebssystem, Browser".
  assert.ok(covers('Regelmäßige Updates des Betriebssystems, des Browsers und aller Programme einspielen', 'Betriebssystem, Browser und alle Programme regelmäßig aktualisieren'));
});

// The real-notice corpus (both splits together): floors a few points under what the extractor reaches on it now
// (docs/extraction.md), so that a change that loses ground on unseen notices fails here. They are not the goals of
// issue 16, which the extractor does not reach yet (actions above all).
const realFloors: Record<Field, { precision: number; recall: number }> = {
  relevance: { precision: 0.92, recall: 0.91 },
  // 8 Dec: the eighteenth batch brought a hospital association's note on an HHS bulletin about Windows flaws (labelled
  // microsoft; no product named, so no vendor extracted) and a note on a break-in at D-Trust's application portal
  // (labelled without vendor; gematik extracted): combined recall 0.889 (193 of 217), the same on the rules of 123ad3a.
  vendor: { precision: 0.89, recall: 0.88 },
  // 7 Dec, afternoon: the eighth fresh batch labels no product for an IT firm's note on the medatixx breach, where the
  // extractor names the five medatixx PVS lines the note tells their users about (alerts reach those users by product,
  // as the seed notice in test/pipeline.e2e.test.ts requires): combined precision just under 0.86.
  // 7 Dec, night: the twelfth batch's visible part brought a card terminal's firmware how-to whose connector and eHBA
  // steps name both as products (class 5 of issue 16, not yet read as places): combined precision just under 0.84.
  products: { precision: 0.83, recall: 0.9 },
  // 7 Dec: the fresh batch of 20 brought four card-generation and model-line fixes the rules do not read yet (0.85);
  // the third batch of 24 a fix labelled as three LCOS versions in one string and a named version labelled null
  // (combined 0.885 / 0.821).
  fixedVersions: { precision: 0.86, recall: 0.8 },
  // 7 Dec, afternoon: three more fresh batches (24, 24, 20) brought notices whose steps the rules mostly miss (the
  // seventh batch's 20 scored 26 % recall at arrival; a gematik table of 17 steps among them): combined recall 0.609
  // from 0.645 at noon, precision 0.761.
  // 7 Dec, evening: the ninth batch of 20 (38 % recall at arrival; one English guide with 24 steps) and the tenth (24 %
  // at arrival) took the combined recall to 0.580 after that session's classes.
  actions: { precision: 0.74, recall: 0.57 },
  cves: { precision: 1, recall: 0.95 },
  // 7 Dec: the second fresh batch of 24 brought severity misses in its blind part (combined recall 0.90 from 0.94).
  // 7 Dec, evening: the tenth batch labels "sollen Nutzer ihr NAS sofort ausschalten" unbekannt where the ninth labels
  // "sofort zu beenden" hoch (LABELS.md: "sofort handeln"); the rule reads both as hoch (combined precision 0.836).
  severity: { precision: 0.83, recall: 0.88 },
  published: { precision: 0.94, recall: 0.88 },
};

test('extraction keeps its precision and recall on the real-notice corpus, field by field', async () => {
  const results = [];
  for (const split of ['visible', 'blind']) {
    for (const c of loadCorpus(new URL(`fixtures/real/${split}`, import.meta.url).pathname)) results.push(await scoreCase(matcher, c));
  }
  assert.ok(results.length >= 220, `${results.length} cases`);
  const total = sum(results);
  for (const f of fields) {
    const p = precision(total[f]);
    const r = recall(total[f]);
    // Totals only: the blind split's cases are not listed one by one (test/fixtures/real/LABELS.md).
    assert.ok(p >= realFloors[f].precision && r >= realFloors[f].recall, `${f}: P ${p.toFixed(2)} R ${r.toFixed(2)}`);
  }
});

test('an extracted action also matches when it is the expected instruction said more briefly', async () => {
  const { sameAction } = await import('../src/normalize/quality.js');
  assert.ok(sameAction('Den Authenticator umgehend auf die Version 4.2.1 aktualisieren', 'gematik Authenticator umgehend auf Version 4.2.1 aktualisieren (per Auto-Update oder Download)'));
  // One shared word is not enough, however short the extracted action.
  assert.ok(!sameAction('Firewall prüfen', 'Absender von E-Mails prüfen'));
  assert.ok(!sameAction('Die Firmware prüfen', 'Alle Portweiterleitungen überprüfen und nicht benötigte entfernen'));
});

test('an extracted action matches when it is the same step on the same object in other words', async () => {
  const { sameAction } = await import('../src/normalize/quality.js');
  // A condition behind the action, another word for the same prohibition, a compound with the same head.
  assert.ok(sameAction('Den Anhang auf keinen Fall öffnen, wenn Sie eine solche E-Mail erhalten', 'Anhang von E-Mails des falschen TK-Absenders (z. B. s.voigt@tkk-versicherung.com) nicht öffnen'));
  assert.ok(sameAction('Die Hinweise ihrer Hersteller im Blick behalten und bereitstehende Updates umgehend installieren', 'Verfügbare Sicherheitsupdates umgehend einspielen'));
  assert.ok(sameAction('Diese E-Mails oder ihren Anhang nicht öffnen', 'ZIP-Anhänge angeblicher Bewerbungs-E-Mails nicht öffnen oder ausführen'));
  // A capitalised preposition or negation at the start is no object: the prohibition in front, the object after it.
  assert.ok(sameAction('Auf keinen Fall den Anhang öffnen', 'Den Anhang dieser E-Mails nicht öffnen'));
  assert.ok(sameAction('Nie das Kennwort per E-Mail weitergeben', 'Kennwörter nicht per E-Mail weitergeben'));
  assert.ok(!sameAction('Auf keinen Fall den Anhang öffnen', 'Auf keinen Fall die Rechnung bezahlen'));
  // Not the same: the opposite step, another place, another release, another verb.
  assert.ok(!sameAction('Den Anhang öffnen und prüfen', 'Den Anhang dieser E-Mails nicht öffnen'));
  assert.ok(!sameAction('Das Passwort am TI-Konnektor ändern', 'Alle Passwörter in Ihrer Praxissoftware ändern'));
  assert.ok(!sameAction('bintec be.IP auf Version 10.2.5 aktualisieren', 'Digitalisierungsbox Premium auf Version 11.01.02.102 aktualisieren'));
  assert.ok(!sameAction('Die Firmware umgehend auf Version 11.01.02.102 aktualisieren', 'Angebotene Firmware-Updates künftig regelmäßig installieren'));
  assert.ok(!sameAction('Den Anhang speichern', 'Den Anhang nicht öffnen'));
  // "nicht mehr unterstützte" describes the object; the step is still an update.
  assert.ok(sameAction('Nicht mehr unterstützte Versionen auf eine unterstützte Version aktualisieren', 'Ältere Versionen auf eine unterstützte Version aktualisieren'));
  // "aktuell halten" is "aktualisieren"; "Nicht" may lead; a short noun's plural s.
  assert.ok(sameAction('Softwareprogramme und Betriebssystem immer aktuell halten', 'Softwareprogramme und Betriebssystem stets aktualisieren'));
  assert.ok(sameAction('Auf Links in der Mail keinesfalls klicken', 'Nicht auf den Link in Mails klicken'));
  assert.ok(!sameAction('Auf Links in der Mail klicken', 'Nicht auf den Link in Mails klicken'));
});
