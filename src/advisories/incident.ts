import type { Severity } from './advisories.table.js';
import type { AdvisoryContent, AdvisoryDetails } from './advisories.repository.js';
import { sameVersion } from '../normalize/versions.js';
import type { Extraction } from '../normalize/extract.js';

const windowMs = 45 * 24 * 60 * 60 * 1000;

/**
 * Reports of the same incident (the vendor, DGN, a KV, the press) share products and, within a few weeks,
 * a CVE, a fixed version or most of the title's words.
 */
export function findSameIncident(candidates: AdvisoryDetails[], x: Extraction, when: Date): AdvisoryDetails | undefined {
  const productIds = new Set(x.products.map((p) => p.id));
  return candidates.find((a) => {
    const at = (a.publishedAt ?? a.createdAt).getTime();
    if (Math.abs(at - when.getTime()) > windowMs) return false;
    const shared = a.products.filter((p) => productIds.has(p.productId));
    if (shared.length === 0) return false;
    const sharedCve = x.cves.some((c) => a.cves.includes(c));
    const sharedFix = shared.some((p) => {
      const fixed = x.products.find((q) => q.id === p.productId)?.fixedVersion;
      return p.fixedVersion !== null && fixed != null && sameVersion(p.fixedVersion, fixed);
    });
    const sameProducts = shared.length === productIds.size && shared.length === a.products.length;
    return sharedCve || sharedFix || sameProducts || titleSimilarity(a.title, x.title) >= 0.5;
  });
}

const rank: Record<Severity, number> = { unbekannt: 0, niedrig: 1, mittel: 2, hoch: 3, kritisch: 4 };

export function higherSeverity(a: Severity, b: Severity): Severity {
  return rank[b] > rank[a] ? b : a;
}

/**
 * Folds a new report into what an advisory already says: new products, missing fixed versions, new actions
 * and CVEs are added; nothing already there is dropped. Returns the fields that changed.
 */
export function mergeContent(current: AdvisoryContent, incoming: AdvisoryContent): { content: AdvisoryContent; changed: string[] } {
  const changed = new Set<string>();
  const products = current.products.map((p) => ({ ...p }));
  for (const p of incoming.products) {
    const existing = products.find((q) => q.id === p.id);
    if (!existing) {
      products.push(p);
      changed.add('products');
    } else if (p.fixedVersion && (!existing.fixedVersion || !sameVersion(existing.fixedVersion, p.fixedVersion))) {
      if (!existing.fixedVersion) {
        existing.fixedVersion = p.fixedVersion;
        changed.add('fixedVersion');
      }
    }
  }
  const actions = [...current.actions];
  for (const a of incoming.actions) {
    if (!actions.some((b) => wordOverlap(a.text, b.text) >= 0.7)) {
      actions.push(a);
      changed.add('actions');
    }
  }
  const cves = [...current.cves];
  for (const c of incoming.cves) if (!cves.includes(c)) (cves.push(c), changed.add('cves'));
  return { content: { products, actions, cves }, changed: [...changed] };
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}.]+/u).filter((w) => w.length > 3));
}

function wordOverlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  return [...x].filter((w) => y.has(w)).length / Math.max(1, Math.min(x.size, y.size));
}

function titleSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, new Set([...x, ...y]).size);
}
