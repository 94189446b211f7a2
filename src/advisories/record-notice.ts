import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { getNotice, markNormalized } from '../ingest/notices.repository.js';
import { normalizeNotice } from '../normalize/notice.js';
import { recordProposals } from '../catalog/proposals.repository.js';
import type { Matcher } from '../normalize/products.js';
import { getSource } from '../sources/sources.repository.js';
import {
  advisoryIdForNotice,
  attachNotice,
  contentOf,
  getAdvisory,
  insertAdvisory,
  openAdvisoriesAround,
  openAdvisoriesForProducts,
  recordRevision,
  writeContent,
  type AdvisoryDetails,
  type Tx,
} from './advisories.repository.js';
import { advisories } from './advisories.table.js';
import { diffContent, findSameIncident, higherSeverity, incidentContext, incidentWindowMs, mergeContent } from './incident.js';
import type { Extraction } from '../normalize/extract.js';
import type { DeliverySettings } from '../notify/settings.js';
import { archiveReason } from './archive.js';
import { outageOf } from './outage.js';
import { recordOutage, reviseOutage } from './outage-record.js';

export type RecordDeps = { db: Db; matcher: Matcher; clock: () => Date; logger: Logger; delivery: Pick<DeliverySettings, 'alertMaxAgeDays'> };

export type RecordResult = {
  noticeId: number;
  advisoryId: number | null;
  outcome: 'created' | 'archived' | 'attached' | 'revised' | 'unchanged' | 'not_relevant' | 'missing';
  /** The advisory was released to practices by this call and must now be matched. */
  published: boolean;
};

const materialFields = new Set(['products', 'fixedVersion', 'actions', 'severity']);

/**
 * Normalizes a stored notice and records it as an advisory: a new draft (published at once when the source is
 * trusted), another source of an incident already known, or a revision of the advisory it already belongs to.
 */
export function recordNotice(deps: RecordDeps, noticeId: number): RecordResult {
  const { db, matcher, clock, logger } = deps;
  const notice = getNotice(db, noticeId);
  if (!notice) return { noticeId, advisoryId: null, outcome: 'missing', published: false };
  const trusted = getSource(db, notice.sourceId)?.trust === 'auto';
  const x = normalizeNotice(matcher, notice);
  // A gematik status notice about a TI outage is recorded apart from security advisories (see outage-record.ts).
  const outage = outageOf(notice.title, notice.text);
  const now = clock();

  const result = db.transaction((tx): RecordResult => {
    recordProposals(tx, x.proposedProducts, { noticeId, vendorId: x.vendorId, now });
    const own = advisoryIdForNotice(tx, noticeId);
    if (own !== undefined) {
      const advisory = getAdvisory(tx, own)!;
      if (advisory.category === 'ti_outage') return { noticeId, ...reviseOutage(tx, advisory, x, outage, now) };
      // A new version of an advisory's only notice replaces what it says; with further sources it only adds.
      if (advisory.noticeIds.length === 1) return revise(tx, advisory, x, { noticeId, now, trusted });
      return fold(tx, advisory, x, { noticeId, now, trusted, attach: false });
    }
    // An outage that asks practices to act on their own devices (restart the Konnektor, load the TSL) stays a warning
    // to the owners of those products: the action matters more than the category (an editor can still refile it).
    if (outage.outage && !(x.relevant && x.actions.length > 0)) {
      const when = x.published ? new Date(x.published) : (notice.publishedAt ?? now);
      const archived = archiveReason({ stated: x.published ? new Date(x.published) : null, archivedRead: notice.archived, now, maxAgeDays: deps.delivery.alertMaxAgeDays });
      return { noticeId, ...recordOutage(tx, x, outage, { noticeId, now, when, trusted, archiveReason: archived }) };
    }
    if (!x.relevant) {
      const advisoryId = insertAdvisory(tx, x, { status: 'rejected', noticeId, now });
      return { noticeId, advisoryId, outcome: 'not_relevant', published: false };
    }
    // The date the report gives (a CSAF release date, a stated date) places it in the incident's time window.
    const when = x.published ? new Date(x.published) : (notice.publishedAt ?? now);
    // A report naming no product may still be about a known incident: of its vendor, or in the same words.
    const candidates = (x.products.length > 0 ? openAdvisoriesForProducts(tx, x.products.map((p) => p.id)) : openAdvisoriesAround(tx, when, incidentWindowMs)).filter(
      (a) => a.category === 'security',
    );
    const same = findSameIncident(candidates, x, when, incidentContext(matcher, x));
    if (same) return fold(tx, same, x, { noticeId, now, trusted, attach: true });
    // Old news is recorded and listed, never alerted: whatever the source's trust, an editor decides to send it.
    const archived = archiveReason({ stated: x.published ? new Date(x.published) : null, archivedRead: notice.archived, now, maxAgeDays: deps.delivery.alertMaxAgeDays });
    if (archived) {
      const advisoryId = insertAdvisory(tx, x, { status: 'archive', noticeId, now, archiveReason: archived });
      return { noticeId, advisoryId, outcome: 'archived', published: false };
    }
    const advisoryId = insertAdvisory(tx, x, { status: trusted ? 'published' : 'draft', noticeId, now });
    return { noticeId, advisoryId, outcome: 'created', published: trusted };
  });
  markNormalized(db, noticeId, now);
  logger.info({ noticeId, advisoryId: result.advisoryId, outcome: result.outcome, published: result.published }, 'notice recorded');
  return result;
}

/** Records a changed notice as a new revision of its advisory, naming the fields that changed. */
function revise(tx: Tx, advisory: AdvisoryDetails, x: Extraction, { noticeId, now, trusted }: { noticeId: number; now: Date; trusted: boolean }): RecordResult {
  const changed = diffContent(currentContent(advisory), contentOf(x));
  if (advisory.severity !== x.severity) changed.push('severity');
  if (advisory.title !== x.title) changed.push('title');
  if (advisory.summary !== x.summary) changed.push('summary');
  // A notice the extractor had set aside that now asks practices to act comes back as a draft (or is published).
  const revived = advisory.status === 'rejected' && advisory.decidedBy === null && x.relevant;
  if (revived) changed.push('relevant');
  if (changed.length === 0) return { noticeId, advisoryId: advisory.id, outcome: 'unchanged', published: false };
  writeContent(tx, advisory.id, contentOf(x));
  tx.update(advisories)
    .set({
      title: x.title,
      summary: x.summary,
      relevant: x.relevant || advisory.relevant,
      relevanceReason: x.relevanceReason,
      ...(revived ? { status: trusted ? 'published' : 'draft', releasedAt: trusted ? now : null, rejectReason: null } : {}),
    })
    .where(eq(advisories.id, advisory.id))
    .run();
  recordRevision(tx, advisory.id, { changedFields: changed, material: changed.some((f) => materialFields.has(f)), noticeId, now, severity: x.severity });
  return { noticeId, advisoryId: advisory.id, outcome: 'revised', published: revived && trusted };
}

function currentContent(advisory: AdvisoryDetails) {
  return {
    products: advisory.products.map((p) => ({ id: p.productId, name: '', vendor: '', affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion })),
    actions: advisory.actions.map((a) => ({ text: a.text, evidence: a.evidence })),
    cves: advisory.cves,
  };
}

/** Adds what a further report says to an advisory; a trusted report releases a waiting draft. */
function fold(
  tx: Tx,
  advisory: AdvisoryDetails,
  x: Extraction,
  { noticeId, now, trusted, attach }: { noticeId: number; now: Date; trusted: boolean; attach: boolean },
): RecordResult {
  if (attach) attachNotice(tx, advisory.id, noticeId, now);
  const merged = mergeContent(currentContent(advisory), contentOf(x));
  const severity = higherSeverity(advisory.severity, x.severity);
  const changed = severity !== advisory.severity ? [...merged.changed, 'severity'] : merged.changed;
  if (changed.length > 0) {
    writeContent(tx, advisory.id, merged.content);
    recordRevision(tx, advisory.id, { changedFields: changed, material: changed.some((f) => materialFields.has(f)), noticeId, now, severity });
  }
  const release = trusted && advisory.status === 'draft';
  if (release) tx.update(advisories).set({ status: 'published', releasedAt: now, updatedAt: now }).where(eq(advisories.id, advisory.id)).run();
  const outcome = changed.length > 0 ? 'revised' : attach ? 'attached' : 'unchanged';
  return { noticeId, advisoryId: advisory.id, outcome, published: release };
}
