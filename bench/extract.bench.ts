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

// The real notices' pages (the visible split; the blind one is never read outside `npm run quality`).
const realDir = 'test/fixtures/real/visible';
const realPages = readdirSync(realDir).filter((f) => f.endsWith('.html')).sort().map((f) => readFileSync(join(realDir, f), 'utf8'));

/**
 * A long news page: site chrome around many article paragraphs, as a portal's archive or a long FAQ looks. From the
 * corpus pages it repeats each about four times, so a sentence read once per notice is cheap when it comes round
 * again; from the real notices' pages (`distinct`) no sentence repeats, which is the harder and more common case.
 */
function bigPage(sources = pages, { repeat = true } = {}): string {
  const bodies = sources.map((p) => cheerio.load(p)('main, body').first().html() ?? '');
  const chrome = '<header><nav>' + Array.from({ length: 40 }, (_, i) => `<a href="/r/${i}">Rubrik ${i}</a>`).join(' ') + '</nav></header>';
  let main = '';
  for (let i = 0; Buffer.byteLength(main) < 95_000 && (repeat || i < bodies.length); i++) main += `<section class="entry-${i}">${bodies[i % bodies.length]}</section>\n`;
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
    const distinct = bigPage(realPages, { repeat: false });
    const distinctExtract = await time(() => cold(distinct));
    const distinctLoad = await time(() => cheerio.load(distinct));
    const distinctKb = Buffer.byteLength(distinct) / 1024;
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
        // The same kind of page made of distinct real notices: ms for it, per 100 KB, and beside its cheerio load.
        distinctKb: Math.round(distinctKb),
        distinctMs: round(distinctExtract),
        distinctMsPer100Kb: round((distinctExtract * 100) / distinctKb),
        distinctCheerioMs: round(distinctLoad),
        distinctRatio: round(distinctExtract / distinctLoad),
      },
    };
  },
};
export default benchmark;
