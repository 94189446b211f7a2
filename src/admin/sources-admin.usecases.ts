import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { fetchNowJob } from '../ingest/fetch-jobs.js';
import { FetchError, httpGet, type HttpOptions } from '../ingest/http.js';
import { ParseError } from '../ingest/ingest.errors.js';
import { parseFeed } from '../ingest/parse-feed.js';
import { parseArticle, parseListPage } from '../ingest/parse-html.js';
import { enqueue, type Queues } from '../queues/queues.js';
import { sourceConfigSchema, type SourceConfig } from '../sources/sources.models.js';
import { getSource } from '../sources/sources.repository.js';
import { sources } from '../sources/sources.table.js';
import { writeAudit, type Actor } from './audit.repository.js';
import { CurationError } from './curation.errors.js';

export type SourceAdminDeps = { db: Db; queues: Queues; clock: () => Date; http?: HttpOptions };

const configOf = (s: NonNullable<ReturnType<typeof getSource>>) => ({
  id: s.id, name: s.name, publisher: s.publisher, kind: s.kind, url: s.url, selectors: s.selectors, trust: s.trust, intervalMinutes: s.intervalMinutes, enabled: s.enabled,
});

function mustGet(db: Db, id: string) {
  const source = getSource(db, id);
  if (!source) throw new CurationError('not_found', `Quelle "${id}" gibt es nicht.`);
  return source;
}

export function setSourceEnabled(deps: Pick<SourceAdminDeps, 'db' | 'clock'>, actor: Actor, id: string, enabled: boolean): void {
  const now = deps.clock();
  deps.db.transaction((tx) => {
    const before = mustGet(deps.db, id);
    tx.update(sources).set({ enabled }).where(eq(sources.id, id)).run();
    writeAudit(tx, actor, { action: enabled ? 'source.enable' : 'source.disable', entity: 'source', entityId: id, before: { enabled: before.enabled }, after: { enabled } }, now);
  });
}

/**
 * Makes the source due now and starts its fetch. If the sweep also puts it into its host's job before this one
 * runs, whichever comes second finds it fetched (its next_check_at moved) and skips it.
 */
export async function fetchSourceNow(deps: SourceAdminDeps, actor: Actor, id: string): Promise<void> {
  const now = deps.clock();
  if (!mustGet(deps.db, id).enabled) throw new CurationError('wrong_status', 'Die Quelle ist deaktiviert. Bitte aktivieren Sie sie zuerst.');
  deps.db.update(sources).set({ nextCheckAt: now }).where(eq(sources.id, id)).run();
  writeAudit(deps.db, actor, { action: 'source.fetch_now', entity: 'source', entityId: id }, now);
  await enqueue(deps.queues, 'fetch', [fetchNowJob(id, now)]);
}

/** Adds a source (`origin: admin`) or changes one; the id of an existing source never changes. */
export function saveSource(deps: Pick<SourceAdminDeps, 'db' | 'clock'>, actor: Actor, input: unknown, existingId?: string): SourceConfig {
  const data = sourceConfigSchema.parse(input);
  const now = deps.clock();
  deps.db.transaction((tx) => {
    const values = { name: data.name, publisher: data.publisher, kind: data.kind, url: data.url, selectors: data.selectors ?? null, trust: data.trust, intervalMinutes: data.intervalMinutes, enabled: data.enabled };
    if (existingId) {
      const before = mustGet(deps.db, existingId);
      if (data.id !== existingId) throw new CurationError('invalid_target', 'Die Kennung einer Quelle kann nicht geändert werden.');
      tx.update(sources).set(values).where(eq(sources.id, existingId)).run();
      writeAudit(tx, actor, { action: 'source.update', entity: 'source', entityId: existingId, before: configOf(before), after: data }, now);
    } else {
      if (getSource(deps.db, data.id)) throw new CurationError('invalid_target', `Es gibt bereits eine Quelle "${data.id}".`);
      tx.insert(sources).values({ id: data.id, ...values, origin: 'admin', nextCheckAt: now, createdAt: now }).run();
      writeAudit(tx, actor, { action: 'source.create', entity: 'source', entityId: data.id, after: data }, now);
    }
  });
  return data;
}

export type SelectorTest =
  | { ok: true; items: { title: string; url: string | null; publishedAt: Date | null }[]; skipped: number; article: { url: string; excerpt: string } | null }
  | { ok: false; message: string };

/**
 * Fetches the page the way a real fetch would (through `httpGet`, with its limits and guards) and shows what the
 * selectors find: the items of the list and the text of the first article. Nothing is stored.
 */
export async function testSource(input: unknown, http: HttpOptions = {}): Promise<SelectorTest> {
  const parsed = sourceConfigSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'Quelle'}: ${i.message}`).join(' · ') };
  const source = parsed.data;
  try {
    const response = await httpGet(source.url, { ...http, timeoutMs: Math.min(http.timeoutMs ?? 15_000, 15_000) });
    if (response.notModified) return { ok: false, message: 'Der Server meldet „nicht geändert“.' };
    if (source.kind === 'csaf') return { ok: false, message: 'CSAF-Quellen werden in dieser Version noch nicht abgerufen.' };
    const list = source.kind === 'html' ? parseListPage(response.body, response.url, source.selectors ?? {}) : await parseFeed(response.body, response.url);
    const items = list.items.slice(0, 10).map((i) => ({ title: i.title, url: i.url ?? null, publishedAt: i.publishedAt ?? null }));
    let article: { url: string; excerpt: string } | null = null;
    const firstUrl = list.items[0]?.url;
    if (source.selectors?.article && firstUrl) {
      const page = await httpGet(firstUrl, { ...http, timeoutMs: 15_000 });
      const body = page.notModified ? null : parseArticle(page.body, source.selectors);
      article = { url: firstUrl, excerpt: body ? body.text.slice(0, 800) : 'Der Artikel-Selektor hat auf der ersten Meldung nichts gefunden.' };
    }
    return { ok: true, items, skipped: list.skipped, article };
  } catch (error) {
    if (error instanceof FetchError || error instanceof ParseError) return { ok: false, message: error.message };
    throw error;
  }
}
