import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Logger } from 'pino';
import { getAdvisory, writeContent, type Tx } from '../advisories/advisories.repository.js';
import { advisories, advisoryRevisions, advisorySources } from '../advisories/advisories.table.js';
import { higherSeverity, mergeContent } from '../advisories/incident.js';
import { products } from '../catalog/catalog.table.js';
import type { Db } from '../db/client.js';
import { enqueue, type Queues } from '../queues/queues.js';
import { writeAudit, type Actor } from './audit.repository.js';
import { changedFields, materialFields, snapshot } from './advisory-snapshot.js';
import { CurationError } from './curation.errors.js';
import { ageInDays, statedDay } from '../advisories/archive.js';
import type { DeliverySettings } from '../notify/settings.js';
import { advisoryEditSchema, mergeSchema, rejectSchema, type AdvisoryEdit } from './curation.models.js';

export type CurationDeps = { db: Db; queues: Queues; clock: () => Date; logger: Logger; delivery: Pick<DeliverySettings, 'alertMaxAgeDays'> };

const editable = ['draft', 'published', 'archive'];

/**
 * Saves an editor's version of an advisory. Actions keep their evidence sentence by id. On a published advisory
 * a change is recorded as a revision, and new products are matched at once.
 */
export async function editAdvisory(deps: CurationDeps, actor: Actor, id: number, input: AdvisoryEdit): Promise<{ changed: string[] }> {
  const data = advisoryEditSchema.parse(input);
  const now = deps.clock();
  const result = deps.db.transaction((tx) => {
    const current = getAdvisory(tx, id);
    if (!current) throw new CurationError('not_found', `Meldung #${id} gibt es nicht.`);
    if (!editable.includes(current.status)) throw new CurationError('wrong_status', 'Abgelehnte oder zusammengeführte Meldungen können nicht bearbeitet werden.');
    const ids = data.products.map((p) => p.productId);
    const known = ids.length ? tx.select({ id: products.id }).from(products).where(inArray(products.id, ids)).all().map((r) => r.id) : [];
    const unknown = ids.filter((p) => !known.includes(p));
    if (unknown.length) throw new CurationError('unknown_product', `Unbekannte Produkt-ID(s): ${unknown.join(', ')}`);
    const before = snapshot(tx, id);
    const evidence = new Map(current.actions.map((a) => [a.id, a.evidence]));
    tx.update(advisories).set({ title: data.title, summary: data.summary, severity: data.severity, updatedAt: now }).where(eq(advisories.id, id)).run();
    if (data.exploited !== undefined) tx.update(advisories).set({ exploited: data.exploited }).where(eq(advisories.id, id)).run();
    writeContent(tx, id, {
      products: data.products.map((p) => ({ id: p.productId, name: '', vendor: '', affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion })),
      actions: data.actions.map((a) => ({ text: a.text, evidence: (a.id ? evidence.get(a.id) : null) ?? null })),
      cves: [...new Set(data.cves)],
    });
    const after = snapshot(tx, id);
    const changed = changedFields(before, after);
    if (changed.length === 0) return { changed, revision: null, published: false };
    let revision: number | null = null;
    if (current.status === 'published') {
      revision = current.revision + 1;
      tx.update(advisories).set({ revision }).where(eq(advisories.id, id)).run();
      tx.insert(advisoryRevisions).values({ advisoryId: id, revision, changedFields: changed, material: changed.some((f) => materialFields.has(f)), noticeId: null, createdAt: now }).run();
    }
    writeAudit(tx, actor, { action: 'advisory.edit', entity: 'advisory', entityId: id, before, after }, now);
    return { changed, revision, published: current.status === 'published' };
  });
  if (result.published && result.changed.includes('products')) {
    await enqueueMatch(deps, id, `match-${id}-r${result.revision}`);
  }
  return { changed: result.changed };
}

/**
 * Publishes a draft (or a wrongly rejected report, or an archived one) and hands it to matching; deliveries follow
 * from there. Old news (archived, or older than ALERT_MAX_AGE_DAYS by its stated date) goes out only with
 * `confirmOld`: the refusal says how old it is.
 */
export async function approveAdvisory(deps: CurationDeps, actor: Actor, id: number, { confirmOld = false }: { confirmOld?: boolean } = {}): Promise<void> {
  const now = deps.clock();
  deps.db.transaction((tx) => {
    const before = snapshot(tx, id);
    if (!['draft', 'rejected', 'archive'].includes(before.status)) throw new CurationError('wrong_status', 'Nur Entwürfe, abgelehnte und archivierte Meldungen können freigegeben werden.');
    // A TI outage goes to the practices that opted in, not by product (see src/notify/outage.ts).
    const outage = tx.select({ category: advisories.category }).from(advisories).where(eq(advisories.id, id)).get()?.category === 'ti_outage';
    if (before.products.length === 0 && !outage) throw new CurationError('no_products', 'Ohne betroffenes Produkt erreicht die Meldung keine Praxis. Bitte zuerst ein Produkt zuordnen.');
    const old = oldNews(tx, id, now, deps.delivery.alertMaxAgeDays);
    if (old && !confirmOld) throw new CurationError('old_news', `${old} Bitte bestätigen Sie, dass Sie sie trotzdem an die Praxen senden möchten.`);
    tx.update(advisories).set({ status: 'published', releasedAt: now, matchedAt: null, rejectReason: null, decidedBy: actor.adminId, updatedAt: now }).where(eq(advisories.id, id)).run();
    writeAudit(tx, actor, { action: 'advisory.approve', entity: 'advisory', entityId: id, before: { status: before.status }, after: { status: 'published', releasedAt: now.toISOString() } }, now);
  });
  await enqueueMatch(deps, id, `match-${id}`);
}

/**
 * Why an advisory is old news, in German ("Diese Meldung ist laut Quelle 412 Tage alt (vom 15.11.2019)."), or null:
 * archived advisories and those older than `maxAgeDays` by their stated date.
 */
export function oldNews(db: Db | Tx, id: number, now: Date, maxAgeDays: number): string | null {
  const row = db.select({ status: advisories.status, publishedAt: advisories.publishedAt }).from(advisories).where(eq(advisories.id, id)).get();
  if (!row) return null;
  const stated = row.publishedAt;
  const age = stated ? ageInDays(stated, now) : null;
  if (row.status !== 'archive' && (age === null || age <= maxAgeDays)) return null;
  if (age !== null) return `Diese Meldung ist laut Quelle ${age === 1 ? '1 Tag' : `${age} Tage`} alt (vom ${statedDay(stated!)}).`;
  return 'Diese Meldung stammt aus dem Archiv der Quelle und hat kein Datum.';
}

/** Files a draft in the archive: listed publicly under its own date, never sent (e.g. an old report found late). */
export function archiveAdvisory(deps: Pick<CurationDeps, 'db' | 'clock'>, actor: Actor, id: number): void {
  const now = deps.clock();
  deps.db.transaction((tx) => {
    const before = snapshot(tx, id);
    if (before.status !== 'draft') throw new CurationError('wrong_status', 'Nur Entwürfe können ins Archiv gelegt werden.');
    const reason = `Von ${actor.name} ins Archiv gelegt.`;
    tx.update(advisories).set({ status: 'archive', archiveReason: reason, releasedAt: now, decidedBy: actor.adminId, updatedAt: now }).where(eq(advisories.id, id)).run();
    writeAudit(tx, actor, { action: 'advisory.archive', entity: 'advisory', entityId: id, before: { status: before.status }, after: { status: 'archive' } }, now);
  });
}

export function rejectAdvisory(deps: Pick<CurationDeps, 'db' | 'clock'>, actor: Actor, id: number, input: { reason: string }): void {
  const { reason } = rejectSchema.parse(input);
  const now = deps.clock();
  deps.db.transaction((tx) => {
    const before = snapshot(tx, id);
    if (before.status !== 'draft' && before.status !== 'archive') throw new CurationError('wrong_status', 'Nur Entwürfe und archivierte Meldungen können abgelehnt werden.');
    tx.update(advisories).set({ status: 'rejected', rejectReason: reason, decidedBy: actor.adminId, updatedAt: now }).where(eq(advisories.id, id)).run();
    writeAudit(tx, actor, { action: 'advisory.reject', entity: 'advisory', entityId: id, before: { status: before.status }, after: { status: 'rejected', reason } }, now);
  });
}

/** Puts a rejected report back into the review queue, e.g. one the extractor wrongly found not relevant. */
export function reopenAdvisory(deps: Pick<CurationDeps, 'db' | 'clock'>, actor: Actor, id: number): void {
  const now = deps.clock();
  deps.db.transaction((tx) => {
    const before = snapshot(tx, id);
    if (before.status !== 'rejected') throw new CurationError('wrong_status', 'Nur abgelehnte Meldungen können wieder geöffnet werden.');
    tx.update(advisories).set({ status: 'draft', rejectReason: null, decidedBy: actor.adminId, updatedAt: now }).where(eq(advisories.id, id)).run();
    writeAudit(tx, actor, { action: 'advisory.reopen', entity: 'advisory', entityId: id, before: { status: 'rejected' }, after: { status: 'draft' } }, now);
  });
}

/**
 * Folds a draft into another advisory of the same incident: its sources and revisions move over, its products,
 * actions and CVEs are added where new, and it is kept as `merged` with a pointer to where it went.
 */
export async function mergeAdvisory(deps: CurationDeps, actor: Actor, id: number, input: { targetId: number | string }): Promise<void> {
  const { targetId } = mergeSchema.parse(input);
  const now = deps.clock();
  const rematch = deps.db.transaction((tx) => {
    const source = getAdvisory(tx, id);
    const target = getAdvisory(tx, targetId);
    if (!source) throw new CurationError('not_found', `Meldung #${id} gibt es nicht.`);
    if (source.status !== 'draft') throw new CurationError('wrong_status', 'Nur Entwürfe können zusammengeführt werden.');
    if (!target || targetId === id || !editable.includes(target.status)) {
      throw new CurationError('invalid_target', `Meldung #${targetId} kann nicht das Ziel sein (sie fehlt, ist dieselbe oder ist abgelehnt/zusammengeführt).`);
    }
    const before = { source: snapshot(tx, id), target: snapshot(tx, targetId) };
    const toContent = (a: typeof source) => ({
      products: a.products.map((p) => ({ id: p.productId, name: '', vendor: '', affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion })),
      actions: a.actions.map((x) => ({ text: x.text, evidence: x.evidence })),
      cves: a.cves,
    });
    const merged = mergeContent(toContent(target), toContent(source));
    writeContent(tx, targetId, merged.content);
    tx.update(advisorySources).set({ advisoryId: targetId }).where(eq(advisorySources.advisoryId, id)).run();
    // Revisions are numbered per advisory: the moved ones continue the target's numbering, oldest first.
    const moved = tx.select().from(advisoryRevisions).where(eq(advisoryRevisions.advisoryId, id)).orderBy(asc(advisoryRevisions.revision)).all();
    let revision = tx.select({ n: max(advisoryRevisions.revision) }).from(advisoryRevisions).where(eq(advisoryRevisions.advisoryId, targetId)).get()?.n ?? target.revision;
    revision = Math.max(revision, target.revision);
    for (const r of moved) {
      revision += 1;
      tx.update(advisoryRevisions).set({ advisoryId: targetId, revision, changedFields: [...new Set(['merged', ...r.changedFields])] }).where(eq(advisoryRevisions.id, r.id)).run();
    }
    const severity = higherSeverity(target.severity, source.severity);
    tx.update(advisories).set({ revision, severity, updatedAt: now }).where(eq(advisories.id, targetId)).run();
    tx.update(advisories).set({ status: 'merged', mergedIntoId: targetId, decidedBy: actor.adminId, updatedAt: now }).where(and(eq(advisories.id, id))).run();
    writeAudit(tx, actor, { action: 'advisory.merge', entity: 'advisory', entityId: id, before: before.source, after: { status: 'merged', mergedIntoId: targetId } }, now);
    writeAudit(tx, actor, { action: 'advisory.merge_into', entity: 'advisory', entityId: targetId, before: before.target, after: snapshot(tx, targetId) }, now);
    return target.status === 'published' && merged.changed.includes('products');
  });
  if (rematch) await enqueueMatch(deps, targetId, `match-${targetId}-m${id}`);
}

/** Redis only carries the work: if it is away, the sweep finds the published advisory without `matchedAt` later. */
async function enqueueMatch(deps: CurationDeps, advisoryId: number, jobId: string): Promise<void> {
  try {
    if (jobId !== `match-${advisoryId}`) deps.db.update(advisories).set({ matchedAt: null }).where(eq(advisories.id, advisoryId)).run();
    await enqueue(deps.queues, 'match', [{ jobId, data: { advisoryId } }]);
  } catch (error) {
    deps.logger.warn({ advisoryId, err: error }, 'match job not enqueued; the sweep will pick it up');
  }
}
