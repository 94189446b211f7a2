import { and, asc, eq } from 'drizzle-orm';
import { advisorySourceList, getAdvisory } from '../advisories/advisories.repository.js';
import { tiServicesIn } from '../advisories/outage.js';
import { deliveries } from './deliveries.table.js';
import type { Composer, ComposeContext } from './compose.js';
import { sourceLinks } from './source-links.js';
import { renderOutage } from './templates/outage.js';

/**
 * The composers of `outage` and `outage_resolved`. Nothing is sent (the delivery fails with "betrifft die Praxis
 * nicht mehr") when the advisory is no longer a published TI outage, when the practice has since opted out of
 * "TI-Störungen", or for a follow-up when the outage is not (or no longer) marked resolved.
 */
export const outageComposers: Record<'outage' | 'outage_resolved', Composer> = {
  outage: (ctx) => compose(ctx, false),
  outage_resolved: (ctx) => compose(ctx, true),
};

function compose(ctx: ComposeContext, followUp: boolean) {
  const { db, delivery, practice } = ctx;
  const advisory = delivery.advisoryId === null ? undefined : getAdvisory(db, delivery.advisoryId);
  if (!advisory || advisory.status !== 'published' || advisory.category !== 'ti_outage' || !practice.tiOutages) return null;
  if (followUp && !advisory.resolvedAt) return null;
  const source = advisorySourceList(db, advisory.id)[0];
  return renderOutage({
    practiceName: practice.name,
    title: advisory.title,
    summary: advisory.summary,
    services: tiServicesIn(`${advisory.title}\n${advisory.summary}`),
    url: new URL(`/warnungen/${advisory.id}`, ctx.publicUrl).href,
    sourceUrl: source ? sourceLinks(source).page : null,
    reportedAt: followUp ? (outageMailedAt(ctx) ?? advisory.releasedAt ?? advisory.createdAt) : (advisory.releasedAt ?? advisory.createdAt),
    resolvedAt: followUp ? advisory.resolvedAt : null,
    footer: {
      why: 'Sie erhalten diese E-Mail, weil Ihre Praxis „TI-Störungen“ gewählt hat. Abbestellen können Sie sie unter „Einstellungen ändern“.',
      manageUrl: ctx.links.manageUrl,
      unsubscribeUrl: ctx.links.unsubscribeUrl,
      operator: ctx.operator,
    },
  });
}

/** When the practice's outage mail was written: the follow-up refers to it. */
function outageMailedAt({ db, delivery }: ComposeContext): Date | undefined {
  return db
    .select({ at: deliveries.createdAt })
    .from(deliveries)
    .where(and(eq(deliveries.practiceId, delivery.practiceId), eq(deliveries.advisoryId, delivery.advisoryId!), eq(deliveries.kind, 'outage')))
    .orderBy(asc(deliveries.id))
    .get()?.at;
}
