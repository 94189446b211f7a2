import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findSeverity } from '../src/normalize/severity.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 15. The sentences are made up for these tests; each class has negatives beside it.
const severity = (text: string) => findSeverity(splitSentences(text)).severity;

test('a flaw called critical is rated so with a few words between: "a critical access control flaw"', () => {
  assert.equal(severity('The intrusions trace back to CVE-2024-40766, a critical access control flaw fixed in August.'), 'kritisch');
  assert.equal(severity('Microsoft fixed a critical SQL Server flaw this month.'), 'kritisch');
  assert.equal(severity('Die Hersteller schließen eine kritische Zero-Day-Lücke im Webinterface.'), 'kritisch');
  assert.equal(severity('Es handelt sich um eine kritische, aktiv ausgenutzte Schwachstelle.'), 'kritisch');
  // Not about a flaw: critical systems that have one, a critical look at the settings, a verb between.
  assert.equal(severity('Critical systems have a flaw in their backup routine.'), 'unbekannt');
  assert.equal(severity('Prüfen Sie kritisch, ob Fehler in der Konfiguration stecken.'), 'unbekannt');
  assert.equal(severity('Critical infrastructure operators reported the incident.'), 'unbekannt');
});

test('an English imperative to fix, or an encouragement, is advice to the reader: "immediately" rates it high', () => {
  assert.equal(severity('Update your device to the latest firmware version immediately.'), 'hoch');
  assert.equal(severity('Organisations are strongly encouraged to patch immediately.'), 'hoch');
  // What the vendor did at once, or a story, is no advice.
  assert.equal(severity('The vendor immediately started an investigation.'), 'unbekannt');
  assert.equal(severity('Updates were immediately available for all models.'), 'unbekannt');
});

test('"zeitnah" for what a vendor will release, or for an appointment offered, rates nothing', () => {
  assert.equal(severity('Der Hersteller bereitet ein Update vor, das zeitnah erscheinen und von der gematik freigegeben werden soll.'), 'unbekannt');
  assert.equal(severity('Wenden Sie sich an unser Supportteam und vereinbaren Sie einen zeitnahen Termin.'), 'unbekannt');
  // Said of the practice's step it still does.
  assert.equal(severity('Praxen sollten das Update zeitnah einspielen.'), 'mittel');
  assert.equal(severity('Bitte sorgen Sie für eine zeitnahe Aktualisierung der Konnektoren.'), 'mittel');
});
