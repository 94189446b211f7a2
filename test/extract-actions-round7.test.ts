import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { splitSentences } from '../src/normalize/sentences.js';

const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('what a scam asks of its victims is described, not advised', () => {
  for (const text of [
    'In der E-Mail werden die Empfänger aufgefordert, einen Link anzuklicken und ihre Zugangsdaten einzugeben.',
    'Die Betrüger fordern die Praxen auf, eine angebliche Rechnung zu begleichen.',
    'Die gefälschte Nachricht fordert die Empfänger auf, innerhalb von 48 Stunden ihre Bankdaten zu aktualisieren.',
    'Die Anrufer fordern die Praxismitarbeiter auf, eine Fernwartung zuzulassen.',
    'Per SMS werden die Opfer gebeten, einen Link zu öffnen.',
    'Darin werden die Empfänger aufgefordert, ihre Kontodaten zu bestätigen.',
    'Die Täter geben vor, von der KV zu kommen, und bitten die Praxis, Zugangsdaten zu nennen.',
    'Man werde aufgefordert, persönliche Daten auf einer gefälschten Webseite einzugeben.',
    'Angeblich muss man sich für eine neue Gesundheitskarte registrieren.',
    'In der Mail heißt es, man solle seine Zugangsdaten bestätigen.',
    'Werden Sie aufgefordert, Ihr Passwort einzugeben, ist Vorsicht angebracht.',
  ]) {
    assert.deepEqual(actions(text), [], text);
  }
  // Demands on the practices by the KV or a vendor stay advice, and so does advice given about such calls.
  assert.deepEqual(actions('Die KV fordert alle Praxen auf, die Mails ungelesen zu löschen.'), ['Die Mails ungelesen löschen']);
  assert.deepEqual(actions('Der Hersteller fordert seine Kunden auf, das Update umgehend einzuspielen.'), ['Das Update umgehend einspielen']);
  assert.deepEqual(actions('Bei Anrufen angeblicher Techniker wird empfohlen, sofort aufzulegen.'), ['Sofort auflegen']);
  // The demand as the condition of the real instruction.
  assert.deepEqual(actions('Wenn Sie per E-Mail aufgefordert werden, Ihr Passwort einzugeben, löschen Sie die Nachricht.'), [
    'Die Nachricht löschen, wenn Sie per E-Mail aufgefordert werden, Ihr Passwort einzugeben',
  ]);
});
