import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActions } from '../src/normalize/actions.js';
import { splitSentences } from '../src/normalize/sentences.js';

const actions = (text: string) => findActions(splitSentences(text)).map((a) => a.text);

test('imperatives joined by "und" or "oder" stay one action, as the labels join them', () => {
  assert.deepEqual(actions('Spielen Sie das Update ein oder schalten Sie den Fernzugang ab.'), [
    'Das Update einspielen oder den Fernzugang abschalten',
  ]);
});

test('a "wo" or "sobald" clause before an imperative is its condition', () => {
  assert.deepEqual(actions('Wo es möglich ist, aktivieren Sie eine zweite Anmeldestufe.'), ['Eine zweite Anmeldestufe aktivieren, wo es möglich ist']);
  assert.deepEqual(actions('Sobald der Patch verfügbar ist, installieren Sie ihn auf allen Praxisrechnern.'), [
    'Ihn auf allen Praxisrechnern installieren, sobald der Patch verfügbar ist',
  ]);
});

test('a "wo" clause before a statement is no action', () => {
  assert.deepEqual(actions('Wo die Täter sitzen, wissen Sie nicht.'), []);
});

test('a reason after the last dash of an imperative is cut off', () => {
  assert.deepEqual(actions('Kontrollieren Sie jede Absenderadresse – Betrüger fälschen diese gern.'), ['Jede Absenderadresse kontrollieren']);
  assert.deepEqual(actions('Meiden Sie unbekannte Downloads – über sie gelangen Schädlinge auf die Rechner.'), ['Unbekannte Downloads meiden']);
  assert.deepEqual(actions('Ändern Sie das Startkennwort – sonst kennt es jeder.'), ['Das Startkennwort ändern']);
});

test('a dash that says how or when stays with the imperative', () => {
  const found = actions('Sichern Sie die Daten der Praxis – und zwar täglich.');
  assert.equal(found.length, 1);
  assert.match(found[0]!, /täglich/);
  assert.match(found[0]!, /sichern$/);
});

test('going "Schritt für Schritt" or keeping calm is manner, not a deed', () => {
  assert.deepEqual(actions('Bewahren Sie Ruhe und gehen Sie Schritt für Schritt vor.'), []);
});

test('rows of a version table that state their own instruction leave the lead-in as the one action', () => {
  const found = actions(['To stay safe, upgrade to these patched versions:', '• Viewer 2.1 for Linux: upgrade to 2.1.7 or later', '• Viewer 3.0 for Windows: upgrade to 3.0.2 or later'].join('\n'));
  assert.equal(found.length, 1);
  assert.match(found[0]!, /gepatchten Versionen aktualisieren$/);
});

test('noun-phrase rows under a lead-in still take its verb', () => {
  const found = actions(['Ändern Sie insbesondere folgende Passwörter:', '• das Kennwort des Praxisrouters', '• die Zugänge zur Fernwartung'].join('\n'));
  assert.equal(found.length, 2);
  assert.match(found[0]!, /Kennwort des Praxisrouters ändern$/);
});

test('behind a warning label an infinitive phrase is an instruction', () => {
  assert.deepEqual(actions('Doch Vorsicht: Den USB-Stick nach der Sicherung vom Rechner trennen.'), ['Den USB-Stick nach der Sicherung vom Rechner trennen']);
  assert.deepEqual(actions('Achtung: Links in solchen Schreiben nicht anklicken.'), ['Links in solchen Schreiben nicht anklicken']);
});

test('behind a warning label or a note a statement stays no action', () => {
  assert.deepEqual(actions('Aber Achtung: Die Betrüger wirken sehr glaubwürdig.'), []);
  assert.deepEqual(actions('Hinweis: Die Praxis meldet den Vorfall selbst an die Behörde, dann bleibt das Verfahren aus.'), []);
});

test('a passive instruction with its participle in front reads as an infinitive', () => {
  assert.deepEqual(actions('Zurückgesetzt werden müssen vor allem die Zugangsdaten des Praxisportals.'), ['Die Zugangsdaten des Praxisportals zurücksetzen']);
  assert.deepEqual(actions('Abgelegt werden sollte die Kopie an einem zweiten Ort.'), ['Die Kopie an einem zweiten Ort ablegen']);
});

test('a fronted participle with a modal of the past or of ability is a report', () => {
  assert.deepEqual(actions('Entdeckt werden konnte der Angriff erst nach Wochen.'), []);
  assert.deepEqual(actions('Betroffen waren vor allem kleine Praxen.'), []);
});
