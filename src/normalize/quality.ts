import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from './document.js';
import type { Extraction } from './extract.js';
import type { Matcher } from './products.js';
import { sameAction } from './action-match.js';
import { sameVersion } from './versions.js';

export { contentWords, covers, sameAction, sameInstruction } from './action-match.js';

/** One labelled document of the corpus: the input beside `<case>.expected.json`. */
export type CorpusCase = { name: string; file: string; content: string; expected: Expected[] };

/** The part of the `extract` contract a labeller fills in. */
export type Expected = {
  relevant: boolean;
  title: string;
  products: { id: string; fixedVersion: string | null; affectedVersions: string | null }[];
  actions: string[];
  cves: string[];
  severity: Extraction['severity'];
  published: string | null;
  noActionNeeded?: boolean;
  /** The catalog vendor id the notice is about (test/fixtures/real/LABELS.md); older cases may give its name. */
  vendor?: string | null;
};

export const fields = ['relevance', 'vendor', 'products', 'fixedVersions', 'actions', 'cves', 'severity', 'published'] as const;
export type Field = (typeof fields)[number];
export type Counts = { tp: number; fp: number; fn: number };
export type Scores = Record<Field, Counts>;
export type CaseResult = { name: string; scores: Scores; extracted: Extraction[]; misses: string[] };

export function loadCorpus(dir: string): CorpusCase[] {
  const files = readdirSync(dir).sort();
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const name = f.slice(0, -'.expected.json'.length);
      const input = files.find((g) => g !== f && g.startsWith(`${name}.`) && !g.endsWith('.expected.json') && g.slice(name.length + 1).indexOf('.') === -1);
      if (!input) throw new Error(`Zu ${f} fehlt die Eingabedatei.`);
      const expected = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { advisories: Expected[] }).advisories;
      return { name, file: input, content: readFileSync(join(dir, input), 'utf8'), expected };
    });
}

const empty = (): Scores => Object.fromEntries(fields.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Scores;

/** Extracts one case and compares every advisory with its label, item by item for feeds. */
export async function scoreCase(matcher: Matcher, c: CorpusCase): Promise<CaseResult> {
  const extracted = await extractDocument(matcher, c.content);
  const scores = empty();
  const misses: string[] = [];
  const count = Math.max(extracted.length, c.expected.length);
  for (let i = 0; i < count; i++) compare(c.expected[i], extracted[i], scores, misses);
  return { name: c.name, scores, extracted, misses };
}

function tally(s: Counts, expected: string[], got: string[], same: (a: string, b: string) => boolean, label: string, misses: string[]) {
  const pairedWith = pairs(expected, got, same);
  expected.forEach((e, i) => {
    if (pairedWith[i] === -1) misses.push(`${label} fehlt: ${e}`);
  });
  const paired = new Set(pairedWith.filter((j) => j !== -1));
  s.tp += paired.size;
  s.fn += expected.length - paired.size;
  s.fp += got.length - paired.size;
  got.forEach((g, j) => {
    if (!paired.has(j)) misses.push(`${label} zu viel: ${g}`);
  });
}

/**
 * Pairs each expected item with at most one found item and back, as many pairs as possible (augmenting paths): taken
 * in order, a found action that matches two labels could take the one that a second found action alone matches.
 */
export function pairs(expected: string[], got: string[], same: (a: string, b: string) => boolean): number[] {
  const fits = expected.map((e) => got.flatMap((g, j) => (same(e, g) ? [j] : [])));
  const owner = new Array<number>(got.length).fill(-1);
  const assign = (i: number, seen: Set<number>): boolean => {
    for (const j of fits[i]!) {
      if (seen.has(j)) continue;
      seen.add(j);
      if (owner[j] === -1 || assign(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < expected.length; i++) assign(i, new Set());
  const pairedWith = new Array<number>(expected.length).fill(-1);
  owner.forEach((i, j) => {
    if (i !== -1) pairedWith[i] = j;
  });
  return pairedWith;
}

function compare(e: Expected | undefined, x: Extraction | undefined, s: Scores, misses: string[]) {
  const relevantE = e?.relevant ?? false;
  const relevantX = x?.relevant ?? false;
  if (relevantE && relevantX) s.relevance.tp++;
  else if (relevantX) (s.relevance.fp++, misses.push(`relevant, erwartet nicht: ${x?.title}`));
  else if (relevantE) (s.relevance.fn++, misses.push(`nicht relevant, erwartet relevant: ${e?.title}`));
  const eq = (a: string, b: string) => a === b;
  // Everything a notice may not invent is checked on every item; the content only where a practice must act.
  tally(s.cves, e?.cves ?? [], x?.cves ?? [], eq, 'CVE', misses);
  tally(s.published, e?.published ? [e.published] : [], x?.published ? [berlinDay(x.published)] : [], eq, 'Datum', misses);
  if (!relevantE) return;
  // A label without a vendor field says nothing about it; a vendor of `null` means the notice has none.
  if (e!.vendor !== undefined) {
    const got = x?.vendorId ?? null;
    const same = (want: string, have: string) => have === want || x?.vendor === want;
    tally(s.vendor, e!.vendor ? [e!.vendor] : [], got ? [got] : [], same, 'Hersteller', misses);
  }
  tally(s.products, e!.products.map((p) => p.id), x?.products.map((p) => p.id) ?? [], eq, 'Produkt', misses);
  const fixed = (list: { id: string; fixedVersion: string | null }[]) => list.filter((p) => p.fixedVersion).map((p) => `${p.id} ${p.fixedVersion}`);
  tally(s.fixedVersions, fixed(e!.products), fixed(x?.products ?? []), sameFix, 'Version', misses);
  tally(s.actions, e!.actions, x?.actions ?? [], (a, b) => sameAction(b, a), 'Maßnahme', misses);
  const sev = (v: string | undefined) => (v && v !== 'unbekannt' ? [v] : []);
  tally(s.severity, sev(e!.severity), sev(x?.severity), eq, 'Einstufung', misses);
}

function sameFix(a: string, b: string): boolean {
  const [ia, ...va] = a.split(' ');
  const [ib, ...vb] = b.split(' ');
  return ia === ib && sameVersion(va.join(' '), vb.join(' '));
}

/** The calendar day in Germany of an ISO timestamp. */
export function berlinDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function sum(results: CaseResult[]): Scores {
  const total = empty();
  for (const r of results) for (const f of fields) for (const k of ['tp', 'fp', 'fn'] as const) total[f][k] += r.scores[f][k];
  return total;
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}
