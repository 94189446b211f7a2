import { eq } from 'drizzle-orm';
import { markResolved } from '../advisories/outage-record.js';
import { advisories, advisoryCategories, type AdvisoryCategory } from '../advisories/advisories.table.js';
import { enqueue } from '../queues/queues.js';
import { writeAudit, type Actor } from './audit.repository.js';
import { CurationError } from './curation.errors.js';
import type { CurationDeps } from './curation.usecases.js';

const categoryLabel: Record<AdvisoryCategory, string> = { security: 'Sicherheitswarnung', ti_outage: 'TI-Störung' };

/**
 * An editor files an advisory as a TI outage or as a security advisory. A published one is handed back to matching,
 * so it goes out the new way (mails already sent stay sent; every delivery key makes a repeat a no-op).
 */
export async function setAdvisoryCategory(deps: CurationDeps, actor: Actor, id: number, input: { category: string }): Promise<{ changed: boolean }> {
  const category = advisoryCategories.find((c) => c === input.category);
  if (!category) throw new CurationError('wrong_status', 'Unbekannte Art der Meldung.');
  const now = deps.clock();
  const result = deps.db.transaction((tx) => {
    const current = tx.select({ status: advisories.status, category: advisories.category }).from(advisories).where(eq(advisories.id, id)).get();
    if (!current) throw new CurationError('not_found', `Meldung #${id} gibt es nicht.`);
    if (!['draft', 'published', 'archive'].includes(current.status)) throw new CurationError('wrong_status', 'Abgelehnte oder zusammengeführte Meldungen können nicht eingeordnet werden.');
    if (current.category === category) return { changed: false, rematch: false };
    tx.update(advisories)
      .set({ category, updatedAt: now, ...(current.status === 'published' ? { matchedAt: null } : {}) })
      .where(eq(advisories.id, id))
      .run();
    writeAudit(tx, actor, { action: 'advisory.category', entity: 'advisory', entityId: id, before: { category: current.category }, after: { category } }, now);
    return { changed: true, rematch: current.status === 'published' };
  });
  if (result.rematch) await enqueueMatch(deps, id, `match-${id}-c${now.getTime()}`);
  return { changed: result.changed };
}

/**
 * "Störung behoben melden": marks a published TI outage resolved, once. Matching then writes one follow-up mail to
 * each practice that got the outage mail (keyed per advisory and practice, so a second click sends nothing).
 */
export async function resolveOutage(deps: CurationDeps, actor: Actor, id: number): Promise<void> {
  const now = deps.clock();
  deps.db.transaction((tx) => {
    const current = tx.select({ status: advisories.status, category: advisories.category, resolvedAt: advisories.resolvedAt }).from(advisories).where(eq(advisories.id, id)).get();
    if (!current) throw new CurationError('not_found', `Meldung #${id} gibt es nicht.`);
    if (current.category !== 'ti_outage' || current.status !== 'published') throw new CurationError('wrong_status', 'Nur eine veröffentlichte TI-Störung kann als behoben gemeldet werden.');
    if (!markResolved(tx, id, now)) throw new CurationError('wrong_status', 'Diese Störung ist bereits als behoben gemeldet; die Folgemeldung ist schon unterwegs.');
    writeAudit(tx, actor, { action: 'advisory.resolve', entity: 'advisory', entityId: id, before: { resolvedAt: null }, after: { resolvedAt: now.toISOString() } }, now);
  });
  await enqueueMatch(deps, id, `match-${id}-resolved`);
}

export function categoryLabelOf(category: AdvisoryCategory): string {
  return categoryLabel[category];
}

/** Redis only carries the work: if it is away, the sweep finds the published advisory without `matchedAt`. */
async function enqueueMatch(deps: CurationDeps, advisoryId: number, jobId: string): Promise<void> {
  try {
    await enqueue(deps.queues, 'match', [{ jobId, data: { advisoryId } }]);
  } catch (error) {
    deps.logger.warn({ advisoryId, err: error }, 'match job not enqueued; the sweep will pick it up');
  }
}
