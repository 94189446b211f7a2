// `npm run quality`: extraction quality on the labelled corpus (test/fixtures/corpus), per case and in total.
import { readFileSync } from 'node:fs';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { compileCatalog } from '../src/normalize/products.js';
import { fields, loadCorpus, precision, recall, scoreCase, sum, type Counts } from '../src/normalize/quality.js';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync(process.env.CATALOG_FILE ?? 'config/catalog.json', 'utf8'))));
const dirArg = process.argv.indexOf('--dir');
const corpus = loadCorpus(dirArg === -1 ? 'test/fixtures/corpus' : process.argv[dirArg + 1]!);
const results = [];
const pct = (n: number) => `${(n * 100).toFixed(0).padStart(3)}%`;
const cell = (c: Counts) => (c.tp + c.fp + c.fn === 0 ? '    –    ' : `${pct(precision(c))}/${pct(recall(c))}`);

console.log(`${'Fall'.padEnd(38)} ${fields.map((f) => f.padEnd(9)).join(' ')}`);
for (const c of corpus) {
  const r = await scoreCase(matcher, c);
  results.push(r);
  console.log(`${c.name.padEnd(38)} ${fields.map((f) => cell(r.scores[f])).join(' ')}`);
  if (verbose) for (const m of r.misses) console.log(`    ${m}`);
}
const total = sum(results);
console.log(`\n${corpus.length} Fälle, ${corpus.reduce((n, c) => n + c.expected.length, 0)} Meldungen. Präzision / Trefferquote:`);
for (const f of fields) console.log(`  ${f.padEnd(14)} P ${pct(precision(total[f]))}  R ${pct(recall(total[f]))}  (tp ${total[f].tp}, fp ${total[f].fp}, fn ${total[f].fn})`);
