import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 10: classes seen on public pages outside both splits of the real corpus. The sentences are made up for these
// tests; each class has negatives beside it.
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('"man" as the subject of a modal is the reader, capitalised at the start of a sentence too', () => {
  assert.deepEqual(actions('Man sollte die Kennwörter der Praxisrechner regelmäßig ändern.'), ['Die Kennwörter der Praxisrechner regelmäßig ändern']);
  assert.deepEqual(actions('Man muss das Sicherheitsupdate sofort einspielen.'), ['Das Sicherheitsupdate sofort einspielen']);
  // Reported advice keeps working, and what can be done stays out.
  assert.deepEqual(actions('Man kann die Funktion auch später aktivieren.'), []);
});

test('what to believe or assume is no deed, whoever is told to', () => {
  assert.deepEqual(actions('Man muss davon ausgehen, dass Patientendaten abgeflossen sind.'), []);
  assert.deepEqual(actions('Praxen müssen davon ausgehen, dass die Zugangsdaten bekannt sind.'), []);
  assert.deepEqual(actions('Man muss sich bewusst sein, dass Angreifer schnell handeln.'), []);
  assert.deepEqual(actions('Man sollte meinen, dass ein Virenscanner genügt.'), []);
});

test('a passive with its participle right behind the modal and "es" for its object clause is a step to check', () => {
  assert.deepEqual(actions('Es muss geprüft werden, ob die Firewall des Routers aktiv ist.'), ['Prüfen, ob die Firewall des Routers aktiv ist']);
  assert.deepEqual(actions('Es sollte sichergestellt werden, dass die Datensicherung täglich läuft.'), ['Sicherstellen, dass die Datensicherung täglich läuft']);
  assert.deepEqual(actions('Zudem sollte überprüft werden, ob unbekannte Benutzerkonten angelegt wurden.'), ['Überprüfen, ob unbekannte Benutzerkonten angelegt wurden']);
  // Without an object clause a bare passive says nothing to do.
  assert.deepEqual(actions('Dann sollte gewartet werden.'), []);
});

test('English "prioritise patching" and "make it a priority to" lead the step with "Vorrangig"', () => {
  assert.deepEqual(actions('We urge everyone running Exchange to prioritise patching their servers.'), ['Vorrangig Server patchen']);
  assert.deepEqual(actions('Customers should make it a top priority to install the update.'), ['Vorrangig Update einspielen']);
  // Without the priority the step is as before.
  assert.deepEqual(actions('Customers should install the update.'), ['Update einspielen']);
});
