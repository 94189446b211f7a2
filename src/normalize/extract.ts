import type { Severity } from '../advisories/advisories.table.js';
import { findActions, nothingToDo } from './actions.js';
import { isPrecedent } from './background.js';
import { isFakeSender } from './fake-senders.js';
import { impliedUpdates } from './implied-actions.js';
import { dropPracticeSetting } from './practice-context.js';
import { proposeProducts, unknownNames } from './proposals.js';
import { beforeRelatedList, dropCovered, dropLibrariesInside, dropPassingGeneric, dropUsedInFakeMails, familyOf, findProducts, listedVendorProducts, mentions, vendorAt, vendorsNamed, type Matcher, type ProductHit } from './products.js';
import type { Product } from '../catalog/catalog.models.js';
import { statedDate } from './published.js';
import { assessRelevance } from './relevance.js';
import { splitSentences, type Sentence } from './sentences.js';
import { findCves, findSeverity } from './severity.js';
import { summarize } from './summary.js';
import { findVersions, sameVersion, versionFor } from './versions.js';

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

export type NoticeInput = {
  title: string;
  text: string;
  publishedAt: Date | null;
  /** Who the page's chrome says publishes it (site name, copyright line), when known. */
  publisher?: string | null;
};

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
  // What follows a list of other articles is about other notices.
  const about = beforeRelatedList(sentences);
  const productHits = aboutProducts(matcher, about, actionHits, family, notice.title);
  const products: ExtractedProduct[] = productHits.map(({ product, evidence: text }) => {
    evidence.push({ field: `products.${product.id}`, text });
    return { id: product.id, name: product.name, vendor: vendorName(matcher, product.vendor), affectedVersions: null, fixedVersion: null };
  });
  // The version step and the proposals both need each sentence's model names that the catalog does not know.
  const unknown = sentences.map((s) => unknownNames(matcher, s.text));
  const anyVersion = assignVersions(matcher, about, unknown, products, family, evidence);

  for (const a of actionHits) evidence.push({ field: 'actions', text: a.evidence });
  const severity = findSeverity(about);
  if (severity.evidence) evidence.push({ field: 'severity', text: severity.evidence });
  const vendorId = noticeVendor(matcher, productHits, about, notice.title) ?? (productHits.length === 0 ? ownStatementVendor(matcher, body, notice.publisher) : null);
  const nothing = actionHits.length === 0 ? nothingToDo(sentences) : null;
  if (nothing) evidence.push({ field: 'noActionNeeded', text: nothing });
  // statedDate reads the head (title included) and the short lines that date the page; it never guesses.
  const published = notice.publishedAt ?? statedDate(body.split('\n'));
  // Fake mails in the name of a product practices run warn its users, as mails in the name of a KV warn its members.
  const fakeSender = sentences.some((s) => mentions(matcher, s.text, family).some((m) => isFakeSender(s.text, m)));
  const relevance = assessRelevance({ body, products, actions: actionHits.length, fixedVersion: anyVersion, nothingToDo: nothing !== null, fakeSender });

  return {
    relevant: relevance.relevant,
    relevanceReason: relevance.reason,
    title: notice.title,
    summary: summarize(sentences, notice.title),
    vendor: vendorId ? vendorName(matcher, vendorId) : null,
    vendorId,
    products,
    actions: nothing ? [] : withImpliedUpdates(products, actionHits.map((a) => a.text), evidence),
    noActionNeeded: nothing !== null,
    cves: findCves(body),
    severity: severity.severity,
    published: published ? published.toISOString() : null,
    proposedProducts: proposeProducts(sentences, unknown),
    evidence,
  };
}

/** The extracted actions, and after them the update each fixed version implies where no action names it. */
function withImpliedUpdates(products: ExtractedProduct[], actions: string[], evidence: Extraction['evidence']): string[] {
  const implied = impliedUpdates(products, actions);
  for (const text of implied) evidence.push({ field: 'actions', text: 'Aus der genannten behobenen Version abgeleitet; so steht es nicht wörtlich in der Meldung.' });
  return [...actions, ...implied];
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

/** The affected products: named as what the notice is about, vendors listed under a generic entry as their products. */
function aboutProducts(matcher: Matcher, sentences: Sentence[], actions: { text: string; evidence: string }[], family: string | null, title: string): ProductHit[] {
  const named = affectedProducts(matcher, sentences, actions, family);
  const listed = listedVendorProducts(matcher, sentences, family).filter((l) => !named.some((n) => n.product.id === l.product.id));
  const hits = dropPassingGeneric(matcher, [...named, ...listed], sentences, title, family);
  const kept = dropUsedInFakeMails(matcher, dropLibrariesInside(matcher, dropCovered(hits), title), title, family);
  return dropPracticeSetting(matcher, kept, title, sentences.map((s) => s.text), family);
}

// A notice about an attack on, a flaw at or the end of support by a vendor names that vendor without a product:
// "Cyberattacke auf medatixx", "CompuGroup Medical von Hackerangriff betroffen", "Sicherheitslücke beim gematik
// Authenticator", "Microsoft beendet den Support für Windows XP", "Statement on TeamViewer's security incident".
const aboutVendorBefore =
  /(?:Angriff|Attacke|Datenleck|Sicherheitslücke|Schwachstelle|Sicherheitsvorfall|Vorfall|Datenpanne|breach|attack|incident|hack)\p{L}*\s+(?:auf|bei|beim|in|im|gegen|at|on|of)\s+(?:(?:die|den|das|der|dem|the)\s+)?$/iu;
const aboutVendorAfter = /^['’]s\s+(?:\p{L}+\s+){0,2}?(?:incident|breach|attack|hack|compromise)|^\s+(?:(?:ist|wurde|wird)\s+)?(?:von|vom|Opfer|Ziel|hit|was\s+hit|suffered|says\s+hackers|beendet\s+(?:den\s+)?Support|stellt\s+(?:den\s+)?(?:\p{L}+\s+)?Support|wird\s+\S+(?:\s+\S+)?\s+(?:demnächst\s+)?nicht\s+mehr\s+unterstütz)/iu;
const hackedAfter = /^\s+(?:(?:ist|wurde)\s+)?(?:von|vom)\s+(?:einem\s+)?\p{L}*(?:Hacker|Cyber|Ransomware)\p{L}*\s+(?:betroffen|getroffen)/iu;

/**
 * The vendor of the affected products; none when products of the same kind from several vendors are named equally
 * often (connectors of secunet and RISE); without products, a vendor the title or lead names as the one attacked.
 */
function noticeVendor(matcher: Matcher, hits: ProductHit[], sentences: Sentence[], title: string): string | null {
  if (hits.length === 0) {
    const lead = [title, ...sentences.slice(0, 6).map((s) => s.text)];
    return attackedVendor(matcher, lead) ?? makerOfUnknown(matcher, [...lead, ...sentences.slice(6).map((s) => s.text)]);
  }
  // The specific products the headline names come first: cards named beside a terminal do not outvote it (a generic
  // entry in the headline, "Konnektoren und Kartenterminals", says nothing about the maker).
  const inTitle = new Set(mentions(matcher, title).map((m) => m.product.id));
  const titled = hits.filter((h) => inTitle.has(h.product.id) && h.product.covers.length === 0);
  const counts = new Map<string, Product[]>();
  for (const { product } of titled.length > 0 ? titled : hits) counts.set(product.vendor, [...(counts.get(product.vendor) ?? []), product]);
  const ranked = [...counts.entries()].sort((a, b) => b[1].length - a[1].length);
  const tied = ranked.filter(([, ps]) => ps.length === ranked[0]![1].length);
  if (tied.length > 1) {
    const categories = tied.map(([, ps]) => new Set(ps.map((p) => p.category)));
    if (categories.some((c, i) => categories.some((d, j) => i !== j && [...c].some((x) => d.has(x))))) return null;
  }
  return ranked[0]![0];
}

function attackedVendor(matcher: Matcher, texts: string[]): string | null {
  for (const text of texts) {
    // "Ähnlich wie beim Angriff auf CGM im Dezember 2021 …": another case, told for comparison.
    if (isPrecedent(text)) continue;
    for (const v of matcher.vendors) {
      if (!text.toLowerCase().includes(v.anchor)) continue;
      const m = vendorAt(v, text);
      if (!m) continue;
      const after = text.slice(m.index + m[0].length);
      if (aboutVendorBefore.test(text.slice(0, m.index)) || aboutVendorAfter.test(after) || hackedAfter.test(after)) return v.id;
    }
  }
  return null;
}

// A maker's statement on an attack on itself, in the first person: "Wir sind Ziel eines Ransomware-Angriffs geworden",
// "our corporate IT environment was compromised" (not "Wir warnen vor Phishing", which a KV or the KBV writes too).
const attackOnUs =
  /(?<!\p{L})(?:wir\s+(?:sind|wurden)|we\s+(?:were|have\s+been))\s+(?:\p{L}+\s+){0,3}?(?:Ziel|Opfer|angegriffen|target|victim|attacked|compromised|breached)|(?<!\p{L})(?:unsere[mnrs]?|our)\s+(?:[\p{L}-]+\s+){0,3}?(?:Systeme|IT|Netzwerk|Server|systems|network|servers|environment)\s+(?:\p{L}+\s+){0,4}?(?:angegriffen|kompromittiert|verschlüsselt|compromised|breached|attacked|accessed)(?!\p{L})/iu;

/** The publisher named by the page's chrome, as the vendor of its own statement on an attack on its systems. */
function ownStatementVendor(matcher: Matcher, body: string, publisher: string | null | undefined): string | null {
  if (!publisher || !attackOnUs.test(body)) return null;
  const named = vendorsNamed(matcher, publisher);
  return named.size === 1 ? [...named][0]! : null;
}

// A catalog vendor's product that the catalog lacks, named with its maker in front and a flaw or fix in the sentence:
// "Update the gematik Authenticator to version 4.16.0", "CGM CONNECT Client 2.3 schließt eine Lücke". The maker's legal
// form or division ("Worldline Healthcare GmbH", "CGM Dentalsysteme") is not a product.
const productAfterMaker =
  /^[\s-]+(?!(?:GmbH|AG|SE|KGaA|Inc|Ltd|Healthcare|Systems|Software|Deutschland|Germany|Security|Networks|Medical|Group|Dentalsysteme|Konzern|Trust|Support|Team)(?![\p{L}\p{N}]))\p{Lu}[\p{L}\p{N}+.-]{2,}/u;
const releaseNear = /^[^.;:!?]*?(?:\d+\.\d+|\bv\d)/u;
const flawOrFix = /sicherheitslücke|schwachstelle|lücke|vulnerab|CVE-\d|update|patch|version\s+\d|advisory|sicherheitshinweis/iu;

/** The maker of a product the catalog does not know, when a sentence names it with its maker and a flaw or a fix. */
function makerOfUnknown(matcher: Matcher, texts: string[]): string | null {
  for (const text of texts) {
    if (isPrecedent(text) || !flawOrFix.test(text)) continue;
    for (const v of matcher.vendors) {
      if (!text.toLowerCase().includes(v.anchor)) continue;
      const m = vendorAt(v, text);
      const after = m ? productAfterMaker.exec(text.slice(m.index + m[0].length)) : null;
      // A release of it right after the name, so that a plain noun ("gematik Sprecherin") is not taken for one.
      if (after && releaseNear.test(text.slice(m!.index + m![0].length + after[0].length).slice(0, 40))) return v.id;
    }
  }
  return null;
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
  const fixes = new Map<string, { version: string; evidence: string }[]>();
  for (const [i, sentence] of sentences.entries()) {
    const named = mentions(matcher, sentence.text, family);
    const versions = findVersions(sentence.text, named);
    // A release of a product the catalog does not know says nothing about the products found elsewhere.
    if (versions.length === 0 || (named.length === 0 && unknown[i]!.length > 0)) continue;
    for (const kind of ['fixed', 'affected'] as const) {
      let ofKind = versions.filter((v) => v.kind === kind);
      if (ofKind.length === 0) continue;
      if (kind === 'fixed') any = true;
      // "Für alle Geräte ab Version 4.7.0 gilt: auf Version 4.9.0 aktualisieren": the target of the update is the fix.
      if (ofKind.some((v) => v.target)) ofKind = ofKind.filter((v) => v.target);
      // Without a product in the sentence the versions go to every product found, or to the named vendor's only.
      const vendors = named.length > 0 ? new Set<string>() : vendorsNamed(matcher, sentence.text);
      const unnamed = products.filter((p) => vendors.size === 0 || vendors.has(productVendor(matcher, p.id)));
      const targets =
        named.length > 0
          ? named.map((m) => ({ id: m.product.id, hits: [versionFor(sentence.text, m, ofKind, named)] }))
          : unnamed.map((p) => ({ id: p.id, hits: kind === 'fixed' ? ofKind : ofKind.slice(0, 1) }));
      for (const { id, hits } of targets) {
        const product = products.find((p) => p.id === id);
        if (!product) continue;
        for (const hit of hits) {
          if (!hit) continue;
          if (kind === 'fixed') fixes.set(id, [...(fixes.get(id) ?? []), { version: hit.version, evidence: sentence.text }]);
          else if (product.affectedVersions === null) {
            product.affectedVersions = hit.phrase;
            evidence.push({ field: 'affectedVersions', text: sentence.text });
          }
        }
      }
    }
  }
  for (const product of products) {
    const fix = chooseFix(fixes.get(product.id) ?? [], product.affectedVersions);
    if (!fix) continue;
    product.fixedVersion = fix.version;
    evidence.push({ field: 'fixedVersion', text: fix.evidence });
  }
  return any;
}

/**
 * Of several fixed releases (one per release line: "Fix included in v19.0 GA and v18.5 MR4"), the one on the affected
 * line ("v18.5 MR3 and older") when one sentence lists them; else the first the notice names.
 */
function chooseFix<T extends { version: string; evidence: string }>(candidates: T[], affected: string | null): T | undefined {
  const line = (v: string) => /(\d+)\.(\d+)/.exec(v)?.slice(1, 3).map(Number).join('.');
  const affectedLine = affected ? line(affected) : undefined;
  if (affectedLine && candidates.length > 1) {
    const listed = candidates.filter((c) => c.evidence === candidates[0]!.evidence);
    const same = listed.find((c) => line(c.version) === affectedLine && !sameVersion(c.version, affected!.replace(/^\D*/, '').split(/\s+(?:and|und|or|oder)\s/)[0]!));
    if (same) return same;
  }
  return candidates[0];
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
