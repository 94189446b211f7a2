import type { DeliverySettings } from '../notify/settings.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getAdvisory } from '../advisories/advisories.repository.js';
import type { Db } from '../db/client.js';
import { signAckToken } from '../practices/links.js';
import { sampleAlertData } from '../notify/alert-data.js';
import { composeContext, composers, practiceLinks } from '../notify/compose.js';
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
  const placeholders = previewLinks(deps.publicUrl);
  if (chosen) {
    const practice = deps.db.select().from(practices).where(eq(practices.id, chosen.id)).get()!;
    const mail = compose(deps, advisoryId, practice);
    return mail ? { mail: withoutPracticeLinks(deps, mail, practice.id, advisoryId, advisory.actions.map((a) => a.position)), practice: chosen, candidates } : undefined;
  }
  // No practice uses the products yet (nearly every draft at launch): a sample practice, never written anywhere.
  const links = { unsubscribeUrl: placeholders.unsubscribe, manageUrl: placeholders.manage, ackUrl: () => placeholders.ack, operatorName: deps.operatorName };
  const data = sampleAlertData(deps.db, advisoryId, samplePractice, links);
  return data ? { mail: renderAlert({ ...data, operator: deps.delivery.operator }), practice: { id: null, name: samplePractice }, candidates } : undefined;
}

/** Where the practice's own links of a previewed mail point: pages that say it was a preview, never its data. */
function previewLinks(publicUrl: string) {
  return {
    manage: new URL('/verwalten/vorschau', publicUrl).href,
    unsubscribe: new URL('/abmelden/vorschau', publicUrl).href,
    ack: new URL('/erledigt/vorschau', publicUrl).href,
  };
}

/**
 * The mail with the practice's signed links replaced by preview placeholders: an admin (a viewer too) who follows
 * a link in the preview must not manage, unsubscribe or delete the practice. The composer signs exactly these
 * links, so each is replaced where it stands.
 */
function withoutPracticeLinks(deps: PreviewDeps, mail: RenderedMail, practiceId: number, advisoryId: number, positions: number[]): RenderedMail {
  const placeholders = previewLinks(deps.publicUrl);
  const real = practiceLinks(deps.publicUrl, deps.linkSecret, practiceId);
  const ackBase = new URL('/erledigt/', deps.publicUrl).href;
  const swaps: [string, string][] = [
    [real.manageUrl, placeholders.manage],
    [real.unsubscribeUrl, placeholders.unsubscribe],
    ...[...positions, -1].map((p): [string, string] => [ackBase + signAckToken(deps.linkSecret, practiceId, advisoryId, p), placeholders.ack]),
  ];
  const swap = (value: string) => swaps.reduce((out, [from, to]) => out.replaceAll(from, to), value);
  return { subject: mail.subject, text: swap(mail.text), html: swap(mail.html) };
}

function compose(deps: PreviewDeps, advisoryId: number, practice: Practice): RenderedMail | null {
  const now = deps.clock();
  const delivery = {
    id: 0, practiceId: practice.id, advisoryId, kind: 'alert' as const, dedupeKey: `preview:${advisoryId}`, revision: null, period: null, advisoryIds: null,
    status: 'pending' as const, attempts: 0, messageId: '<preview@praxiswarn.invalid>', lastError: null, createdAt: now, claimedAt: null, sentAt: null,
  };
  return composers.alert!(composeContext(deps, delivery, practice, now));
}
