import { getAdvisory, type Tx } from '../advisories/advisories.repository.js';
import type { Db } from '../db/client.js';
import { CurationError } from './curation.errors.js';

/** What the audit log and the revision history compare: the parts of an advisory an editor can change. */
export type AdvisorySnapshot = {
  status: string;
  title: string;
  summary: string;
  severity: string;
  /** "Wird aktiv ausgenutzt". */
  exploited: boolean;
  products: { productId: string; affectedVersions: string | null; fixedVersion: string | null }[];
  actions: string[];
  cves: string[];
};

export function snapshot(db: Db | Tx, id: number): AdvisorySnapshot {
  const a = getAdvisory(db, id);
  if (!a) throw new CurationError('not_found', `Meldung #${id} gibt es nicht.`);
  return {
    status: a.status,
    title: a.title,
    summary: a.summary,
    severity: a.severity,
    exploited: a.exploited,
    products: a.products.map((p) => ({ productId: p.productId, affectedVersions: p.affectedVersions, fixedVersion: p.fixedVersion })),
    actions: a.actions.map((x) => x.text),
    cves: [...a.cves].sort(),
  };
}

/** The names of the fields that differ, in the vocabulary of advisory_revisions.changedFields. */
export function changedFields(before: AdvisorySnapshot, after: AdvisorySnapshot): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (before.title !== after.title) out.push('title');
  if (before.summary !== after.summary) out.push('summary');
  if (before.severity !== after.severity) out.push('severity');
  // Snapshots from before the flag existed (audit log) have none: read as false.
  if (Boolean(before.exploited) !== Boolean(after.exploited)) out.push('exploited');
  const ids = (s: AdvisorySnapshot) => s.products.map((p) => p.productId).sort();
  if (!same(ids(before), ids(after))) out.push('products');
  const versions = (s: AdvisorySnapshot) => s.products.map((p) => `${p.productId}=${p.affectedVersions}/${p.fixedVersion}`).sort();
  if (same(ids(before), ids(after)) && !same(versions(before), versions(after))) out.push('fixedVersion');
  if (!same(before.actions, after.actions)) out.push('actions');
  if (!same(before.cves, after.cves)) out.push('cves');
  return out;
}

export const materialFields = new Set(['products', 'fixedVersion', 'actions', 'severity']);
