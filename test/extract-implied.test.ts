import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { extractNotice } from '../src/normalize/extract.js';
import { impliedUpdates, productsPhrase } from '../src/normalize/implied-actions.js';
import { compileCatalog } from '../src/normalize/products.js';

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const extract = (title: string, text: string) => extractNotice(matcher, { title, text, publishedAt: null });

test('a fixed version that no sentence asks to install becomes the update action, worded for the products it fixes', () => {
  const x = extract(
    'Digitalisierungsbox: Lücke bei Portweiterleitungen',
    'Bei der Digitalisierungsbox Premium und der Digitalisierungsbox Smart öffnete eine Portweiterleitung auch benachbarte Ports. Die Firmware 11.01.02.102 behebt den Fehler.',
  );
  assert.ok(x.products.length >= 2, JSON.stringify(x.products));
  assert.ok(x.products.every((p) => p.fixedVersion === '11.01.02.102'), JSON.stringify(x.products));
  assert.deepEqual(x.actions, ['Digitalisierungsbox auf Version 11.01.02.102 aktualisieren']);
  // The editor sees where it came from: not a sentence of the notice.
  assert.match(x.evidence.filter((e) => e.field === 'actions').at(-1)!.text, /abgeleitet/);
});

test('no implied action where the notice already asks for an update, names the version, or says nothing is to be done', () => {
  assert.deepEqual(impliedUpdates([{ name: 'AnyDesk', fixedVersion: '8.0.8' }], ['Ihre Clients aktualisieren']), []);
  assert.deepEqual(impliedUpdates([{ name: 'CGM Z1', fixedVersion: '2.91' }], ['Z1 Version 2.91 einspielen lassen']), []);
  // "11.01.02.102" and "11.1.2.102" are the same release.
  assert.deepEqual(impliedUpdates([{ name: 'Digitalisierungsbox Premium', fixedVersion: '11.01.02.102' }], ['Firmware 11.1.2.102 prüfen']), []);
  assert.deepEqual(impliedUpdates([{ name: 'FRITZ!Box', fixedVersion: null }], []), []);
  // A release named without a dotted number is not worded into a sentence.
  assert.deepEqual(impliedUpdates([{ name: 'Sophos Firewall', fixedVersion: 'Hotfix' }], []), []);
  const x = extract(
    'FRITZ!OS 7.57 verteilt',
    'FRITZ!OS 7.57 für die FRITZ!Box 7590 behebt die Lücke. Sie müssen nichts tun.',
  );
  assert.equal(x.products[0]?.fixedVersion, '7.57');
  assert.equal(x.noActionNeeded, true);
  assert.deepEqual(x.actions, []);
});

test('several fixed versions give one action each; product names share their family or are listed', () => {
  assert.deepEqual(
    impliedUpdates(
      [
        { name: 'KoCoBox MED+', fixedVersion: '5.1.8' },
        { name: 'secunet konnektor', fixedVersion: '5.0.5' },
        { name: 'RISE Konnektor', fixedVersion: '5.0.5' },
      ],
      ['Passwort am Konnektor ändern'],
    ),
    ['KoCoBox MED+ auf Version 5.1.8 aktualisieren', 'secunet konnektor und RISE Konnektor auf Version 5.0.5 aktualisieren'],
  );
  assert.equal(productsPhrase(['ORGA 6141 online', 'ORGA 930 M']), 'ORGA');
  assert.equal(productsPhrase(['x.isynet', 'x.concept', 'x.comfort']), 'x.isynet, x.concept und x.comfort');
});
