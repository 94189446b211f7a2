import Parser from 'rss-parser';
import { parsePublishedDate } from './dates.js';
import { htmlToText } from './html-text.js';
import { ParseError } from './ingest.errors.js';
import { absolute, fallbackId, validItems, type ParsedItems } from './items.js';

/**
 * Parses an RSS 2.0/0.9x, RSS 1.0 (RDF) or Atom document with rss-parser. The item id is the GUID (Atom: id), else
 * the link, else a hash of title and date. A document that declares entities is refused before rss-parser sees it:
 * real feeds never need them, and they are how XXE and billion-laughs attacks start.
 */
export async function parseFeed(xml: string, baseUrl: string): Promise<ParsedItems> {
  refuseEntityDeclarations(xml);
  let items: Record<string, unknown>[];
  try {
    // A parser per document: after an error xml2js reads the rest of the document into its next parse (about 25 µs).
    items = (await new Parser().parseString(xml)).items ?? [];
  } catch (error) {
    throw new ParseError(`Der Feed ist kein gültiges RSS oder Atom${where((error as Error).message)}.`);
  }
  // rss-parser passes on what xml2js made of an element: text, or an object (attributes or child elements, no text).
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const candidates = items.map((item) => {
    const link = absolute(text(item.link), baseUrl);
    const title = htmlToText(text(item.title) ?? '');
    // The date as written first: rss-parser's isoDate comes from `new Date`, which reads 08.11.2021 as 11 August.
    const publishedAt = parsePublishedDate(text(item.pubDate) || text(item.date)) ?? parsePublishedDate(text(item.isoDate));
    const guid = text(item.guid) ?? text(item.id);
    const html = text(item['content:encoded'] ?? item.content ?? item.summary) ?? '';
    return { externalId: guid?.trim() || link || fallbackId(title, publishedAt), url: link, title, publishedAt, text: htmlToText(html) };
  });
  return validItems(candidates);
}

/** A DOCTYPE with an internal subset or an ENTITY declaration is refused without expanding anything. */
export function refuseEntityDeclarations(xml: string): void {
  const head = xml.slice(0, 64 * 1024);
  if (/<!ENTITY/i.test(head) || /<!DOCTYPE[^>]*\[/i.test(head)) {
    throw new ParseError(
      'Der Feed enthält eine DTD mit Entity-Deklarationen; solche Dokumente werden aus Sicherheitsgründen nicht gelesen (Schutz vor XXE und „Billion Laughs“).',
    );
  }
}

/** "Line: 3 Column: 17" from the XML parser, in German; the rest of its message is not for admins. */
function where(message: string): string {
  const line = /Line:\s*(\d+)/.exec(message)?.[1];
  const column = /Column:\s*(\d+)/.exec(message)?.[1];
  return line ? ` (Fehler in Zeile ${Number(line) + 1}${column ? `, Spalte ${column}` : ''})` : ' (das XML ist unvollständig oder fehlerhaft)';
}
