import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { getSource, recordFetchFailure, recordFetchSuccess, type Source } from '../sources/sources.repository.js';
import { FetchError, httpGet, type HttpOptions } from './http.js';
import { ParseError } from './ingest.errors.js';
import type { ParsedItems, RawItem } from './items.js';
import { knownExternalIds, storeNotices } from './notices.repository.js';
import { parseFeed } from './parse-feed.js';
import { parseArticle, parseListPage } from './parse-html.js';

export type IngestDeps = { db: Db; clock: () => Date; logger: Logger; http?: HttpOptions };

export type IngestResult =
  | { sourceId: string; status: 'ok' | 'not_modified'; created: number[]; changed: number[]; unchanged: number; skipped: number }
  | { sourceId: string; status: 'error'; message: string };

/**
 * Fetches one source and stores what is new. Expected failures (unreachable server, broken feed, selector
 * that finds nothing) end as the source's error status for the admin, not as an exception.
 */
export async function ingestSource(deps: IngestDeps, sourceId: string): Promise<IngestResult> {
  const { db, clock, logger } = deps;
  const source = getSource(db, sourceId);
  if (!source) return { sourceId, status: 'error', message: `Quelle "${sourceId}" ist unbekannt.` };
  try {
    const response = await httpGet(source.url, { ...deps.http, etag: source.etag, lastModified: source.lastModified });
    if (response.notModified) {
      recordFetchSuccess(db, source.id, { now: clock(), etag: source.etag, lastModified: source.lastModified });
      return { sourceId, status: 'not_modified', created: [], changed: [], unchanged: 0, skipped: 0 };
    }
    const parsed = await parseItems(source, response.body, response.url);
    const { items, skipped } = source.selectors?.article ? await withArticles(deps, source, parsed) : parsed;
    const stored = storeNotices(db, source.id, items, clock());
    recordFetchSuccess(db, source.id, { now: clock(), etag: response.etag, lastModified: response.lastModified });
    logger.info({ sourceId, created: stored.created.length, changed: stored.changed.length, skipped }, 'source fetched');
    return { sourceId, status: 'ok', ...stored, skipped };
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof ParseError)) throw error;
    recordFetchFailure(db, source.id, { now: clock(), message: error.message });
    logger.warn({ sourceId, code: error instanceof FetchError ? error.code : 'parse' }, 'source fetch failed');
    return { sourceId, status: 'error', message: error.message };
  }
}

function parseItems(source: Source, body: string, url: string): Promise<ParsedItems> | ParsedItems {
  switch (source.kind) {
    case 'rss':
    case 'atom':
      return parseFeed(body, url);
    case 'html':
      return parseListPage(body, url, source.selectors ?? {});
    case 'csaf':
      throw new ParseError('CSAF-Quellen werden in dieser Version noch nicht abgerufen.');
  }
}

/**
 * Replaces each new item's teaser by the text of its article page. Items already stored are left out (their
 * teaser would look like a change); an article that cannot be fetched now is skipped and tried at the next fetch.
 */
async function withArticles(deps: IngestDeps, source: Source, parsed: ParsedItems): Promise<ParsedItems> {
  const known = knownExternalIds(deps.db, source.id, parsed.items.map((i) => i.externalId));
  const items: RawItem[] = [];
  let skipped = parsed.skipped;
  // One request at a time: these pages usually live on the publisher's own host.
  for (const item of parsed.items.filter((i) => !known.has(i.externalId))) {
    if (!item.url) {
      skipped++;
      continue;
    }
    try {
      const page = await httpGet(item.url, deps.http);
      const article = page.notModified ? null : parseArticle(page.body, source.selectors ?? {});
      if (!article || article.text.length === 0) throw new ParseError(`Artikeltext nicht gefunden (${item.url}).`);
      items.push({ ...item, text: article.text, publishedAt: item.publishedAt ?? article.publishedAt });
    } catch (error) {
      if (!(error instanceof FetchError || error instanceof ParseError)) throw error;
      deps.logger.warn({ sourceId: source.id, code: error instanceof FetchError ? error.code : 'parse' }, 'article skipped');
      skipped++;
    }
  }
  return { items, skipped };
}
