import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from './document.js';
import type { Extraction } from './extract.js';
import type { Matcher } from './products.js';
import { sameVersion } from './versions.js';

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
  const left = [...got];
  for (const e of expected) {
    const i = left.findIndex((g) => same(e, g));
    if (i === -1) {
      s.fn++;
      misses.push(`${label} fehlt: ${e}`);
    } else {
      s.tp++;
      left.splice(i, 1);
    }
  }
  s.fp += left.length;
  for (const g of left) misses.push(`${label} zu viel: ${g}`);
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

const stop = new Set(
  'der die das den dem des ein eine einer einen eines einem und oder zu zum zur im in am an auf für mit von vom bei sich sie ihre ihren ihrer ihres ihr ihrem ihnen sie alle aller allen nicht noch auch wie wenn ob dass sind ist the a an to of and or for on in at if be is are all your their by with'.split(' '),
);

/** Content words, lower-cased, with common German and English endings cut so that inflections meet. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 2 && !stop.has(w))
    .map((w) => (w.length > 5 ? w.replace(/(?:en|er|es|em|e|n|s)$/u, '') : w));
}

/** An extracted action matches an expected one when it holds most (60 %) of the expected one's content words. */
export function covers(extracted: string, expected: string): boolean {
  const got = new Set(contentWords(extracted));
  const want = [...new Set(contentWords(expected))];
  if (want.length === 0) return false;
  return want.filter((w) => got.has(w)).length / want.length >= 0.6;
}

/**
 * An extracted action is the expected one when it holds most of the expected one's content words, or when it is the
 * same instruction said more briefly: most (60 %) of its own content words, at least two, are in the expected one
 * ("Den Authenticator auf Version 4.2.1 aktualisieren" for "gematik Authenticator umgehend auf Version 4.2.1
 * aktualisieren (per Auto-Update oder Download)"). One-way coverage alone counted such a hit as a miss and a false
 * action at once.
 */
export function sameAction(extracted: string, expected: string): boolean {
  if (covers(extracted, expected)) return true;
  const want = new Set(contentWords(expected));
  const got = [...new Set(contentWords(extracted))];
  const shared = got.filter((w) => want.has(w)).length;
  return shared >= 2 && shared / got.length >= 0.6;
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
