import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { SourceSelectors } from '../sources/sources.table.js';
import { httpGet, type HttpOptions } from './http.js';
import { FetchError, ParseError } from './ingest.errors.js';
import type { ParsedItems, RawItem } from './items.js';
import type { KnownItems } from './known-items.js';
import { parseArticle } from './parse-html.js';

/** What the list or feed showed for an item; when it changes, the article is fetched again. */
export function listFingerprint(item: RawItem): string {
  return createHash('sha256')
    .update(item.title)
    .update('\n')
    .update(item.publishedAt?.toISOString() ?? '')
    .update('\n')
    .update(item.text)
    .digest('hex');
}

/** `problems`: the articles that could not be read now, with why in German (for the admin's source list). */
export type WithArticles = ParsedItems & { unchanged: number; problems: { url: string; message: string }[] };

/**
 * Replaces each item's teaser by the text of its article page. A known item whose list entry (title, date,
 * teaser) looks as it did at the last fetch is not fetched again: that keeps us polite (one request per new or
 * changed entry, not one per entry and run) while an edit that shows in the list still becomes a new version.
 * An article that cannot be fetched now is skipped and tried at the next fetch.
 */
export async function withArticles(
  deps: { http?: HttpOptions; logger: Logger },
  sourceId: string,
  selectors: SourceSelectors,
  parsed: ParsedItems,
  known: KnownItems,
  { limit = Infinity }: { limit?: number } = {},
): Promise<WithArticles> {
  const items: RawItem[] = [];
  let skipped = parsed.skipped;
  let unchanged = 0;
  const problems: WithArticles['problems'] = [];
  for (const item of parsed.items) {
    const listHash = listFingerprint(item);
    if (known.get(item.externalId)?.listHash === listHash) {
      unchanged++;
      continue;
    }
    if (items.length >= limit) break;
    if (!item.url) {
      skipped++;
      continue;
    }
    try {
      const page = await httpGet(item.url, deps.http);
      const article = page.notModified ? null : parseArticle(page.body, selectors);
      if (!article || article.text.length === 0) throw new ParseError(`Artikeltext nicht gefunden (${item.url}).`);
      items.push({ ...item, text: article.text, publishedAt: item.publishedAt ?? article.publishedAt, listHash });
    } catch (error) {
      if (!(error instanceof FetchError || error instanceof ParseError)) throw error;
      deps.logger.warn({ sourceId, code: error instanceof FetchError ? error.code : 'parse', url: item.url }, 'article skipped');
      problems.push({ url: item.url, message: error.message });
      skipped++;
    }
  }
  return { items, skipped, unchanged, problems };
}
