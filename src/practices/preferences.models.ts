import { z } from 'zod';
import { productCategories, type ProductCategory } from '../catalog/catalog.table.js';
import { cadences } from './practices.table.js';

// Names and addresses end up in mail headers: no line breaks, no control characters.
const singleLine = z.string().trim().regex(/^[^\p{Cc}]*$/u, 'Bitte ohne Zeilenumbrüche oder Steuerzeichen eingeben.');

export const emailField = singleLine
  .max(254, 'Die E-Mail-Adresse ist zu lang.')
  .pipe(z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel praxis@beispiel.de.' }))
  .transform((e) => e.toLowerCase());

/** The severities a practice may choose as its minimum (`unbekannt` counts as `mittel` when matching). */
export const selectableSeverities = ['niedrig', 'mittel', 'hoch', 'kritisch'] as const;

const versionField = z
  .string()
  .trim()
  .max(40, 'Die Versionsnummer ist zu lang.')
  .regex(/^(|[0-9][0-9A-Za-z.\-]*)$/, 'Bitte nur die Versionsnummer eingeben, zum Beispiel 11.01.02.102.');

/** What a practice chooses on the subscribe and the manage form. */
export const preferencesObject = z.object({
  name: singleLine.min(2, 'Bitte geben Sie den Namen Ihrer Praxis an.').max(200, 'Der Name ist zu lang (höchstens 200 Zeichen).'),
  partnerEmail: z.union([z.literal('').transform(() => null), emailField]).default(''),
  cadence: z.enum(cadences, { error: 'Bitte wählen Sie, wie oft Sie E-Mails erhalten möchten.' }),
  minSeverity: z.enum(selectableSeverities, { error: 'Bitte wählen Sie, ab welcher Einstufung Sie gewarnt werden möchten.' }),
  productIds: z.array(z.string().max(100)).max(300).default([]),
  versions: z.record(z.string().max(100), versionField).default({}),
  vendorIds: z.array(z.string().max(100)).max(100).default([]),
  categories: z.array(z.enum(productCategories, { error: 'Unbekannter Bereich.' })).default([]),
  /** Opted in to "TI-Störungen": outages of the telematics infrastructure, apart from security warnings. */
  tiOutages: z.boolean().default(false),
});

const nothingChosenMessage = 'Bitte wählen Sie mindestens ein Produkt, einen Hersteller oder einen Bereich.';
const nothingChosen = (p: { productIds?: unknown[]; vendorIds?: unknown[]; categories?: unknown[] }) =>
  (p.productIds?.length ?? 0) + (p.vendorIds?.length ?? 0) + (p.categories?.length ?? 0) === 0;
const atLeastOne = (p: { productIds: string[]; vendorIds: string[]; categories: string[] }, ctx: z.RefinementCtx) => {
  if (nothingChosen(p)) ctx.addIssue({ code: 'custom', path: ['products'], message: nothingChosenMessage });
};

export const preferencesSchema = preferencesObject.superRefine(atLeastOne);

export const subscribeSchema = preferencesObject
  .extend({
    email: emailField,
    consent: z.literal('ja', { error: 'Bitte bestätigen Sie die Einwilligung, damit wir Ihnen Warnungen senden dürfen.' }),
  })
  .superRefine(atLeastOne)
  .superRefine((p, ctx) => {
    if (p.partnerEmail && p.partnerEmail === p.email) {
      ctx.addIssue({ code: 'custom', path: ['partnerEmail'], message: 'Die Adresse des IT-Dienstleisters muss sich von Ihrer eigenen unterscheiden.' });
    }
  });

export type Preferences = z.infer<typeof preferencesSchema>;
export type SubscribeInput = z.infer<typeof subscribeSchema>;

export const categoryLabels: Record<ProductCategory, string> = {
  pvs: 'Praxisverwaltungssystem (PVS)',
  'pvs-dental': 'Zahnarzt-PVS',
  'pvs-psych': 'Psychotherapie-PVS',
  ti: 'Telematikinfrastruktur (TI)',
  router: 'Router',
  firewall: 'Firewall',
  remote: 'Fernwartung',
  os: 'Windows und Microsoft-Software',
  lib: 'Datenbank und Programmbausteine',
  backup: 'Datensicherung',
};

export const cadenceLabels: Record<(typeof cadences)[number], string> = {
  immediate: 'Sofort bei jeder neuen Warnung',
  daily: 'Täglich eine Zusammenfassung',
  weekly: 'Wöchentlich eine Zusammenfassung',
};

/** Turns a form body (repeated keys as arrays) into the raw shape the schemas above read. */
export function formToRaw(body: Record<string, unknown>): Record<string, unknown> {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
  const one = (v: unknown): string | undefined => list(v)[0];
  const productIds = [...new Set(list(body.product))];
  const versions: Record<string, string> = {};
  for (const id of productIds) {
    const v = one(body[`version-${id}`]);
    if (v !== undefined && v.trim() !== '') versions[id] = v;
  }
  return {
    name: one(body.name) ?? '',
    email: one(body.email) ?? '',
    partnerEmail: one(body.partnerEmail) ?? '',
    cadence: one(body.cadence),
    minSeverity: one(body.minSeverity),
    consent: one(body.consent),
    productIds,
    versions,
    vendorIds: [...new Set(list(body.vendor))],
    categories: [...new Set(list(body.category))],
    tiOutages: one(body.tiOutages) === 'ja',
  };
}

/**
 * Field errors by form field name (the first message per field), for the error summary and inline messages.
 * The "choose something" rule is added here too, since zod skips refinements when a field already failed.
 */
export function fieldErrors(error: z.ZodError, raw: Record<string, unknown> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (nothingChosen(raw as Parameters<typeof nothingChosen>[0])) out.products = nothingChosenMessage;
  for (const issue of error.issues) {
    const [first, second] = issue.path;
    const field = first === 'versions' ? `version-${String(second)}` : first === 'productIds' || first === 'vendorIds' || first === 'categories' ? 'products' : String(first ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
