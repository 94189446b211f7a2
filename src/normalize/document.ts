import { parseFeed } from '../ingest/parse-feed.js';
import { stripChrome } from './chrome.js';
import type { Extraction, NoticeInput } from './extract.js';
import { detectFormat, type DocumentFormat } from './format.js';
import { normalizeNotice } from './notice.js';
import { readPage } from './page.js';
import type { Matcher } from './products.js';
import { isDateLine, pageStamp, statedDate } from './published.js';
import { copyrightHolder, publisherOf } from './publisher.js';

/** Normalizes one document as `praxiswarn extract` reads it: one advisory per feed item, one for a page, text or CSAF file. */
export async function extractDocument(
  matcher: Matcher,
  content: string,
  { format = 'auto', url = 'https://extract.invalid/' }: { format?: DocumentFormat; url?: string } = {},
): Promise<Extraction[]> {
  const kind = format === 'auto' ? detectFormat(content) : format;
  switch (kind) {
    case 'rss':
    case 'atom': {
      const { items } = await parseFeed(content, url);
      return items.map((item) => normalizeNotice(matcher, { title: item.title, text: item.text, publishedAt: item.publishedAt }));
    }
    case 'html': {
      const page = readPage(content);
      return [normalizeNotice(matcher, page)];
    }
    case 'csaf':
      return [normalizeNotice(matcher, { title: '', text: content, publishedAt: null })];
    case 'text':
      return [normalizeNotice(matcher, readText(content))];
  }
}

/**
 * A text copied from a web page: the date it states (read before the chrome around it goes, since bylines and date
 * lines carry it), its headline rather than its first line, and its body without navigation, banners and footers.
 */
export function readText(content: string): NoticeInput {
  const all = content.replace(/\r\n?/g, '\n').split('\n');
  const raw = all.filter((l) => l.trim() !== '');
  const { title, lines, titleAt, end } = stripChrome(raw, isDateLine);
  // The date stands next to the title; tickers above it and related articles below the notice date other pages.
  // A line that says it is the publication date ("Veröffentlichungsdatum 20.07.2017") may stand further above a title
  // that follows a kicker and a field list; so may a magazine's issue line ("zm115 Nr. 19, 01.10.2025, (1600)") above
  // the rubric and the kicker.
  const cued = raw.slice(Math.max(0, titleAt - 8), Math.max(0, titleAt - 3)).filter((l) => /Veröffentlich|Erschienen|Publiziert|Published|Posted|(?<!\p{L})Nr\.\s*\d+(?:-\d+)?\s*[,/]/iu.test(l));
  const publishedAt = statedDate(raw.slice(Math.max(0, titleAt - 3), end)) ?? statedDate(cued, { tail: false }) ?? pageStamp(raw.slice(end));
  // The site's name on the first line above the title, and the copyright line at the foot.
  const publisher = publisherOf([titleAt > 0 && raw[0]!.length <= 60 ? raw[0] : null, copyrightHolder(raw.slice(end).join('\n'))]);
  return { title: withoutLeadingDate(title), text: plainText(lines.map(withoutLeadingDate).join('\n'), headings(all)), publishedAt, publisher };
}

/**
 * Lines that stand alone before a blank line without ending a sentence: headings ("Workaround", "Schritt 1 –
 * Konfiguration prüfen"). Folded into the paragraph below them, they would hide its first instruction.
 */
function headings(all: string[]): Set<string> {
  const found = new Set<string>();
  all.forEach((line, i) => {
    const t = withoutLeadingDate(line.trim());
    if (t && (all[i + 1] ?? '').trim() === '' && !/[.!?:;,]$/.test(t) && t.split(/\s+/).length <= 12) found.add(t);
  });
  return found;
}

// withoutLeadingDate's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const withoutLeadingDatePattern1 = /^\d{1,2}\.\s?(?:\d{1,2}\.|\s*\p{L}+)\s*(?:19|20)\d{2}\s+[-–—]\s+(?=\S)/u;

/** "16.12.2021 - Eine jüngst …" → "Eine jüngst …": the date went to `published`. */
function withoutLeadingDate(line: string): string {
  return line.replace(withoutLeadingDatePattern1, '');
}

// isHeading's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const isHeadingPattern1 = /^[„"»]?\p{Lu}/u;

/**
 * A line that heads the next rather than being wrapped into it: one that stood before a blank line, or a short one
 * ("Schritt 1 – Konfiguration prüfen") before a line that starts a sentence (a wrapped line fills its width). It stays
 * with its paragraph, as a label does ("Betroffene Versionen: Sophos Firewall v19.0 …"), but behind a colon, so that
 * an instruction after it starts a sentence of its own ("Workaround: Trennen Sie …").
 */
function isHeading(previous: string, line: string, headings: ReadonlySet<string>): boolean {
  return headings.has(previous) || (previous.length < 60 && previous.split(/\s+/).length <= 8 && isHeadingPattern1.test(line));
}

// plainText's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const plainTextPattern1 = /^\p{Lu}/u;

/** Plain text as the notices store it: list markers become "• ", blank lines and wrapped lines fold. */
export function plainText(text: string, headings: ReadonlySet<string> = new Set()): string {
  const lines: string[] = [];
  // The input line that ended the last output line: headings are told by their own shape, not by what they joined.
  let previous = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      lines.push('');
      continue;
    }
    // "- …", "• …", "1. …", "1) …", "1.) …", "(1) …", "a) …": a list item.
    const bullet = /^(?:[-*•–·]|\d{1,2}(?:\.\)|[.)])|\(\d{1,2}\)|[a-z]\))\s+(.*)$/.exec(line);
    if (bullet) lines.push(`• ${bullet[1]}`);
    // A list item without its full stop is not continued by a line that starts a sentence or heading of its own. A
    // sentence ended inside a quotation or bracket („… informieren.“) is ended too.
    else if (lines.length > 0 && lines[lines.length - 1] !== '' && !/[.!?:][“”"»«')]*$/u.test(lines[lines.length - 1]!) && !(lines[lines.length - 1]!.startsWith('• ') && plainTextPattern1.test(line)))
      lines[lines.length - 1] += `${isHeading(previous, line, headings) ? ':' : ''} ${line}`;
    else lines.push(line);
    previous = line;
  }
  return lines.filter((l) => l !== '').join('\n');
}
