import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { extractDocument } from '../src/normalize/document.js';
import { normalizeNotice } from '../src/normalize/notice.js';
import { compileCatalog } from '../src/normalize/products.js';

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const wid = readFileSync(new URL('fixtures/corpus/wid-digitalisierungsbox.csaf.json', import.meta.url), 'utf8');

test('a WID CSAF document maps product tree, fixed releases, severity and release date onto the catalog', async () => {
  const [x] = await extractDocument(matcher, wid);
  assert.ok(x);
  assert.equal(x.relevant, true);
  const premium = x.products.find((p) => p.id === 'telekom-digitalisierungsbox-premium');
  assert.deepEqual(premium && { affected: premium.affectedVersions, fixed: premium.fixedVersion }, { affected: '<11.01.02.102', fixed: '11.01.02.102' });
  // The fixed be.IP release is named by product_status.fixed, not by its id.
  assert.equal(x.products.find((p) => p.id === 'bintec-elmeg-be-ip')?.fixedVersion, '10.2.5');
  assert.equal(x.products.find((p) => p.id === 'bintec-elmeg-be-ip')?.affectedVersions, '<10.2.5');
  assert.equal(x.severity, 'hoch');
  assert.equal(x.published, '2019-11-26T23:00:00.000Z');
  assert.equal(x.tracking?.id, 'WID-SEC-W-2019-1234');
  assert.equal(x.tracking?.revisions.length, 2);
  assert.ok(x.actions.includes('Digitalisierungsbox Premium auf Version 11.01.02.102 aktualisieren'));
});

test('without a severity word the highest CVSS score decides, and remediations become German actions', () => {
  const doc = JSON.parse(wid);
  delete doc.document.aggregate_severity;
  doc.vulnerabilities[0].cve = 'CVE-2019-19999';
  doc.vulnerabilities[0].scores[0].cvss_v3.baseScore = 9.8;
  doc.vulnerabilities[0].remediations = [
    { category: 'vendor_fix', details: 'Firmware aktualisieren.', product_ids: ['T015001-fixed'] },
    { category: 'workaround', details: 'Portweiterleitungen auf die Ports 80 und 443 beschränken. Weitere Hinweise beim Hersteller.', product_ids: ['T015001'] },
  ];
  const x = normalizeNotice(matcher, { title: 'WID', text: JSON.stringify(doc), publishedAt: null });
  assert.equal(x.severity, 'kritisch');
  assert.deepEqual(x.cves, ['CVE-2019-19999']);
  assert.deepEqual(x.actions, [
    'Digitalisierungsbox Premium auf Version 11.01.02.102 aktualisieren',
    'Übergangslösung umsetzen: Portweiterleitungen auf die Ports 80 und 443 beschränken',
  ]);
});

test('a CSAF document about products no practice runs is not relevant', () => {
  const doc = JSON.parse(wid);
  doc.product_tree.branches = [{ category: 'vendor', name: 'Apache', branches: [{ category: 'product_name', name: 'HTTP Server', branches: [{ category: 'product_version_range', name: '<2.4.60', product: { name: 'Apache HTTP Server <2.4.60', product_id: 'T1' } }] }] }];
  const x = normalizeNotice(matcher, { title: 'WID', text: JSON.stringify(doc), publishedAt: null });
  assert.equal(x.relevant, false);
  assert.deepEqual(x.products, []);
});

test('text that merely starts like JSON is read as prose', () => {
  const x = normalizeNotice(matcher, { title: 'Hinweis', text: '{"document": kaputt} Bitte aktualisieren Sie Ihre FRITZ!Box auf FRITZ!OS 7.57.', publishedAt: null });
  assert.equal(x.tracking, undefined);
});
