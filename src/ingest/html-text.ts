import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';

/** Never part of a notice: code, navigation chrome, forms and embedded media. */
const noise = 'script, style, noscript, template, iframe, svg, form, button, nav, header, footer, aside, [hidden], [aria-hidden="true"]';

const blocks = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'table', 'tr', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr', 'header',
]);

/**
 * Turns an HTML fragment into plain text: one line per paragraph, heading and list item (list items start with "• "),
 * inline whitespace folded. Markup and entities do not survive, so the text is safe to store and re-escape anywhere.
 */
export function htmlToText(html: string, { remove = [] }: { remove?: string[] } = {}): string {
  // Plain text (most feed titles and many descriptions) needs no HTML parser; a feed of 10,000 items notices.
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const $ = cheerio.load(html);
  $(noise).remove();
  for (const selector of remove) $(selector).remove();
  return nodesToText($.root().children().toArray());
}

/** The text of parsed nodes: one line per block element, list items starting with "• ", inline whitespace folded. */
export function nodesToText(roots: AnyNode[]): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    // Folds every whitespace run to one space, like /\s+/g, but leaves the single spaces alone: half the time.
    const folded = line.replace(/\s{2,}|[^\S ]/g, ' ').trim();
    if (folded && folded !== '•') lines.push(folded);
    line = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      line += node.data;
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name.toLowerCase();
    if (name === 'br') return flush();
    const isBlock = blocks.has(name);
    if (isBlock) flush();
    if (name === 'li') line = '• ';
    for (const child of node.children) walk(child);
    if (isBlock) flush();
  };
  for (const root of roots) walk(root);
  flush();
  return lines.join('\n');
}
