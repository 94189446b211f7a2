import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { getAdvisory } from '../advisories/advisories.repository.js';
import { products } from '../catalog/catalog.table.js';
import type { RenderedMail } from '../notify/templates/alert.js';
import type { Operator } from '../notify/templates/footer.js';
import { advisoryUrgency } from '../notify/urgency.js';
import { practices } from '../practices/practices.table.js';
import { renderFirmAlert } from './firm-alert-mail.js';
import { renderFirmAccess, renderFirmConfirm, renderFirmInvited } from './firm-mails.js';
import type { FirmDelivery } from './firm-outbox.js';
import { firmConfirmUrl, firmLinks } from './links.js';
import { practicesOfFirm, type Firm } from './firms.repository.js';
import type { FirmDeliveryKind } from './firms.table.js';

export type FirmComposeContext = { db: Db; delivery: FirmDelivery; firm: Firm; publicUrl: string; linkSecret: string; operator: Operator };

/** One composer per kind of firm mail; null when there is nothing (left) to say. */
export const firmComposers: Record<FirmDeliveryKind, (ctx: FirmComposeContext) => RenderedMail | null> = {
  firm_confirm: ({ firm, publicUrl, linkSecret, operator }) => {
    const { url, expiresAt } = firmConfirmUrl(publicUrl, linkSecret, firm.id, firm.createdAt);
    return renderFirmConfirm({ firmName: firm.name, confirmUrl: url, expiresAt, operator });
  },
  firm_access: ({ firm, publicUrl, linkSecret, operator }) => renderFirmAccess({ firmName: firm.name, ...firmLinks(publicUrl, linkSecret, firm.id), operator }),
  firm_invited: ({ db, delivery, firm, publicUrl, linkSecret, operator }) => {
    const practice = db.select({ name: practices.name }).from(practices).where(eq(practices.id, delivery.practiceIds?.[0] ?? 0)).get();
    if (!practice) return null;
    const signupUrl = new URL('/dienstleister/anmelden', publicUrl);
    signupUrl.searchParams.set('email', firm.email);
    return renderFirmInvited({ practiceName: practice.name, active: firm.status === 'active', signupUrl: signupUrl.href, ...firmLinks(publicUrl, linkSecret, firm.id), operator });
  },
  // The practices fixed when the alert was written, less any that ended the firm's access since.
  firm_alert: ({ db, delivery, firm, publicUrl, linkSecret, operator }) => {
    const advisory = delivery.advisoryId === null ? undefined : getAdvisory(db, delivery.advisoryId);
    if (!advisory || (advisory.status !== 'published' && advisory.status !== 'archive')) return null;
    const listed = new Set(delivery.practiceIds ?? []);
    const names = practicesOfFirm(db, firm.id).filter((p) => listed.has(p.id)).map((p) => p.name);
    if (names.length === 0) return null;
    const productIds = advisory.products.map((p) => p.productId);
    const productNames = productIds.length
      ? db.select({ name: products.name }).from(products).where(inArray(products.id, productIds)).orderBy(asc(products.name)).all().map((p) => p.name)
      : [];
    return renderFirmAlert({
      firmName: firm.name,
      title: advisory.title,
      summary: advisory.summary,
      severity: advisory.severity,
      urgency: advisoryUrgency(advisory),
      publishedAt: advisory.releasedAt ?? advisory.publishedAt ?? null,
      products: productNames,
      actions: advisory.actions.map((a) => a.text),
      practices: names,
      advisoryUrl: new URL(`/warnungen/${advisory.id}`, publicUrl).href,
      ...firmLinks(publicUrl, linkSecret, firm.id),
      operator,
    });
  },
};
