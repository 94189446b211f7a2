import { recordNotice } from '../../src/advisories/record-notice.js';
import type { AppDeps } from '../../src/app/deps.js';
import { ingestSource } from '../../src/ingest/ingest.js';
import { storeNotices } from '../../src/ingest/notices.repository.js';
import { sources } from '../../src/sources/sources.table.js';

/** Fetches a source from the fixture server and records every notice, as the workers would; returns the advisory ids. */
export async function ingestAndRecord(deps: AppDeps, sourceId: string): Promise<number[]> {
  const result = await ingestSource(deps, sourceId);
  if (result.status !== 'ok') throw new Error(`fetch failed: ${JSON.stringify(result)}`);
  return [...result.created, ...result.changed].map((id) => recordNotice(deps, id)).filter((r) => r.advisoryId !== null && r.outcome !== 'not_relevant').map((r) => r.advisoryId!);
}

/** Stores one hand-written notice under a review source and records it. */
export function recordHandwritten(deps: AppDeps, notice: { title: string; text: string; url?: string }): number {
  const now = deps.clock();
  deps.db
    .insert(sources)
    .values({ id: 'handarbeit', name: 'Handarbeit <b>Quelle</b>', publisher: 'Test', kind: 'html', url: 'https://example.test/', trust: 'review' })
    .onConflictDoNothing()
    .run();
  const stored = storeNotices(deps.db, 'handarbeit', [{ externalId: `${now.getTime()}-${notice.title}`, url: notice.url ?? null, title: notice.title, publishedAt: now, text: notice.text }], now);
  const result = recordNotice(deps, stored.created[0]!);
  if (result.advisoryId === null) throw new Error('not recorded');
  return result.advisoryId;
}
