import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { getSource, recordFetchFailure, recordFetchSuccess, recordReadHealth, type Source } from '../sources/sources.repository.js';
import { collectItems } from './collect.js';
import type { CsafOptions } from './csaf/csaf-fetch.js';
import type { HttpOptions } from './http.js';
import { FetchError, ParseError } from './ingest.errors.js';
import { knownItems } from './known-items.js';
import { storeNotices } from './notices.repository.js';

export type IngestDeps = { db: Db; clock: () => Date; logger: Logger; http?: HttpOptions; csaf?: CsafOptions };

export type IngestResult =
  | { sourceId: string; status: 'ok' | 'not_modified'; created: number[]; changed: number[]; unchanged: number; skipped: number }
  | { sourceId: string; status: 'error'; message: string };

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });

/**
 * Fetches one source and stores what is new or changed. Expected failures (refused address, unreachable server,
 * broken feed, selector that finds nothing, 429) end as the source's error status for the admin, not as an
 * exception, and never remove what is already stored.
 */
export async function ingestSource(deps: IngestDeps, sourceId: string): Promise<IngestResult> {
  const source = getSource(deps.db, sourceId);
  if (!source) return { sourceId, status: 'error', message: `Quelle "${sourceId}" ist unbekannt.` };
  return ingestSourceRow(deps, source);
}

/** ingestSource for a source row the caller has just read (a fetch job checks it first): not read a second time. */
export async function ingestSourceRow(deps: IngestDeps, source: Source): Promise<IngestResult> {
  const { db, clock, logger } = deps;
  const sourceId = source.id;
  try {
    const state = { etag: source.etag, lastModified: source.lastModified, bodyHash: source.bodyHash, known: () => knownItems(db, source.id) };
    const collected = await collectItems(deps, source, state);
    if (collected.notModified) {
      recordFetchSuccess(db, source.id, { now: clock(), etag: collected.etag, lastModified: collected.lastModified, bodyHash: source.bodyHash });
      return { sourceId, status: 'not_modified', created: [], changed: [], unchanged: 0, skipped: 0 };
    }
    // A source read for the first time shows its archive: years of old warnings that must not go out as news.
    const stored = storeNotices(db, source.id, collected.items, clock(), { firstRead: source.lastSuccessAt === null });
    recordFetchSuccess(db, source.id, { now: clock(), etag: collected.etag, lastModified: collected.lastModified, bodyHash: collected.bodyHash });
    recordReadHealth(db, source.id, {
      now: clock(),
      itemCount: collected.items.length + collected.unchanged + collected.skipped,
      problems: collected.problems,
      newItems: stored.created.length > 0,
    });
    const unchanged = stored.unchanged + collected.unchanged;
    logger.info({ sourceId, created: stored.created.length, changed: stored.changed.length, unchanged, skipped: collected.skipped, archived: stored.archived }, 'source fetched');
    return { sourceId, status: 'ok', created: stored.created, changed: stored.changed, unchanged, skipped: collected.skipped };
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof ParseError)) throw error;
    const now = clock();
    const retryAfter = error instanceof FetchError && error.retryAfterSeconds !== undefined ? new Date(now.getTime() + error.retryAfterSeconds * 1000) : undefined;
    const message = retryAfter ? `${error.message} Nächster Abruf frühestens ${berlin.format(retryAfter)} Uhr.` : error.message;
    recordFetchFailure(db, source.id, { now, message, notBefore: retryAfter });
    logger.warn({ sourceId, code: error instanceof FetchError ? error.code : 'parse' }, 'source fetch failed');
    return { sourceId, status: 'error', message };
  }
}
