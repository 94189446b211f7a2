// `npm run quality`: extraction quality, per field, on the rule corpus (test/fixtures/corpus, written alongside the
// rules) and on the real-notice corpus (test/fixtures/real), whose blind third is shown only in totals.
// `--dir DIR` scores one folder case by case; `-v` lists every miss of the cases shown; `--no-blind` leaves the
// blind third out altogether, for working on rules without printing its totals after every change; `--totals` with
// `--dir` prints only the folder's totals (for a fresh batch's blind part, scored once).
import { existsSync, readFileSync } from 'node:fs';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { compileCatalog } from '../src/normalize/products.js';
import { fields, loadCorpus, precision, recall, scoreCase, sum, type CaseResult, type Counts, type Field } from '../src/normalize/quality.js';

const withBlind = !process.argv.includes('--no-blind');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync(process.env.CATALOG_FILE ?? 'config/catalog.json', 'utf8'))));
const pct = (n: number) => `${(n * 100).toFixed(0).padStart(3)}%`;
const cell = (c: Counts) => (c.tp + c.fp + c.fn === 0 ? '    –    ' : `${pct(precision(c))}/${pct(recall(c))}`);

async function score(dir: string, { cases }: { cases: boolean }): Promise<Record<Field, Counts>> {
  const corpus = loadCorpus(dir);
  const results: CaseResult[] = [];
  if (cases) console.log(`${'Fall'.padEnd(42)} ${fields.map((f) => f.padEnd(9)).join(' ')}`);
  for (const c of corpus) {
    const r = await scoreCase(matcher, c);
    results.push(r);
    if (!cases) continue;
    console.log(`${c.name.slice(0, 42).padEnd(42)} ${fields.map((f) => cell(r.scores[f])).join(' ')}`);
    if (verbose) for (const m of r.misses) console.log(`    ${m}`);
  }
  const total = sum(results);
  console.log(`\n${dir}: ${corpus.length} Fälle, ${corpus.reduce((n, c) => n + c.expected.length, 0)} Meldungen. Präzision / Trefferquote:`);
  for (const f of fields) console.log(`  ${f.padEnd(14)} P ${pct(precision(total[f]))}  R ${pct(recall(total[f]))}  (tp ${total[f].tp}, fp ${total[f].fp}, fn ${total[f].fn})`);
  return total;
}

const dirArg = process.argv.indexOf('--dir');
if (dirArg !== -1) {
  await score(process.argv[dirArg + 1]!, { cases: !process.argv.includes('--totals') });
} else {
  console.log('== Regelkorpus (mit den Regeln geschrieben)');
  await score('test/fixtures/corpus', { cases: false });
  if (existsSync('test/fixtures/real/visible')) {
    console.log('\n== Echte Meldungen, sichtbarer Teil');
    const visible = await score('test/fixtures/real/visible', { cases: true });
    if (withBlind) {
      console.log('\n== Echte Meldungen, blinder Teil (nur Summen)');
      const blind = await score('test/fixtures/real/blind', { cases: false });
      console.log('\nAbstand sichtbar − blind, Trefferquote (Präzision) in Prozentpunkten:');
      for (const f of fields) {
        const d = (a: number, b: number) => `${((a - b) * 100).toFixed(0).padStart(4)}`;
        console.log(`  ${f.padEnd(14)} ${d(recall(visible[f]), recall(blind[f]))} (${d(precision(visible[f]), precision(blind[f])).trim()})`);
      }
    }
  }
}
