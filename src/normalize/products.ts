import type { Catalog, Product } from '../catalog/catalog.models.js';
import type { Sentence } from './sentences.js';

export type ProductHit = { product: Product; evidence: string };

export type Matcher = { catalog: Catalog; names: { product: Product; pattern: RegExp; weak: boolean }[]; families: Map<string, Product[]> };

const notAffected = /\bnicht\s+(?:betroffen|beeinträchtigt|anfällig|verwundbar)\b/i;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name matches as a whole word, case-insensitively; "x.isynet" also matches "xisynet" and "x isynet". */
function namePattern(name: string): RegExp {
  const body = escape(name).replace(/\\\./g, '[.\\s]?').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Compiles the catalog once into patterns; matching a notice then costs one pass per name. */
export function compileCatalog(catalog: Catalog): Matcher {
  const names: Matcher['names'] = [];
  const families = new Map<string, Product[]>();
  for (const product of catalog.products) {
    for (const name of [product.name, ...product.aliases]) names.push({ product, pattern: namePattern(name), weak: false });
    for (const name of product.weakAliases) names.push({ product, pattern: namePattern(name), weak: true });
    if (product.family) families.set(product.family, [...(families.get(product.family) ?? []), product]);
  }
  names.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  return { catalog, names, families };
}

/**
 * Finds catalog products named in the sentences. Sentences that say a product is not affected do not count,
 * weak names (a vendor's name that is also a product) count only beside another product of that vendor, and
 * "Digitalisierungsbox Premium, Smart und Standard" names all three models of the family.
 */
export function findProducts(matcher: Matcher, sentences: Sentence[]): ProductHit[] {
  const hits = new Map<string, ProductHit>();
  for (const sentence of sentences) {
    if (notAffected.test(sentence.text)) continue;
    const strong = new Map<string, Product>();
    const weak: Product[] = [];
    // Longest names first, each match blanked out: "Digitalisierungsbox Premium 2" is not also "… Premium".
    let rest = sentence.text;
    for (const { product, pattern, weak: isWeak } of matcher.names) {
      const match = pattern.exec(rest);
      if (!match) continue;
      rest = rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
      if (isWeak) weak.push(product);
      else strong.set(product.id, product);
    }
    for (const product of familyMembers(matcher, sentence.text)) strong.set(product.id, product);
    for (const product of weak) {
      const sibling = [...strong.values()].some((p) => p.vendor === product.vendor && p.id !== product.id);
      if (sibling) strong.set(product.id, product);
    }
    for (const product of strong.values()) {
      if (!hits.has(product.id)) hits.set(product.id, { product, evidence: sentence.text });
    }
  }
  return [...hits.values()];
}

function familyMembers(matcher: Matcher, text: string): Product[] {
  const found: Product[] = [];
  for (const [family, members] of matcher.families) {
    const variants = members.map((m) => escape(m.variant!)).sort((a, b) => b.length - a.length).join('|');
    const list = new RegExp(
      `(?<![\\p{L}])${escape(family)}(?:en|es)?\\s+((?:${variants})(?:\\s*(?:,|/|&|und|sowie|oder)\\s*(?:${variants}))*)(?![\\p{L}])`,
      'giu',
    );
    for (const match of text.matchAll(list)) {
      const named = match[1]!.split(/\s*(?:,|\/|&|\bund\b|\bsowie\b|\boder\b)\s*/i).map((v) => v.toLowerCase());
      for (const member of members) if (named.includes(member.variant!.toLowerCase())) found.push(member);
    }
  }
  return found;
}
