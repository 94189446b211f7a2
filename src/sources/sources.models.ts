import { z } from 'zod';
import { sourceKinds } from './sources.table.js';

export const selectorsSchema = z
  .object({
    item: z.string().min(1).optional(),
    link: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    date: z.string().min(1).optional(),
    article: z.string().min(1).optional(),
    remove: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const sourceConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    publisher: z.string().min(1),
    kind: z.enum(sourceKinds),
    url: z.url({ protocol: /^https?$/ }),
    selectors: selectorsSchema.optional(),
    trust: z.enum(['auto', 'review']).default('review'),
    intervalMinutes: z.number().int().min(5).max(7 * 24 * 60).default(60),
    enabled: z.boolean().default(true),
  })
  .refine((s) => s.kind !== 'html' || (s.selectors?.item && s.selectors.link), {
    message: 'HTML-Quellen brauchen die Selektoren "item" und "link"',
    path: ['selectors'],
  });

export const sourcesFileSchema = z.object({ sources: z.array(sourceConfigSchema) }).refine(
  (f) => new Set(f.sources.map((s) => s.id)).size === f.sources.length,
  { message: 'Quellen-IDs müssen eindeutig sein' },
);

export type SourceConfig = z.infer<typeof sourceConfigSchema>;
