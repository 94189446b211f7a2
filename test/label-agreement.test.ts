// The agreement study's second labels (test/fixtures/real/second-labels/README.md): each names a visible case that
// is relevant and labelled with actions, and each action is a German infinitive phrase as LABELS.md asks; every
// classified disagreement names a label that exists, with one of the study's classes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { mainClause } from '../src/normalize/verbs.js';
import { classes, type Disagreement } from '../scripts/label-agreement.js';

const dir = 'test/fixtures/real/second-labels';
const visible = 'test/fixtures/real/visible';
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'disagreements.json');
const labels = new Map(files.map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(dir, f), 'utf8')) as { case: string; actions: string[]; notes: string }]));

/** A label ends its main clause with an infinitive ("… aktualisieren", "Prüfen, ob …"), brackets and quotes aside. */
function infinitivePhrase(action: string): boolean {
  const plain = action.replace(/\([^)]*\)/g, '').replace(/„[^“]*“/g, 'X').replace(/\s+/g, ' ').trim();
  return mainClause(plain.charAt(0).toLowerCase() + plain.slice(1)) !== null;
}

test('every second label names a visible case that is relevant and has actions, and has German infinitive actions', () => {
  assert.ok(files.length >= 40, `only ${files.length} second labels`);
  for (const [name, l] of labels) {
    assert.equal(l.case, name, `${name}: "case" differs from the file name`);
    const expected = join(visible, `${name}.expected.json`);
    assert.ok(existsSync(expected), `${name}: no such visible case`);
    const first = (JSON.parse(readFileSync(expected, 'utf8')) as { advisories: { relevant: boolean; actions: string[] }[] }).advisories;
    assert.ok(first.length === 1 && first[0]!.relevant && first[0]!.actions.length > 0, `${name}: not in the sample's population`);
    assert.ok(l.actions.length > 0, `${name}: no actions`);
    assert.equal(new Set(l.actions).size, l.actions.length, `${name}: an action twice`);
    for (const a of l.actions) assert.ok(infinitivePhrase(a), `${name}: not a German infinitive phrase: ${a}`);
  }
});

test('the infinitive check refuses imperatives, English and nouns', () => {
  assert.ok(infinitivePhrase('Sicherstellen, dass jedes DSM-Konto bekannt ist'));
  assert.ok(infinitivePhrase('secunet Konnektor manuell neu registrieren (Re-Registrierung)'));
  assert.ok(!infinitivePhrase('Installieren Sie das Update'));
  assert.ok(!infinitivePhrase('Install the latest version'));
  assert.ok(!infinitivePhrase('Passwortänderung'));
});

test('every classified disagreement names an existing label with a known class', () => {
  const list = JSON.parse(readFileSync(join(dir, 'disagreements.json'), 'utf8')) as Disagreement[];
  for (const d of list) {
    assert.ok((classes as readonly string[]).includes(d.class), `unknown class ${d.class}`);
    const own = labels.get(d.case);
    assert.ok(own, `${d.case}: no second label`);
    const actions = d.side === 'second' ? own.actions : (JSON.parse(readFileSync(join(visible, `${d.case}.expected.json`), 'utf8')) as { advisories: { actions: string[] }[] }).advisories[0]!.actions;
    assert.ok(actions.includes(d.action), `${d.case}: no ${d.side} label "${d.action}"`);
  }
});
