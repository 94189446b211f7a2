import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { germanPhrase } from '../src/normalize/english-actions.js';
import { splitSentences } from '../src/normalize/sentences.js';

// Round 13: English advice on everyday hygiene (what staff should not do with mails, links and accounts), found in
// the ninth batch's visible part. The sentences are made up for these tests; each class has negatives beside it.
const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('an English prohibition puts "nicht" before the verb, where it cannot turn into an adjective\'s negation', () => {
  // "Nicht verdächtige E-Mails öffnen" would ask to open the harmless ones.
  assert.deepEqual(actions('You must not open suspicious emails.'), ['Verdächtige E-Mails nicht öffnen']);
  assert.equal(germanPhrase('Do not open unexpected attachments'), 'Unerwartete Anhänge nicht öffnen');
  assert.equal(germanPhrase('Never reuse passwords across services'), 'Passwörter über Dienste nie wiederverwenden');
  // Before a preposition "nicht" may lead.
  assert.equal(germanPhrase('Do not click on links in unexpected emails'), 'Nicht auf Links in unerwartete E-Mails klicken');
  assert.equal(germanPhrase('Do not reply to the email'), 'Nicht auf E-Mail antworten');
  // What is not negated keeps its order.
  assert.equal(germanPhrase('Always check the sender'), 'Immer Absender prüfen');
});

test('a negated second verb after "and" is a step of its own', () => {
  assert.deepEqual(actions('Use strong passwords and do not share accounts.'), ['Starke Passwörter verwenden', 'Konten nicht teilen']);
  assert.deepEqual(actions('Remind staff not to open attachments that arrive from personal email accounts.'), ['Anhänge nicht öffnen']);
  // A negation that is no advice stays out.
  assert.deepEqual(actions('Attackers do not need to share accounts to get in.'), []);
});

test('"click" is a step for links and attachments, not for the buttons of a how-to', () => {
  assert.equal(germanPhrase('Do not click links in unexpected emails'), 'Links in unerwartete E-Mails nicht anklicken');
  assert.equal(germanPhrase("Click 'Operating System'"), null);
  assert.equal(germanPhrase('Click Update System'), null);
});

test('"IT" is information technology, and phone systems are Telefonanlagen', () => {
  assert.equal(germanPhrase('Call your IT technician'), 'IT Techniker anrufen');
  assert.equal(germanPhrase('Do not connect phone systems to the network'), 'Telefonanlagen mit dem Netzwerk nicht verbinden');
  // The pronoun still is one.
  assert.equal(germanPhrase('Install it'), null);
});
