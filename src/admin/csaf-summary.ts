import { csafProductLeaves } from '../normalize/csaf.js';
import { csafSchema } from '../normalize/csaf.models.js';
import { cvssInGerman, cvssSeverity, readCvss } from '../normalize/cvss.js';

/** What an editor reads of a CSAF document instead of its JSON; every string is the document's own (scraped) text. */
export type CsafSummary = {
  title: string;
  trackingId: string;
  version: string | null;
  released: Date | null;
  /** Only when it differs from `released`: the document has been revised since. */
  firstReleased: Date | null;
  publisher: string | null;
  /** The publisher's own rating ("hoch"), when the document gives one. */
  rating: string | null;
  notes: { title: string | null; text: string }[];
  products: { name: string; affected: string[]; fixed: string[] }[];
  remediations: { kind: string; details: string | null; products: string[]; url: string | null }[];
  vulnerabilities: { cve: string | null; description: string | null; cvss: string | null }[];
  /** The highest CVSS score of the document, in German words; the severity evidence shows it. */
  worstCvss: { cve: string | null; text: string } | null;
  references: { summary: string; url: string }[];
  /** The document, indented, for the editor who wants the JSON after all. */
  json: string;
};

const remediationKind: Record<string, string> = {
  vendor_fix: 'Update des Herstellers',
  workaround: 'Übergangslösung',
  mitigation: 'Schutzmaßnahme',
  no_fix_planned: 'Kein Update geplant',
  none_available: 'Keine Abhilfe verfügbar',
};

/** Reads a notice's text as a CSAF document for the editor; null when it is not one. */
export function summarizeCsaf(text: string): CsafSummary | null {
  if (!text.trimStart().startsWith('{')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = csafSchema.safeParse(raw);
  if (!parsed.success) return null;
  const doc = parsed.data;
  const { tracking } = doc.document;
  const leaves = csafProductLeaves(doc);
  const leafName = new Map(leaves.map((l) => [l.id, [l.vendor, l.product, l.version].filter(Boolean).join(' ')]));
  const products = new Map<string, { name: string; affected: string[]; fixed: string[] }>();
  for (const leaf of leaves) {
    const name = [leaf.vendor, leaf.product].filter(Boolean).join(' ');
    const entry = products.get(name) ?? { name, affected: [], fixed: [] };
    products.set(name, entry);
    if (leaf.version && leaf.fixed) entry.fixed.push(leaf.version);
    else if (leaf.version && leaf.affected) entry.affected.push(leaf.version);
  }
  const vulnerabilities = (doc.vulnerabilities ?? []).map((v) => {
    const scores = (v.scores ?? []).flatMap((s) => [s.cvss_v3, s.cvss_v2].filter((x) => x !== undefined));
    const best = scores.sort((a, b) => b.baseScore - a.baseScore)[0];
    return {
      cve: v.cve ?? null,
      description: v.notes?.find((n) => n.category === 'description')?.text ?? v.title ?? null,
      score: best?.baseScore ?? -1,
      cvss: best ? cvssText(best) : null,
    };
  });
  const worst = [...vulnerabilities].sort((a, b) => b.score - a.score)[0];
  const released = date(tracking.current_release_date);
  const first = tracking.initial_release_date ? date(tracking.initial_release_date) : null;
  return {
    title: doc.document.title,
    trackingId: tracking.id,
    version: tracking.version ?? null,
    released,
    firstReleased: first && released && first.getTime() !== released.getTime() ? first : null,
    publisher: doc.document.publisher?.name ?? null,
    rating: doc.document.aggregate_severity?.text.trim() || null,
    // What the product is and what an attacker can do; legal and "general" notes ("- Sonstiges") stay in the JSON.
    notes: (doc.document.notes ?? []).filter((n) => n.category === 'summary' || n.category === 'description').map((n) => ({ title: n.title ?? null, text: n.text })),
    products: [...products.values()],
    remediations: (doc.vulnerabilities ?? [])
      .flatMap((v) => v.remediations ?? [])
      .map((r) => ({ kind: remediationKind[r.category] ?? r.category, details: r.details ?? null, products: (r.product_ids ?? []).map((id) => leafName.get(id) ?? id), url: r.url ?? null }))
      .filter((r, i, all) => all.findIndex((o) => o.kind === r.kind && o.details === r.details && o.products.join() === r.products.join()) === i),
    vulnerabilities: vulnerabilities.map(({ score: _score, ...v }) => v),
    worstCvss: worst?.cvss ? { cve: worst.cve, text: worst.cvss } : null,
    references: (doc.document.references ?? []).map((r) => ({ summary: r.summary ?? r.url, url: r.url })),
    json: JSON.stringify(raw, null, 2),
  };
}

/** The German reading of a CVSS 3.x vector; for a CVSS 2 or unreadable vector only the score and its rating. */
function cvssText(score: { baseScore: number; vectorString?: string | undefined }): string {
  const reading = readCvss(score.vectorString ?? '', score.baseScore);
  return reading ? cvssInGerman(reading) : `${score.baseScore.toFixed(1)} (${cvssSeverity(score.baseScore)})`;
}

function date(value: string): Date | null {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
