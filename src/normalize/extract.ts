import type { Severity } from '../advisories/advisories.table.js';
import { findActions, nothingToDo } from './actions.js';
import { isFakeSender, speaksOfFakes } from './fake-senders.js';
import { announcedFix, impliedUpdates } from './implied-actions.js';
import { makerKindInHeadline } from './maker-kinds.js';
import { cardProducts, replacementGeneration } from './card-generations.js';
import { noticeVendor } from './notice-vendor.js';
import { dropPartsAndChannels } from './device-parts.js';
import { dropPracticeSetting } from './practice-context.js';
import { proposeProducts, unknownNames } from './proposals.js';
import { beforeRelatedList, dropCovered, dropLibrariesInside, dropPassingGeneric, dropUsedInFakeMails, foreignOwned, listedVendorProducts } from './product-filters.js';
import { familyOf, findProducts, mentions, vendorAt, vendorsNamed, type Matcher, type ProductHit } from './products.js';
import { statedDate } from './published.js';
import { adviceLeftOut, looksEnglish } from './english-actions.js';
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

// TI products that guard no access: the mail service and the billing check module. Their releases are features, not
// security work; the connectors, gateways, card terminals and cards are.
const nonDeviceTi = new Set(['gematik-kim', 'kbv-pruefmodul']);

/** Normalizes one notice of prose into an advisory draft; pure, so the CLI, the worker and the quality script share it. */
export function extractNotice(matcher: Matcher, notice: NoticeInput): Extraction {
  const body = notice.text.startsWith(notice.title) ? notice.text : `${notice.title}\n${notice.text}`;
  const sentences = splitSentences(body);
  const evidence: Extraction['evidence'] = [];
  const family = familyOf(matcher, body);

  // A headline summarises ("Kunden sollen Passwörter ändern"); the body says what exactly to do. A title cut from the
  // body's first paragraph (a copy without a headline, chrome.ts) is the body's first sentence and is read as one.
  const leadAsTitle = notice.title !== '' && notice.text.startsWith(notice.title) && /^[ \t]+\S/u.test(notice.text.slice(notice.title.length));
  const titleSentences = new Set(leadAsTitle ? [] : splitSentences(notice.title).map((t) => t.text));
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
  let anyVersion = assignVersions(matcher, about, unknown, products, family, evidence);
  const cards = products.filter((p) => cardProducts.has(p.id) && p.fixedVersion === null);
  const generation = cards.length > 0 ? replacementGeneration(about) : null;
  if (generation) {
    for (const card of cards) card.fixedVersion = generation.version;
    evidence.push({ field: 'fixedVersion', text: generation.evidence });
    anyVersion = true;
  }

  for (const a of actionHits) evidence.push({ field: 'actions', text: a.evidence });
  const severity = findSeverity(about);
  if (severity.evidence) evidence.push({ field: 'severity', text: severity.evidence });
  const vendorId = noticeVendor(matcher, { hits: productHits, sentences: about, title: notice.title, body, publisher: notice.publisher });
  const nothing = actionHits.length === 0 ? nothingToDo(sentences) : null;
  if (nothing) evidence.push({ field: 'noActionNeeded', text: nothing });
  // statedDate reads the head (title included) and the short lines that date the page; it never guesses.
  const published = notice.publishedAt ?? statedDate(body.split('\n'));
  // Fake mails in the name of a product practices run, or of its maker ("Phishing-Mails im Namen von CGM"), warn its
  // users, as mails in the name of a KV warn its members.
  const fakeSender =
    speaksOfFakes(body) && sentences.some((s) => speaksOfFakes(s.text) && [...mentions(matcher, s.text, family), ...vendorMentions(matcher, s.text)].some((m) => isFakeSender(s.text, m)));
  const tiDevice = productHits.some(({ product }) => product.category === 'ti' && !nonDeviceTi.has(product.id));
  // English advice the table could not put into German is advice all the same (english-actions.ts).
  const advice = actionHits.length > 0 ? actionHits.length : sentences.filter((s) => !titleSentences.has(s.text) && looksEnglish(s.text) && adviceLeftOut(s.text, s.bullet)).length;
  const relevance = assessRelevance({ body, products, actions: advice, fixedVersion: anyVersion, nothingToDo: nothing !== null, fakeSender, tiDevice });

  return {
    relevant: relevance.relevant,
    relevanceReason: relevance.reason,
    title: notice.title,
    summary: summarize(sentences, notice.title),
    vendor: vendorId ? vendorName(matcher, vendorId) : null,
    vendorId,
    products,
    actions: nothing ? [] : withImpliedUpdates(products, actionHits.map((a) => a.text), evidence, about),
    noActionNeeded: nothing !== null,
    cves: findCves(body),
    severity: severity.severity,
    published: published ? published.toISOString() : null,
    proposedProducts: proposeProducts(sentences, unknown),
    evidence,
  };
}

/** Where a sentence names catalog vendors, as positions like a product's mention. */
function vendorMentions(matcher: Matcher, text: string): { index: number; end: number }[] {
  const lower = text.toLowerCase();
  return matcher.vendors.flatMap((v) => {
    const m = lower.includes(v.anchor) ? vendorAt(v, text) : null;
    return m ? [{ index: m.index, end: m.index + m[0].length }] : [];
  });
}

/** The extracted actions, and after them the update each fixed version implies where no action names it. */
function withImpliedUpdates(products: ExtractedProduct[], actions: string[], evidence: Extraction['evidence'], sentences: Sentence[]): string[] {
  const implied = impliedUpdates(products, actions);
  for (const text of implied) evidence.push({ field: 'actions', text: 'Aus der genannten behobenen Version abgeleitet; so steht es nicht wörtlich in der Meldung.' });
  if (implied.length > 0) return [...actions, ...implied];
  // A fix announced without its release: installing it is the remedy.
  const fix = announcedFix(sentences, actions, products.map((p) => p.name));
  if (!fix) return actions;
  evidence.push({ field: 'actions', text: fix.evidence });
  return [...actions, fix.step];
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
    // The addressees of "Medatixx rät Kunden von x.isynet, …, Passwörter zu ändern" are named outside the action's words;
    // the places of a password change listed beside it ("darunter die für … sowie für den jeweiligen TI-Konnektor") are not.
    return mentions(matcher, s.text, family).some(
      (m) => !mentions(matcher, action, family).some((n) => n.product.id === m.product.id) && !passwordPlace(action, s.text, m.index),
    );
  });
  const hits = findProducts(matcher, described, family).filter((h) => {
    const action = byEvidence.get(h.evidence);
    if (action === undefined || updatesProduct.test(action)) return true;
    const named = mentions(matcher, h.evidence, family).filter((m) => m.product.id === h.product.id);
    return !mentions(matcher, action, family).some((m) => m.product.id === h.product.id) && !named.every((m) => passwordPlace(action, h.evidence, m.index));
  });
  if (hits.length > 0) return hits;
  // Only the actions name products. A place where a password is to be changed ("alle Passwörter ändern – darunter …
  // für den jeweiligen TI-Konnektor", after an attack on the PVS maker) is no product the notice is about.
  return findProducts(matcher, sentences, family).filter((h) => {
    const action = byEvidence.get(h.evidence);
    return action === undefined || updatesProduct.test(action) || !credentialChange.test(action);
  });
}

/** Whether a product named at `index` of an action's sentence is where the action changes a password ("für den Konnektor"). */
function passwordPlace(action: string, sentence: string, index: number): boolean {
  return credentialChange.test(action) && /(?:für|am|an|beim|bei|des|der)\s+(?:(?:den|die|das|dem|der|jeweiligen|eigenen|Ihren?|Ihrem)\s+)*$/u.test(sentence.slice(Math.max(0, index - 40), index));
}

const credentialChange = /(?:Passw|Kennw|Zugangsdaten|(?<!\p{L})PINs?(?!\p{L}))[^.]*(?:ändern|erneuern|wechseln|zurücksetzen)/u;

/** The affected products: named as what the notice is about, vendors listed under a generic entry as their products. */
function aboutProducts(matcher: Matcher, sentences: Sentence[], actions: { text: string; evidence: string }[], family: string | null, title: string): ProductHit[] {
  const named = affectedProducts(matcher, sentences, actions, family);
  const listed = listedVendorProducts(matcher, sentences, family).filter((l) => !named.some((n) => n.product.id === l.product.id));
  const hits = dropPassingGeneric(matcher, [...named, ...listed], sentences, title, family);
  const foreign = foreignOwned(matcher, [title, ...sentences.map((s) => s.text)].join('\n'));
  const kept = dropUsedInFakeMails(matcher, dropLibrariesInside(matcher, dropCovered(hits), title), title, family).filter((h) => !foreign.has(h.product.id));
  const products = dropPartsAndChannels(matcher, dropPracticeSetting(matcher, kept, title, sentences.map((s) => s.text), family), sentences, title, family);
  if (products.length > 0 || title === '') return products;
  const fromHeadline = makerKindInHeadline(matcher.catalog, vendorsNamed(matcher, title), title);
  return fromHeadline && !foreign.has(fromHeadline.id) ? [{ product: fromHeadline, evidence: title }] : [];
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
  const fixes = new Map<string, { version: string; evidence: string; index: number; end: number }[]>();
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
      // One product named with a list of release lines ("LCOS 10.12, LCOS 9.24 und LCOS 9.10"): all of them are its fix.
      const lines = kind === 'fixed' && new Set(named.map((n) => n.product.id)).size === 1 ? listedLines(ofKind, sentence.text) : null;
      const targets =
        named.length > 0
          ? named.map((m) => ({ id: m.product.id, hits: lines ?? [versionFor(sentence.text, m, ofKind, named)] }))
          : unnamed.map((p) => ({ id: p.id, hits: kind === 'fixed' ? ofKind : ofKind.slice(0, 1) }));
      for (const { id, hits } of targets) {
        const product = products.find((p) => p.id === id);
        if (!product) continue;
        for (const hit of hits) {
          if (!hit) continue;
          if (kind === 'fixed') fixes.set(id, [...(fixes.get(id) ?? []), { version: hit.version, evidence: sentence.text, index: hit.index, end: hit.end }]);
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

/** The release line of a version: its first two numbers ("10.12" of "LCOS 10.12 RU2"). */
const releaseLine = (v: string) => /(\d+)\.(\d+)/.exec(v)?.slice(1, 3).map(Number).join('.');

/**
 * Of several fixed releases (one per release line: "Fix included in v19.0 GA and v18.5 MR4"), the one on the affected
 * line ("v18.5 MR3 and older") when one sentence lists them; else the first the notice names.
 */
function chooseFix<T extends { version: string; evidence: string; index: number; end: number }>(candidates: T[], affected: string | null): T | undefined {
  const affectedLine = affected ? releaseLine(affected) : undefined;
  if (affectedLine && candidates.length > 1) {
    const listed = candidates.filter((c) => c.evidence === candidates[0]!.evidence);
    const same = listed.find((c) => releaseLine(c.version) === affectedLine && !sameVersion(c.version, affected!.replace(/^\D*/, '').split(/\s+(?:and|und|or|oder)\s/)[0]!));
    if (same) return same;
  }
  return fixList(candidates) ?? candidates[0];
}

// "korrigiert … den Fehler in LCOS 10.12, LCOS 9.24 und LCOS 9.10", "v9.705 MR5, v9.607 MR7 und v9.511 MR11": one
// fix per release line, listed in one sentence, is the fix as written; which line a practice runs, it knows.
const listGlue = /^(?:,\s*|\s+(?:und|and|sowie|bzw\.)\s+|,\s*(?:und|and)\s+)(?:[\p{L}!-]+\s+)?$/u;

function fixList<T extends { version: string; evidence: string; index: number; end: number }>(candidates: T[]): T | undefined {
  const first = candidates[0];
  if (!first) return undefined;
  const listed = listedLines(candidates.filter((c) => c.evidence === first.evidence), first.evidence);
  if (!listed) return undefined;
  // "LCOS 10.12, LCOS 9.24 …": the system's name in front of the first release too, as the list writes it.
  const name = /([\p{L}!-]+)\s+$/u.exec(first.evidence.slice(listed[0]!.end, listed[1]!.index))?.[1];
  const start = name && first.evidence.slice(0, listed[0]!.index).endsWith(`${name} `) ? listed[0]!.index - name.length - 1 : listed[0]!.index;
  return { ...first, version: first.evidence.slice(start, listed.at(-1)!.end) };
}

/** The versions of a sentence when they are one list of two or more release lines, in order; null otherwise. */
function listedLines<T extends { version: string; index: number; end: number }>(hits: T[], sentence: string): T[] | null {
  const listed = [...hits].sort((a, b) => a.index - b.index);
  if (listed.length < 2) return null;
  // "Version 1.1, 09.11. 2021": a day and month before the year is a date, not a second release line.
  if (listed.some((c) => /^\.\s?(?:19|20)\d{2}(?!\d)/u.test(sentence.slice(c.end)))) return null;
  if (new Set(listed.map((c) => releaseLine(c.version))).size !== listed.length) return null;
  for (let i = 1; i < listed.length; i++) if (!listGlue.test(sentence.slice(listed[i - 1]!.end, listed[i]!.index))) return null;
  return listed;
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
