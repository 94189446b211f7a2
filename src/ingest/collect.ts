import { createHash } from 'node:crypto';
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
  /** What is stored for the source; read only where it is needed (article pages, CSAF), not for an unchanged document. */
  known: () => KnownItems;
  /** At most this many article pages or CSAF documents per run (the CLI's try-out keeps it small). */
  limit?: number;
  /** `bodyHash` of the last fetch that stored every item: the same document again is not parsed again. */
  bodyHash?: string | null;
};

export type Collected =
  /** A 304, or (rss, atom, html) the very document whose items are all stored already. */
  | { notModified: true; etag: string | null; lastModified: string | null }
  | {
      notModified: false;
      items: RawItem[];
      /** Items dropped as invalid or whose article could not be fetched now. */
      skipped: number;
      /** Known items not fetched again because their list entry did not change. */
      unchanged: number;
      /** Items whose article page or document could not be read now, with why (German). */
      problems: { url: string; message: string }[];
      etag: string | null;
      lastModified: string | null;
      /** Identifies the document and how it is read; null when it was not read (CSAF) or not every item was stored. */
      bodyHash: string | null;
    };

/**
 * Fetches one source and turns it into items, without touching the database: ingestSource stores them, the CLI's
 * `fetch --url` prints them. Expected failures throw FetchError or ParseError.
 */
export async function collectItems(deps: CollectDeps, source: SourceSpec, state: CollectState): Promise<Collected> {
  if (source.kind === 'csaf') return collectCsaf(deps, source, state);
  const response = await httpGet(source.url, { ...deps.http, etag: state.etag, lastModified: state.lastModified });
  if (response.notModified) return { notModified: true, etag: state.etag ?? null, lastModified: state.lastModified ?? null };
  const validators = { etag: response.etag, lastModified: response.lastModified };
  // Many publishers answer every request in full (no ETag, no Last-Modified) with what they sent an hour ago.
  const bodyHash = documentHash(source, response.url, response.body);
  if (bodyHash === state.bodyHash) return { notModified: true, ...validators };
  const selectors = source.selectors ?? {};
  const parsed = source.kind === 'html' ? parseListPage(response.body, response.url, selectors) : await parseFeed(response.body, response.url);
  const collected = !selectors.article
    ? { ...parsed, unchanged: 0, problems: [] }
    : await withArticles(deps, source.id, selectors, parsed, state.known(), { limit: state.limit });
  // A document with an item left out (invalid, or its article page failed) is read again next time.
  return { notModified: false, ...collected, ...validators, bodyHash: collected.skipped === 0 ? bodyHash : null };
}

/** The document's bytes, where they came from and how they are read: a changed selector reads the same page anew. */
function documentHash(source: SourceSpec, finalUrl: string, body: string): string {
  return createHash('sha256')
    .update(`${source.kind}\n${JSON.stringify(source.selectors ?? {})}\n${finalUrl}\n`)
    .update(body)
    .digest('hex');
}
