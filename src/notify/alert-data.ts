import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { advisorySourceList, getAdvisory } from '../advisories/advisories.repository.js';
import { products, vendors } from '../catalog/catalog.table.js';
import type { Practice } from '../practices/practices.repository.js';
import { coveredProducts } from '../practices/preferences.repository.js';
import { describeSubscriptions } from '../practices/subscription-summary.js';
import { compareVersions } from './match.js';
import type { AlertData } from './templates/alert.js';
import type { TitleMentions } from './templates/subject.js';
import type { AnswerChoice } from '../practices/links.js';
import type { AnswerUrls } from './templates/impact.js';

/** The practice's own links in an alert; `ackUrl` gets the action's position, or -1 for "all done". */
export type AlertLinks = {
  unsubscribeUrl: string;
  operatorName: string;
  manageUrl?: string;
  ackUrl?: (position: number) => string;
  /** The practice's "Betrifft uns?" link for an answer. */
  answerUrl?: (answer: AnswerChoice) => string;
};

/** The three "Betrifft uns?" links of a mail. */
export function answerUrlsOf(answerUrl: (answer: AnswerChoice) => string): AnswerUrls {
  return { betroffen: answerUrl('betroffen'), nicht_betroffen: answerUrl('nicht_betroffen'), unklar: answerUrl('unklar') };
}

/**
 * The version the practice recorded for a product, when it is known to be affected (below the fixed version);
 * null when no version was recorded, none is fixed, or the two cannot be compared.
 */
export function knownAffectedVersion(have: string | null | undefined, fixedVersion: string | null): string | null {
  return have && fixedVersion && compareVersions(have, fixedVersion) === -1 ? have : null;
}

/**
 * The advisory's public page. Every link of a mail points to PUBLIC_URL, so the page is resolved against the
 * unsubscribe link: the alert needs no setting of its own, and the editor's preview gets the same link.
 */
export function advisoryPageUrl(links: Pick<AlertLinks, 'unsubscribeUrl'>, advisoryId: number): string {
  return new URL(`/warnungen/${advisoryId}`, links.unsubscribeUrl).href;
}

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

/** The names and aliases of the products, and of their vendors, as a title may name them. */
export function titleMentions(db: Db, productIds: string[]): TitleMentions {
  if (productIds.length === 0) return { products: [], vendors: [] };
  const rows = db
    .select({ name: products.name, aliases: products.aliases, vendor: vendors.name, vendorAliases: vendors.aliases })
    .from(products)
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .where(inArray(products.id, productIds))
    .all();
  return {
    products: rows.flatMap((r) => [r.name, ...(r.aliases ?? [])]),
    vendors: rows.flatMap((r) => [r.vendor, ...(r.vendorAliases ?? [])]),
  };
}

/** Everything the alert template needs for one practice, or undefined when the advisory no longer concerns it. */
export function loadAlertData(db: Db, advisoryId: number, practice: Practice, links: AlertLinks, now = new Date()): AlertData | undefined {
  return alertData(db, advisoryId, { practiceName: practice.name, covered: coveredProducts(db, practice.id), subscribedProducts: () => describeSubscriptions(db, practice.id) }, links, now);
}

/**
 * The alert for a practice that subscribes to exactly the advisory's products, in no fixed version: what the editor
 * sees before any real practice uses them. Reads, never writes.
 */
export function sampleAlertData(db: Db, advisoryId: number, practiceName: string, links: AlertLinks, now = new Date()): AlertData | undefined {
  const advisory = getAdvisory(db, advisoryId);
  if (!advisory) return undefined;
  const covered = new Map(advisory.products.map((p) => [p.productId, null]));
  return alertData(db, advisoryId, { practiceName, covered, subscribedProducts: (names) => [...names.values()] }, links, now);
}

type Recipient = { practiceName: string; covered: Map<string, string | null>; subscribedProducts: (affectedNames: Map<string, string>) => string[] };

function alertData(db: Db, advisoryId: number, recipient: Recipient, links: AlertLinks, now: Date): AlertData | undefined {
  const advisory = getAdvisory(db, advisoryId);
  if (!advisory) return undefined;
  const affected = affectedProducts(advisory.products, recipient.covered);
  if (affected.length === 0) return undefined;
  const names = new Map(
    db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, affected.map((p) => p.productId))).all().map((p) => [p.id, p.name]),
  );
  return {
    practiceName: recipient.practiceName,
    title: advisory.title,
    summary: advisory.summary,
    severity: advisory.severity,
    publishedAt: advisory.publishedAt,
    products: affected.map((p) => ({
      name: names.get(p.productId) ?? p.productId,
      fixedVersion: p.fixedVersion,
      installedVersion: knownAffectedVersion(recipient.covered.get(p.productId), p.fixedVersion),
    })),
    exploited: advisory.exploited,
    actions: advisory.actions.map((a) => a.text),
    sources: advisorySourceList(db, advisoryId),
    subscribedProducts: recipient.subscribedProducts(names),
    unsubscribeUrl: links.unsubscribeUrl,
    operatorName: links.operatorName,
    advisoryUrl: advisoryPageUrl(links, advisoryId),
    now,
    mentions: titleMentions(db, advisory.products.map((p) => p.productId)),
    manageUrl: links.manageUrl,
    ackUrls: links.ackUrl ? { actions: advisory.actions.map((a) => links.ackUrl!(a.position)), all: links.ackUrl(-1) } : undefined,
    answerUrls: links.answerUrl ? answerUrlsOf(links.answerUrl) : undefined,
  };
}
