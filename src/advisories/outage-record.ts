import { and, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Extraction } from '../normalize/extract.js';
import { attachNotice, getAdvisory, insertAdvisory, type AdvisoryDetails, type Tx } from './advisories.repository.js';
import { advisories } from './advisories.table.js';
import { tiServicesIn, type OutageReading } from './outage.js';

const hour = 3_600_000;
/** How long after an outage was reported a further notice of the same TI service counts as the same outage. */
export const outageWindowMs = 72 * hour;

const outageReason = 'TI-Störung (gematik-Statusmeldung): an Praxen, die „TI-Störungen“ gewählt haben, keine Sicherheitswarnung.';

export type OutageOutcome = { advisoryId: number; outcome: 'created' | 'archived' | 'attached' | 'unchanged'; published: boolean };

/**
 * Records a notice read as a TI outage. A further notice of an open outage of the same service (within three days)
 * joins it and, when it says "behoben", marks it resolved; anything else becomes a new `ti_outage` advisory without
 * products or actions (it is not matched on products, see src/notify/outage.ts), published at once from a trusted
 * source, archived when it is old news.
 */
export function recordOutage(
  tx: Tx,
  x: Extraction,
  reading: OutageReading,
  { noticeId, now, when, trusted, archiveReason }: { noticeId: number; now: Date; when: Date; trusted: boolean; archiveReason: string | null },
): OutageOutcome {
  const same = openOutage(tx, reading.services, when);
  if (same) {
    attachNotice(tx, same.id, noticeId, now);
    if (reading.resolved) markResolved(tx, same.id, now);
    return { advisoryId: same.id, outcome: 'attached', published: false };
  }
  const content = { ...x, relevant: true, relevanceReason: outageReason, products: [], actions: [], cves: [], evidence: [] };
  const status = archiveReason ? 'archive' : trusted ? 'published' : 'draft';
  const advisoryId = insertAdvisory(tx, content, { status, noticeId, now, archiveReason });
  tx.update(advisories)
    .set({ category: 'ti_outage', resolvedAt: reading.resolved ? now : null })
    .where(eq(advisories.id, advisoryId))
    .run();
  return { advisoryId, outcome: archiveReason ? 'archived' : 'created', published: status === 'published' };
}

/**
 * A notice of an outage already recorded, read again (a new version, or a repeat): the outage's only notice passes on
 * its title and summary (a status page updated in place); with further notices the first one's words stay. "behoben"
 * marks the outage resolved. No revision is recorded: outages get no update mails.
 */
export function reviseOutage(tx: Tx, advisory: AdvisoryDetails, x: Extraction, reading: OutageReading, now: Date): OutageOutcome {
  const changed = advisory.noticeIds.length === 1 && (advisory.title !== x.title || advisory.summary !== x.summary);
  if (changed) tx.update(advisories).set({ title: x.title, summary: x.summary, updatedAt: now }).where(eq(advisories.id, advisory.id)).run();
  const resolved = reading.resolved && markResolved(tx, advisory.id, now);
  return { advisoryId: advisory.id, outcome: changed || resolved ? 'attached' : 'unchanged', published: false };
}

/**
 * Marks an outage resolved once; a published one is handed back to matching (matchedAt cleared), which writes the
 * follow-up mails. Returns whether this call resolved it.
 */
export function markResolved(tx: Tx, advisoryId: number, now: Date): boolean {
  const row = tx
    .update(advisories)
    .set({ resolvedAt: now, matchedAt: null, updatedAt: now })
    .where(and(eq(advisories.id, advisoryId), eq(advisories.category, 'ti_outage'), isNull(advisories.resolvedAt)))
    .returning({ id: advisories.id })
    .get();
  return row !== undefined;
}

// Access components, named by outages of every service: they say nothing about which outage it is.
const components = new Set(['Konnektor', 'TI-Gateway']);

/**
 * The latest open (unresolved, not rejected) outage reported within the window before `when` that names one of the
 * same services; a notice that names none (a general "Störung der TI") joins only one that names none either. A wrong
 * join would swallow a new outage's mails; a missed one leaves the editor's button.
 */
function openOutage(tx: Tx, named: string[], when: Date): AdvisoryDetails | undefined {
  const services = named.filter((s) => !components.has(s));
  const candidates = tx
    .select({ id: advisories.id })
    .from(advisories)
    .where(
      and(
        eq(advisories.category, 'ti_outage'),
        inArray(advisories.status, ['draft', 'published', 'archive']),
        isNull(advisories.resolvedAt),
        gte(advisories.createdAt, new Date(when.getTime() - outageWindowMs)),
      ),
    )
    .orderBy(desc(advisories.id))
    .limit(50)
    .all();
  for (const { id } of candidates) {
    const advisory = getAdvisory(tx, id)!;
    const theirs = servicesOf(advisory).filter((s) => !components.has(s));
    if (services.length === 0 ? theirs.length === 0 : services.some((s) => theirs.includes(s))) return advisory;
  }
  return undefined;
}

/** The services an outage advisory is about, read again from its title and summary (kept in no column of its own). */
function servicesOf(advisory: AdvisoryDetails): string[] {
  return tiServicesIn(`${advisory.title}\n${advisory.summary}`);
}
