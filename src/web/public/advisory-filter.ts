import { z } from 'zod';
import { productCategories } from '../../catalog/catalog.table.js';

/**
 * The search and filters of `/warnungen` (and `/warnungen.atom`), read from the URL query so that a filtered list can
 * be bookmarked and has its own feed. Unknown or malformed values are ignored, never answered with an error: an old
 * bookmark still shows a list.
 */

/** `luecken`: a flaw an update closes; `hinweise`: everything else (deadlines, outages, attacks on a vendor). */
export const kinds = ['luecken', 'hinweise'] as const;
export type AdvisoryKind = (typeof kinds)[number];

export const kindLabels: Record<AdvisoryKind, string> = { luecken: 'Sicherheitslücken', hinweise: 'Weitere Hinweise' };

/** Minimum severities; `unbekannt` counts as `mittel`, as in matching. */
export const minSeverities = ['mittel', 'hoch', 'kritisch'] as const;
export const minSeverityLabels: Record<(typeof minSeverities)[number], string> = { mittel: 'ab Mittel', hoch: 'ab Hoch', kritisch: 'nur Kritisch' };

export const periods = { '30': 'Letzte 30 Tage', '90': 'Letzte 3 Monate', '365': 'Letzte 12 Monate' } as const;
type Period = keyof typeof periods;

const catalogId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100);
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const querySchema = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  produkt: optional(catalogId),
  hersteller: optional(catalogId),
  bereich: optional(z.enum(productCategories)),
  einstufung: optional(z.enum(minSeverities)),
  zeitraum: optional(z.enum(Object.keys(periods) as [Period, ...Period[]])),
  art: optional(z.enum(kinds)),
  seite: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type ListQuery = z.infer<typeof querySchema>;

export function parseListQuery(query: Record<string, string>): ListQuery {
  return querySchema.parse(query);
}

/** The query string of a list, without empty values and without page 1; `changes` replace single keys. */
export function listSearch(query: ListQuery, changes: Partial<ListQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of ['q', 'produkt', 'hersteller', 'bereich', 'einstufung', 'zeitraum', 'art'] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.seite > 1) params.set('seite', String(merged.seite));
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The start of the chosen period, or null for "all time". */
export function periodStart(query: ListQuery, now: Date): Date | null {
  return query.zeitraum ? new Date(now.getTime() - Number(query.zeitraum) * 86_400_000) : null;
}

/** Whether anything narrows the list (the kind and the page do not count: they only choose a view). */
export function isFiltered(query: ListQuery): boolean {
  return Boolean(query.q || query.produkt || query.hersteller || query.bereich || query.einstufung || query.zeitraum);
}
