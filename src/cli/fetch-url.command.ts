import { z } from 'zod';
import { createLogger } from '../app/logger.js';
import type { Env } from '../config/env.js';
import { collectItems } from '../ingest/collect.js';
import { httpOptionsFromEnv } from '../ingest/http-config.js';
import { FetchError, ParseError } from '../ingest/ingest.errors.js';
import { noKnownItems } from '../ingest/known-items.js';
import { selectorsSchema } from '../sources/sources.models.js';
import { sourceKinds } from '../sources/sources.table.js';

const tryOutSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  kind: z.enum(sourceKinds),
  selectors: selectorsSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(10),
});

type Streams = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

/**
 * `praxiswarn fetch --url URL --kind KIND [--selectors JSON]`: how an admin tries a source before saving it.
 * The same client, SSRF guard and parsers as a real fetch, nothing stored; the items go to stdout as JSON.
 */
export async function fetchUrlCommand(
  env: Env,
  raw: { url: string; kind?: string; selectors?: string; limit?: string },
  { out, err }: Streams = { out: process.stdout, err: process.stderr },
): Promise<number> {
  let selectors: unknown;
  try {
    selectors = raw.selectors === undefined ? undefined : JSON.parse(raw.selectors);
  } catch {
    err.write('--selectors ist kein gültiges JSON, z. B. \'{"item":"article","link":"h2 a"}\'.\n');
    return 1;
  }
  const input = tryOutSchema.safeParse({ url: raw.url, kind: raw.kind, selectors, limit: raw.limit });
  if (!input.success) {
    err.write(`Ungültige Eingabe:\n${input.error.issues.map((i) => `  - ${i.path.join('.') || 'Eingabe'}: ${i.message}`).join('\n')}\n`);
    return 1;
  }
  const { url, kind, limit } = input.data;
  if (kind === 'html' && !input.data.selectors?.item) {
    err.write('HTML-Quellen brauchen --selectors mit mindestens "item" und "link".\n');
    return 1;
  }
  // A try-out shows the newest CSAF documents whatever their age; the backfill window is for stored runs.
  const deps = { http: httpOptionsFromEnv(env), logger: createLogger('silent'), clock: () => new Date(), csaf: { backfillDays: 100 * 365 } };
  try {
    const collected = await collectItems(deps, { id: 'probe', kind, url, selectors: input.data.selectors ?? null }, { known: () => noKnownItems, limit });
    if (collected.notModified) throw new Error('unexpected 304 without conditional headers');
    const items = collected.items.slice(0, limit).map((i) => ({ ...i, publishedAt: i.publishedAt?.toISOString() ?? null, listHash: undefined }));
    out.write(`${JSON.stringify({ url, kind, count: collected.items.length, skipped: collected.skipped, items }, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof ParseError)) throw error;
    err.write(`Abruf fehlgeschlagen: ${error.message}\n`);
    return 2;
  }
}
