import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../src/normalize/sentences.js';
import { findSeverity } from '../src/normalize/severity.js';

const severity = (text: string) => findSeverity(splitSentences(text)).severity;

test("an advisory's rating under a label is read, and it outweighs urgency words", () => {
  assert.equal(severity('Severity: Important. Status: Resolved.'), 'hoch');
  assert.equal(severity("Synology has rated the severity as 'Moderate', because the flaw needs local access."), 'mittel');
  assert.equal(severity('Schweregrad: kritisch. Betroffen sind alle Versionen.'), 'kritisch');
  assert.equal(severity('Risikoeinstufung: mittel. Bitte aktualisieren Sie umgehend.'), 'mittel');
  // "Risiko gering halten" rates nothing.
  assert.equal(severity('Um das Risiko gering zu halten, prüfen Sie die Einstellungen.'), 'unbekannt');
});

test('"critical" before a flaw of any name is critical', () => {
  assert.equal(severity('Our engineers confirmed the report as a critical zero-day in the SMA 100 series.'), 'kritisch');
  assert.equal(severity('Fortinet fixed critical vulnerabilities in FortiOS.'), 'kritisch');
  assert.equal(severity('Critical infrastructure operators were informed.'), 'unbekannt');
});

test('urgent advice against opening a mail and the duty to report a breach rate no flaw', () => {
  assert.equal(severity('Die Sicherheitsfachleute raten dringend davon ab, die E-Mails oder den Anhang zu öffnen.'), 'unbekannt');
  assert.equal(severity('Die KZV warnt dringend vor diesen Anrufen.'), 'unbekannt');
  assert.equal(severity('Kommt es zu einer Datenpanne, müssen Sie den Vorfall unverzüglich und möglichst innerhalb von 72 Stunden dem ULD melden.'), 'unbekannt');
  assert.equal(severity('Das BSI rät dringend, das Update einzuspielen.'), 'hoch');
  assert.equal(severity('Bitte spielen Sie das Update unverzüglich ein.'), 'hoch');
});

test('"schwerwiegend" rates a flaw, not the consequences of a click; a fake mail\'s claims rate nothing', () => {
  assert.equal(severity('In der Fernwartungssoftware steckt eine schwerwiegende Sicherheitslücke.'), 'hoch');
  assert.equal(severity('Ein Klick auf den Link kann schwerwiegende Folgen für die Praxis haben.'), 'unbekannt');
  assert.equal(severity('Die Mails behaupten, ein dringendes Update des Praxisportals sei nötig.'), 'unbekannt');
  assert.equal(severity('Seien Sie misstrauisch bei E-Mails mit dringenden Handlungsaufforderungen.'), 'unbekannt');
  // Urgent advice to the reader still rates: "dringend aktualisieren".
  assert.equal(severity('Bitte spielen Sie das Update dringend ein.'), 'hoch');
});
