import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import Parser from 'rss-parser';
import { feedItems, type FeedItem } from '../src/ingest/feed-items.js';
import { readFeedTree } from '../src/ingest/feed-tree.js';
import { parseFeed } from '../src/ingest/parse-feed.js';

// parseFeed reads plainly well-formed feeds with its own reader and leaves everything else to rss-parser. The own
// reader must give exactly what rss-parser gives, field for field: that is what these tests hold it to.

const rssParser = new Parser();
const fields = ['title', 'link', 'content:encoded', 'content', 'summary', 'isoDate', 'pubDate', 'guid', 'id'] as const;
const picked = (items: FeedItem[]) => items.map((i) => Object.fromEntries(fields.filter((f) => i[f] !== undefined).map((f) => [f, i[f]])));
const ownReader = (xml: string) => {
  const tree = readFeedTree(xml);
  return tree && feedItems(tree);
};

async function assertSameAsRssParser(xml: string, label: string) {
  const own = ownReader(xml);
  assert.ok(own, `${label}: read by the own reader`);
  assert.deepEqual(picked(own), picked((await rssParser.parseString(xml)).items as FeedItem[]), label);
}

const rss = (items: string, attributes = ' version="2.0"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss${attributes}><channel><title>Praxis-IT</title><link>https://praxis-it.example/</link>${items}</channel></rss>\n`;
const atom = (entries: string) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><link href="https://a.example/"/><link rel="self" href="https://a.example/atom.xml"/>${entries}</feed>`;

test('every feed fixture is read by the own reader exactly as rss-parser reads it', async () => {
  const dir = new URL('./fixtures/feeds/', import.meta.url);
  const files = readdirSync(dir);
  assert.ok(files.length >= 3);
  for (const file of files) await assertSameAsRssParser(readFileSync(new URL(file, dir), 'latin1'), file);
});

test('RSS 2.0 and 0.91, RDF, Atom, CDATA, entities, attributes, comments, German dates: the same items as rss-parser', async () => {
  const documents = {
    'rss 2.0': rss(
      `<item><title>Lücke in der Digitalisierungsbox</title><guid isPermaLink="false"> tag:praxis-it,2021:1 </guid><link>https://praxis-it.example/1?a=1&amp;b=2</link><pubDate>Mon, 08 Nov 2021 10:00:00 +0100</pubDate><description>&lt;p&gt;Update &amp;amp; Neustart&lt;/p&gt;</description></item>` +
        `<item><title><![CDATA[KBV: <b>Prüfmodule</b> & Log4j]]></title><link>https://praxis-it.example/2</link><pubDate>8. November 2021</pubDate><description><![CDATA[<p>Bitte <a href="/x">aktualisieren</a>.</p>]]></description><content:encoded><![CDATA[<p>Voller Text</p>]]></content:encoded></item>` +
        `<item><dc:title>Nur dc:title</dc:title><dc:date>08.11.2021</dc:date><description>Text &#228;&#xE4; &quot;zitiert&quot; &apos;x&apos; <!-- Kommentar --> weiter</description></item>` +
        `<item><title>Datum unlesbar</title><pubDate>demnächst</pubDate><description>Mixed <b>content</b> bleibt, wie rss-parser ihn liest</description></item>` +
        `<item><title a="1">Attribute</title><link/><guid>  </guid><description/></item><item/>`,
    ),
    'rss 0.91': rss('<item><title>Alt</title><link>https://praxis-it.example/alt</link><description>D</description></item>', ' version="0.91"'),
    rdf: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://kv.example/"><title>KV</title></channel><item rdf:about="https://kv.example/1"><title>RDF-Hinweis</title><link>https://kv.example/1</link><description>Text &amp; mehr</description><dc:date>2021-11-08T10:00:00+01:00</dc:date></item></rdf:RDF>`,
    atom: atom(
      `<entry><title type="html">Titel &lt;b&gt;html&lt;/b&gt;</title><link rel="self" href="https://a.example/self"/><link rel="alternate" href="https://a.example/1"/><id>tag:a,2021:1</id><published>2021-11-08T10:00:00+01:00</published><updated>2021-11-09T10:00:00Z</updated><summary type="html">&lt;p&gt;Kurz&lt;/p&gt;</summary></entry>` +
        `<entry><title>Nur updated</title><link href="/relativ"/><id>tag:a,2021:2</id><updated>2021-11-09T10:00:00Z</updated><content type="html"><![CDATA[<p>Inhalt</p>]]></content></entry>` +
        `<entry><title></title><id>tag:a,2021:3</id><published></published><content>  </content></entry>`,
    ),
    'byte order mark, doctype without subset, text after the root': `\uFEFF<!DOCTYPE rss>${rss('<item><title>BOM</title><guid>b</guid></item>')}<danach>`,
  };
  for (const [label, xml] of Object.entries(documents)) await assertSameAsRssParser(xml, label);
});

test('what the own reader does not reproduce goes to rss-parser: HTML entities, broken nesting, rebuilt markup, odd roots', async () => {
  const handedOn = {
    'an HTML entity (sax decodes it, XML has no such entity)': rss('<item><title>Ger&auml;t</title></item>'),
    'an entity named like an Object property': rss('<item><title>&constructor; &__proto__;</title></item>'),
    'an unescaped ampersand': rss('<item><title>A & B</title></item>'),
    'tags closed out of order': rss('<item><title>x</item></title>'),
    'an unclosed document': '<rss version="2.0"><channel><item><title>kaputt',
    'an unquoted attribute': rss('<item><title>x</title></item>', ' version=2.0'),
    'a closing tag with attributes': rss('<item><title>x</title></item a="1">'),
    'a stray slash in a start tag': rss('<item / ><title>x</title></item>'),
    'a child element and an empty CDATA section, which rss-parser rebuilds as markup': rss('<item><title>x</title><description>  <b>y</b><![CDATA[]]>  </description></item>'),
    'xhtml content, which rss-parser rebuilds as markup': atom('<entry><id>x</id><content type="xhtml"><div><p>x</p></div></content></entry>'),
    'an Atom link without attributes, on which rss-parser fails': atom('<entry><id>x</id><link>https://a.example/</link></entry>'),
    'an Atom date that is none, on which rss-parser fails': atom('<entry><id>x</id><published>gestern</published></entry>'),
    'rss without version': '<rss><channel><item><title>x</title></item></channel></rss>',
    'an element named like rss-parser’s text key': rss('<item><_>x</_><title>x</title></item>'),
    'text before the root': `Hallo${rss('<item><title>x</title></item>')}`,
  };
  for (const [label, xml] of Object.entries(handedOn)) assert.equal(ownReader(xml), null, label);
  // …and parseFeed still gives rss-parser's result for them: items, or the German error.
  assert.deepEqual((await parseFeed(handedOn['an HTML entity (sax decodes it, XML has no such entity)'], 'https://praxis-it.example/')).items.map((i) => i.title), ['Gerät']);
  await assert.rejects(parseFeed(handedOn['tags closed out of order'], 'https://praxis-it.example/'), /kein gültiges RSS oder Atom \(Fehler in Zeile \d+, Spalte \d+\)/);
  await assert.rejects(parseFeed(handedOn['an unclosed document'], 'https://praxis-it.example/'), /kein gültiges RSS oder Atom/);
});

test('entity declarations are refused before either reader sees the document', async () => {
  const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${rss('<item><title>&xxe;</title></item>')}`;
  await assert.rejects(parseFeed(xxe, 'https://praxis-it.example/'), /Entity-Deklarationen/);
});
