import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisorySourceList, getAdvisory } from '../advisories/advisories.repository.js';
import { products } from '../catalog/catalog.table.js';
import type { Practice } from '../practices/practices.repository.js';
import { coveredProducts } from '../practices/preferences.repository.js';
import { describeSubscriptions } from '../practices/subscription-summary.js';
import { compareVersions } from './match.js';
import type { AlertData } from './templates/alert.js';

/** The practice's own links in an alert; `ackUrl` gets the action's position, or -1 for "all done". */
export type AlertLinks = { unsubscribeUrl: string; operatorName: string; manageUrl?: string; ackUrl?: (position: number) => string };

/**
 * The advisory's products the practice hears about (own or through a vendor or category scope, see
 * `coveredProducts`), minus those it already runs in a fixed version: the same rule as matching.
 */
export function affectedProducts<P extends { productId: string; fixedVersion: string | null }>(advisoryProducts: P[], covered: Map<string, string | null>): P[] {
  return advisoryProducts.filter((p) => {
    if (!covered.has(p.productId)) return false;
    const have = covered.get(p.productId);
    return !(have && p.fixedVersion && (compareVersions(have, p.fixedVersion) ?? -1) >= 0);
  });
}

/** Everything the alert template needs for one practice, or undefined when the advisory no longer concerns it. */
export function loadAlertData(db: Db, advisoryId: number, practice: Practice, links: AlertLinks): AlertData | undefined {
  return alertData(db, advisoryId, { practiceName: practice.name, covered: coveredProducts(db, practice.id), subscribedProducts: () => describeSubscriptions(db, practice.id) }, links);
}

/**
 * The alert for a practice that subscribes to exactly the advisory's products, in no fixed version: what the editor
 * sees before any real practice uses them. Reads, never writes.
 */
export function sampleAlertData(db: Db, advisoryId: number, practiceName: string, links: AlertLinks): AlertData | undefined {
  const advisory = getAdvisory(db, advisoryId);
  if (!advisory) return undefined;
  const covered = new Map(advisory.products.map((p) => [p.productId, null]));
  return alertData(db, advisoryId, { practiceName, covered, subscribedProducts: (names) => [...names.values()] }, links);
}

type Recipient = { practiceName: string; covered: Map<string, string | null>; subscribedProducts: (affectedNames: Map<string, string>) => string[] };

function alertData(db: Db, advisoryId: number, recipient: Recipient, links: AlertLinks): AlertData | undefined {
  const advisory = getAdvisory(db, advisoryId);
  if (!advisory) return undefined;
  const affected = affectedProducts(advisory.products, recipient.covered);
  if (affected.length === 0) return undefined;
  const names = new Map(
    db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, affected.map((p) => p.productId))).all().map((p) => [p.id, p.name]),
  );
  const sourceRows = advisorySourceList(db, advisoryId);
  return {
    practiceName: recipient.practiceName,
    title: advisory.title,
    summary: advisory.summary,
    severity: advisory.severity,
    publishedAt: advisory.publishedAt,
    products: affected.map((p) => ({ name: names.get(p.productId) ?? p.productId, fixedVersion: p.fixedVersion })),
    actions: advisory.actions.map((a) => a.text),
    sources: sourceRows,
    subscribedProducts: recipient.subscribedProducts(names),
    unsubscribeUrl: links.unsubscribeUrl,
    operatorName: links.operatorName,
    manageUrl: links.manageUrl,
    ackUrls: links.ackUrl ? { actions: advisory.actions.map((a) => links.ackUrl!(a.position)), all: links.ackUrl(-1) } : undefined,
  };
}
