import { createHash } from 'node:crypto';
import { z } from 'zod';

/** One item as a source lists it, before it is stored as a notice. */
export const rawItemSchema = z.object({
  externalId: z.string().trim().min(1).max(2000),
  url: z.url({ protocol: /^https?$/ }).nullable(),
  title: z.string().trim().min(1).max(1000),
  publishedAt: z.date().nullable(),
  /** Plain text; the article page's text replaces it when the source names an article selector. */
  text: z.string().max(500_000),
  /** Set when the text came from an article page: see listFingerprint. */
  listHash: z.string().nullable().optional(),
});

export type RawItem = z.infer<typeof rawItemSchema>;

export type ParsedItems = { items: RawItem[]; skipped: number };

/** Keeps the valid items and counts the rest: one bad item never sinks its batch. */
export function validItems(candidates: unknown[], schema: z.ZodType<RawItem> = rawItemSchema): ParsedItems {
  const items: RawItem[] = [];
  let skipped = 0;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const parsed = schema.safeParse(candidate);
    if (!parsed.success || seen.has(parsed.data.externalId)) {
      skipped++;
      continue;
    }
    seen.add(parsed.data.externalId);
    items.push(parsed.data);
  }
  return { items, skipped };
}

/** Resolves a link against the page it was found on; anything but http(s) becomes null. */
export function absolute(href: string | undefined | null, baseUrl: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An id for an item that has neither GUID nor link: stable as long as its title and date stay the same. */
export function fallbackId(title: string, publishedAt: Date | null): string {
  if (!title) return '';
  return `sha256:${createHash('sha256').update(title).update('\n').update(publishedAt?.toISOString() ?? '').digest('hex').slice(0, 32)}`;
}
