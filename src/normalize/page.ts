import { isBylineLine, isMenuLine, isPointerLine } from './chrome.js';
import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { parseHTML } from 'linkedom';
import { parsePublishedDate } from '../ingest/dates.js';
import { nodesToText } from '../ingest/html-text.js';
import { statedDate } from './published.js';
import { copyrightHolder, publisherOf, titleSite } from './publisher.js';

// Elements that hold the notice wherever a site uses them; without one, a main-content extractor finds it.
const semanticSelectors = ['main article', 'article', '[role="main"]', 'main'];
const fallbackSelectors = ['#content', '.content', 'body'];

// Never part of a notice, whatever the site: code, chrome, forms, sharing, contact and sales boxes.
const noiseElements = [
  'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'form', 'button', 'nav', 'header:not(article header)', 'footer', 'aside',
  '[hidden]', '[aria-hidden="true"]', '#cookie-banner',
];
const noiseClasses = [
  '.share', '.sharing', '.social', '.newsletter', '.related', '.press-contact', '.pressekontakt', '.contact', '.kontakt', '.breadcrumb',
  '.cookie', '.cookie-banner', '.comments', '.teaser', '.ad', '.advert', '.sidebar', '[class*="cookie"]', '[class*="newsletter"]',
];
// Every element is tested against every selector; most have no class attribute, and one test of it spares them the
// nineteen class selectors.
const noise = [...noiseElements, `[class]:is(${noiseClasses.join(', ')})`].join(', ');
// The same split by what a selector reads: an element alone (its name and attributes), or its place among the elements
// around it ("header:not(article header)").
const placedNoise = 'header:not(article header)';
const ownNoise = [...noiseElements.filter((s) => s !== placedNoise), `[class]:is(${noiseClasses.join(', ')})`].join(', ');
// What an element needs to match any of ownNoise: a name that is a selector of its own, the attribute [hidden] or
// [aria-hidden], the id of #cookie-banner, or a class that contains (in any case) a word of the class selectors.
const noiseNames = new Set(noiseElements.filter((s) => /^[a-z]+$/.test(s)));
const noiseClassWords = noiseClasses.map((s) => /^\.([\w-]+)$|^\[class\*="([\w-]+)"\]$/.exec(s)!).map((m) => m[1] ?? m[2]!);

// The date a page gives in its markup: <time datetime>, a custom element's datetime, article metadata.
const dateMeta = [
  'meta[property="article:published_time"]', 'meta[property="og:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="DC.date.issued"]',
  // the names other CMSs use for the same: Dublin Core in any case, publish-date, pubdate
  'meta[name="dcterms.issued" i]', 'meta[name="dc.date.issued" i]', 'meta[name="dc.date" i]', 'meta[name="dcterms.date" i]', 'meta[name="publish-date" i]', 'meta[name="pubdate" i]', 'meta[name="publication_date" i]',
];

// A field that names the severity with its value in the next element: a heading, term or label, then the rating.
const severityField =
  /<(h[2-6]|dt|th|strong|b)\b[^>]*>\s*(?:Severity|Schweregrad|Kritikalität)\s*:?\s*<\/\1>\s*<(?:p|dd|td|span|div)\b[^>]*>\s*((?:Critical|High|Medium|Moderate|Low|Kritisch|Hoch|Mittel|Niedrig)\b[^<]{0,30})</iu;

// Cleaned HTML above this size is read without Readability (see readPage).
const readableLimit = 24_000;

export type Page = { title: string; text: string; publishedAt: Date | null; publisher?: string | null };

/**
 * Reads a single article page without site-specific selectors (the `extract` command, unknown pages): one line per
 * paragraph, heading and list item ("• "), like the notices the fetcher stores. The notice is the page's article or
 * main element; a page without one is given to Readability, which tells the text from the chrome around it. The
 * title is the page's og:title or the content's <h1> before its <title>, without the site's name; the date is the
 * markup's, else the one the page states next to its title. The page is parsed with htmlparser2 (a third of the
 * time of parse5); unlike parse5 it adds no `<body>` to a fragment: then the whole document is the content.
 */
export function readPage(html: string): Page {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  // ":first" (cheerio's) stops the search at the first match, where find(…).first() would collect every match.
  let content: cheerio.Cheerio<AnyNode> = $.root();
  let semantic = false;
  for (const selector of [...semanticSelectors, ...fallbackSelectors]) {
    const found = $(`${selector}:first`);
    if (found.length > 0) {
      content = found;
      semantic = semanticSelectors.includes(selector);
      break;
    }
  }
  // The page's meta and footer elements, gathered in one walk through the document (a plain walk, cheaper than one
  // css-select search for each): each meta lookup below is then a filter of these few (the first match in document
  // order, as "meta[…]:first" gives) instead of a walk of its own, fourteen of them on a page whose content has no date.
  const named = elementsNamed($.root()[0]!, ['meta', 'footer']);
  const metas = $(named.meta);
  const meta = (selector: string) => metas.filter(selector).first().attr('content');
  const siteName = meta('meta[property="og:site_name"]')?.trim();
  // Read before the noise (the footer among it) is removed from the content.
  const publisher = publisherOf([siteName, titleSite(fold($('title:first').text())), copyrightHolder(fold($(named.footer).text()))]);
  const og = withoutSiteName(meta('meta[property="og:title"]') ?? '', siteName);
  const h1 = fold(content.find('h1:first').text()) || fold($('h1:first').text());
  // A list page's entry often heads itself with an h2: the content's first, when there is no h1 and no <title>.
  const h2 = fold(content.find('h2:first').text());
  const title = (og && !isGeneric(og, siteName) ? og : '') || h1 || withoutSiteName($('title:first').text(), siteName) || h2;
  // Only the content's own time element: those around it date other articles.
  // The first ones in document order, found by a plain walk as find('time[datetime]:first') would find them.
  const stamp =
    firstElement(content, (e) => e.name === 'time' && Object.hasOwn(e.attribs, 'datetime'))?.attribs.datetime ??
    dateMeta.map(meta).find(Boolean) ??
    firstElement(content, (e) => Object.hasOwn(e.attribs, 'datetime'))?.attribs.datetime ??
    linkedDataDate($);
  let publishedAt = parsePublishedDate(stamp ?? null);
  // Without a date in the markup: the small block that holds the headline outside the content (an entry header above
  // the article) with its date line, read before the noise around it goes.
  const headline = publishedAt ? null : $('h1:first').parent();
  const outside = headline && headline.length > 0 && !headline.is('body') && !content.is($.root()) && content.find(headline).length === 0 && !headline.is(content);
  const headBlock = outside && headline.contents().length <= 20 ? nodesToText(headline.toArray()) : '';

  // An advisory's severity in a field of its own beside the text ("<h3>Severity</h3><p>Critical 9.3 / 10</p>" in a
  // sidebar), read before the sidebar goes as noise.
  const rated = /everity|chweregrad|ritikalität/u.test(html) ? severityField.exec(html) : null;

  let text: string;
  let byline: string | null = null;
  const page = content.is($.root()) || content.is('body') ? null : $('body:first');
  if (!semantic && $('p:first').length > 0) {
    // Readability costs about half a millisecond per KB: it reads the page without its noise, and only pages small
    // enough to stay within the budget of 20 ms per 100 KB; a larger page keeps the plain reading.
    removeNoise($, content);
    const rest = $.html(content);
    const read = rest.length <= readableLimit ? readable(`<html><body>${rest}</body></html>`) : null;
    text = read?.text ?? cleaned($, content);
    byline = read?.byline ?? null;
  } else {
    text = cleaned($, content);
  }
  if (!publishedAt) {
    // Bylines, date lines and tickers next to the title may sit outside the content, in the page around it.
    const around = page && page.length > 0 ? cleaned($, page) : text;
    const lines = around.split('\n');
    const at = title ? lines.findIndex((l) => l.includes(title)) : -1;
    publishedAt =
      (byline ? statedDate([byline], { tail: false }) : null) ??
      (at >= 0 ? statedDate(lines.slice(Math.max(0, at - 3)), { tail: around === text }) : null) ??
      (at >= 0 && around === text ? null : statedDate(text.split('\n'))) ??
      (headBlock ? statedDate(headBlock.split('\n'), { tail: false }) : null);
  }
  // Menus and selectors inside the content ("CGM ALBIS · CGM M1 PRO · CGM MEDISTAR" under "Bitte wählen Sie …") name
  // products the notice is not about; the text copies lose them the same way (chrome.ts), and so do pointers to other
  // pages ("Lesen Sie auch: …", "Passende Produkte: …").
  const lines = text.split('\n').filter((line) => !isMenuLine(line) && !isPointerLine(line) && !isBylineLine(line));
  if (rated && !lines.some((line) => /(?:severity|schweregrad)\s*:/iu.test(line))) lines.push(`Severity: ${rated[2]!.trim()}`);
  return { title, text: lines.join('\n'), publishedAt, publisher };
}

/** "datePublished" of the page's schema.org data (JSON-LD), which many CMSs write instead of meta tags. */
function linkedDataDate($: cheerio.CheerioAPI): string | undefined {
  for (const script of $('script[type="application/ld+json"]').toArray()) {
    const m = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec($(script).text());
    if (m) return m[1];
  }
  return undefined;
}

function cleaned($: cheerio.CheerioAPI, content: cheerio.Cheerio<AnyNode>): string {
  removeNoise($, content);
  const nodes = content.is($.root()) ? content.contents() : content;
  return nodesToText(nodes.toArray());
}

/**
 * Removes what `content.find(noise)` finds, without having css-select test every element of the page against every
 * noise selector (the most costly step of reading a long page): one walk gathers the elements that may match at all,
 * and only those whose match depends on an attribute's value are tested; a noise element's name or the attribute
 * [hidden] is match enough.
 */
function removeNoise($: cheerio.CheerioAPI, content: cheerio.Cheerio<AnyNode>): void {
  const noisy: Element[] = [];
  const candidates: Element[] = [];
  const headers: Element[] = [];
  for (const scope of content.toArray()) {
    const walk = (node: AnyNode) => {
      if (!('children' in node)) return;
      for (const child of node.children) {
        if (!isElement(child)) continue;
        if (noiseNames.has(child.name) || Object.hasOwn(child.attribs, 'hidden')) noisy.push(child);
        else if (mayBeNoise(child)) candidates.push(child);
        if (child.name === 'header' && !inArticle(child, scope)) headers.push(child);
        walk(child);
      }
    };
    walk(scope);
  }
  $(noisy).remove();
  $(candidates).filter(ownNoise).remove();
  $(headers).remove();
}

/** The document's elements of each name, in document order, as `$(name)` finds them. */
function elementsNamed<N extends string>(root: AnyNode, names: N[]): Record<N, Element[]> {
  const found = Object.fromEntries(names.map((n) => [n, [] as Element[]])) as Record<N, Element[]>;
  const walk = (node: AnyNode) => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (Object.hasOwn(found, child.name)) found[child.name as N].push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** The first element inside the selection, in document order, that passes `test` (the selection's own not counted). */
function firstElement(selection: cheerio.Cheerio<AnyNode>, test: (element: Element) => boolean): Element | undefined {
  const walk = (node: AnyNode): Element | undefined => {
    if (!('children' in node)) return undefined;
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (test(child)) return child;
      const found = walk(child);
      if (found) return found;
    }
    return undefined;
  };
  for (const node of selection.toArray()) {
    const found = walk(node);
    if (found) return found;
  }
  return undefined;
}

/** An element as css-select counts them: a tag, a script or a style element. */
function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Whether an element of no noise name may match one of ownNoise by its attributes: a superset of such matches. */
function mayBeNoise(element: Element): boolean {
  const { attribs } = element;
  if (Object.hasOwn(attribs, 'aria-hidden')) return true;
  if (attribs.id !== undefined && attribs.id.toLowerCase().includes('cookie-banner')) return true;
  if (attribs.class === undefined) return false;
  const classes = attribs.class.toLowerCase();
  return noiseClassWords.some((w) => classes.includes(w));
}

/**
 * "article header" as css-select reads it inside `:not()` within the content (placedNoise): the content is its
 * `:scope`, so an article counts when it is the content or lies within it, not when it lies around the content.
 */
function inArticle(header: Element, scope: AnyNode): boolean {
  for (let node = header.parent; node; node = node.parent) {
    if (isElement(node) && node.name === 'article') return true;
    if (node === scope) return false;
  }
  return false;
}

/** The main text of a page without semantic containers, as Readability finds it, or null when it finds none. */
function readable(html: string): { text: string; byline: string | null } | null {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!article?.content) return null;
  const $ = cheerio.load(article.content, { xml: { xmlMode: false, decodeEntities: true } });
  $(noise).remove();
  const text = nodesToText($.root().contents().toArray());
  // Readability takes a line marked as byline, author or dateline out of the content and hands it back apart:
  // "Flintbek — 16 / 06 / 2022", "Von Dirk Knop, 12.03.2024".
  const byline = article.byline ? fold(article.byline) : '';
  return text.length >= 200 ? { text, byline: byline.length > 0 && byline.length <= 100 ? byline : null } : null;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

// withoutSiteName's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const withoutSiteNamePattern1 = /^[\p{Lu}\d]/u;

/** "Schützen Sie Ihr Praxis-Computersystem | KV Hessen" → "Schützen Sie Ihr Praxis-Computersystem". */
function withoutSiteName(raw: string, siteName: string | undefined): string {
  const title = fold(raw);
  if (siteName && title.endsWith(siteName)) {
    const cut = title.slice(0, -siteName.length).replace(/\s*[|·–—-]\s*$/, '');
    if (cut) return cut;
  }
  // After "|" or "·" comes the site; after a dash only a name ("- Doc Cirrus"), not the rest of a headline.
  const m = /^(.{8,}?)\s+([|·–—-])\s+([^|·–—]{2,50})$/.exec(title);
  if (!m) return title;
  const site = m[3]!.split(/\s+/);
  return /[|·]/.test(m[2]!) || (site.length <= 4 && site.every((w) => withoutSiteNamePattern1.test(w))) ? m[1]! : title;
}

function isGeneric(title: string, siteName: string | undefined): boolean {
  return title === siteName || title.split(/\s+/).length < 2;
}
