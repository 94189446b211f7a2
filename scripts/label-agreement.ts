// The agreement study on actions (test/fixtures/real/second-labels/README.md, docs/extraction.md "Two labellers").
// `--sample` prints the sample by its rule. Without it: scores the second labels against the first ones with the
// quality score's action match (`sameAction`, maximum pairing), and the extractor against each, on the same sample;
// then lists every disagreement between the two labellers with its class (second-labels/disagreements.json).
// `-v` also lists the extractor's misses against each.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { compileCatalog } from '../src/normalize/products.js';
import { loadCorpus, pairs, precision, recall, sameAction, scoreCase, type Counts } from '../src/normalize/quality.js';

const visibleDir = 'test/fixtures/real/visible';
const secondDir = 'test/fixtures/real/second-labels';

/** The sample rule: SHA-256 order, one relevant advisory with actions, at most 2 per publisher, first 40. */
export function sample(dir = visibleDir, size = 40, perPublisher = 2): string[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.slice(0, -'.expected.json'.length));
  const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  names.sort((a, b) => (sha(a) < sha(b) ? -1 : sha(a) > sha(b) ? 1 : 0));
  const taken: string[] = [];
  const perPub = new Map<string, number>();
  for (const name of names) {
    if (taken.length >= size) break;
    const advisories = (JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as { advisories: { relevant: boolean; actions: unknown[] }[] }).advisories;
    if (advisories.length !== 1 || !advisories[0]!.relevant || advisories[0]!.actions.length === 0) continue;
    const pub = name.split('-')[0]!;
    if ((perPub.get(pub) ?? 0) >= perPublisher) continue;
    perPub.set(pub, (perPub.get(pub) ?? 0) + 1);
    taken.push(name);
  }
  return taken;
}

/** Expected items paired with found ones as the quality score pairs actions (`pairs`, `sameAction(found, expected)`). */
export function pairActions(expected: string[], found: string[]): { counts: Counts; missed: string[]; extra: string[] } {
  const pairedWith = pairs(expected, found, (e, g) => sameAction(g, e));
  const paired = new Set(pairedWith.filter((j) => j !== -1));
  const tp = paired.size;
  return {
    counts: { tp, fp: found.length - tp, fn: expected.length - tp },
    missed: expected.filter((_, i) => pairedWith[i] === -1),
    extra: found.filter((_, j) => !paired.has(j)),
  };
}

type Second = { case: string; actions: string[]; notes: string };
export type Disagreement = { case: string; side: 'first' | 'second'; action: string; class: string; note?: string };
export const classes = ['split/joined', 'other words', 'implied advice', 'scope', 'missed', 'other'] as const;

const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const pct = (n: number) => `${(n * 100).toFixed(0)}`;
const f1 = (c: Counts) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
const row = (name: string, c: Counts) =>
  `| ${name} | ${pct(precision(c))} | ${pct(recall(c))} | ${pct(f1(c))} | ${c.tp} | ${c.fp} | ${c.fn} |`;

async function main() {
  const names = sample();
  const verbose = process.argv.includes('-v');
  const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
  const corpus = new Map(loadCorpus(visibleDir).map((c) => [c.name, c]));
  const classified: Disagreement[] = existsSync(join(secondDir, 'disagreements.json'))
    ? (JSON.parse(readFileSync(join(secondDir, 'disagreements.json'), 'utf8')) as Disagreement[])
    : [];
  let secondVsFirst = zero();
  let firstVsSecond = zero();
  let extractorVsFirst = zero();
  let extractorVsSecond = zero();
  let casesAgreeing = 0;
  const open: Disagreement[] = [];
  const listed: Disagreement[] = [];
  for (const name of names) {
    const c = corpus.get(name);
    if (!c) throw new Error(`${name}: kein sichtbarer Fall`);
    const second = JSON.parse(readFileSync(join(secondDir, `${name}.json`), 'utf8')) as Second;
    const first = c.expected[0]!.actions;
    const r = await scoreCase(matcher, c);
    const extracted = r.extracted[0]?.relevant ? (r.extracted[0]?.actions ?? []) : [];
    const a = pairActions(first, second.actions);
    const b = pairActions(second.actions, first);
    const x1 = pairActions(first, extracted);
    const x2 = pairActions(second.actions, extracted);
    // The pairing here must be the quality score's: the same counts for the extractor against the first labels.
    const q = r.scores.actions;
    if (q.tp !== x1.counts.tp || q.fp !== x1.counts.fp || q.fn !== x1.counts.fn) throw new Error(`${name}: Paarung weicht von scoreCase ab`);
    secondVsFirst = add(secondVsFirst, a.counts);
    firstVsSecond = add(firstVsSecond, b.counts);
    extractorVsFirst = add(extractorVsFirst, x1.counts);
    extractorVsSecond = add(extractorVsSecond, x2.counts);
    if (a.counts.fp === 0 && a.counts.fn === 0) casesAgreeing++;
    const own = (side: 'first' | 'second', action: string) =>
      classified.find((d) => d.case === name && d.side === side && d.action === action) ?? { case: name, side, action, class: '?' };
    for (const m of a.missed) listed.push(own('first', m));
    for (const m of a.extra) listed.push(own('second', m));
    if (verbose) {
      console.log(`\n${name}`);
      for (const m of x1.missed) console.log(`  Extraktor verfehlt (1. Labels): ${m}`);
      for (const m of x2.missed) console.log(`  Extraktor verfehlt (2. Labels): ${m}`);
      for (const m of x1.extra) console.log(`  Extraktor zu viel (1. Labels): ${m}`);
    }
  }
  for (const d of listed) if (d.class === '?') open.push(d);

  console.log(`Stichprobe: ${names.length} sichtbare Fälle (Regel: ${secondDir}/README.md)\n`);
  console.log('| compared (found against labels) | P | R | F1 | tp | fp | fn |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(row('second labels against first labels', secondVsFirst));
  console.log(row('first labels against second labels', firstVsSecond));
  console.log(row('extractor against first labels', extractorVsFirst));
  console.log(row('extractor against second labels', extractorVsSecond));
  console.log(`\nFälle, in denen beide Labellisten ganz übereinstimmen: ${casesAgreeing} von ${names.length}`);
  // Read by hand: a pair of "other words" disagreements in one case is one step both labelled that the score misses.
  let sameByReading = 0;
  for (const name of names) {
    const ow = (side: string) => listed.filter((d) => d.case === name && d.side === side && d.class === 'other words').length;
    sameByReading += Math.min(ow('first'), ow('second'));
  }
  const read = { tp: secondVsFirst.tp + sameByReading, fp: secondVsFirst.fp - sameByReading, fn: secondVsFirst.fn - sameByReading };
  console.log(`Zweite gegen erste Labels, wenn die ${sameByReading} Paare "other words" als gleich gelesen werden:`);
  console.log(row('second against first, by reading', read));

  console.log('\nUneinigkeiten zwischen den Labellern (first = nur im ersten Label, second = nur im zweiten):');
  const byClass = new Map<string, number>();
  for (const d of listed) byClass.set(d.class, (byClass.get(d.class) ?? 0) + 1);
  for (const k of [...classes, '?']) if (byClass.has(k)) console.log(`  ${k.padEnd(15)} ${byClass.get(k)}`);
  let last = '';
  for (const d of listed) {
    if (d.case !== last) console.log(`\n  ${(last = d.case)}`);
    console.log(`    [${d.class}] ${d.side}: ${d.action}${d.note ? `  (${d.note})` : ''}`);
  }
  if (open.length) console.log(`\n${open.length} Uneinigkeiten ohne Klasse.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (process.argv.includes('--sample')) for (const n of sample()) console.log(n);
  else await main();
}
