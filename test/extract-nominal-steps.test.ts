import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { stepOfNounPhrase } from '../src/normalize/nominal-steps.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Advice given as a noun phrase becomes an infinitive step where its head is something practices make, use or
// switch to (src/normalize/nominal-steps.ts). Made-up sentences in the shapes German notices use.

test('a noun phrase of advice with a known head takes the verb notices pair with it', () => {
  assert.equal(stepOfNounPhrase('Wöchentliche Sicherungskopien'), 'Wöchentliche Sicherungskopien anlegen');
  assert.equal(stepOfNounPhrase('Ein nächtliches Backup (auf externe Platte)'), 'Ein nächtliches Backup (auf externe Platte) anlegen');
  assert.equal(stepOfNounPhrase('Jährliche Schulungen'), 'Jährliche Schulungen durchführen');
  assert.equal(stepOfNounPhrase('Die Zwei-Faktor-Authentifizierung'), 'Die Zwei-Faktor-Authentifizierung aktivieren');
  assert.equal(stepOfNounPhrase('Der Umstieg auf einen unterstützten Browser, sobald möglich'), 'Auf einen unterstützten Browser umsteigen, sobald möglich');
  assert.equal(stepOfNounPhrase('Ein Wechsel zu einem anderen Anbieter'), 'Zu einem anderen Anbieter wechseln');
});

test('a noun phrase whose head is unknown, or in another case, stays as it was found', () => {
  assert.equal(stepOfNounPhrase('Georedundanz an zwei Standorten'), null);
  assert.equal(stepOfNounPhrase('Der Datensicherung'), null);
  assert.equal(stepOfNounPhrase('Klare Zuständigkeiten'), null);
  // Passwords are a head since 7 Dec: "Sichere Passwörter" is what practices use.
  assert.equal(stepOfNounPhrase('Sichere Passwörter'), 'Sichere Passwörter verwenden');
});

test('nominal advice in a sentence comes out as an infinitive step', () => {
  const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);
  assert.deepEqual(actions('Die Polizei empfiehlt Praxen eine tägliche Datensicherung.'), ['Eine tägliche Datensicherung anlegen']);
  assert.deepEqual(actions('Die Kammer rät zum zeitnahen Umstieg auf ein unterstütztes Betriebssystem.'), ['Zeitnah auf ein unterstütztes Betriebssystem umsteigen']);
});
