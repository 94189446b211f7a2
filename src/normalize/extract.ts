import type { Severity } from '../advisories/advisories.table.js';
import { findActions, nothingToDo } from './actions.js';
import { proposeProducts, unknownNames } from './proposals.js';
import { dropCovered, familyOf, findProducts, mentions, vendorsNamed, type Matcher } from './products.js';
import { statedDate } from './published.js';
import { assessRelevance } from './relevance.js';
import { splitSentences, type Sentence } from './sentences.js';
import { findCves, findSeverity } from './severity.js';
import { summarize } from './summary.js';
import { findVersions, versionFor } from './versions.js';

export type ExtractedProduct = {
  id: string;
  name: string;
  vendor: string;
  affectedVersions: string | null;
  fixedVersion: string | null;
};

/** The `extract` contract (shared/DESIGN.md): what one notice says, every field traced to its sentence. */
export type Extraction = {
  relevant: boolean;
  relevanceReason: string;
  title: string;
  summary: string;
  vendor: string | null;
  vendorId: string | null;
  products: ExtractedProduct[];
  actions: string[];
  /** The notice says explicitly that practices need not do anything ("Sie müssen nichts tun"). */
  noActionNeeded: boolean;
  cves: string[];
  severity: Severity;
  published: string | null;
  /** Names that look like products but are not in the catalog, for the admin to review. */
  proposedProducts: { name: string; evidence: string }[];
  /** CSAF only: the document's tracking id, version and revision history. */
  tracking?: { id: string; version: string | null; revisions: { number: string; date: string; summary?: string | undefined }[] };
  evidence: { field: string; text: string }[];
};

export type NoticeInput = { title: string; text: string; publishedAt: Date | null };

// An action that works on the product itself ("Firmware der Box aktualisieren") names it as affected;
// "das Passwort am Konnektor ändern" only names the place where something is done.
const updatesProduct = /aktualisier|update|einspiel|installier|(?:Firmware|Software)(?:-?Stand|stand|-?Version)?\s+(?:Ihre[rsm]?|ihre[rsm]?|der|des|von)\s/i;

/** Normalizes one notice of prose into an advisory draft; pure, so the CLI, the worker and the quality script share it. */
export function extractNotice(matcher: Matcher, notice: NoticeInput): Extraction {
  const body = notice.text.startsWith(notice.title) ? notice.text : `${notice.title}\n${notice.text}`;
  const sentences = splitSentences(body);
  const evidence: Extraction['evidence'] = [];
  const family = familyOf(matcher, body);

  // A headline summarises ("Kunden sollen Passwörter ändern"); the body says what exactly to do.
  const titleSentences = new Set(splitSentences(notice.title).map((t) => t.text));
  const actionHits = findActions(sentences.filter((t) => !titleSentences.has(t.text)));
  const productHits = dropCovered(affectedProducts(matcher, sentences, actionHits, family));
  const products: ExtractedProduct[] = productHits.map(({ product, evidence: text }) => {
    evidence.push({ field: `products.${product.id}`, text });
    return { id: product.id, name: product.name, vendor: vendorName(matcher, product.vendor), affectedVersions: null, fixedVersion: null };
  });
  // The version step and the proposals both need each sentence's model names that the catalog does not know.
  const unknown = sentences.map((s) => unknownNames(matcher, s.text));
  const anyVersion = assignVersions(matcher, sentences, unknown, products, family, evidence);

  for (const a of actionHits) evidence.push({ field: 'actions', text: a.evidence });
  const severity = findSeverity(sentences);
  if (severity.evidence) evidence.push({ field: 'severity', text: severity.evidence });
  const vendorId = dominantVendor(productHits.map((h) => h.product.vendor));
  const nothing = actionHits.length === 0 ? nothingToDo(sentences) : null;
  if (nothing) evidence.push({ field: 'noActionNeeded', text: nothing });
  // statedDate reads the first four lines after the title only; the rest of the body need not be split.
  const published = notice.publishedAt ?? statedDate(body.split('\n', 5).slice(1));
  const relevance = assessRelevance({ body, products, actions: actionHits.length, fixedVersion: anyVersion, nothingToDo: nothing !== null });

  return {
    relevant: relevance.relevant,
    relevanceReason: relevance.reason,
    title: notice.title,
    summary: summarize(sentences, notice.title),
    vendor: vendorId ? vendorName(matcher, vendorId) : null,
    vendorId,
    products,
    actions: actionHits.map((a) => a.text),
    noActionNeeded: nothing !== null,
    cves: findCves(body),
    severity: severity.severity,
    published: published ? published.toISOString() : null,
    proposedProducts: proposeProducts(sentences, unknown),
    evidence,
  };
}

/**
 * Products the notice says are affected: named outside the actions, or inside an action that works on the product
 * itself; when only the actions name products at all, those.
 */
function affectedProducts(matcher: Matcher, sentences: Sentence[], actions: { text: string; evidence: string }[], family: string | null) {
  const byEvidence = new Map(actions.map((a) => [a.evidence, a.text]));
  const described = sentences.filter((s) => {
    const action = byEvidence.get(s.text);
    if (action === undefined || updatesProduct.test(action)) return true;
    // The addressees of "Medatixx rät Kunden von x.isynet, …, Passwörter zu ändern" are named outside the action's words.
    return mentions(matcher, s.text, family).some((m) => !mentions(matcher, action, family).some((n) => n.product.id === m.product.id));
  });
  const hits = findProducts(matcher, described, family).filter((h) => {
    const action = byEvidence.get(h.evidence);
    return action === undefined || updatesProduct.test(action) || !mentions(matcher, action, family).some((m) => m.product.id === h.product.id);
  });
  return hits.length > 0 ? hits : findProducts(matcher, sentences, family);
}

/** Gives each product the fixed and affected versions its sentences name; returns whether any fixed version was found. */
function assignVersions(
  matcher: Matcher,
  sentences: Sentence[],
  unknown: string[][],
  products: ExtractedProduct[],
  family: string | null,
  evidence: Extraction['evidence'],
): boolean {
  let any = false;
  for (const [i, sentence] of sentences.entries()) {
    const named = mentions(matcher, sentence.text, family);
    const versions = findVersions(sentence.text, named);
    // A release of a product the catalog does not know says nothing about the products found elsewhere.
    if (versions.length === 0 || (named.length === 0 && unknown[i]!.length > 0)) continue;
    for (const kind of ['fixed', 'affected'] as const) {
      const ofKind = versions.filter((v) => v.kind === kind);
      if (ofKind.length === 0) continue;
      if (kind === 'fixed') any = true;
      // Without a product in the sentence the version goes to every product found, or to the named vendor's only.
      const vendors = named.length > 0 ? new Set<string>() : vendorsNamed(matcher, sentence.text);
      const unnamed = products.filter((p) => vendors.size === 0 || vendors.has(productVendor(matcher, p.id)));
      const targets = named.length > 0 ? named.map((m) => ({ id: m.product.id, hit: versionFor(sentence.text, m, ofKind, named) })) : unnamed.map((p) => ({ id: p.id, hit: ofKind[0] }));
      for (const { id, hit } of targets) {
        const product = products.find((p) => p.id === id);
        if (!product || !hit) continue;
        if (kind === 'fixed' && product.fixedVersion === null) {
          product.fixedVersion = hit.version;
          evidence.push({ field: 'fixedVersion', text: sentence.text });
        } else if (kind === 'affected' && product.affectedVersions === null) {
          product.affectedVersions = hit.phrase;
          evidence.push({ field: 'affectedVersions', text: sentence.text });
        }
      }
    }
  }
  return any;
}

function productVendor(matcher: Matcher, productId: string): string {
  return matcher.catalog.products.find((p) => p.id === productId)!.vendor;
}

function vendorName(matcher: Matcher, vendorId: string): string {
  return matcher.catalog.vendors.find((v) => v.id === vendorId)!.name;
}

export function dominantVendor(vendorIds: string[]): string | null {
  const counts = new Map<string, number>();
  for (const id of vendorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
