import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { namedPronoun } from '../src/normalize/pronoun-objects.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Actions whose object is a bare pronoun (src/normalize/pronoun-objects.ts). Made-up sentences.

test('a pronoun object is named from the action\'s own condition, by its article', () => {
  assert.equal(namedPronoun('Ihn über die bekannte Rufnummer anrufen, falls Sie den Lieferanten zu kennen glauben'), 'Den Lieferanten über die bekannte Rufnummer anrufen, falls Sie den Lieferanten zu kennen glauben');
  assert.equal(namedPronoun('Es sofort ändern, falls ein Dritter das Kennwort des Portals kennt'), 'Das Kennwort sofort ändern, falls ein Dritter das Kennwort des Portals kennt');
  assert.equal(namedPronoun('Sie sperren lassen, wenn die Karte verloren gegangen ist'), 'Die Karte sperren lassen, wenn die Karte verloren gegangen ist');
});

test('a leading "Sie" without a thing to name becomes "Diese", which no one reads as the reader; other actions stay', () => {
  assert.equal(namedPronoun('Sie umgehend einspielen'), 'Diese umgehend einspielen');
  assert.equal(namedPronoun('Es zuerst auf dem Server installieren'), 'Es zuerst auf dem Server installieren');
  assert.equal(namedPronoun('Sicherheitsupdates umgehend einspielen'), 'Sicherheitsupdates umgehend einspielen');
});

test('in a notice: "Installieren Sie sie …" does not address the reader in the draft', () => {
  const actions = findActions(splitSentences('Der Hersteller hat zwei Updates veröffentlicht. Installieren Sie sie bitte umgehend.')).map((a) => a.text);
  assert.deepEqual(actions, ['Diese umgehend installieren']);
});
