// Filters on the products a notice names, applied once all its sentences are read: generic entries that give way to
// specific ones or are named in passing, lists of other articles, vendors listed under a generic entry, libraries
// inside a product, what the recipients of fake mails use, nouns that another body owns.
import type { Product } from '../catalog/catalog.models.js';
import { isOtherArticlesHeading } from './chrome.js';
import { cueTest } from './cue-words.js';
import { unaffectedSentences } from './not-affected.js';
import { mentions, othersThing, vendorAt, vendorsNamed, type Matcher, type Mention, type ProductHit } from './products.js';
import type { Sentence } from './sentences.js';

/** Generic entries ("TI-Konnektor (alle Hersteller)") give way to the specific products they cover. */
export function dropCovered<T extends { product: Product }>(hits: T[]): T[] {
  const ids = new Set(hits.map((h) => h.product.id));
  return hits.filter((h) => !h.product.covers.some((c) => ids.has(c)));
}

/**
 * The products whose plain noun the notice gives to another owner somewhere ("Neues Prüfmodul der KZBV"), while it
 * never names their own vendor: its other, bare mentions ("ein neues Prüfmodul") are that owner's thing too.
 */
export function foreignOwned(matcher: Matcher, text: string): Set<string> {
  const found = new Set<string>();
  let named: Set<string> | undefined;
  // Owner shapes first, with plain character classes (a Unicode pattern over a long page costs more than the rest of
  // this step): "KZBV-Prüfmodul", "Prüfmodul der KZBV".
  for (const m of text.matchAll(ownedNoun)) {
    const word = m[2] ?? m[3]!;
    if (!plainNouns(matcher).some((noun) => word.toLowerCase().startsWith(noun))) continue;
    const before = m[1] ? `${m[1]}-` : '';
    const after = m[4] ? ` der ${m[4]}` : '';
    for (const { product } of mentions(matcher, word)) {
      if (othersThing(matcher, product, word, before, after) && !(named ??= vendorsNamed(matcher, text)).has(product.vendor)) found.add(product.id);
    }
  }
  return found;
}

const ownedNoun = /(?<![A-Za-zÄÖÜäöüß0-9])(?:([A-ZÄÖÜ]{3,}[A-Za-zÄÖÜäöüß]*)-([A-ZÄÖÜ][a-zäöüß]+)|([A-ZÄÖÜ][a-zäöüß]+)\s+(?:der|des|von\s+der|vom)\s+([A-ZÄÖÜ]{3,}[A-Za-zÄÖÜäöüß]*))(?![A-Za-zÄÖÜäöüß0-9-])/g;

const nounsByMatcher = new WeakMap<Matcher, string[]>();

// plainNouns's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const plainNounsPattern1 = /^\p{Lu}\p{Ll}+$/u;

/** The catalog names that are a plain noun ("Prüfmodul", "Fritzbox"), in lower case. */
function plainNouns(matcher: Matcher): string[] {
  let nouns = nounsByMatcher.get(matcher);
  if (!nouns) {
    // The TI's generic entries are never another body's (see othersThing): their nouns need no look.
    const owners = new Set(matcher.catalog.products.filter((p) => p.covers.length > 0).map((p) => p.vendor));
    nouns = matcher.catalog.products
      .filter((p) => !owners.has(p.vendor))
      .flatMap((p) => [p.name, ...p.aliases])
      .filter((n) => plainNounsPattern1.test(n))
      .map((n) => n.toLowerCase());
    nounsByMatcher.set(matcher, nouns);
  }
  return nouns;
}

// Where a page's list of other articles starts ("Mehr zum Thema", "Vorheriger Beitrag", "Related articles"), or its
// boilerplate about the company or the author ("Über secunet:", "About the author:"): the products, versions and words
// of severity named there belong to other notices or to no notice.
const relatedList =
  /^(?:Über|About)\s+(?:the\s+author|den\s+Autor|die\s+Autorin|die\s+Autoren|uns|us|(?!(?:die|der|das|den|dem|the)\s)\p{Lu}[\p{L}\d&.-]*(?:\s+\p{Lu}[\p{L}\d&.-]*){0,2})\s*:\s|^Zur\s+Person\s*:|(?<!\p{L})(?:Mehr\s+zum\s+Thema|Weitere\s+(?:News|Artikel|Beiträge|Meldungen|Nachrichten|Themen)|Das\s+könnte\s+Sie\s+(?:auch\s+)?interessieren|Lesen\s+Sie\s+auch|Siehe\s+auch|See\s+also|(?:Passende|Ähnliche|Verwandte|Weitere)\s+Produkte|Related\s+products|Auch\s+interessant|Ähnliche\s+(?:Artikel|Beiträge|Themen)|Verwandte\s+(?:Artikel|Beiträge|Themen)|(?:Vorheriger|Nächster)\s+(?:Beitrag|Artikel)|Top-Themen|Schlagw(?:ö|o)rt(?:e|er)?:|Stichw(?:ö|o)rt(?:e|er)?:|Tags:|Keywords:|Filed\s+under:|Related\s+(?:articles|stories|posts|content)|Read\s+(?:more|also|next)|More\s+(?:from|on)\s)/iu;

// Every match of relatedList contains one of these (cue-words.ts).
const mayOpenRelated = cueTest([
  'über', 'about', 'person', 'them', 'weitere', 'interess', 'lesen', 'siehe', 'also', 'produkte', 'related', 'ähnliche', 'verwandte', 'beitrag', 'artikel',
  'schlagw', 'stichw', 'tags', 'keywords', 'filed', 'read', 'more',
]);

/**
 * The sentences up to a list of other articles, when one follows the first third of the notice (a list that high up
 * is navigation, which page reading handles).
 */
export function beforeRelatedList(sentences: Sentence[]): Sentence[] {
  const total = sentences.reduce((n, s) => n + s.text.length, 0);
  let seen = 0;
  for (const [i, sentence] of sentences.entries()) {
    seen += sentence.text.length;
    if (seen < total / 3) continue;
    // A heading standing alone ("Empfehlungen der Redaktion", "Related") or one of the known openings in a sentence.
    const at = isOtherArticlesHeading(sentence.text) ? 0 : mayOpenRelated(sentence.text) ? sentence.text.search(relatedList) : -1;
    if (at === -1) continue;
    const head = sentence.text.slice(0, at).trim();
    return [...sentences.slice(0, i), ...(head ? [{ ...sentence, text: head }] : [])];
  }
  return sentences;
}

/**
 * Vendors listed under a generic entry stand for their product of that kind: "Konnektoren dreier Hersteller betroffen:
 * T-Systems, Secunet und Rise", "Betroffen sind folgende Konnektoren:" followed by "Secunet", "RISE", "CGM-Konnektoren".
 */
export function listedVendorProducts(matcher: Matcher, sentences: Sentence[], familyContext: string | null = null): ProductHit[] {
  const found = new Map<string, ProductHit>();
  const unaffected = unaffectedSentences(sentences);
  for (const [i, sentence] of sentences.entries()) {
    const generic = mentions(matcher, sentence.text, familyContext).filter((m) => m.product.covers.length > 0);
    if (generic.length === 0 || unaffected.has(sentence)) continue;
    // "Es gibt nur drei Konnektor-Hersteller (secunet, CGM und RISE)": the makers of the kind, named as its market,
    // without a fault, a fix or a warning in the sentence or its list.
    const listed = /:\s*$/.test(sentence.text) ? [sentence.text, ...sentences.slice(i + 1, i + 12).map((s) => s.text)].join(' ') : sentence.text;
    const quiet = !trouble.test(listed);
    for (const m of generic) {
      if (quiet && (makersAfter.test(sentence.text.slice(m.end)) || makersBefore.test(sentence.text.slice(0, m.index)))) continue;
      // The list items after a colon: short lines, up to the first sentence of prose.
      const items = [sentence.text.slice(m.end)];
      if (/:\s*$/.test(sentence.text)) for (const next of sentences.slice(i + 1, i + 12)) if (next.text.length <= 60) items.push(next.text); else break;
      for (const item of items) {
        for (const vendor of vendorsNamed(matcher, item)) {
          // "Hersteller von Kartenterminals wie Cherry …": a maker given as an example of the kind.
          const at = matcher.vendors.filter((v) => v.id === vendor).map((v) => vendorAt(v, item)?.index ?? -1).find((i) => i >= 0) ?? -1;
          if (at > 0 && makerExample.test(item.slice(0, at))) continue;
          const product = m.product.covers.map((id) => matcher.catalog.products.find((p) => p.id === id)!).find((p) => p.vendor === vendor);
          if (product && !found.has(product.id)) found.set(product.id, { product, evidence: sentence.text });
        }
      }
    }
  }
  return [...found.values()];
}

// A fault, a fix or a warning: what makes makers listed under a kind of device the affected ones.
const trouble =
  /betroffen|affected|störung|gestört|ausfall|ausgefallen|fehler|absturz|abstürz|lücke|schwachstell|angriff|attack|vulnerab|update|aktualisier|firmware|patch|gesperrt|sperr|tausch|ersetz|laufzeit|zertifikat|warn|CVE-|neu\s*start|problem/iu;

const makerExample = /(?<!\p{L})(?:wie|etwa|z\.\s?B\.|zum\s+Beispiel|beispielsweise|such\s+as|like|e\.\s?g\.)\s+(?:(?:die|der|das|den|dem|the)\s+)?$/iu;

// The kind's makers as such: "Konnektor-Anbieter", "Hersteller von Konnektoren".
const makersAfter = /^-?(?:Anbieter|Hersteller|Lieferanten|Markt|vendors|makers)(?!\p{L})/iu;
const makersBefore = /(?<!\p{L})(?:Anbieter|Hersteller|Lieferanten|vendors|makers)\s+(?:von|der|für|of)\s+(?:(?:den|die|the)\s+)?(?:[\p{L}-]+\s+)?$/iu;

// Words that make a sentence say something about a product's security, failure or software.
const subject =
  /sicherheit|schwachstell|lücke|angriff|attack|betroffen|affected|vulnerab|update|aktualisier|firmware|version|patch|fix|zertifikat|certificat|störung|ausfall|fehler|absturz|supportende|gesperrt|sperr|warn|exploit|CVE-|kompromittiert|breach|zugelassen|Laufzeit|tausch|ersetz|PIN|software|(?:neu\s*)?start|gestört|verbind|ausgefallen|einricht|konfigur/i;

/**
 * Generic entries ("TI-Konnektor (alle Hersteller)") named once, in passing ("Gilt für TI-Gateway und Einboxkonnektor
 * gleichermaßen"), are not what the notice is about; a specific product named once still is.
 */
export function dropPassingGeneric<T extends { product: Product; evidence: string }>(matcher: Matcher, hits: T[], sentences: Sentence[], title: string, familyContext: string | null = null): T[] {
  const inTitle = mentions(matcher, title, familyContext);
  return hits.filter((h) => {
    if (h.product.covers.length === 0 || inTitle.some((m) => m.product.id === h.product.id)) return true;
    const named = sentences.flatMap((s) => mentions(matcher, s.text, familyContext).filter((m) => m.product.id === h.product.id).map((m) => ({ text: s.text, m })));
    if (new Set(named.map((n) => n.text)).size > 1) return true;
    // Named once while the title names another product, as an example of something else, or in a clause that says
    // nothing about it.
    if (inTitle.length > 0) return false;
    if (named.every(({ text, m }) => example.test(text.slice(Math.max(0, m.index - 40), m.index)))) return false;
    return named.some(({ text, m }) => subject.test(clauseAround(text, m)) || subject.test(leadIn(sentences, text)));
  });
}

/**
 * The lead-in of a list item: the sentence ending in a colon above a run of short lines ("Wegen ablaufender Zertifikate
 * sollten Praxen prüfen:" above "- die Konnektoren,"), or '' when the sentence is no list item.
 */
function leadIn(sentences: Sentence[], item: string): string {
  const at = sentences.findIndex((s) => s.text === item);
  if (at <= 0 || item.length > 80) return '';
  for (let i = at - 1; i >= Math.max(0, at - 12); i--) {
    const text = sentences[i]!.text;
    if (/:\s*$/.test(text)) return text;
    if (text.length > 80) return '';
  }
  return '';
}

// "bestimmte Gerätefunktionen gesperrt (zum Beispiel die Kartenterminals)": an example of something else.
const example = /(?<!\p{L})(?:zum\s+Beispiel|z\.\s?B\.|beispielsweise|etwa|e\.\s?g\.|for\s+example|such\s+as)\s*(?:(?:die|der|das|den|dem|Ihre[rsmn]?|the|your)\s+)?$/iu;

function clauseAround(text: string, m: Mention): string {
  const start = text.slice(0, m.index).search(/[^.;:!?–]*$/);
  const end = text.slice(m.end).search(/[.;:!?–]/);
  return text.slice(start, end === -1 ? text.length : m.end + end);
}

/**
 * A library inside the products a notice is about (Log4j in the KBV-Prüfmodul) is not itself affected, unless the
 * title names it: then the notice is about the library.
 */
export function dropLibrariesInside<T extends { product: Product }>(matcher: Matcher, hits: T[], title: string): T[] {
  if (!hits.some((h) => h.product.category !== 'lib')) return hits;
  const inTitle = new Set(mentions(matcher, title).map((m) => m.product.id));
  return hits.filter((h) => h.product.category !== 'lib' || inTitle.has(h.product.id));
}

// A warning of fake mails: the products named are those the recipients use or those the mails pretend to come from
// ("Kunden von x.isynet, T2med und CGM ALBIS berichten von Mails …", "Praxen, die CGM ALBIS oder T2med nutzen",
// "Mails im Namen von …"), not products with a flaw.
const fakeMailTitle = /phishing|gefälscht|fake|betrüger|betrugs|spam|trojaner|schad\p{L}*[- ]?mails?|mails?\s+im\s+Namen/iu;
const usersOf = /(?:(?<!\p{L})(?:Kunden|Kundinnen|Nutzer\p{L}*|Anwender\p{L}*|Benutzer\p{L}*|customers|users)\s+(?:von|der|des|of)|im\s+Namen\s+(?:von|des|der))\s(?:[^.;:!?]|\.(?=\S)){0,60}$/iu;
const whoUse = /,\s*(?:die|welche|who|that)\s[^.;:!?,]{0,60}$/iu;
const use = /^[^.;:!?]{0,60}?(?<!\p{L})(?:nutzen|verwenden|einsetzen|use)(?!\p{L})/iu;

/** In a warning of fake mails whose headline names no product, the products named as what the recipients use. */
export function dropUsedInFakeMails<T extends { product: Product; evidence: string }>(matcher: Matcher, hits: T[], title: string, familyContext: string | null = null): T[] {
  if (!fakeMailTitle.test(title) || mentions(matcher, title, familyContext).length > 0) return hits;
  // "Phishing nach Datenleck bei Doc Cirrus": the maker named in the headline is what the notice is about.
  const makers = vendorsNamed(matcher, title);
  return hits.filter((h) => {
    if (makers.has(h.product.vendor)) return true;
    const m = mentions(matcher, h.evidence, familyContext).find((n) => n.product.id === h.product.id);
    if (!m) return true;
    const before = h.evidence.slice(Math.max(0, m.index - 80), m.index);
    return !(usersOf.test(before) || (whoUse.test(before) && use.test(h.evidence.slice(m.end))));
  });
}
