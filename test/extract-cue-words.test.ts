import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cueTest, guardedTest, spacedOddly } from '../src/normalize/cue-words.js';

test('a guarded pattern answers as the pattern alone, the letters the i and u flags fold apart included', () => {
  const messe = /(?<!\w)Messe\w*\b/iu;
  const guarded = guardedTest(messe, ['messe']);
  // "ſ" is s and the Kelvin sign is k only for the pattern with both flags: the guard must not rule those texts out.
  for (const text of ['Besuchen Sie uns auf der MESSE', 'Meſſestand', 'Die Firewall prüfen', 'Kunden', '\u212Aunden']) {
    assert.equal(guarded(text), messe.test(text), text);
  }
  const kunden = /\bkunden\b/iu;
  assert.equal(guardedTest(kunden, ['kunden'])('\u212Aunden informieren'), kunden.test('\u212Aunden informieren'));
});

test('a cue test tells a text that cannot hold a cue from one that may, in any case', () => {
  const cue = cueTest(['e-book', 'v1.2']);
  assert.equal(cue('das E-Book'), true);
  assert.equal(cue('v1.2.3'), true);
  assert.equal(cue('v132'), false);
  assert.equal(cue('Die Firewall prüfen'), false);
  assert.equal(cue(''), false);
  // A letter that folds apart leaves the decision to the pattern.
  assert.equal(cue('Die Firewall pr\u017Ffen'), true);
  assert.throws(() => cueTest(['@']));
});

test('a global pattern is refused: its lastIndex would carry from one text to the next', () => {
  assert.throws(() => guardedTest(/messe/giu, ['messe']));
});

test('spacedOddly answers as /\\s\\s|[^\\S ]/ does', () => {
  const texts = ['Firmware prüfen', 'Firmware  prüfen', 'Firmware\tprüfen', 'Firmware\u00a0prüfen', 'Firmware\u2003prüfen', '„Firmware“ prüfen', 'a\u017f b', ' ', '', 'x '.repeat(1500) + ' '];
  for (const text of texts) assert.equal(spacedOddly(text), /\s\s|[^\S ]/.test(text), JSON.stringify(text.slice(0, 40)));
});
