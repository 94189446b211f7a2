import { z } from 'zod';
import { severities } from '../advisories/advisories.table.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const advisoryEditSchema = z
  .object({
    title: z.string().trim().min(3, 'Der Titel braucht mindestens 3 Zeichen.').max(300),
    summary: z.string().trim().max(5000).default(''),
    severity: z.enum(severities),
    /** "Wird aktiv ausgenutzt"; left out (an API client that does not know it), the stored flag stays. */
    exploited: z.boolean().optional(),
    products: z
      .array(z.object({ productId: z.string().min(1), affectedVersions: optionalText(200), fixedVersion: optionalText(100) }))
      .max(50),
    /** `id` keeps an action's evidence sentence when the editor rewords or moves it. */
    actions: z.array(z.object({ id: z.number().int().positive().nullish(), text: z.string().trim().min(3, 'Eine Maßnahme braucht mindestens 3 Zeichen.').max(500) })).max(30),
    cves: z.array(z.string().trim().toUpperCase().regex(/^CVE-\d{4}-\d{4,7}$/, 'CVE-Kennungen haben die Form CVE-2024-12345.')).max(100),
  })
  .refine((a) => new Set(a.products.map((p) => p.productId)).size === a.products.length, { message: 'Jedes Produkt nur einmal angeben.', path: ['products'] });

export type AdvisoryEdit = z.input<typeof advisoryEditSchema>;

export const rejectSchema = z.object({ reason: z.string().trim().min(3, 'Bitte einen Grund angeben (mindestens 3 Zeichen).').max(1000) });
export const mergeSchema = z.object({ targetId: z.coerce.number().int().positive('Bitte die Nummer der Zielmeldung angeben.') });
