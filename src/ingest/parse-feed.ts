import Parser from 'rss-parser';
import { parsePublishedDate } from './dates.js';
import { htmlToText } from './html-text.js';
import { ParseError } from './ingest.errors.js';
import { absolute, fallbackId, validItems, type ParsedItems } from './items.js';

const parser = new Parser();

/**
 * Parses an RSS or Atom document. The item id is the GUID (Atom: id), else the link, else a hash of title and
 * date. A document that declares entities is refused before parsing: real feeds never need them, and they are
 * how XXE and billion-laughs attacks start.
 */
export async function parseFeed(xml: string, baseUrl: string): Promise<ParsedItems> {
  refuseEntityDeclarations(xml);
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(xml);
  } catch (error) {
    throw new ParseError(`Der Feed ist kein gültiges RSS oder Atom${where((error as Error).message)}.`);
  }
  const candidates = (feed.items ?? []).map((item) => {
    const link = absolute(item.link, baseUrl);
    const html = (item['content:encoded'] as string | undefined) ?? item.content ?? item.summary ?? '';
    const title = typeof item.title === 'string' ? htmlToText(item.title) : '';
    const publishedAt = parsePublishedDate(item.isoDate ?? item.pubDate ?? (item as { updated?: string }).updated);
    const guid = typeof item.guid === 'string' ? item.guid : typeof item.id === 'string' ? item.id : null;
    return {
      externalId: guid?.trim() || link || fallbackId(title, publishedAt),
      url: link,
      title,
      publishedAt,
      text: typeof html === 'string' ? htmlToText(html) : '',
    };
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
