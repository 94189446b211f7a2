import { z } from 'zod';
import { productCategories } from './catalog.table.js';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche');

export const vendorSchema = z.object({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(2)).default([]),
});

export const productSchema = z.object({
  id,
  vendor: id,
  name: z.string().min(2),
  category: z.enum(productCategories),
  /** Other names that on their own unambiguously mean this product. */
  aliases: z.array(z.string().min(2)).default([]),
  /** Names that count only when another product of the same vendor is named in the same sentence. */
  weakAliases: z.array(z.string().min(2)).default([]),
  /** Model lines named as "Family A, B und C": the family word and this product's variant. */
  family: z.string().min(2).optional(),
  variant: z.string().min(1).optional(),
  /** A generic entry ("TI-Konnektor (alle Hersteller)") is dropped when one of these more specific products is named. */
  covers: z.array(id).default([]),
});

export const catalogSchema = z
  .object({ vendors: z.array(vendorSchema).min(1), products: z.array(productSchema).min(1) })
  .superRefine((catalog, ctx) => {
    const vendorIds = new Set(catalog.vendors.map((v) => v.id));
    const seen = new Set<string>();
    catalog.products.forEach((p, i) => {
      if (!vendorIds.has(p.vendor)) ctx.addIssue({ code: 'custom', path: ['products', i, 'vendor'], message: `unbekannter Hersteller "${p.vendor}"` });
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['products', i, 'id'], message: `doppelte Produkt-ID "${p.id}"` });
      if (Boolean(p.family) !== Boolean(p.variant)) ctx.addIssue({ code: 'custom', path: ['products', i], message: 'family und variant nur gemeinsam angeben' });
      seen.add(p.id);
    });
    const productIds = new Set(catalog.products.map((p) => p.id));
    catalog.products.forEach((p, i) => {
      for (const c of p.covers) if (!productIds.has(c)) ctx.addIssue({ code: 'custom', path: ['products', i, 'covers'], message: `unbekanntes Produkt "${c}"` });
    });
  });

export type Vendor = z.infer<typeof vendorSchema>;
export type Product = z.infer<typeof productSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
