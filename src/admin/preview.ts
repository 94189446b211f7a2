import type { DeliverySettings } from '../notify/settings.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getAdvisory } from '../advisories/advisories.repository.js';
import type { Db } from '../db/client.js';
import { sampleAlertData } from '../notify/alert-data.js';
import { composeContext, composers, type MailLinks } from '../notify/compose.js';
import { renderAlert, type RenderedMail } from '../notify/templates/alert.js';
import { practices, subscriptions } from '../practices/practices.table.js';
import type { Practice } from '../practices/practices.repository.js';

export type PreviewDeps = { db: Db; clock: () => Date; publicUrl: string; linkSecret: string; operatorName: string; delivery: DeliverySettings };

export type Preview = { mail: RenderedMail; practice: { id: number | null; name: string }; candidates: { id: number; name: string }[] };

const samplePractice = 'Praxis Dr. Muster (Beispiel)';

/**
 * The alert mail exactly as the send stage would compose it, through the real composer: for a chosen (or the
 * first) active practice subscribed to an affected product, or else for a sample practice that uses exactly the
 * advisory's products.
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
    const mail = compose(deps, advisoryId, practice);
    return mail ? { mail, practice: chosen, candidates } : undefined;
  }
  // No practice uses the products yet (nearly every draft at launch): a sample practice, never written anywhere.
  const links = previewLinks(deps.publicUrl);
  const data = sampleAlertData(deps.db, advisoryId, samplePractice, { ...links, ackUrl: links.ack(advisoryId), answerUrl: links.answer?.(advisoryId), operatorName: deps.operatorName });
  return data ? { mail: renderAlert({ ...data, operator: deps.delivery.operator }), practice: { id: null, name: samplePractice }, candidates } : undefined;
}

/**
 * Where the practice's own links of a previewed mail point: pages that say the link is not valid, never a practice's
 * data. An admin (a viewer too) who follows a link in the preview must not manage, unsubscribe or delete the practice.
 */
function previewLinks(publicUrl: string): MailLinks {
  const ack = new URL('/erledigt/vorschau', publicUrl).href;
  const answer = new URL('/betrifft/vorschau', publicUrl).href;
  return { manageUrl: new URL('/verwalten/vorschau', publicUrl).href, unsubscribeUrl: new URL('/abmelden/vorschau', publicUrl).href, ack: () => () => ack, answer: () => () => answer };
}

function compose(deps: PreviewDeps, advisoryId: number, practice: Practice): RenderedMail | null {
  const now = deps.clock();
  const delivery = {
    id: 0, practiceId: practice.id, advisoryId, kind: 'alert' as const, dedupeKey: `preview:${advisoryId}`, revision: null, period: null, advisoryIds: null,
    status: 'pending' as const, attempts: 0, messageId: '<preview@praxiswarn.invalid>', lastError: null, createdAt: now, claimedAt: null, sentAt: null,
    recipient: null, notBefore: null,
  };
  return composers.alert!({ ...composeContext(deps, delivery, practice, now), links: previewLinks(deps.publicUrl) });
}
