// A maker's name joined with the kind of device it makes ("Zyxel-Firewalls", "Zyxel firewall devices", "AVM-Router")
// names the maker's product of that kind, when the catalog holds exactly one such product of that maker (the Telekom's
// several routers stay unnamed by "Telekom-Router").
import type { Catalog, Product } from '../catalog/catalog.models.js';

const kinds: Partial<Record<Product['category'], string[]>> = {
  router: ['Router'],
  firewall: ['Firewall'],
};

/** The extra names, each with the one product it stands for. */
export function makerKindNames(catalog: Catalog): { product: Product; name: string }[] {
  const names: { product: Product; name: string }[] = [];
  for (const vendor of catalog.vendors) {
    for (const [category, words] of Object.entries(kinds)) {
      const product = onlyProductOfKind(catalog, vendor.id, category);
      if (!product) continue;
      const own = new Set([product.name, ...product.aliases].map((n) => n.toLowerCase()));
      for (const maker of [vendor.name, ...vendor.aliases].filter((n) => /^[\p{L}\p{N}]/u.test(n) && !/[!&]/.test(n))) {
        for (const word of words!) {
          for (const name of [`${maker} ${word}`, `${maker}-${word}`]) if (!own.has(name.toLowerCase())) names.push({ product, name });
        }
      }
    }
  }
  return names;
}

/** The maker's one product of a kind, or null when it has none or several (the Telekom's routers). */
function onlyProductOfKind(catalog: Catalog, vendor: string, category: string): Product | null {
  const products = catalog.products.filter((p) => p.vendor === vendor && p.category === category && p.covers.length === 0);
  return products.length === 1 ? products[0]! : null;
}

// A kind word anywhere in a headline ("Firewall-Lücke", "Firewall Vulnerabilities", "Routern"), from the same words.
const kindInHeadline = Object.entries(kinds).map(([category, words]) => ({ category, pattern: new RegExp(`(?<!\\p{L})(?:${words!.join('|')})\\p{L}*`, 'iu') }));

/**
 * A headline that names one maker and, elsewhere, the kind of device it makes ("Sophos Releases Hotfixes for Critical
 * Firewall Vulnerabilities", "AVM schließt Lücke in Routern"): the maker's one product of that kind. Read only when
 * nothing else names a product; a maker with several products of the kind (the Telekom's routers) names none.
 */
export function makerKindInHeadline(catalog: Catalog, vendorIds: ReadonlySet<string>, headline: string): Product | null {
  if (vendorIds.size !== 1) return null;
  const [vendor] = vendorIds;
  const found = kindInHeadline.filter(({ pattern }) => pattern.test(headline)).flatMap(({ category }) => onlyProductOfKind(catalog, vendor!, category) ?? []);
  return found.length === 1 ? found[0]! : null;
}
