import * as cheerio from 'cheerio';
import type { SourceSelectors } from '../sources/sources.table.js';
import { parsePublishedDate } from './dates.js';
import { htmlToText } from './html-text.js';
import { ParseError } from './ingest.errors.js';
import { absolute, fallbackId, validItems, type ParsedItems } from './items.js';

/**
 * Reads the items of a news list page with the source's selectors; the item id is its absolute link. A page on
 * which the item selector finds nothing is an error (the site changed), never "no news".
 */
export function parseListPage(html: string, pageUrl: string, selectors: SourceSelectors): ParsedItems {
  const $ = cheerio.load(html);
  const itemSelector = selectors.item ?? 'article';
  const nodes = select(() => $(itemSelector).toArray(), itemSelector);
  if (nodes.length === 0) {
    throw new ParseError(`Auf der Seite wurden keine Einträge gefunden (Selektor „${itemSelector}“). Hat sich die Seite geändert?`);
  }
  const candidates = nodes.map((node) => {
    const item = $(node);
    const anchor = selectors.link ? select(() => item.find(selectors.link!).first(), selectors.link) : item.find('a[href]').first();
    const link = absolute(anchor.attr('href'), pageUrl);
    const titleNode = selectors.title ? select(() => item.find(selectors.title!).first(), selectors.title) : anchor;
    const dateNode = selectors.date ? select(() => item.find(selectors.date!).first(), selectors.date) : item.find('time').first();
    const title = titleNode.text().replace(/\s+/g, ' ').trim();
    const publishedAt = parsePublishedDate(dateNode.attr('datetime') ?? dateNode.text());
    return { externalId: link ?? fallbackId(title, publishedAt), url: link, title, publishedAt, text: htmlToText(item.html() ?? '') };
  });
  return validItems(candidates);
}

/** The text of an article page, or null when the article selector finds nothing. */
export function parseArticle(html: string, selectors: SourceSelectors): { text: string; publishedAt: Date | null } | null {
  const $ = cheerio.load(html);
  const articleSelector = selectors.article ?? 'article';
  const article = select(() => $(articleSelector).first(), articleSelector);
  if (article.length === 0) return null;
  const dateNode = selectors.date ? select(() => $(selectors.date!).first(), selectors.date) : $('time[datetime]').first();
  return {
    text: htmlToText($.html(article), { remove: selectors.remove }),
    publishedAt: parsePublishedDate(dateNode.attr('datetime') ?? dateNode.text()),
  };
}

/** An admin's selector that CSS cannot read is the source's error, not a crash. */
function select<T>(run: () => T, selector: string): T {
  try {
    return run();
  } catch {
    throw new ParseError(`Der Selektor „${selector}“ ist kein gültiger CSS-Selektor.`);
  }
}
