import * as cheerio from 'cheerio';
import type { SourceSelectors } from '../sources/sources.table.js';
import { parsePublishedDate } from './dates.js';
import { htmlToText } from './html-text.js';
import { ParseError } from './ingest.errors.js';
import { absolute, validItems, type ParsedItems } from './items.js';

/** Reads the items of a news list page with the source's selectors; the item id is its absolute link. */
export function parseListPage(html: string, pageUrl: string, selectors: SourceSelectors): ParsedItems {
  const $ = cheerio.load(html);
  const nodes = $(selectors.item ?? 'article').toArray();
  if (nodes.length === 0) {
    throw new ParseError(`Auf der Seite wurde kein Eintrag gefunden (Selektor "${selectors.item}"). Hat sich die Seite geändert?`);
  }
  const candidates = nodes.map((node) => {
    const item = $(node);
    const anchor = selectors.link ? item.find(selectors.link).first() : item.find('a[href]').first();
    const link = absolute(anchor.attr('href'), pageUrl);
    const titleNode = selectors.title ? item.find(selectors.title).first() : anchor;
    const dateNode = selectors.date ? item.find(selectors.date).first() : item.find('time').first();
    return {
      externalId: link ?? '',
      url: link,
      title: titleNode.text().replace(/\s+/g, ' ').trim(),
      publishedAt: parsePublishedDate(dateNode.attr('datetime') ?? dateNode.text()),
      text: htmlToText(item.html() ?? ''),
    };
  });
  return validItems(candidates);
}

/** The text of an article page, or null when the article selector finds nothing. */
export function parseArticle(html: string, selectors: SourceSelectors): { text: string; publishedAt: Date | null } | null {
  const $ = cheerio.load(html);
  const article = $(selectors.article ?? 'article').first();
  if (article.length === 0) return null;
  const dateNode = selectors.date ? $(selectors.date).first() : $('time[datetime]').first();
  return {
    text: htmlToText($.html(article), { remove: selectors.remove }),
    publishedAt: parsePublishedDate(dateNode.attr('datetime') ?? dateNode.text()),
  };
}
