import { httpGet, type HttpOptions } from '../http.js';
import { ParseError } from '../ingest.errors.js';
import { providerMetadataSchema, publicTlp, rolieFeedSchema } from './csaf.models.js';

/** One advisory document a provider lists, with the time it last changed. */
export type CsafEntry = { id: string | null; url: string; updated: Date | null };

export type CsafIndex = { kind: 'rolie' | 'changes'; url: string };

export function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new ParseError(`${what} ist kein gültiges JSON.`);
  }
}

/**
 * Where a provider lists its public (TLP:WHITE/CLEAR) documents: its ROLIE feeds, else the changes.csv of its
 * directory. A source URL that is itself a ROLIE feed is taken as it is.
 */
export function findIndexes(json: unknown, url: string): CsafIndex[] {
  if (rolieFeedSchema.safeParse(json).success) return [{ kind: 'rolie', url }];
  const parsed = providerMetadataSchema.safeParse(json);
  if (!parsed.success) throw new ParseError('Die Adresse liefert weder eine CSAF-provider-metadata.json noch einen ROLIE-Feed.');
  const feeds = parsed.data.distributions.flatMap((d) => d.rolie?.feeds ?? []).filter((f) => publicTlp(f.tlp_label));
  if (feeds.length > 0) return feeds.map((f) => ({ kind: 'rolie', url: new URL(f.url, url).href }));
  const directories = parsed.data.distributions.map((d) => d.directory_url).filter((d): d is string => !!d);
  if (directories.length > 0) return directories.map((d) => ({ kind: 'changes', url: new URL('changes.csv', d.endsWith('/') ? d : `${d}/`).href }));
  throw new ParseError('Die provider-metadata.json nennt keinen öffentlichen (TLP:WHITE) ROLIE-Feed und kein Verzeichnis.');
}

/** Reads one index (ROLIE feed or changes.csv) into entries; the index may be larger than a single page. */
export async function readIndex(index: CsafIndex, http: HttpOptions): Promise<{ notModified: true } | { notModified: false; entries: CsafEntry[]; etag: string | null; lastModified: string | null }> {
  const response = await httpGet(index.url, { ...http, accept: index.kind === 'rolie' ? 'application/json' : 'text/csv, text/plain' });
  if (response.notModified) return { notModified: true };
  const entries = index.kind === 'rolie' ? rolieEntries(response.body, response.url) : changesEntries(response.body, response.url);
  return { notModified: false, entries, etag: response.etag, lastModified: response.lastModified };
}

function rolieEntries(body: string, feedUrl: string): CsafEntry[] {
  const parsed = rolieFeedSchema.safeParse(parseJson(body, 'Der ROLIE-Feed'));
  if (!parsed.success) throw new ParseError('Der ROLIE-Feed hat nicht die erwartete Form (feed.entry fehlt).');
  return parsed.data.feed.entry.flatMap((e) => {
    const href = e.link.find((l) => l.rel === 'self')?.href ?? e.content?.src;
    if (!href) return [];
    return [{ id: e.id, url: new URL(href, feedUrl).href, updated: date(e.updated ?? e.published) }];
  });
}

/** changes.csv: `"2026/wid-sec-w-2026-0001.json","2026-11-20T10:00:00.000Z"`, newest first. */
function changesEntries(body: string, csvUrl: string): CsafEntry[] {
  return body.split(/\r?\n/).flatMap((line) => {
    const [path, time] = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    if (!path || !path.endsWith('.json')) return [];
    return [{ id: null, url: new URL(path, csvUrl).href, updated: date(time) }];
  });
}

function date(value: string | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
