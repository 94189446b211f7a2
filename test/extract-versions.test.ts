import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { compileCatalog, mentions } from '../src/normalize/products.js';
import { findVersions } from '../src/normalize/versions.js';

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
/** "fixed:7.2.5 affected:bis V5.35": the versions a sentence names, as the products' step reads them. */
const read = (text: string) =>
  findVersions(text, mentions(matcher, text, null))
    .map((v) => `${v.kind}:${v.phrase}`)
    .join(' ');

test('a label names the column of a fix, as advisory tables and headers give it', () => {
  assert.equal(read('Behobene Version: 4.2.1'), 'fixed:4.2.1');
  assert.equal(read('Affected version: ZLD V4.60 to V5.35; Patch availability: ZLD V5.36'), 'affected:V5.35 fixed:V5.36');
});

test("the system's name between a cue and its number does not hide the cue; protocols are no such name", () => {
  assert.equal(read('Zyxel hat für die ATP-Serie die Firmware ZLD V5.36 Patch 1 veröffentlicht.'), 'fixed:V5.36 Patch 1');
  assert.equal(read('This issue is fixed in FortiOS 7.2.5 and above.'), 'fixed:7.2.5');
  assert.equal(read('Abhilfe schafft die Firmware-Version 11.1.2.102, die für die drei Modelle bereitsteht.'), 'fixed:11.1.2.102');
  assert.equal(read('Die Umstellung auf TLS 1.2 ist verfügbar.'), '');
});

test('a minimum release ("and later", "oder höher") is the fix; the next releases of a list are read like the first', () => {
  assert.equal(read('QTS 5.1.0.2444 build 20230629 and later'), 'fixed:5.1.0.2444 build 20230629');
  assert.equal(read('Fixed versions: PAN-OS 10.2.4, FortiOS 7.0.12'), 'fixed:10.2.4 fixed:7.0.12');
  assert.equal(read('Betroffen sind die Versionen vor 7.2.5, 7.0.12 und 6.4.13.'), 'affected:vor 7.2.5 affected:7.0.12 affected:6.4.13');
  // "7.0.12" after a comma is no date.
  assert.equal(read('Version 1.0, 08.11.2021 veröffentlicht'), '');
});

test('the end of a range is affected, the target of an upgrade from one release to another is the fix', () => {
  assert.equal(read('Betroffen sind Firewalls mit ZLD V4.60 bis V5.35; behoben in ZLD V5.36.'), 'affected:V4.60 affected:bis V5.35 fixed:V5.36');
  assert.equal(read('Please upgrade from 7.0.1 to 7.2.5 now.'), 'fixed:7.2.5');
  assert.equal(read('Betroffene Produkte: Firewalls mit Firmware ZLD V4.60:'), 'affected:V4.60');
});

test('the releases a long hotfix list applies to are not fixes; the one that includes the fix is', () => {
  const text = 'Hotfixes for v17.0 MR10 EAL4+, v17.5 MR16 and MR17, v18.0 MR5(-1) and MR6, v18.5 MR1 and MR2, and v19.0 EAP published on March 23, 2022';
  assert.equal(read(text), '');
  assert.equal(read('Fix included in v19.0 GA and v18.5 MR4 (18.5.4)'), 'fixed:v19.0 GA fixed:v18.5 MR4 (18.5.4)');
  assert.equal(read('Die KBV hat einen weiteren Hotfix für das Prüfmodul bereitgestellt, der Log4j in Version 2.16.0 enthält.'), 'fixed:2.16.0');
});

test('a table row keeps its cells apart, under its header row or as a label and its value', async () => {
  const { htmlToText } = await import('../src/ingest/html-text.js');
  const table =
    '<table><tr><th>Affected series</th><th>Affected version</th><th>Patch availability</th></tr>' +
    '<tr><td>USG FLEX</td><td>ZLD V4.60 to V5.35</td><td>ZLD V5.36</td></tr></table>' +
    '<table><tr><td>Stand</td><td>11.12.2021</td></tr><tr><td>Warnstufe</td><td><strong>4 / Rot</strong></td></tr></table>';
  assert.equal(
    htmlToText(table),
    'Affected series | Affected version | Patch availability\nAffected series: USG FLEX | Affected version: ZLD V4.60 to V5.35 | Patch availability: ZLD V5.36\nStand: 11.12.2021\nWarnstufe: 4 / Rot',
  );
  assert.equal(read('Affected series: USG FLEX | Affected version: ZLD V4.60 to V5.35 | Patch availability: ZLD V5.36'), 'affected:V5.35 fixed:V5.36');
  // A layout table's cells hold paragraphs, read as blocks.
  const long = 'Ein langer Absatz über die Lücke, der weit mehr als dreihundert Zeichen umfasst. '.repeat(5);
  assert.equal(htmlToText(`<table><tr><td><p>${long.trim()}</p></td><td><p>Zweite Spalte</p></td></tr></table>`), `${long.trim()}\nZweite Spalte`);
});
