import type { Catalog, Product } from '../catalog/catalog.models.js';
import { coordinated, inBackground, sentenceRole } from './background.js';
import { looksEnglish } from './english-actions.js';
import { makerKindNames } from './maker-kinds.js';
import { unaffectedSentences } from './not-affected.js';
import type { Sentence } from './sentences.js';

export type ProductHit = { product: Product; evidence: string };
/** Where in a sentence a product is named. */
export type Mention = { product: Product; index: number; end: number };

type AnchorNames = { anchor: string; names: number[] };

export type Matcher = {
  catalog: Catalog;
  /**
   * Each name with a literal (lower case) that any match contains: a cheap test before the regex runs; `also`, a second
   * such literal where the name has one (see `secondAnchor`), tested before the regex as well.
   */
  names: { product: Product; pattern: RegExp; anchor: string; also: string | null; weak: boolean; capsName?: string }[];
  /**
   * The names (positions in `names`) by their anchor, the anchors by their first three characters (`startKey`);
   * `starts` marks a hash of the keys, so that most positions of a sentence are passed over without a map lookup.
   */
  anchors: { byStart: Map<number, AnchorNames[]>; starts: Uint8Array; short: AnchorNames[] };
  families: Map<string, Product[]>;
  familyLists: {
    family: string;
    /** Each member with its variant in lower case and the pattern that finds that variant inside a list. */
    members: { product: Product; variant: string; pattern: RegExp }[];
    anchor: RegExp;
    plain: RegExp;
    withModels: RegExp;
  }[];
  /** `all` finds every match; `cased` names (with a capital: "RISE", "Cherry") are not words in lower case ("on the rise"). */
  vendors: { id: string; pattern: RegExp; all: RegExp; cased: boolean; anchor: string }[];
  /**
   * Mentions per family context ('' for none), then per sentence: the steps of one extraction ask about the same
   * sentences several times. Two levels, so that a lookup builds no key string.
   */
  cache: Map<string, Map<string, Mention[]>>;
};

const vendorBefore = /(?:anbieter|hersteller|unternehmen|firma|softwarehaus|konzern|vendor|company)\s+$/i;
// "medatixx GmbH", "medatixx hat ein Update veröffentlicht", "medatixx rät …": the company acts, not its product.
const companyAfter =
  /^\s*(?:GmbH|AG|SE|&)|^\s+(?:hat|hatte|haben|veröffentlicht\p{L}*|warnt|rät|empfiehlt|informiert|teilt|stellt|bietet|meldet|bestätigt|arbeitet|untersucht|says|said|has|warns|confirmed|announced|released|published)(?!\p{L})/iu;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// namePattern's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const namePatternPattern1 = /(?<![\p{L}\p{N}])(\p{L})\\\./gu;
const namePatternPattern2 = /\p{L}$/u;

// A name its maker writes in capitals from plain words ("MEDICAL OFFICE", "DATA VITAL"): written otherwise in English
// or with an ending of its own ("Phishing Emails Targeting Medical Offices") it is those words, unless the maker is
// named beside it.
const capsWords = /^[A-ZÄÖÜ]{2,}(?:\s+[A-ZÄÖÜ]{2,})+$/u;

/**
 * A name matches as a whole word, case-insensitively; "x.isynet" also matches "xisynet" and "x isynet", and a longer
 * name may carry a German inflection ending ("FRITZ!Boxen", "Konnektors").
 */
function namePattern(name: string): RegExp {
  // The dot may go ("xisynet", "beIP"); a space for it only after a single letter ("x isynet"): "be IP" is English
  // ("should be IP restricted"), not bintec's be.IP. A space may be a hyphen in a compound ("Windows-10-Rechner",
  // "Securepoint-UTM", "Fritz-Box").
  const body = escape(name)
    .replace(namePatternPattern1, '$1[.\\s]?')
    .replace(/\\\./g, '\\.?')
    .replace(/\s+/g, '[\\s-]+');
  const ending = name.length >= 5 && namePatternPattern2.test(name) ? '(?:s|es|en|n|e)?' : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${ending}(?![\\p{L}\\p{N}])`, 'iu');
}

// compileCatalog's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const compileCatalogPattern1 = /\p{Lu}/u;

/**
 * Compiles the catalog once into patterns and an index of their anchors; a sentence then costs one pass over its text
 * and one regex per name whose anchor it contains.
 */
export function compileCatalog(catalog: Catalog): Matcher {
  const names: Matcher['names'] = [];
  const families = new Map<string, Product[]>();
  for (const product of catalog.products) {
    for (const name of [product.name, ...product.aliases]) names.push({ product, pattern: namePattern(name), anchor: anchor(name), also: secondAnchor(name), weak: false, capsName: capsWords.test(name) ? name : undefined });
    for (const name of product.weakAliases) names.push({ product, pattern: namePattern(name), anchor: anchor(name), also: secondAnchor(name), weak: true });
    if (product.family) families.set(product.family, [...(families.get(product.family) ?? []), product]);
  }
  for (const { product, name } of makerKindNames(catalog)) names.push({ product, pattern: namePattern(name), anchor: anchor(name), also: secondAnchor(name), weak: false });
  names.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  const vendors = catalog.vendors.flatMap((v) =>
    [v.name, ...v.aliases].map((name) => {
      const pattern = namePattern(name);
      return { id: v.id, pattern, all: new RegExp(pattern.source, 'giu'), cased: compileCatalogPattern1.test(name), anchor: anchor(name) };
    }),
  );
  const familyLists = [...families].map(([family, members]) => {
    const variants = members.map((m) => escape(m.variant!)).sort((a, b) => b.length - a.length).join('|');
    const list = (head: string) =>
      // "Digitalisierungsbox Premium, Smart oder Standard", and with the word for the models between: "„Digitalisierungsboxen“
      // in den Varianten Standard, Premium und Smart", "Digitalisierungsbox (Modelle: Premium, Smart)".
      new RegExp(
        `(?<![\\p{L}])${head}[“"”»«]?(?:\\s+\\(?(?:in\\s+(?:den|der)\\s+|der\\s+|den\\s+)?(?:Varianten|Variante|Ausführungen|Ausführung|Modellen|Modelle|Typen)\\s*:?)?\\s+\\(?((?:${variants})(?:\\s*(?:,|/|&|und|sowie|oder)\\s*(?:${variants}))*)(?![\\p{L}\\p{N}])`,
        'giu',
      );
    const inList = members.map((product) => {
      const variant = product.variant!.toLowerCase();
      return { product, variant, pattern: new RegExp(`(?<![\\p{L}])${escape(variant)}(?![\\p{L}\\p{N}])`, 'u') };
    });
    return { family, members: inList, anchor: new RegExp(`(?<![\\p{L}])${escape(family.toLowerCase())}`, 'u'), plain: list(`${escape(family)}(?:en|es)?`), withModels: list(`(?:${escape(family)}(?:en|es)?|Modell(?:e|en)?)`) };
  });
  return { catalog, names, anchors: indexAnchors(names), families, familyLists, vendors, cache: new Map() };
}

function indexAnchors(names: Matcher['names']): Matcher['anchors'] {
  const byAnchor = new Map<string, number[]>();
  names.forEach(({ anchor }, i) => byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), i]));
  const byStart = new Map<number, AnchorNames[]>();
  const starts = new Uint8Array(1 << 16);
  const short: AnchorNames[] = [];
  for (const [anchor, indices] of byAnchor) {
    if (anchor.length < 3) short.push({ anchor, names: indices });
    else byStart.set(startKey(anchor, 0), [...(byStart.get(startKey(anchor, 0)) ?? []), { anchor, names: indices }]);
  }
  for (const key of byStart.keys()) starts[sieve(key)] = 1;
  return { byStart, starts, short };
}

/** The three characters at `i` as a small integer (no string to allocate); rare collisions only cost a comparison. */
function startKey(s: string, i: number): number {
  return ((s.charCodeAt(i) & 0x3ff) << 20) | ((s.charCodeAt(i + 1) & 0x3ff) << 10) | (s.charCodeAt(i + 2) & 0x3ff);
}

/** A 16-bit hash of a key (Fibonacci hashing). */
function sieve(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 16;
}

/**
 * The names whose anchor a lower-case text contains, as positions in `names` in ascending order: one pass over the
 * text instead of a substring search per catalog name (219 of them in the shipped catalog, thousands in a big one).
 */
function namesIn(matcher: Matcher, lower: string): number[] {
  const { byStart, starts, short } = matcher.anchors;
  const found: number[] = [];
  for (const { anchor, names } of short) if (lower.includes(anchor)) found.push(...names);
  const seen: string[] = []; // a handful at most
  for (let i = 0; i < lower.length - 2; i++) {
    const key = startKey(lower, i);
    if (starts[sieve(key)] === 0) continue;
    const starting = byStart.get(key);
    if (!starting) continue;
    for (const { anchor, names } of starting) {
      if (!lower.startsWith(anchor, i) || seen.includes(anchor)) continue;
      seen.push(anchor);
      found.push(...names);
    }
  }
  return found.sort((a, b) => a - b);
}

// anchor's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const anchorPattern1 = /[\p{L}\p{N}]+/gu;

/** The longest run of letters and digits in a name, in lower case: every spelling the pattern allows contains it. */
function anchor(name: string): string {
  return (name.toLowerCase().match(anchorPattern1) ?? ['']).sort((a, b) => b.length - a.length)[0]!;
}

// Characters whose every spelling under the i and u flags has them in its lower case: not "s", which the pattern also
// finds as "ſ" (lower case of its own).
const plainRun = /^[a-rt-z0-9äöüß]+$/;

/**
 * Another run of the name, the longest after the anchor, that every match holds in its lower case as well: "ip" of
 * "be.IP" (whose anchor "be" half of all sentences contain), "2012" of "Windows Server 2012", "m1" of "M1 PRO". Null
 * for a name of one run or whose other runs could be spelt otherwise.
 */
function secondAnchor(name: string): string | null {
  const runs = (name.toLowerCase().match(anchorPattern1) ?? []).sort((a, b) => b.length - a.length);
  return runs.slice(1).find((r) => r !== runs[0] && plainRun.test(r)) ?? null;
}

/**
 * The products a sentence names, with their positions. Longest names first, each match blanked out
 * ("Digitalisierungsbox Premium 2" is not also "… Premium"); weak names (a vendor's name that is also a product)
 * count only beside another product of that vendor; "Digitalisierungsbox Premium, Smart und Standard" names all three.
 */
export function mentions(matcher: Matcher, text: string, familyContext: string | null = null): Mention[] {
  let byText = matcher.cache.get(familyContext ?? '');
  if (!byText) matcher.cache.set(familyContext ?? '', (byText = new Map()));
  const cached = byText.get(text);
  if (cached) return cached;
  if (byText.size > 5000) byText.clear();
  const result = findMentions(matcher, text, familyContext);
  byText.set(text, result);
  return result;
}

function findMentions(matcher: Matcher, text: string, familyContext: string | null): Mention[] {
  const found: (Mention & { weak: boolean })[] = [];
  const lower = text.toLowerCase();
  let rest = text;
  for (const i of namesIn(matcher, lower)) {
    const { product, pattern, also, weak, capsName } = matcher.names[i]!;
    if (also !== null && !lower.includes(also)) continue;
    // "der Softwareanbieter medatixx", "medatixx GmbH", "Medatixx rät …": the vendor, not its product of the same name;
    // the product may still follow ("… Kunden von x.isynet und medatixx").
    let again = weak;
    for (let match = pattern.exec(rest); match; match = again ? pattern.exec(rest) : null) {
      rest = rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
      // "die Seite psyprax.de", "support@medatixx.de", "www.t2med.de": a web or mail address names the site.
      if (inAddress(text, match.index, match.index + match[0].length)) {
        again = true;
        continue;
      }
      again = weak;
      if (capsName && match[0] !== match[0].toUpperCase() && (looksEnglish(text) || match[0].replace(/[\s-]+/gu, ' ').length > capsName.length) && !vendorsNamed(matcher, text).has(product.vendor)) {
        again = true;
        continue;
      }
      if (weak && (vendorBefore.test(text.slice(0, match.index)) || companyAfter.test(text.slice(match.index + match[0].length)))) continue;
      if (othersThing(matcher, product, match[0], text.slice(0, match.index), text.slice(match.index + match[0].length))) continue;
      // "LANCOM Systems warnt …", "AnyDesk Software GmbH": the maker's full name, of which the product's is the start.
      if (makerNamedAt(matcher, product, text, match.index, match[0].length)) continue;
      found.push({ product, index: match.index, end: match.index + match[0].length, weak });
      break;
    }
  }
  found.push(...familyMembers(matcher, text, lower, familyContext).map((m) => ({ ...m, weak: false })));
  return found
    .filter((m) => !m.weak || found.some((o) => !o.weak && o.product.vendor === m.product.vendor && o.product.id !== m.product.id))
    .sort((a, b) => a.index - b.index);
}

const addressAfter = /^(?:[\w-]*\.)*[\w-]*\.(?:de|com|net|org|eu|at|ch|info|io)(?![\p{L}\p{N}])/iu;
const addressBefore = /(?:www\.|@|https?:\/\/|\.(?:de|com|net|org|eu|at|ch|info|io)\/)[\w./-]*$/i;

/** Whether a name stands inside a web or mail address ("psyprax.de", "support@medatixx.de", "www.t2med.de"). */
function inAddress(text: string, start: number, end: number): boolean {
  return addressAfter.test(text.slice(end, end + 40)) || addressBefore.test(text.slice(Math.max(0, start - 40), start));
}

// A plain noun of the catalog ("Prüfmodul", "Konnektor") that another body owns: "das KZBV-Prüfmodul", "Prüfmodul der
// KZBV" (the catalog has the KBV's). An acronym of the owner beside it, that is neither a catalog vendor nor the TI, and
// not the first part of a compound ("Konnektoren der KZV-Mitglieder").
const ownerBefore = /(?<![\p{L}\p{N}])(\p{Lu}{3,}\p{L}*)-$/u;
const ownerAfter = /^\s+(?:der|des|von\s+der|vom)\s+(\p{Lu}{3,}\p{L}*)(?![\p{L}\p{N}-])/u;

function makerNamedAt(matcher: Matcher, product: Product, text: string, at: number, length: number): boolean {
  const rest = text.slice(at);
  return matcher.vendors.some((v) => {
    if (v.id !== product.vendor) return false;
    const m = v.pattern.exec(rest);
    return m !== null && m.index === 0 && m[0].length > length;
  });
}

/** The acronym of a body written into a noun's compound ("KZBV-Prüfmodul") or after it ("Prüfmodul der KZBV"). */
export function ownerNamed(before: string, after: string): string | undefined {
  return ownerBefore.exec(before)?.[1] ?? ownerAfter.exec(after)?.[1];
}

// othersThing's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const othersThingPattern1 = /^\p{Lu}\p{Ll}+$/u;

export function othersThing(matcher: Matcher, product: Product, name: string, before: string, after: string): boolean {
  // The TI's generic entries (a connector, a card) stay what they are whoever hands them out ("Praxisausweis der KZV").
  if (!othersThingPattern1.test(name) || matcher.catalog.products.some((p) => p.covers.length > 0 && p.vendor === product.vendor)) return false;
  const owner = ownerNamed(before, after);
  if (!owner || /^(?:TI|IT|PVS|EDV)$/u.test(owner)) return false;
  return !matcher.vendors.some((v) => v.pattern.test(owner)) && !matcher.vendors.some((v) => v.id === product.vendor && v.pattern.test(owner));
}

/**
 * Finds catalog products named in the sentences as what the notice is about; sentences that say a product is not
 * affected, and mentions in the background (`inBackground`), do not count.
 */
export function findProducts(matcher: Matcher, sentences: Sentence[], familyContext: string | null = null): ProductHit[] {
  const hits = new Map<string, ProductHit & { background: boolean }>();
  const unaffected = unaffectedSentences(sentences);
  for (const sentence of sentences) {
    const named = mentions(matcher, sentence.text, familyContext);
    if (named.length === 0 || named.every((m) => hits.has(m.product.id)) || unaffected.has(sentence)) continue;
    const text = sentence.text;
    const role = sentenceRole(text);
    // One of a pair or a list shares the role of the one before: "Antragsdaten für eHBA und Praxisausweise (SMC-B)".
    // Read only where a first mention asks for it (a notice names most products many times).
    const known: (boolean | undefined)[] = [];
    const background = (i: number): boolean =>
      (known[i] ??= inBackground(text, named[i]!, role) || (i > 0 && coordinated.test(text.slice(named[i - 1]!.end, named[i]!.index)) && background(i - 1)));
    named.forEach((mention, i) => {
      if (!hits.has(mention.product.id)) hits.set(mention.product.id, { product: mention.product, evidence: text, background: background(i) });
    });
  }
  // The first time a notice names a product shows its role: named first as a place or a target, it is background.
  return [...hits.values()].filter((h) => !h.background).map(({ product, evidence }) => ({ product, evidence }));
}


/** The one model family a notice talks about, so that "die Modelle Smart und Standard" later on can be read. */
export function familyOf(matcher: Matcher, text: string): string | null {
  const lower = text.toLowerCase();
  const named = matcher.familyLists.filter((f) => f.anchor.test(lower)).map((f) => f.family);
  return named.length === 1 ? named[0]! : null;
}

/** Vendors a sentence names ("Worldline hat die Firmware 3.8.2 bereitgestellt"). */
export function vendorsNamed(matcher: Matcher, text: string): Set<string> {
  const lower = text.toLowerCase();
  return new Set(matcher.vendors.filter((v) => lower.includes(v.anchor) && vendorAt(v, text) !== null).map((v) => v.id));
}

/**
 * Where a text names a vendor: its first match, skipping those written all in lower case when the vendor's name has a
 * capital ("Ransomware attacks on the rise" names no RISE, "cherry-picking" no Cherry).
 */
export function vendorAt(vendor: Matcher['vendors'][number], text: string): RegExpExecArray | null {
  if (!vendor.cased) return vendor.pattern.exec(text);
  vendor.all.lastIndex = 0;
  for (let m = vendor.all.exec(text); m; m = vendor.all.exec(text)) if (m[0] !== m[0].toLowerCase()) return m;
  return null;
}

/** The family's models a sentence lists (`lower`: the sentence in lower case, which findMentions has at hand). */
function familyMembers(matcher: Matcher, text: string, lower: string, familyContext: string | null): Mention[] {
  const found: Mention[] = [];
  for (const { family, members, plain, withModels } of matcher.familyLists) {
    const withContext = family === familyContext;
    if (!lower.includes(family.toLowerCase()) && !(withContext && lower.includes('modell'))) continue;
    for (const match of text.matchAll(withContext ? withModels : plain)) {
      const named = match[1]!.split(/\s*(?:,|\/|&|\bund\b|\bsowie\b|\boder\b)\s*/i).map((v) => v.toLowerCase());
      const start = match.index! + match[0].length - match[1]!.length;
      for (const { product, variant, pattern } of members) {
        if (!named.includes(variant)) continue;
        const at = match[1]!.toLowerCase().search(pattern);
        found.push({ product, index: start + Math.max(0, at), end: start + Math.max(0, at) + product.variant!.length });
      }
    }
  }
  return found;
}
