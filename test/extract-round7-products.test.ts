// Round 7 of issue 16: products, vendor and relevance by class, each test with hand-written snippets of a shape that
// real notices have (not copies of corpus cases).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { extractDocument } from '../src/normalize/document.js';
import { extractNotice } from '../src/normalize/extract.js';
import { compileCatalog } from '../src/normalize/products.js';

const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const extract = (title: string, text: string) => extractNotice(matcher, { title, text, publishedAt: null });
const ids = (x: { products: { id: string }[] }) => x.products.map((p) => p.id).sort();
const one = async (content: string) => (await extractDocument(matcher, content))[0]!;

test('a pointer to another article or to the site\'s products names nothing the notice is about, wherever it stands', async () => {
  const text = await one(
    [
      'heise online › Security › News',
      '',
      'Kritische Lücke in Sophos-Firewalls: Hersteller liefert Update',
      '',
      'In der Sophos Firewall klafft eine kritische Sicherheitslücke (CVE-2022-1040). Admins sollten das Update auf Version 18.5 MR3 zügig installieren.',
      '',
      'Siehe auch: FRITZ!Box-Update schließt Lücke im Fernzugriff',
      '',
      'Wer das Update nicht sofort einspielen kann, sollte den Fernzugriff auf die Weboberfläche abschalten.',
    ].join('\n'),
  );
  assert.deepEqual(ids(text), ['sophos-firewall']);
  assert.equal(text.vendorId, 'sophos');
  const page = await one(
    '<html><body><main><h1>Sicherheitsupdate für die KoCoBox MED+</h1>' +
      '<p>Für die KoCoBox MED+ steht ein Sicherheitsupdate bereit, das eine Schwachstelle im VPN-Modul schließt. Bitte lassen Sie die Firmware 5.1.8 durch Ihren Dienstleister einspielen.</p>' +
      '<p><strong>Lesen Sie auch:</strong> <a href="/x">Windows 10: Was Praxen jetzt tun müssen</a></p>' +
      '<p>Passende Produkte: CGM ALBIS, CGM MEDISTAR, CGM M1 PRO</p></main></body></html>',
  );
  assert.deepEqual(ids(page), ['cgm-kocobox-med-plus']);
});
