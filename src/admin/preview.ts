import type { DeliverySettings } from '../notify/settings.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getAdvisory } from '../advisories/advisories.repository.js';
import type { Db } from '../db/client.js';
import { composeContext, composers } from '../notify/compose.js';
import type { RenderedMail } from '../notify/templates/alert.js';
import { practices, subscriptions } from '../practices/practices.table.js';
import type { Practice } from '../practices/practices.repository.js';

export type PreviewDeps = { db: Db; clock: () => Date; publicUrl: string; linkSecret: string; operatorName: string; delivery: DeliverySettings };

export type Preview = { mail: RenderedMail; practice: { id: number | null; name: string }; candidates: { id: number; name: string }[] };

class Rollback extends Error {}

/**
 * The alert mail exactly as the send stage would compose it, through the real composer: for a chosen (or the
 * first) active practice subscribed to an affected product, or else for a sample practice that exists only
 * inside a rolled-back transaction.
 */
export function previewAlert(deps: PreviewDeps, advisoryId: number, practiceId?: number): Preview | undefined {
  const advisory = getAdvisory(deps.db, advisoryId);
  if (!advisory) return undefined;
  const productIds = advisory.products.map((p) => p.productId);
  const candidates = productIds.length
    ? deps.db
        .selectDistinct({ id: practices.id, name: practices.name })
        .from(subscriptions)
        .innerJoin(practices, eq(practices.id, subscriptions.practiceId))
        .where(and(inArray(subscriptions.productId, productIds), eq(practices.status, 'active')))
        .orderBy(asc(practices.id))
        .limit(50)
        .all()
    : [];
  const chosen = candidates.find((c) => c.id === practiceId) ?? candidates[0];
  if (chosen) {
    const practice = deps.db.select().from(practices).where(eq(practices.id, chosen.id)).get()!;
    const mail = compose(deps, deps.db, advisoryId, practice);
    return mail ? { mail, practice: chosen, candidates } : undefined;
  }
  if (productIds.length === 0) return undefined;
  let mail: RenderedMail | null = null;
  try {
    deps.db.transaction((tx) => {
      const now = deps.clock();
      const practice = tx
        .insert(practices)
        .values({ name: 'Praxis Dr. Muster (Beispiel)', email: `vorschau-${advisoryId}-${now.getTime()}@praxiswarn.invalid`, status: 'active', origin: 'preview', createdAt: now })
        .returning()
        .get();
      for (const productId of productIds) tx.insert(subscriptions).values({ practiceId: practice.id, productId, createdAt: now }).run();
      mail = compose(deps, tx as unknown as Db, advisoryId, practice);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return mail ? { mail, practice: { id: null, name: 'Praxis Dr. Muster (Beispiel)' }, candidates } : undefined;
}

function compose(deps: PreviewDeps, db: Db, advisoryId: number, practice: Practice): RenderedMail | null {
  const now = deps.clock();
  const delivery = {
    id: 0, practiceId: practice.id, advisoryId, kind: 'alert' as const, dedupeKey: `preview:${advisoryId}`, revision: null, period: null, advisoryIds: null,
    status: 'pending' as const, attempts: 0, messageId: '<preview@praxiswarn.invalid>', lastError: null, createdAt: now, claimedAt: null, sentAt: null,
  };
  // `db` is the preview's own (rolled back) transaction, not the one in deps.
  return composers.alert!(composeContext({ ...deps, db }, delivery, practice, now));
}
