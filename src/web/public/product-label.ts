// Many products carry their maker in their name ("APRIS" by APRIS, "RISE Konnektor" by RISE): repeating it reads
// like a stutter, so the vendor is named only where the product's name does not already say it.
const plain = (s: string) => s.toLocaleLowerCase('de-DE').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The vendor to show beside a product, or null when one of the two names already holds the other as whole words. */
export function vendorHint(product: string, vendor: string): string | null {
  const p = ` ${plain(product)} `;
  const v = ` ${plain(vendor)} `;
  return v.trim() === '' || p.includes(v) || v.includes(p) ? null : vendor;
}

/** "x.isynet (medatixx)", but "APRIS" and "RISE Konnektor". */
export function productLabel(product: string, vendor: string): string {
  const hint = vendorHint(product, vendor);
  return hint ? `${product} (${hint})` : product;
}
