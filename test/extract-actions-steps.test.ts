import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { splitSentences } from '../src/normalize/sentences.js';

// One action per step (test/fixtures/real/LABELS.md, "One label per step"): two instructions joined in one sentence
// are two actions; alternatives, one verb on a list of objects and how-to stay one. The sentences are made up.
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('two instructions joined by "und" are two actions in every shape that advises; alternatives and one verb on a list of objects stay one', () => {
  assert.deepEqual(actions('Praxen sollten die Virensignaturen täglich aktualisieren und verdächtige Anhänge in die Quarantäne verschieben.'), [
    'Die Virensignaturen täglich aktualisieren',
    'Verdächtige Anhänge in die Quarantäne verschieben',
  ]);
  assert.deepEqual(actions('Sichern Sie die Patientendaten jeden Abend und bewahren Sie eine Kopie außer Haus auf.'), [
    'Die Patientendaten jeden Abend sichern',
    'Eine Kopie außer Haus aufbewahren',
  ]);
  // A prohibition is a step of its own.
  assert.deepEqual(actions('Richten Sie für jede Mitarbeiterin ein eigenes Konto ein und geben Sie Kennwörter nicht weiter.'), [
    'Für jede Mitarbeiterin ein eigenes Konto einrichten',
    'Kennwörter nicht weitergeben',
  ]);
  assert.deepEqual(actions('Starten Sie das Gerät neu oder rufen Sie Ihren Dienstleister an.'), ['Das Gerät neu starten oder Ihren Dienstleister anrufen']);
  assert.deepEqual(actions('Ändern Sie die Passwörter für PVS, Router und Konnektor.'), ['Die Passwörter für PVS, Router und Konnektor ändern']);
});

test('a semicolon with "außerdem", ", und" after an object clause, and "dafür sorgen, dass" part steps; a pronoun for object or a statement does not', () => {
  assert.deepEqual(actions('Was ist zu tun?\n• Die Router-Firmware aktualisieren; außerdem die Fernwartung abschalten'), [
    'Die Router-Firmware aktualisieren',
    'Die Fernwartung abschalten',
  ]);
  assert.deepEqual(actions('Prüfen Sie, ob das Zertifikat Ihrer Praxiskarte abläuft, und bestellen Sie rechtzeitig eine neue Karte.'), [
    'Prüfen, ob das Zertifikat Ihrer Praxiskarte abläuft',
    'Rechtzeitig eine neue Karte bestellen',
  ]);
  assert.deepEqual(actions('Die Kammer rät, das Update einzuspielen und dafür zu sorgen, dass alle Arbeitsplätze neu gestartet werden.'), [
    'Das Update einspielen',
    'Dafür sorgen, dass alle Arbeitsplätze neu gestartet werden',
  ]);
  assert.deepEqual(actions('Prüfen Sie, ob der Patch installiert ist, und spielen Sie ihn andernfalls ein.'), [
    'Prüfen, ob der Patch installiert ist, und ihn andernfalls einspielen',
  ]);
  // A clause with a finite verb after the semicolon is no step of its own.
  const statement = actions('Praxen sollten sich für einen Anbieter entscheiden; aus Sicht der Kammer muss sich das rechnen.');
  assert.equal(statement.length, 1);
  assert.match(statement[0]!, /^Sich für einen Anbieter entscheiden/u);
});

test('a condition at the end holds for every step; an "und" inside a purpose clause joins no steps', () => {
  assert.deepEqual(actions('Wer eine verdächtige Rechnung erhält, sollte den Absender sperren und die Mail an die IT weiterleiten.'), [
    'Den Absender sperren, falls man eine verdächtige Rechnung erhält',
    'Die Mail an die IT weiterleiten, falls man eine verdächtige Rechnung erhält',
  ]);
  assert.deepEqual(actions('Sichern Sie die Daten täglich, um Ausfälle zu vermeiden und den Betrieb fortzusetzen.'), [
    'Die Daten täglich sichern, um Ausfälle zu vermeiden und den Betrieb fortzusetzen',
  ]);
});

test('a second verb with an object of its own is a step; one on the first step\'s object, or its effect, is not', () => {
  assert.deepEqual(actions('Laden Sie die neue Firmware herunter und vergleichen Sie die Prüfsumme mit der Angabe des Herstellers.'), [
    'Die neue Firmware herunterladen',
    'Die Prüfsumme mit der Angabe des Herstellers vergleichen',
  ]);
  // No object of its own, a pronoun for object, a noun left out after an adjective, "damit": the first step's object.
  assert.deepEqual(actions('Praxen sollten die Firmware herunterladen und auf dem Kartenterminal installieren.'), [
    'Die Firmware herunterladen und auf dem Kartenterminal installieren',
  ]);
  assert.deepEqual(actions('Laden Sie die neue Firmware herunter und installieren Sie sie.'), ['Die neue Firmware herunterladen und sie installieren']);
  assert.deepEqual(actions('Was ist zu tun?\n• Alle Freigaben prüfen und nicht benötigte löschen'), ['Alle Freigaben prüfen und nicht benötigte löschen']);
  assert.deepEqual(actions('Spielen Sie den Patch ein und schließen Sie damit die Lücke.'), ['Den Patch einspielen und damit die Lücke schließen']);
});

test('a forbidden click is a step; a click or page to open before a step is how-to that stays with it', () => {
  assert.deepEqual(actions('Klicken Sie auf keinen Link und löschen Sie die Nachricht.'), ['Auf keinen Link klicken', 'Die Nachricht löschen']);
  assert.deepEqual(actions('Wählen Sie im Menü die Seite „Wartung“ und installieren Sie das Update.'), [
    'Im Menü die Seite „Wartung“ wählen und das Update installieren',
  ]);
});
