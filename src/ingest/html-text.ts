import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

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
  // The header cells of the table being read, for rows that repeat them ("Patch availability: ZLD V5.36").
  let headers: string[] | null = null;
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      line += node.data;
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name.toLowerCase();
    if (name === 'br') return flush();
    if (name === 'table') headers = null;
    if (name === 'tr') {
      const row = tableRow(node, headers, (h) => (headers = h));
      // A layout table holds whole paragraphs in its cells; those are read as blocks, as before.
      if (row !== null) {
        flush();
        line = row;
        return flush();
      }
    }
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

/**
 * One line per table row, its cells apart: "Stand: 11.12.2021" for a label and its value, "Affected version: V5.35 |
 * Patch availability: V5.36" under a header row, else "a | b | c". Run together, the cells would read "Stand11.12.2021".
 * Null for a row of a layout table, whose cells hold paragraphs.
 */
function tableRow(row: Element, headers: string[] | null, setHeaders: (h: string[]) => void): string | null {
  const cells = row.children.filter((c): c is Element => c.type === 'tag' && /^t[dh]$/i.test(c.name));
  const texts = cells.map((c) => nodesToText(c.children));
  if (texts.some((t) => t.length > 300 || t.split('\n').length > 3)) return null;
  for (let i = 0; i < texts.length; i++) texts[i] = texts[i]!.replace(/\n/g, ' ');
  if (cells.length >= 2 && cells.every((c) => c.name.toLowerCase() === 'th')) {
    setHeaders(texts);
    return texts.join(' | ');
  }
  if (headers && headers.length === texts.length && texts.length >= 2) return texts.map((t, i) => (t ? `${headers![i]}: ${t}` : '')).filter(Boolean).join(' | ');
  const [label, value] = texts;
  if (texts.length === 2 && label && value && label.length <= 40 && !/\d/.test(label)) return `${label.replace(/:$/, '')}: ${value}`;
  return texts.filter(Boolean).join(' | ');
}
