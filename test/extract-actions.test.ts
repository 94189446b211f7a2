import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { germanPhrase } from '../src/normalize/english-actions.js';
import { splitSentences } from '../src/normalize/sentences.js';
import { participleToInfinitive } from '../src/normalize/verbs.js';

const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('a lead-in that announces a list gives its verb to each item, and the lead-in itself is dropped', () => {
  assert.deepEqual(actions('Der Hersteller rät, die folgenden Zugänge zu sperren:\n• das Konto des Fernwartungsdienstes,\n• die Gastkonten am Server.'), [
    'Das Konto des Fernwartungsdienstes sperren',
    'Die Gastkonten am Server sperren',
  ]);
  // An opener without a verb continues the sentence before it.
  assert.deepEqual(actions('Praxen wird geraten, alle Zugangsdaten zu erneuern. Dazu zählen:\n• die Kennwörter des Routers\n• die PIN der Kartenterminals'), [
    'Die Kennwörter des Routers erneuern',
    'Die PIN der Kartenterminals erneuern',
  ]);
  // Items that carry their own "zu"-infinitive.
  assert.deepEqual(actions('Die KV empfiehlt daher,\n• die Schlüssel des VPN-Zugangs zu tauschen,\n• die Protokolle der Firewall zu sichern.'), [
    'Die Schlüssel des VPN-Zugangs tauschen',
    'Die Protokolle der Firewall sichern',
  ]);
});

test('verbless items under an advice heading are kept as noun phrases; sentences in a list are not actions', () => {
  assert.deepEqual(actions('Was Sie tun sollten:\n• Regelmäßige Datensicherung auf ein externes Medium\n• Aktuelle Virenschutzprogramme'), [
    'Regelmäßige Datensicherung auf ein externes Medium',
    'Aktuelle Virenschutzprogramme',
  ]);
  assert.deepEqual(actions('Was bisher bekannt ist:\n• Er kann die Daten aus der Sicherung wiederherstellen.\n• Meist ist eine Lösegeldforderung damit verbunden.'), []);
  assert.deepEqual(actions('Folgen für die Praxis:\n• Keine Verbindung zum Versichertenstammdatendienst'), []);
});

test('reported advice: several "zu" infinitives are several actions, and "ist ratsam" or "gehört" introduce advice', () => {
  assert.deepEqual(actions('Die Behörde ruft Betreiber auf, veraltete Versionen zu ersetzen, offene Ports zu schließen und Zugänge zu protokollieren.'), [
    'Veraltete Versionen ersetzen',
    'Offene Ports schließen',
    'Zugänge protokollieren',
  ]);
  assert.deepEqual(actions('Es ist ratsam, die Fernwartung nach jeder Sitzung abzuschalten.'), ['Die Fernwartung nach jeder Sitzung abschalten']);
  assert.deepEqual(actions('Es ist nicht nötig, den Router neu einzurichten.'), []);
  assert.deepEqual(actions('„Trennen Sie befallene Rechner sofort vom Netz“, empfahl die Referentin der Kammer.'), ['Befallene Rechner sofort vom Netz trennen']);
});

test('modals: the subject who is meant becomes a condition, a service provider as subject means "lassen", "müssen keine" is no advice', () => {
  assert.deepEqual(actions('Wer die Fernwartung selten nutzt, sollte sie abschalten.'), ['Sie abschalten, falls die Fernwartung selten nutzt']);
  assert.deepEqual(actions('Ihr DVO muss das Zertifikat im Konnektor tauschen.'), ['Das Zertifikat im Konnektor durch Ihren DVO tauschen lassen']);
  assert.deepEqual(actions('Praxen müssen wegen der Wartung keine Nachteile befürchten.'), []);
  assert.deepEqual(actions('Admins sollten die Software zeitnah aktualisieren.'), ['Die Software zeitnah aktualisieren']);
  assert.deepEqual(actions('Wichtig: Die Zugangsdaten sollten nicht weitergegeben werden.'), ['Die Zugangsdaten nicht weitergeben']);
});

test('imperatives after an adverb or after a condition with its verb first', () => {
  assert.deepEqual(actions('Dann prüfen Sie bitte die Seriennummer des Geräts.'), ['Die Seriennummer des Geräts prüfen']);
  assert.deepEqual(actions('Meldet Ihr Kartenterminal einen Fehler, wenden Sie sich bitte an Ihren Servicepartner.'), [
    'Sich an Ihren Servicepartner wenden, falls Ihr Kartenterminal einen Fehler meldet',
  ]);
});

test('English advice becomes a German infinitive phrase, names and versions kept', () => {
  assert.deepEqual(actions('Customers are advised to upgrade the gateway to version 9.2.1 or later.'), ['Gateway auf Version 9.2.1 oder neuer aktualisieren']);
  assert.deepEqual(actions('We recommend that users change their passwords immediately.'), ['Passwörter sofort ändern']);
  assert.deepEqual(actions('What you should do:\n• Enable two-factor authentication for remote access.\n• Only download the client from our official website.'), [
    'Zwei-Faktor-Authentifizierung für Fernzugriff aktivieren',
    'Nur client von offiziellen Website herunterladen',
  ]);
  assert.deepEqual(actions('Admins who have not installed the March patches should do so immediately.'), ['March Patches sofort installieren']);
  assert.equal(germanPhrase('Install the available security updates'), 'Verfügbaren Sicherheitsupdates einspielen');
  // A noun, not an imperative; a vendor's own deed, not advice.
  assert.deepEqual(actions('Update is available for all models.'), []);
  assert.deepEqual(actions('We are revoking all certificates of the portal.'), []);
});

test('strong participles of passive advice turn into their infinitive', () => {
  assert.equal(participleToInfinitive('verbunden'), 'verbinden');
  assert.equal(participleToInfinitive('herausgegeben'), 'herausgeben');
  assert.equal(participleToInfinitive('heruntergeladen'), 'herunterladen');
  assert.equal(participleToInfinitive('eingespielt'), 'einspielen');
});

test('a phrase of circumstance before the modal verb stays in front; a subjectless passive is still an instruction', () => {
  assert.deepEqual(actions('Beim Fernzugriff sollten Praxen daher eine Zwei-Faktor-Anmeldung einrichten.'), ['Beim Fernzugriff eine Zwei-Faktor-Anmeldung einrichten']);
  assert.deepEqual(actions('Im Zweifel sollten Dateien aus unbekannten Quellen nicht geöffnet werden.'), ['Im Zweifel Dateien aus unbekannten Quellen nicht öffnen']);
  // A passive done by a specialist is something the practice has done for it.
  assert.deepEqual(actions('Ist kein Kennwort gesetzt, muss die Firmware durch einen Techniker eingespielt werden.'), [
    'Die Firmware durch einen Techniker einspielen lassen, falls kein Kennwort gesetzt ist',
  ]);
  // "Nach der Richtlinie" names a source, not a circumstance; what others must do is no instruction either.
  assert.deepEqual(actions('Nach Angaben des Herstellers müssen die Geräte neu gestartet werden.'), []);
  assert.deepEqual(actions('Im Sommer sollten die Hersteller neue Versionen liefern.'), []);
});

test('infinitive phrases after a colon are actions, one per phrase', () => {
  assert.deepEqual(actions('Der wichtigste Schutz: das Backup täglich prüfen – und eine Kopie außer Haus lagern.'), [
    'Das Backup täglich prüfen',
    'Eine Kopie außer Haus lagern',
  ]);
  // A colon before a sentence with a finite verb is no list of instructions.
  assert.deepEqual(actions('Die Ursache: die Firmware ist veraltet.'), []);
});

test('a statement that only looks like an action is dropped, and an explanation after a dash is cut off', () => {
  assert.deepEqual(actions('Wer eine Mail bekommt, sollte immer prüfen, wer sie geschickt hat – Absenderadressen sind leicht zu fälschen.'), [
    'Immer prüfen, wer sie geschickt hat, falls eine Mail bekommt',
  ]);
  assert.deepEqual(actions('Was Sie tun sollten:\n• Die Hauptverantwortung tragen die Praxisinhaber und ihr Team'), []);
});
