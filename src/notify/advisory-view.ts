import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { getAdvisory } from '../advisories/advisories.repository.js';
import type { AdvisoryStatus, Severity } from '../advisories/advisories.table.js';
import { products } from '../catalog/catalog.table.js';
import { advisoryRevisions } from '../advisories/advisories.table.js';
import { coveredProducts } from '../practices/preferences.repository.js';
import { titleMentions } from './alert-data.js';
import type { TitleMentions } from './templates/subject.js';

/** An advisory as one practice sees it in update, digest, reminder and welcome mails: only its own affected products. */
export type AdvisoryView = {
  id: number;
  title: string;
  summary: string;
  severity: Severity;
  products: { name: string; fixedVersion: string | null }[];
  actions: string[];
  /** The actions' positions (same order), for the signed "erledigt" links. */
  actionPositions: number[];
  /** Its public page, `/warnungen/<id>`. */
  url: string;
  /** The date the publisher gave. */
  publishedAt: Date | null;
  /** How the title names the advisory's products and vendors (for subjects). */
  mentions: TitleMentions;
  /** Attackers already use the flaw: "Sofort handeln" (absent: not known to be). */
  exploited?: boolean;
};

/** The advisory for the practice, if it is published (or has one of `statuses`). */
export function loadAdvisoryView(db: Db, advisoryId: number, practiceId: number, publicUrl: string, statuses: AdvisoryStatus[] = ['published']): AdvisoryView | undefined {
  const advisory = getAdvisory(db, advisoryId);
  if (!advisory || !statuses.includes(advisory.status)) return undefined;
  // Own products and those covered by a vendor or category subscription.
  const mine = coveredProducts(db, practiceId);
  const affected = advisory.products.filter((p) => mine.has(p.productId));
  const shown = affected.length > 0 ? affected : advisory.products;
  const names = new Map(
    shown.length
      ? db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, shown.map((p) => p.productId))).all().map((p) => [p.id, p.name])
      : [],
  );
  return {
    id: advisory.id,
    title: advisory.title,
    summary: advisory.summary,
    severity: advisory.severity,
    products: shown.map((p) => ({ name: names.get(p.productId) ?? p.productId, fixedVersion: p.fixedVersion })),
    actions: advisory.actions.map((a) => a.text),
    actionPositions: advisory.actions.map((a) => a.position),
    url: new URL(`/warnungen/${advisory.id}`, publicUrl).href,
    publishedAt: advisory.publishedAt,
    mentions: titleMentions(db, advisory.products.map((p) => p.productId)),
    exploited: advisory.exploited,
  };
}

export function revisionChanges(db: Db, advisoryId: number, revision: number): string[] {
  const rows = db.select().from(advisoryRevisions).where(eq(advisoryRevisions.advisoryId, advisoryId)).all();
  return rows.find((r) => r.revision === revision)?.changedFields ?? [];
}
