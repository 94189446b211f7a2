import * as cheerio from 'cheerio';
import { parsePublishedDate } from '../ingest/dates.js';
import { htmlToText } from '../ingest/html-text.js';

// Without a source's selectors: the first of these that exists holds the notice.
const contentSelectors = ['main article', 'article', '[role="main"]', 'main', '#content', '.content', 'body'];

// Parts of a page that are never the notice, whatever the site: chrome, sharing, contact and sales boxes.
const boilerplate = [
  '.share', '.sharing', '.social', '.newsletter', '.related', '.press-contact', '.pressekontakt', '.contact', '.kontakt',
  '.breadcrumb', '.cookie', '.cookie-banner', '#cookie-banner', '.comments', '.teaser', '.ad', '.advert', '.sidebar',
  '[class*="cookie"]', '[class*="newsletter"]',
];

export type Page = { title: string; text: string; publishedAt: Date | null };

/** Reads a single article page without site-specific selectors (the `extract` command, unknown pages). */
export function readPage(html: string): Page {
  const $ = cheerio.load(html);
  const content = contentSelectors.map((s) => $(s).first()).find((node) => node.length > 0)!;
  const h1 = content.find('h1').first().text() || $('h1').first().text();
  const title = (h1 || $('title').first().text()).replace(/\s+/g, ' ').trim();
  const time = content.find('time[datetime]').first().attr('datetime') ?? $('meta[property="article:published_time"]').attr('content');
  const text = htmlToText($.html(content), { remove: boilerplate });
  return { title, text, publishedAt: parsePublishedDate(time ?? null) };
}
