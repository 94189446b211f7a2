// `npm run bench -- extract`: extraction of the corpus pages and of a ~100 KB page, beside cheerio's bare load() of
// the same pages in the same run (parse5, cheerio's default; also htmlparser2's, the parser the page reader uses).
// Not a test: timings vary with the machine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { catalogSchema } from '../src/catalog/catalog.models.js';
import { extractDocument } from '../src/normalize/document.js';
import { compileCatalog } from '../src/normalize/products.js';
import type { Benchmark } from './support/bench.models.js';

const dir = 'test/fixtures/corpus';
const matcher = compileCatalog(catalogSchema.parse(JSON.parse(readFileSync('config/catalog.json', 'utf8'))));
const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(dir, f), 'utf8'));

/** A long news page: site chrome around many article paragraphs, as a portal's archive or a long FAQ looks. */
function bigPage(): string {
  const bodies = pages.map((p) => cheerio.load(p)('main, body').first().html() ?? '');
  const chrome = '<header><nav>' + Array.from({ length: 40 }, (_, i) => `<a href="/r/${i}">Rubrik ${i}</a>`).join(' ') + '</nav></header>';
  let main = '';
  for (let i = 0; Buffer.byteLength(main) < 95_000; i++) main += `<section class="entry-${i}">${bodies[i % bodies.length]}</section>\n`;
  return `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Archiv</title></head><body>${chrome}<main><article><h1>Meldungsarchiv</h1>${main}</article></main><footer>Impressum · Datenschutz</footer></body></html>`;
}

async function time(run: () => unknown | Promise<unknown>, minMs = 1500): Promise<number> {
  for (let i = 0; i < 3; i++) await run(); // warm-up: JIT and regex compilation
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs || n < 5) {
    await run();
    n++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return elapsed / n;
}

const benchmark: Benchmark = {
  description: 'extraction of a ~100 KB news page (ms) beside cheerio.load of the same page',
  async run() {
    const big = bigPage();
    // The sentence cache would make every repeat of the same page nearly free; each run starts cold.
    const cold = (page: string) => {
      matcher.cache.clear();
      return extractDocument(matcher, page, { format: 'html' });
    };
    const corpusExtract = await time(async () => {
      for (const p of pages) await cold(p);
    });
    const corpusLoad = await time(() => {
      for (const p of pages) cheerio.load(p);
    });
    const bigExtract = await time(() => cold(big));
    const bigLoad = await time(() => cheerio.load(big));
    // The page reader parses with htmlparser2 (see src/normalize/page.ts): its bare load of the same page as well.
    const bigLoadHtmlparser2 = await time(() => cheerio.load(big, { xml: { xmlMode: false, decodeEntities: true } }));
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      value: round(bigExtract),
      unit: `ms per ${Math.round(Buffer.byteLength(big) / 1024)} KB page`,
      baseline: round(bigLoad),
      goal: '< 20 ms per 100 KB page, ratio < 4',
      extra: {
        corpusPages: pages.length,
        corpusMsPerPage: round(corpusExtract / pages.length),
        corpusCheerioMsPerPage: round(corpusLoad / pages.length),
        corpusRatio: round(corpusExtract / corpusLoad),
        htmlparser2LoadMs: round(bigLoadHtmlparser2),
        ratioHtmlparser2: round(bigExtract / bigLoadHtmlparser2),
      },
    };
  },
};
export default benchmark;
