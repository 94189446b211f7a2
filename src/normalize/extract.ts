import type { Severity } from '../advisories/advisories.table.js';
import { findActions } from './actions.js';
import { findProducts, type Matcher } from './products.js';
import { splitSentences } from './sentences.js';
import { summarize } from './summary.js';
import { findCves, findSeverity } from './severity.js';
import { findFixedVersions } from './versions.js';

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

// Without one of these words a notice that names a product is product news, not a warning.
const securityContext =
  /sicherheit|schwachstelle|sicherheitslücke|lücke|angriff|cyber|ransomware|schadsoftware|datenleck|phishing|passw|kompromittiert|unbefugt|exploit|CVE-|patch|warn/i;

/** Normalizes one notice into an advisory draft; pure, so the CLI, the worker and the quality script share it. */
export function extractNotice(matcher: Matcher, notice: NoticeInput): Extraction {
  const body = notice.text.startsWith(notice.title) ? notice.text : `${notice.title}\n${notice.text}`;
  const sentences = splitSentences(body);
  const evidence: Extraction['evidence'] = [];

  // A headline summarises ("Kunden sollen Passwörter ändern"); the body says what exactly to do.
  const titleSentences = new Set(splitSentences(notice.title).map((t) => t.text));
  const actionHits = findActions(sentences.filter((t) => !titleSentences.has(t.text)));
  // What a practice is told to do names things it should touch ("das Passwort am TI-Konnektor ändern"),
  // not what is affected: products named only in action sentences count only when nothing else is named.
  const actionSentences = new Set(actionHits.map((a) => a.evidence));
  const described = findProducts(matcher, sentences.filter((t) => !actionSentences.has(t.text)));
  const productHits = described.length > 0 ? described : findProducts(matcher, sentences);
  const versionHits = findFixedVersions(sentences);
  const products: ExtractedProduct[] = productHits.map(({ product, evidence: text }) => {
    evidence.push({ field: `products.${product.id}`, text });
    const vendor = matcher.catalog.vendors.find((v) => v.id === product.vendor)!;
    return { id: product.id, name: product.name, vendor: vendor.name, affectedVersions: null, fixedVersion: null };
  });
  // A fixed version belongs to the products named in its sentence, or else to every product found.
  for (const hit of versionHits) {
    const named = findProducts(matcher, [hit.sentence]).map((h) => h.product.id);
    const targets = products.filter((p) => (named.length > 0 ? named.includes(p.id) : true) && p.fixedVersion === null);
    for (const product of targets) product.fixedVersion = hit.version;
    if (targets.length > 0) evidence.push({ field: 'fixedVersion', text: hit.evidence });
  }

  for (const a of actionHits) evidence.push({ field: 'actions', text: a.evidence });
  const severity = findSeverity(sentences);
  if (severity.evidence) evidence.push({ field: 'severity', text: severity.evidence });
  const vendorId = dominantVendor(products.map((p) => productVendor(matcher, p.id)));
  const vendor = vendorId ? matcher.catalog.vendors.find((v) => v.id === vendorId)!.name : null;

  const security = securityContext.test(body);
  const relevant = products.length > 0 && security && (actionHits.length > 0 || versionHits.length > 0);
  const relevanceReason = !products.length
    ? 'Kein Produkt aus dem Katalog genannt.'
    : !security
      ? 'Produkte genannt, aber kein Sicherheitsbezug erkennbar.'
      : relevant
        ? `Sicherheitshinweis zu ${products.map((p) => p.name).join(', ')} mit Handlungsempfehlung.`
        : 'Sicherheitsbezug, aber keine Maßnahme und keine behobene Version genannt.';

  return {
    relevant,
    relevanceReason,
    title: notice.title,
    summary: summarize(sentences, notice.title),
    vendor,
    vendorId,
    products,
    actions: actionHits.map((a) => a.text),
    noActionNeeded: false,
    cves: findCves(body),
    severity: severity.severity,
    published: notice.publishedAt ? notice.publishedAt.toISOString() : null,
    proposedProducts: [],
    evidence,
  };
}

function productVendor(matcher: Matcher, productId: string): string {
  return matcher.catalog.products.find((p) => p.id === productId)!.vendor;
}

export function dominantVendor(vendorIds: string[]): string | null {
  const counts = new Map<string, number>();
  for (const id of vendorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
