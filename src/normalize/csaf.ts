import type { Severity } from '../advisories/advisories.table.js';
import { csafSchema, type CsafBranch, type CsafDocument } from './csaf.models.js';
import { dominantVendor, type ExtractedProduct, type Extraction } from './extract.js';
import { findProducts, type Matcher } from './products.js';
import { summarize } from './summary.js';
import { splitSentences } from './sentences.js';

type Leaf = { vendor: string; product: string; version: string; kind: string; id: string; fullName: string };

// Product families a practice runs even when the catalog does not list the exact product.
const practiceCategory = /Konnektor|Kartenterminal|eHealth|Telematik|Praxis|PVS|KIM\b|Router|Firewall|Windows|Exchange|FRITZ|Digitalisierungsbox/i;

/** Parses a CSAF 2.0 document and maps it onto the catalog; null when the JSON is not a readable CSAF document. */
export function extractCsaf(matcher: Matcher, json: string): Extraction | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = csafSchema.safeParse(raw);
  return parsed.success ? mapCsaf(matcher, parsed.data) : null;
}

export function mapCsaf(matcher: Matcher, doc: CsafDocument): Extraction {
  const { tracking } = doc.document;
  const status = statusSets(doc);
  const leaves = (doc.product_tree?.branches ?? []).flatMap((b) => walk(b, { vendor: '', product: '' }));
  const evidence: Extraction['evidence'] = [];
  const byProduct = new Map<string, ExtractedProduct & { productIds: string[] }>();
  const unknown = new Map<string, string>();
  for (const leaf of leaves) {
    const named = `${leaf.vendor} ${leaf.product}`.trim();
    const hits = findProducts(matcher, [{ text: named, line: 0, bullet: false }]);
    const found = hits.length > 0 ? hits : findProducts(matcher, [{ text: leaf.fullName, line: 0, bullet: false }]);
    const path = `${tracking.id}: ${[leaf.vendor, leaf.product, leaf.version].filter(Boolean).join(' › ')}`;
    if (found.length === 0) {
      if (practiceCategory.test(named) && !unknown.has(named)) unknown.set(named, path);
      continue;
    }
    const fixed = /-fixed$/i.test(leaf.id) || status.fixed.has(leaf.id);
    for (const { product } of found) {
      const entry = byProduct.get(product.id) ?? {
        id: product.id,
        name: product.name,
        vendor: matcher.catalog.vendors.find((v) => v.id === product.vendor)!.name,
        affectedVersions: null,
        fixedVersion: null,
        productIds: [],
      };
      byProduct.set(product.id, entry);
      entry.productIds.push(leaf.id);
      const version = readableVersion(leaf.version);
      if (!version) continue;
      if (fixed && entry.fixedVersion === null) {
        entry.fixedVersion = version;
        evidence.push({ field: 'fixedVersion', text: `${path} (behoben)` });
      } else if (!fixed && (status.affected.has(leaf.id) || leaf.kind === 'product_version_range')) {
        entry.affectedVersions = entry.affectedVersions ? `${entry.affectedVersions}, ${version}` : version;
        evidence.push({ field: 'affectedVersions', text: path });
      }
    }
  }
  const products = [...byProduct.values()];
  for (const p of products) evidence.push({ field: `products.${p.id}`, text: `${tracking.id}: Produktbaum nennt ${p.name}` });

  const actions = remediationActions(doc, products);
  for (const a of actions) evidence.push({ field: 'actions', text: a.evidence });
  const severity = csafSeverity(doc);
  if (severity.evidence) evidence.push({ field: 'severity', text: severity.evidence });
  const vendorId = dominantVendor(products.map((p) => matcher.catalog.products.find((q) => q.id === p.id)!.vendor));
  const proposedProducts = [...unknown].map(([name, text]) => ({ name, evidence: text }));
  const relevant = products.length > 0 || proposedProducts.length > 0;
  const notes = (doc.document.notes ?? []).filter((n) => /summary|description|general/.test(n.category)).map((n) => n.text);
  return {
    relevant,
    relevanceReason: products.length
      ? `CSAF-Hinweis ${tracking.id} betrifft ${products.map((p) => p.name).join(', ')}.`
      : relevant
        ? `CSAF-Hinweis ${tracking.id} betrifft Praxis-IT (${proposedProducts.map((p) => p.name).join(', ')}), die der Katalog noch nicht kennt.`
        : `CSAF-Hinweis ${tracking.id} betrifft kein Produkt aus dem Katalog und keine Praxis-IT.`,
    title: doc.document.title,
    summary: summarize(splitSentences(notes.join('\n')), doc.document.title),
    vendor: vendorId ? matcher.catalog.vendors.find((v) => v.id === vendorId)!.name : null,
    vendorId,
    products: products.map(({ productIds: _ids, ...p }) => p),
    actions: actions.map((a) => a.text),
    noActionNeeded: false,
    cves: [...new Set((doc.vulnerabilities ?? []).flatMap((v) => (v.cve ? [v.cve.toUpperCase()] : [])))],
    severity: severity.severity,
    published: isoDate(tracking.current_release_date),
    tracking: { id: tracking.id, version: tracking.version ?? null, revisions: tracking.revision_history ?? [] },
    proposedProducts,
    evidence,
  };
}

/** The product tree's leaves with readable versions, each marked fixed or affected the way `mapCsaf` reads them. */
export function csafProductLeaves(doc: CsafDocument): { id: string; vendor: string; product: string; version: string; fixed: boolean; affected: boolean }[] {
  const status = statusSets(doc);
  return (doc.product_tree?.branches ?? []).flatMap((b) => walk(b, { vendor: '', product: '' })).map((leaf) => {
    const fixed = /-fixed$/i.test(leaf.id) || status.fixed.has(leaf.id);
    const affected = !fixed && (status.affected.has(leaf.id) || leaf.kind === 'product_version_range');
    return { id: leaf.id, vendor: leaf.vendor, product: leaf.product || leaf.fullName, version: readableVersion(leaf.version), fixed, affected };
  });
}

function walk(branch: CsafBranch, path: { vendor: string; product: string }): Leaf[] {
  const next = {
    vendor: branch.category === 'vendor' ? branch.name : path.vendor,
    product: branch.category === 'product_name' || branch.category === 'product_family' ? `${path.product} ${branch.name}`.trim() : path.product,
  };
  const leaves: Leaf[] = [];
  if (branch.product) {
    const version = /version|patch_level/.test(branch.category) ? branch.name : '';
    leaves.push({ ...next, version, kind: branch.category, id: branch.product.product_id, fullName: branch.product.name });
  }
  for (const child of branch.branches ?? []) leaves.push(...walk(child, next));
  return leaves;
}

function statusSets(doc: CsafDocument): { fixed: Set<string>; affected: Set<string> } {
  const fixed = new Set<string>();
  const affected = new Set<string>();
  for (const v of doc.vulnerabilities ?? []) {
    for (const id of [...(v.product_status?.fixed ?? []), ...(v.product_status?.first_fixed ?? [])]) fixed.add(id);
    for (const key of ['known_affected', 'first_affected', 'last_affected']) for (const id of v.product_status?.[key] ?? []) affected.add(id);
  }
  return { fixed, affected };
}

/** "vers:intdot/>=1.4.1074|<=1.4.1116" reads ">=1.4.1074 <=1.4.1116"; plain versions and "<1.25.2" stay. */
function readableVersion(name: string): string {
  return name.replace(/^vers:[a-z]+\//i, '').replace(/\|/g, ' ').trim();
}

function remediationActions(doc: CsafDocument, products: (ExtractedProduct & { productIds: string[] })[]): { text: string; evidence: string }[] {
  const actions: { text: string; evidence: string }[] = [];
  const add = (text: string, evidence: string) => {
    if (!actions.some((a) => a.text === text)) actions.push({ text, evidence });
  };
  const updates = (ids: string[] | undefined) =>
    products.filter((p) => p.fixedVersion && (!ids || ids.some((id) => p.productIds.includes(id))));
  const remediations = (doc.vulnerabilities ?? []).flatMap((v) => v.remediations ?? []);
  for (const r of remediations) {
    const details = firstSentence(r.details ?? '');
    if (r.category === 'vendor_fix') {
      const fixes = updates(r.product_ids);
      for (const p of fixes) add(`${p.name} auf Version ${p.fixedVersion} aktualisieren`, `vendor_fix: ${r.details ?? ''}`.trim());
      if (fixes.length === 0) add('Das Update des Herstellers einspielen', `vendor_fix: ${r.details ?? ''}`.trim());
    } else if (r.category === 'mitigation' && details) add(`Schutzmaßnahme umsetzen: ${details}`, `mitigation: ${r.details}`);
    else if (r.category === 'workaround' && details) add(`Übergangslösung umsetzen: ${details}`, `workaround: ${r.details}`);
    else if (r.category === 'no_fix_planned') add('Ersatz für das Produkt planen, der Hersteller stellt kein Update bereit', `no_fix_planned: ${r.details ?? ''}`.trim());
  }
  // WID documents often carry no remediation, only the fixed release in the product tree.
  if (!remediations.some((r) => r.category === 'vendor_fix')) {
    for (const p of updates(undefined)) add(`${p.name} auf Version ${p.fixedVersion} aktualisieren`, `product_tree: ${p.name} ${p.fixedVersion}`);
  }
  return actions;
}

function firstSentence(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  const end = s.search(/[.!](?:\s|$)/);
  return (end === -1 ? s : s.slice(0, end)).trim();
}

const words: [RegExp, Severity][] = [
  [/^(?:kritisch|critical)$/i, 'kritisch'],
  [/^(?:hoch|high|important|wichtig)$/i, 'hoch'],
  [/^(?:mittel|medium|moderate)$/i, 'mittel'],
  [/^(?:niedrig|low|gering)$/i, 'niedrig'],
];

/** The document's own word first; otherwise the highest CVSS base score. */
export function csafSeverity(doc: CsafDocument): { severity: Severity; evidence: string | null } {
  const text = doc.document.aggregate_severity?.text.trim();
  const word = text ? words.find(([re]) => re.test(text)) : undefined;
  if (word) return { severity: word[1], evidence: `aggregate_severity: ${text}` };
  const scores = (doc.vulnerabilities ?? []).flatMap((v) => (v.scores ?? []).map((s) => s.cvss_v3?.baseScore ?? s.cvss_v2?.baseScore ?? 0));
  if (scores.length === 0) return { severity: 'unbekannt', evidence: null };
  const max = Math.max(...scores);
  const severity: Severity = max >= 9 ? 'kritisch' : max >= 7 ? 'hoch' : max >= 4 ? 'mittel' : 'niedrig';
  return { severity, evidence: `CVSS-Basiswert ${max.toFixed(1)}` };
}

function isoDate(value: string): string | null {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
