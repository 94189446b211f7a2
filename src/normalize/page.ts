import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { parsePublishedDate } from '../ingest/dates.js';
import { nodesToText } from '../ingest/html-text.js';

// Without a source's selectors: the first of these that exists holds the notice.
const contentSelectors = ['main article', 'article', '[role="main"]', 'main', '#content', '.content', 'body'];

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

export type Page = { title: string; text: string; publishedAt: Date | null };

/**
 * Reads a single article page without site-specific selectors (the `extract` command, unknown pages): one line per
 * paragraph, heading and list item ("• "), like the notices the fetcher stores. The page is parsed once, with
 * htmlparser2 (a third of the time of cheerio's default parse5 here, the same text on every fixture page). Unlike
 * parse5 it adds no `<body>` to a fragment: then the whole document is the content, without its head and title.
 */
export function readPage(html: string): Page {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  // ":first" (cheerio's) stops the search at the first match, where find(…).first() would collect every match.
  let content: cheerio.Cheerio<AnyNode> = $.root();
  for (const selector of contentSelectors) {
    const found = $(`${selector}:first`);
    if (found.length > 0) {
      content = found;
      break;
    }
  }
  const h1 = content.find('h1:first').text() || $('h1:first').text();
  const title = (h1 || $('title:first').text()).replace(/\s+/g, ' ').trim();
  const time = content.find('time[datetime]:first').attr('datetime') ?? $('meta[property="article:published_time"]:first').attr('content');
  content.find(noise).remove();
  const nodes = content.is($.root()) ? content.contents() : content;
  return { title, text: nodesToText(nodes.toArray()), publishedAt: parsePublishedDate(time ?? null) };
}
