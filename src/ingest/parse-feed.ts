import Parser from 'rss-parser';
import { parsePublishedDate } from './dates.js';
import { htmlToText } from './html-text.js';
import { ParseError } from './ingest.errors.js';
import { absolute, validItems, type ParsedItems } from './items.js';

const parser = new Parser();

/** Parses an RSS or Atom document; the item id is the GUID, else the link. */
export async function parseFeed(xml: string, baseUrl: string): Promise<ParsedItems> {
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(xml);
  } catch (error) {
    throw new ParseError(`Der Feed ist kein gültiges RSS oder Atom: ${(error as Error).message.split('\n')[0]}`);
  }
  const candidates = (feed.items ?? []).map((item) => {
    const link = absolute(item.link, baseUrl);
    const html = (item['content:encoded'] as string | undefined) ?? item.content ?? item.summary ?? '';
    return {
      externalId: item.guid ?? item.id ?? link ?? '',
      url: link,
      title: item.title ? htmlToText(item.title) : '',
      publishedAt: parsePublishedDate(item.isoDate ?? item.pubDate),
      text: htmlToText(html),
    };
  });
  return validItems(candidates);
}
