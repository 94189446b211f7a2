import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseFeed } from '../src/ingest/parse-feed.js';

// rss-parser reads every feed; these tests hold parseFeed to the items a publisher meant, in every feed dialect we
// meet, and to a German error for what is not a feed.

const base = 'https://praxis-it.example/feed';
const rss = (items: string, attributes = ' version="2.0"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss${attributes}><channel><title>Praxis-IT</title><link>https://praxis-it.example/</link>${items}</channel></rss>\n`;
const atom = (entries: string) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><link href="https://a.example/"/><link rel="self" href="https://a.example/atom.xml"/>${entries}</feed>`;
const read = async (xml: string) => {
  const { items, skipped } = await parseFeed(xml, base);
  return { items: items.map((i) => ({ ...i, publishedAt: i.publishedAt?.toISOString() ?? null })), skipped };
};

test('every feed fixture gives items with id, title and text', async () => {
  const dir = new URL('./fixtures/feeds/', import.meta.url);
  const files = readdirSync(dir);
  assert.ok(files.length >= 3);
  for (const file of files) {
    const { items, skipped } = await parseFeed(readFileSync(new URL(file, dir), 'latin1'), base);
    assert.ok(items.length >= 2, file);
    assert.equal(skipped, 0, file);
    assert.ok(items.every((i) => i.externalId && i.title && i.text), file);
  }
});

test('RSS 2.0: GUID, link, CDATA, entities, content:encoded, dc:title, German and RFC 822 dates', async () => {
  const xml = rss(
    `<item><title>Lücke in der Digitalisierungsbox</title><guid isPermaLink="false"> tag:praxis-it,2021:1 </guid><link>https://praxis-it.example/1?a=1&amp;b=2</link><pubDate>Mon, 08 Nov 2021 10:00:00 +0100</pubDate><description>&lt;p&gt;Update &amp;amp; Neustart&lt;/p&gt;</description></item>` +
      `<item><title><![CDATA[KBV: <b>Prüfmodule</b> & Log4j]]></title><link>/2</link><pubDate>8. November 2021</pubDate><description><![CDATA[<p>Bitte <a href="/x">aktualisieren</a>.</p>]]></description><content:encoded><![CDATA[<p>Voller Text</p>]]></content:encoded></item>` +
      `<item><dc:title>Nur dc:title</dc:title><dc:date>08.11.2021</dc:date><description>Text &#228;&#xE4; &quot;zitiert&quot; &apos;x&apos; <!-- Kommentar --> weiter</description></item>` +
      `<item><title>Datum unlesbar</title><guid>u</guid><pubDate>demnächst</pubDate></item>` +
      `<item><title a="1">Attribute</title><link/><guid>  </guid><description/></item><item/>`,
  );
  const { items, skipped } = await read(xml);
  assert.equal(skipped, 1, 'the empty item has no title');
  assert.deepEqual(items.slice(0, 2), [
    { externalId: 'tag:praxis-it,2021:1', url: 'https://praxis-it.example/1?a=1&b=2', title: 'Lücke in der Digitalisierungsbox', publishedAt: '2021-11-08T09:00:00.000Z', text: 'Update & Neustart' },
    { externalId: 'https://praxis-it.example/2', url: 'https://praxis-it.example/2', title: 'KBV: Prüfmodule & Log4j', publishedAt: '2021-11-08T11:00:00.000Z', text: 'Voller Text' },
  ]);
  assert.deepEqual(
    [items[2]!.title, items[2]!.publishedAt, items[2]!.text],
    ['Nur dc:title', '2021-11-08T11:00:00.000Z', 'Text ää "zitiert" \'x\' weiter'],
    '08.11.2021 is the 8th of November (new Date would read 11 August)',
  );
  assert.match(items[2]!.externalId, /^sha256:/);
  assert.deepEqual([items[3]!.externalId, items[3]!.publishedAt], ['u', null]);
  assert.deepEqual([items[4]!.title, items[4]!.url, items[4]!.text], ['Attribute', null, ''], 'an attribute on the title, an empty link and GUID');
});

test('RSS 0.91, RDF and Atom', async () => {
  const rss091 = rss('<item><title>Alt</title><link>https://praxis-it.example/alt</link><description>D</description></item>', ' version="0.91"');
  assert.deepEqual((await read(rss091)).items, [{ externalId: 'https://praxis-it.example/alt', url: 'https://praxis-it.example/alt', title: 'Alt', publishedAt: null, text: 'D' }]);
  const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://kv.example/"><title>KV</title></channel><item rdf:about="https://kv.example/1"><title>RDF-Hinweis</title><link>https://kv.example/1</link><description>Text &amp; mehr</description><dc:date>2021-11-08T10:00:00+01:00</dc:date></item></rdf:RDF>`;
  assert.deepEqual((await read(rdf)).items, [{ externalId: 'https://kv.example/1', url: 'https://kv.example/1', title: 'RDF-Hinweis', publishedAt: '2021-11-08T09:00:00.000Z', text: 'Text & mehr' }]);
  const feed = atom(
    `<entry><title type="html">Titel &lt;b&gt;html&lt;/b&gt;</title><link rel="self" href="https://a.example/self"/><link rel="alternate" href="https://a.example/1"/><id>tag:a,2021:1</id><published>2021-11-08T10:00:00+01:00</published><updated>2021-11-09T10:00:00Z</updated><summary type="html">&lt;p&gt;Kurz&lt;/p&gt;</summary></entry>` +
      `<entry><title>Nur updated</title><link href="/relativ"/><id>tag:a,2021:2</id><updated>2021-11-09T10:00:00Z</updated><content type="html"><![CDATA[<p>Inhalt</p>]]></content></entry>` +
      `<entry><title></title><id>tag:a,2021:3</id><published></published><content>  </content></entry>`,
  );
  assert.deepEqual(await read(feed), {
    items: [
      { externalId: 'tag:a,2021:1', url: 'https://a.example/1', title: 'Titel html', publishedAt: '2021-11-08T09:00:00.000Z', text: 'Kurz' },
      { externalId: 'tag:a,2021:2', url: 'https://praxis-it.example/relativ', title: 'Nur updated', publishedAt: '2021-11-09T10:00:00.000Z', text: 'Inhalt' },
    ],
    skipped: 1,
  });
});

test('odd but readable documents: byte order mark, HTML entities, text after the root', async () => {
  const titles = async (xml: string) => (await parseFeed(xml, base)).items.map((i) => i.title);
  assert.deepEqual(await titles(`\uFEFF<!DOCTYPE rss>${rss('<item><title>BOM</title><guid>b</guid></item>')}<danach>`), ['BOM']);
  assert.deepEqual(await titles(rss('<item><title>Ger&auml;t</title></item>')), ['Gerät']);
});

test('what is not a feed is a German error, with line and column where the XML parser names them', async () => {
  const broken = {
    'tags closed out of order': [rss('<item><title>x</item></title>'), /kein gültiges RSS oder Atom \(Fehler in Zeile 2, Spalte \d+\)/],
    'an unquoted attribute': [rss('<item><title>x</title></item>', ' version=2.0'), /Fehler in Zeile 2/],
    'a bare ampersand': [rss('<item><title>A & B</title></item>'), /Fehler in Zeile 2/],
    'an unknown entity named like an Object property': [rss('<item><title>&constructor; &__proto__;</title></item>'), /Fehler in Zeile 2/],
    'an unclosed document': ['<rss version="2.0"><channel><item><title>kaputt', /kein gültiges RSS oder Atom/],
    'rss without version': ['<rss><channel><item><title>x</title></item></channel></rss>', /kein gültiges RSS oder Atom/],
    'an Atom date that is none': [atom('<entry><id>x</id><published>gestern</published></entry>'), /kein gültiges RSS oder Atom/],
    'text before the root': [`Hallo${rss('<item><title>x</title></item>')}`, /Fehler in Zeile 1, Spalte 1\)/],
    'an empty body': ['', /kein gültiges RSS oder Atom/],
  } as const;
  for (const [label, [xml, message]] of Object.entries(broken)) await assert.rejects(parseFeed(xml, base), message, label);
});

test('a broken document leaves nothing behind for the next one', async () => {
  // xml2js reads on after an error; with one parser for all documents, that leaked into the next document read.
  for (let round = 0; round < 3; round++) {
    await assert.rejects(parseFeed(rss('<item><title>x</item></title>'), base));
    await assert.rejects(parseFeed(rss('<item><title>A & B</title></item>'), base), /Fehler in Zeile 2/);
    assert.deepEqual((await parseFeed(rss('<item><title>gut</title><guid>g</guid></item>'), base)).items.map((i) => i.title), ['gut']);
  }
});

test('entity declarations are refused before rss-parser sees the document', async () => {
  const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${rss('<item><title>&xxe;</title></item>')}`;
  await assert.rejects(parseFeed(xxe, base), /Entity-Deklarationen/);
  const parameterEntity = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "http://169.254.169.254/">%p;]>${rss('<item><title>x</title></item>')}`;
  await assert.rejects(parseFeed(parameterEntity, base), /Entity-Deklarationen/);
});
