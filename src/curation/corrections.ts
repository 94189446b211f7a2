import { and, inArray, isNotNull } from 'drizzle-orm';
import { advisories, advisoryActions, advisoryCves, advisoryProducts, type ExtractedDraft } from '../advisories/advisories.table.js';
import type { Db } from '../db/client.js';

/** The fields an editor can change, in the order the admin lists them. */
export const correctedFields = ['relevance', 'title', 'summary', 'severity', 'products', 'fixedVersions', 'actions', 'cves'] as const;
export type CorrectedField = (typeof correctedFields)[number];

/** An advisory an editor decided, with what the extractor had drafted and what the editor made of it. */
export type Decision = { id: number; decidedAt: Date; extracted: ExtractedDraft; final: ExtractedDraft };

/**
 * Every advisory an editor approved or rejected (the `decided_by` of a trusted source's automatic release is
 * empty), with its draft beside its current content. Rejected ones keep their draft's content: the editor only
 * judged their relevance.
 */
export function decisions(db: Db): Decision[] {
  const rows = db
    .select()
    .from(advisories)
    .where(and(isNotNull(advisories.decidedBy), isNotNull(advisories.extracted), inArray(advisories.status, ['published', 'rejected', 'archive'])))
    .all();
  const ids = rows.map((r) => r.id);
  // SQLite takes at most 32,766 bound values; a few hundred per statement keeps it well below.
  const chunks: number[][] = [];
  for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
  const byAdvisory = <T extends { advisoryId: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const x of list) map.set(x.advisoryId, [...(map.get(x.advisoryId) ?? []), x]);
    return map;
  };
  const products = byAdvisory(chunks.flatMap((g) => db.select().from(advisoryProducts).where(inArray(advisoryProducts.advisoryId, g)).all()));
  const actions = byAdvisory(chunks.flatMap((g) => db.select().from(advisoryActions).where(inArray(advisoryActions.advisoryId, g)).all()));
  const cves = byAdvisory(chunks.flatMap((g) => db.select().from(advisoryCves).where(inArray(advisoryCves.advisoryId, g)).all()));
  return rows.map((a) => {
    const extracted = a.extracted!;
    const final: ExtractedDraft =
      a.status === 'rejected'
        ? { ...extracted, relevant: false }
        : {
            relevant: true,
            title: a.title,
            summary: a.summary,
            severity: a.severity,
            vendorId: a.vendorId,
            products: (products.get(a.id) ?? []).map((p) => ({ id: p.productId, affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion })),
            actions: (actions.get(a.id) ?? []).sort((x, y) => x.position - y.position).map((x) => x.text),
            cves: (cves.get(a.id) ?? []).map((c) => c.cve),
            published: a.publishedAt ? a.publishedAt.toISOString() : extracted.published,
          };
    return { id: a.id, decidedAt: a.releasedAt ?? a.updatedAt, extracted, final };
  });
}

const sorted = (list: string[]) => [...list].sort().join('\n');

/** The fields of a decision in which the editor's version differs from the extractor's draft. */
export function changedFields({ extracted: x, final: f }: Pick<Decision, 'extracted' | 'final'>): CorrectedField[] {
  const changed: CorrectedField[] = [];
  if (x.relevant !== f.relevant) changed.push('relevance');
  if (!f.relevant) return changed;
  if (x.title.trim() !== f.title.trim()) changed.push('title');
  if (x.summary.trim() !== f.summary.trim()) changed.push('summary');
  if (x.severity !== f.severity) changed.push('severity');
  if (sorted(x.products.map((p) => p.id)) !== sorted(f.products.map((p) => p.id))) changed.push('products');
  const fixes = (d: ExtractedDraft) => sorted(d.products.filter((p) => p.fixedVersion).map((p) => `${p.id} ${p.fixedVersion}`));
  if (fixes(x) !== fixes(f)) changed.push('fixedVersions');
  if (x.actions.join('\n') !== f.actions.join('\n')) changed.push('actions');
  if (sorted(x.cves) !== sorted(f.cves)) changed.push('cves');
  return changed;
}

export type CorrectionRate = { field: CorrectedField; recent: { changed: number; of: number }; all: { changed: number; of: number } };

/**
 * How often editors changed each field of the extractor's drafts, over the last `days` and all time. Content fields
 * count only advisories the editor kept as relevant; relevance counts every decision.
 */
export function correctionRates(db: Db, now: Date, days = 30): CorrectionRate[] {
  const since = now.getTime() - days * 86_400_000;
  const all = decisions(db).map((d) => ({ recent: d.decidedAt.getTime() >= since, relevant: d.final.relevant, changed: new Set(changedFields(d)) }));
  return correctedFields.map((field) => {
    const counted = field === 'relevance' ? all : all.filter((d) => d.relevant);
    const tally = (list: typeof all) => ({ changed: list.filter((d) => d.changed.has(field)).length, of: list.length });
    return { field, recent: tally(counted.filter((d) => d.recent)), all: tally(counted) };
  });
}
