import { parseFeed } from '../ingest/parse-feed.js';
import type { Extraction } from './extract.js';
import { detectFormat, type DocumentFormat } from './format.js';
import { normalizeNotice } from './notice.js';
import { readPage } from './page.js';
import type { Matcher } from './products.js';

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
    case 'text': {
      const [first = '', ...rest] = content.replace(/\r\n?/g, '\n').split('\n');
      return [normalizeNotice(matcher, { title: first.trim(), text: plainText(rest.join('\n')), publishedAt: null })];
    }
  }
}

/** Plain text as the notices store it: list markers become "• ", blank lines and wrapped lines fold. */
export function plainText(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      lines.push('');
      continue;
    }
    const bullet = /^(?:[-*•–·]|\d{1,2}[.)])\s+(.*)$/.exec(line);
    if (bullet) lines.push(`• ${bullet[1]}`);
    else if (lines.length > 0 && lines[lines.length - 1] !== '' && !/[.!?:]$/.test(lines[lines.length - 1]!)) lines[lines.length - 1] += ` ${line}`;
    else lines.push(line);
  }
  return lines.filter((l) => l !== '').join('\n');
}
