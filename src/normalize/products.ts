import type { Catalog, Product } from '../catalog/catalog.models.js';
import type { Sentence } from './sentences.js';

export type ProductHit = { product: Product; evidence: string };
/** Where in a sentence a product is named. */
export type Mention = { product: Product; index: number; end: number };

type AnchorNames = { anchor: string; names: number[] };

export type Matcher = {
  catalog: Catalog;
  /** Each name with a literal (lower case) that any match contains: a cheap test before the regex runs. */
  names: { product: Product; pattern: RegExp; anchor: string; weak: boolean }[];
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
  vendors: { id: string; pattern: RegExp; anchor: string }[];
  /**
   * Mentions per family context ('' for none), then per sentence: the steps of one extraction ask about the same
   * sentences several times. Two levels, so that a lookup builds no key string.
   */
  cache: Map<string, Map<string, Mention[]>>;
};

const notAffected =
  /\bnicht\s+(?:betroffen|beeinträchtigt|anfällig|verwundbar)\b|\bkein(?:e)?\s+(?:Update|Aktualisierung|Maßnahme)\s+(?:nötig|erforderlich|notwendig)\b|\bnot\s+(?:affected|vulnerable)\b/i;

const vendorBefore = /(?:anbieter|hersteller|unternehmen|firma|softwarehaus|konzern|vendor|company)\s+$/i;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A name matches as a whole word, case-insensitively; "x.isynet" also matches "xisynet" and "x isynet", and a longer
 * name may carry a German inflection ending ("FRITZ!Boxen", "Konnektors").
 */
function namePattern(name: string): RegExp {
  const body = escape(name).replace(/\\\./g, '[.\\s]?').replace(/\s+/g, '\\s+');
  const ending = name.length >= 5 && /\p{L}$/u.test(name) ? '(?:s|es|en|n|e)?' : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${ending}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Compiles the catalog once into patterns and an index of their anchors; a sentence then costs one pass over its text
 * and one regex per name whose anchor it contains.
 */
export function compileCatalog(catalog: Catalog): Matcher {
  const names: Matcher['names'] = [];
  const families = new Map<string, Product[]>();
  for (const product of catalog.products) {
    for (const name of [product.name, ...product.aliases]) names.push({ product, pattern: namePattern(name), anchor: anchor(name), weak: false });
    for (const name of product.weakAliases) names.push({ product, pattern: namePattern(name), anchor: anchor(name), weak: true });
    if (product.family) families.set(product.family, [...(families.get(product.family) ?? []), product]);
  }
  names.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  const vendors = catalog.vendors.flatMap((v) => [v.name, ...v.aliases].map((name) => ({ id: v.id, pattern: namePattern(name), anchor: anchor(name) })));
  const familyLists = [...families].map(([family, members]) => {
    const variants = members.map((m) => escape(m.variant!)).sort((a, b) => b.length - a.length).join('|');
    const list = (head: string) =>
      new RegExp(`(?<![\\p{L}])${head}\\s+((?:${variants})(?:\\s*(?:,|/|&|und|sowie|oder)\\s*(?:${variants}))*)(?![\\p{L}\\p{N}])`, 'giu');
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

/** The longest run of letters and digits in a name, in lower case: every spelling the pattern allows contains it. */
function anchor(name: string): string {
  return (name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? ['']).sort((a, b) => b.length - a.length)[0]!;
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
    const { product, pattern, weak } = matcher.names[i]!;
    const match = pattern.exec(rest);
    if (!match) continue;
    rest = rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
    // "der Softwareanbieter medatixx", "medatixx GmbH": the vendor, not its product of the same name.
    if (weak && (vendorBefore.test(text.slice(0, match.index)) || /^\s*(?:GmbH|AG|SE|&)/.test(text.slice(match.index + match[0].length)))) continue;
    found.push({ product, index: match.index, end: match.index + match[0].length, weak });
  }
  found.push(...familyMembers(matcher, text, familyContext).map((m) => ({ ...m, weak: false })));
  return found
    .filter((m) => !m.weak || found.some((o) => !o.weak && o.product.vendor === m.product.vendor && o.product.id !== m.product.id))
    .sort((a, b) => a.index - b.index);
}

/** Finds catalog products named in the sentences; sentences that say a product is not affected do not count. */
export function findProducts(matcher: Matcher, sentences: Sentence[], familyContext: string | null = null): ProductHit[] {
  const hits = new Map<string, ProductHit>();
  for (const sentence of sentences) {
    if (notAffected.test(sentence.text)) continue;
    for (const { product } of mentions(matcher, sentence.text, familyContext)) {
      if (!hits.has(product.id)) hits.set(product.id, { product, evidence: sentence.text });
    }
  }
  return [...hits.values()];
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
  return new Set(matcher.vendors.filter((v) => lower.includes(v.anchor) && v.pattern.test(text)).map((v) => v.id));
}

/** Generic entries ("TI-Konnektor (alle Hersteller)") give way to the specific products they cover. */
export function dropCovered<T extends { product: Product }>(hits: T[]): T[] {
  const ids = new Set(hits.map((h) => h.product.id));
  return hits.filter((h) => !h.product.covers.some((c) => ids.has(c)));
}

function familyMembers(matcher: Matcher, text: string, familyContext: string | null): Mention[] {
  const found: Mention[] = [];
  const lower = text.toLowerCase();
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
