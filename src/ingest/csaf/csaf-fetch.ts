import type { Logger } from 'pino';
import { z } from 'zod';
import { httpGet, type HttpOptions } from '../http.js';
import { FetchError, ParseError } from '../ingest.errors.js';
import { rawItemSchema, validItems, type RawItem } from '../items.js';
import type { KnownItems } from '../known-items.js';
import { csafDocumentSchema } from './csaf.models.js';
import { findIndexes, parseJson, readIndex, type CsafEntry } from './csaf-index.js';

export type CsafOptions = {
  /** Documents fetched per run at most; the rest follow at the next run (newest first). */
  maxDocuments?: number;
  /** On the first run, and for documents never seen, only those updated within this many days are fetched. */
  backfillDays?: number;
  /** Cap for the ROLIE feed or changes.csv, which list every document a provider ever published. */
  maxIndexBytes?: number;
};

export const csafDefaults = { maxDocuments: 50, backfillDays: 30, maxIndexBytes: 32 * 1024 * 1024 };

type Deps = { http?: HttpOptions; logger: Logger; clock: () => Date; csaf?: CsafOptions };
type State = { etag?: string | null; lastModified?: string | null; known: () => KnownItems; limit?: number };

// A stored CSAF notice keeps the document byte for byte; large product trees exceed the HTML text limit.
const csafItemSchema = rawItemSchema.extend({ text: z.string().max(20 * 1024 * 1024) });

/** CSAF file names are the tracking id in lower case with other characters as "_" (CSAF 2.0, 5.1). */
export const csafFileName = (trackingId: string) => `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;

/**
 * Fetches a CSAF provider: provider-metadata.json, then its public ROLIE feed (or changes.csv), then only the
 * documents that are new or whose release date moved past the stored one, one request at a time. Each document
 * becomes an item whose text is the JSON exactly as fetched; the CSAF mapping happens in normalize.
 */
export async function collectCsaf(deps: Deps, source: { id: string; url: string }, state: State) {
  const opts = { ...csafDefaults, ...deps.csaf };
  const http = { ...deps.http, accept: 'application/json' };
  const notModified = { notModified: true as const, etag: state.etag ?? null, lastModified: state.lastModified ?? null };
  const metadata = await httpGet(source.url, http);
  if (metadata.notModified) return notModified;
  const indexes = findIndexes(parseJson(metadata.body, 'Die CSAF-Quelle'), metadata.url);
  // Conditional headers belong to one index; with several feeds each is read in full.
  const single = indexes.length === 1;
  const entries: CsafEntry[] = [];
  let validators = { etag: null as string | null, lastModified: null as string | null };
  for (const index of indexes) {
    const read = await readIndex(index, { ...http, maxBytes: opts.maxIndexBytes, ...(single ? { etag: state.etag, lastModified: state.lastModified } : {}) });
    if (read.notModified) return notModified;
    entries.push(...read.entries);
    if (single) validators = { etag: read.etag, lastModified: read.lastModified };
  }
  const { due, unchanged } = selectDue(entries, state.known(), new Date(deps.clock().getTime() - opts.backfillDays * 86_400_000));
  const items: RawItem[] = [];
  let skipped = 0;
  const problems: { url: string; message: string }[] = [];
  for (const entry of due.slice(0, Math.min(opts.maxDocuments, state.limit ?? Infinity))) {
    try {
      const response = await httpGet(entry.url, http);
      if (response.notModified) continue;
      const parsed = csafDocumentSchema.safeParse(parseJson(response.body, `Das CSAF-Dokument ${entry.url}`));
      if (!parsed.success) throw new ParseError(`${entry.url} ist kein CSAF-Dokument (document.tracking fehlt).`);
      const { title, tracking } = parsed.data.document;
      const publishedAt = new Date(tracking.current_release_date);
      items.push({ externalId: tracking.id, title, url: response.url, publishedAt: Number.isNaN(publishedAt.getTime()) ? null : publishedAt, text: response.body });
    } catch (error) {
      if (!(error instanceof FetchError || error instanceof ParseError)) throw error;
      deps.logger.warn({ sourceId: source.id, code: error instanceof FetchError ? error.code : 'parse', url: entry.url }, 'csaf document skipped');
      problems.push({ url: entry.url, message: error.message });
      skipped++;
      // The provider asked for a pause: the remaining documents wait for the next run instead of failing one by one.
      if (error instanceof FetchError && error.code === 'rate_limited') break;
    }
  }
  const valid = validItems(items, csafItemSchema);
  // Documents are chosen by their index dates, not by a hash of what was fetched.
  return { notModified: false as const, items: valid.items, skipped: skipped + valid.skipped, unchanged, problems, ...validators, bodyHash: null };
}

/** New documents inside the backfill window and known ones whose index date is newer than the stored release. */
function selectDue(entries: CsafEntry[], known: KnownItems, since: Date): { due: CsafEntry[]; unchanged: number } {
  const byFile = new Map([...known].map(([id, item]) => [csafFileName(id), item]));
  const seen = new Set<string>();
  const due: CsafEntry[] = [];
  let unchanged = 0;
  const newestFirst = [...entries].sort((a, b) => (b.updated?.getTime() ?? 0) - (a.updated?.getTime() ?? 0));
  for (const entry of newestFirst) {
    if (seen.has(entry.url)) continue;
    seen.add(entry.url);
    const stored = (entry.id ? known.get(entry.id) : undefined) ?? byFile.get(entry.url.split('/').pop() ?? '');
    if (stored) {
      if (stored.publishedAt && entry.updated && stored.publishedAt.getTime() >= entry.updated.getTime()) unchanged++;
      else due.push(entry);
    } else if (entry.updated && entry.updated >= since) due.push(entry);
  }
  return { due, unchanged };
}
