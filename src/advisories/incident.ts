import type { Severity } from './advisories.table.js';
import type { AdvisoryContent, AdvisoryDetails } from './advisories.repository.js';
import { sameVersion } from '../normalize/versions.js';
import type { Extraction } from '../normalize/extract.js';
import { vendorsNamed, type Matcher } from '../normalize/products.js';

const day = 24 * 60 * 60 * 1000;
/** How far apart reports of one incident can be, when they name its products. */
export const incidentWindowMs = 45 * day;
// Without a product to go by, only reports within days: the press follows an incident at once, and a product-less
// piece weeks later is more likely a follow-up story or the vendor's news than the same incident.
const productlessWindowMs = 14 * day;

/** What the catalog says about a report that names no product: the vendors its title names, and who makes what. */
export type IncidentContext = { vendors: { id: string; name: string }[]; vendorOfProduct: (productId: string) => string | undefined };

// Words every security notice uses; they say nothing about which incident it is.
const common = new Set(
  'sicherheit sicherheitslücke sicherheitsupdate schwachstelle update updates version firmware praxen praxis kunden hinweis hinweise informationen wichtig wichtige neue aktuelle jetzt sollten sollen müssen bitte alle ihre ihrer ihren eine einer einen nach beim über unter werden wurde wurden sind security vulnerability'.split(' '),
);

/** The vendors a report is about: that of its products, or, when it names none, those its title names. */
export function incidentContext(matcher: Matcher, x: Extraction): IncidentContext {
  const ids = x.vendorId ? [x.vendorId] : [...vendorsNamed(matcher, x.title)];
  const vendorOf = new Map(matcher.catalog.products.map((p) => [p.id, p.vendor]));
  return {
    vendors: matcher.catalog.vendors.filter((v) => ids.includes(v.id)).map((v) => ({ id: v.id, name: v.name })),
    vendorOfProduct: (id) => vendorOf.get(id),
  };
}

/**
 * Reports of the same incident (the vendor, DGN, a KV, the press) name the same products within a few weeks and
 * share a CVE, a fixed version or the words that describe what happened. Different CVEs or a different fixed
 * version of the same product mean a different incident. Of several candidates the closest one wins.
 */
export function findSameIncident(candidates: AdvisoryDetails[], x: Extraction, when: Date, context?: IncidentContext): AdvisoryDetails | undefined {
  if (x.products.length === 0) return context ? findWithoutProduct(candidates, x, when, context) : undefined;
  const productIds = new Set(x.products.map((p) => p.id));
  const incoming = keyTerms(`${x.title} ${x.summary} ${x.actions.join(' ')}`, x.products.map((p) => p.name));
  let best: { advisory: AdvisoryDetails; score: number } | undefined;
  for (const a of candidates) {
    const at = (a.publishedAt ?? a.createdAt).getTime();
    if (Math.abs(at - when.getTime()) > incidentWindowMs) continue;
    const shared = a.products.filter((p) => productIds.has(p.productId));
    if (shared.length === 0) continue;
    if (a.cves.length > 0 && x.cves.length > 0 && !x.cves.some((c) => a.cves.includes(c))) continue;
    const fixes = shared.flatMap((p) => {
      const fixed = x.products.find((q) => q.id === p.productId)?.fixedVersion;
      return p.fixedVersion && fixed ? [sameVersion(p.fixedVersion, fixed)] : [];
    });
    if (fixes.length > 0 && !fixes.some(Boolean)) continue;
    const terms = overlap(incoming, keyTerms(`${a.title} ${a.summary} ${a.actions.map((t) => t.text).join(' ')}`, []));
    const productShare = shared.length / Math.max(productIds.size, a.products.length);
    const score = (x.cves.some((c) => a.cves.includes(c)) ? 1 : 0) + (fixes.some(Boolean) ? 1 : 0) + terms + productShare / 2;
    if (score < 0.75) continue;
    if (!best || score > best.score) best = { advisory: a, score };
  }
  return best?.advisory;
}

/**
 * A report that names no catalog product (the press on "the attack on medatixx") joins an open advisory of the vendor
 * its title names when its title says what the advisory says: most of the title's distinctive words (at least two,
 * half of them) appear in the advisory, and the texts share a quarter of theirs. Without a named vendor the bar is
 * higher (three title words, two thirds; a third of the text). A shared CVE joins at once. A report naming another
 * vendor, or with different CVEs, never joins; the same vendor's other news (a webinar, a release) fails on its
 * title, which names that news and not the incident.
 */
function findWithoutProduct(candidates: AdvisoryDetails[], x: Extraction, when: Date, context: IncidentContext): AdvisoryDetails | undefined {
  const named = new Set(context.vendors.map((v) => v.id));
  const vendorWords = context.vendors.map((v) => v.name);
  const title = distinctive(keyTerms(x.title, vendorWords));
  const incoming = distinctive(keyTerms(`${x.title} ${x.summary} ${x.actions.join(' ')}`, vendorWords));
  let best: { advisory: AdvisoryDetails; score: number } | undefined;
  for (const a of candidates) {
    const at = (a.publishedAt ?? a.createdAt).getTime();
    if (Math.abs(at - when.getTime()) > productlessWindowMs) continue;
    const sharedCve = x.cves.some((c) => a.cves.includes(c));
    if (a.cves.length > 0 && x.cves.length > 0 && !sharedCve) continue;
    const theirs = new Set([a.vendorId, ...a.products.map((p) => context.vendorOfProduct(p.productId))].filter((v): v is string => !!v));
    const sameVendor = [...theirs].some((v) => named.has(v));
    if (named.size > 0 && theirs.size > 0 && !sameVendor) continue;
    const terms = distinctive(keyTerms(`${a.title} ${a.summary} ${a.actions.map((t) => t.text).join(' ')}`, vendorWords));
    const inTitle = [...title].filter((w) => terms.has(w)).length;
    const titleShare = inTitle / Math.max(1, title.size);
    const textShare = overlap(incoming, terms);
    const wording = sameVendor ? inTitle >= 2 && titleShare >= 0.5 && textShare >= 0.25 : inTitle >= 3 && titleShare >= 2 / 3 && textShare >= 1 / 3;
    if (!sharedCve && !wording) continue;
    const score = (sharedCve ? 1 : 0) + (sameVendor ? 0.5 : 0) + titleShare + textShare;
    if (!best || score > best.score) best = { advisory: a, score };
  }
  return best?.advisory;
}

// Function words the incident words of `common` leave in; a product-less report is matched on its words alone.
const functionWords = new Set('auch eine eines einem einen einer sein sich haben hatte unsere unser unserem unseren euch dass diese dieser dieses wenn weil danach damit dabei sowie oder aber nicht keine kein mehr sehr schon noch'.split(' '));

function distinctive(terms: Set<string>): Set<string> {
  return new Set([...terms].filter((w) => !functionWords.has(w)));
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
    } else if (p.fixedVersion && !existing.fixedVersion) {
      existing.fixedVersion = p.fixedVersion;
      changed.add('fixedVersion');
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

/** What differs between an advisory's content and a new version of its only notice, field by field. */
export function diffContent(current: AdvisoryContent, next: AdvisoryContent): string[] {
  const changed: string[] = [];
  const ids = (c: AdvisoryContent) => c.products.map((p) => p.id).sort().join(',');
  if (ids(current) !== ids(next)) changed.push('products');
  const version = (c: AdvisoryContent, id: string, key: 'fixedVersion' | 'affectedVersions') => c.products.find((p) => p.id === id)?.[key] ?? null;
  const differs = (key: 'fixedVersion' | 'affectedVersions') =>
    next.products.some((p) => {
      const a = version(current, p.id, key);
      const b = p[key];
      return (a === null) !== (b === null) || (a !== null && b !== null && !sameVersion(a, b));
    });
  if (differs('fixedVersion')) changed.push('fixedVersion');
  if (differs('affectedVersions')) changed.push('affectedVersions');
  if (current.actions.map((a) => a.text).join('\n') !== next.actions.map((a) => a.text).join('\n')) changed.push('actions');
  if ([...current.cves].sort().join(',') !== [...next.cves].sort().join(',')) changed.push('cves');
  return changed;
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}.]+/u).filter((w) => w.length > 3));
}

/** Words that tell incidents apart: not the products' names, not what every notice says. */
function keyTerms(text: string, names: string[]): Set<string> {
  const skip = new Set(names.flatMap((n) => [...words(n)]));
  return new Set([...words(text)].filter((w) => !common.has(w) && !skip.has(w)).map((w) => (w.length > 6 ? w.slice(0, 6) : w)));
}

function overlap(x: Set<string>, y: Set<string>): number {
  return [...x].filter((w) => y.has(w)).length / Math.max(1, Math.min(x.size, y.size));
}

function wordOverlap(a: string, b: string): number {
  return overlap(words(a), words(b));
}
