import type { Logger } from 'pino';
import type { Source } from '../sources/sources.repository.js';
import { withArticles } from './articles.js';
import { httpGet, type HttpOptions } from './http.js';
import { collectCsaf, type CsafOptions } from './csaf/csaf-fetch.js';
import type { RawItem } from './items.js';
import type { KnownItems } from './known-items.js';
import { parseFeed } from './parse-feed.js';
import { parseListPage } from './parse-html.js';

export type SourceSpec = Pick<Source, 'id' | 'kind' | 'url' | 'selectors'>;

export type CollectDeps = { http?: HttpOptions; logger: Logger; clock: () => Date; csaf?: CsafOptions };

export type CollectState = {
  etag?: string | null;
  lastModified?: string | null;
  known: KnownItems;
  /** At most this many article pages or CSAF documents per run (the CLI's try-out keeps it small). */
  limit?: number;
};

export type Collected =
  | { notModified: true }
  | {
      notModified: false;
      items: RawItem[];
      /** Items dropped as invalid or whose article could not be fetched now. */
      skipped: number;
      /** Known items not fetched again because their list entry did not change. */
      unchanged: number;
      etag: string | null;
      lastModified: string | null;
    };

/**
 * Fetches one source and turns it into items, without touching the database: ingestSource stores them, the CLI's
 * `fetch --url` prints them. Expected failures throw FetchError or ParseError.
 */
export async function collectItems(deps: CollectDeps, source: SourceSpec, state: CollectState): Promise<Collected> {
  if (source.kind === 'csaf') return collectCsaf(deps, source, state);
  const response = await httpGet(source.url, { ...deps.http, etag: state.etag, lastModified: state.lastModified });
  if (response.notModified) return { notModified: true };
  const selectors = source.selectors ?? {};
  let parsed;
  switch (source.kind) {
    case 'rss':
    case 'atom':
      parsed = await parseFeed(response.body, response.url);
      break;
    case 'html':
      parsed = parseListPage(response.body, response.url, selectors);
      break;
  }
  const validators = { etag: response.etag, lastModified: response.lastModified };
  if (!selectors.article) return { notModified: false, ...parsed, unchanged: 0, ...validators };
  const withText = await withArticles(deps, source.id, selectors, parsed, state.known, { limit: state.limit });
  return { notModified: false, ...withText, ...validators };
}
