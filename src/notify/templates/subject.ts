import { oneLine } from './one-line.js';

/** Subjects stay short enough for a phone's inbox list. */
export const subjectMax = 90;

/** How a title names its products: product names and aliases, and vendor names that may label a title ("AVM FRITZ!Box: …"). */
export type TitleMentions = { products: string[]; vendors: string[] };

// Words that only label a title ("Sicherheitswarnung: …", "UPDATE: …") and say nothing about what happened.
const labelWords = /^(?:dringende?|wichtige?|neue?|aktuelle?|sicherheits(?:warnung|hinweis|information|update)|warnung|hinweis|information|achtung|update|cyber-sicherheitswarnung|it-sicherheitswarnung|security advisory|zu|zum|zur|für|von|und|&|[-–:,/])$/i;
const prepositions = '(?:in|im|für|bei|von|vom|zu|zum|zur|auf|über|mit|an|am)';
const articles = '(?:der|die|das|den|dem|des|einer|einem|eines)';
// Function words a shortened subject must not end on ("Umgehen von…").
const danglers = /\s+(?:und|oder|von|vom|der|die|das|den|dem|des|in|im|für|bei|zu|zum|zur|auf|über|mit|an|am|ein|eine|einer|einem|–|-|:)$/i;

// Names match whatever their case ("Turbomed" in a title), the words around them only as written: the patterns are
// built without the `i` flag, which would also make \p{Lu} match lower case letters.
const escape = (s: string) =>
  s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\p{L}/gu, (c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`));
const bounded = (alternatives: string) => `(?<![\\p{L}\\p{N}])(?:${alternatives})(?:e?n|e?s)?(?![\\p{L}\\p{N}])`;

function mentionPattern(names: string[]): string | null {
  // A long leading word of a product name names it in titles, too ("Datenleck in Digitalisierungsboxen").
  const leading = names.map((n) => n.trim().split(/\s+/)).filter((w) => w.length > 1 && w[0]!.length >= 12).map((w) => w[0]!);
  const list = [...new Set([...names, ...leading].map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  return list.length ? bounded(list.map(escape).join('|')) : null;
}

/** Whether a title's prefix before ":" is only a label: product or vendor names and label words. */
function isLabel(prefix: string, pattern: RegExp | null): boolean {
  const rest = pattern ? prefix.replace(pattern, ' ') : prefix;
  return rest.split(/\s+/).filter(Boolean).every((w) => labelWords.test(w));
}

/**
 * What happened, in a few words, from an advisory title, without the product names the subject already shows:
 * a leading label ("AVM FRITZ!Box: …", "Sicherheitswarnung: …") is dropped, product names after a preposition
 * ("Sicherheitslücke in CGM TURBOMED") or at either end go. Never empty.
 */
export function titleGist(title: string, mentions: TitleMentions): string {
  let t = oneLine(title, 1000);
  const productPattern = mentionPattern(mentions.products);
  const labelPattern = mentionPattern([...mentions.products, ...mentions.vendors]);
  const parts = t.split(/:\s+/);
  if (parts.length > 1 && isLabel(parts[0]!, labelPattern ? new RegExp(labelPattern, 'gu') : null)) parts.shift();
  t = parts.join(' – ');
  if (productPattern) {
    // "in CGM TURBOMED", "für die FRITZ!Box", "der Digitalisierungsbox Premium, Smart und Standard" …
    // A list of models after the name goes with it ("… Premium, Smart und Standard").
    const models = '(?:(?:,\\s*[\\p{Lu}\\d][^\\s,]*)*\\s+(?:und|oder)\\s+[\\p{Lu}\\d][^\\s,]*)?';
    t = t.replace(new RegExp(`\\s+(?:${prepositions}(?:\\s+${articles})?|${articles})\\s+${productPattern}${models}`, 'gu'), '');
    if (new RegExp(`^(?:${productPattern}[\\s,/&]*)+$`, 'u').test(t)) t = '';
    // … and a name left at the start ("FRITZ!Box auf Version 8.02 aktualisieren") or the end of the title.
    t = t.replace(new RegExp(`^(?:${articles}\\s+)?${productPattern}\\s*(?=[\\p{Ll}–-])`, 'u'), '');
    t = t.replace(new RegExp(`\\s+(?:${articles}\\s+)?${productPattern}\\s*$`, 'u'), '');
  }
  t = t
    .replace(/\s+([,.;!?])/g, '$1')
    .replace(/(?:\s*[–-]\s*){2,}/g, ' – ')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .replace(/\s+/g, ' ');
  return t || 'neue Sicherheitswarnung';
}

/** "FRITZ!Box", "CGM ALBIS, FRITZ!Box", "CGM ALBIS und 3 weitere": the products, without "(alle Hersteller)". */
export function productWords(names: string[]): string {
  const short = [...new Set(names.map((n) => n.replace(/\s*\([^)]*\)\s*/g, ' ').trim()))];
  if (short.length <= 2) return short.join(', ');
  return `${short[0]} und ${short.length - 1} weitere`;
}

/**
 * "[Zeitnah handeln] FRITZ!Box: Mehrere Schwachstellen …": at most `subjectMax` characters; the gist is cut at a
 * dash or between words (never inside one), the `suffix` ("(Erinnerung)") always stays.
 */
export function subjectLine(label: string, products: string, gist: string, suffix = ''): string {
  const head = `${oneLine(`[${label}]${products ? ` ${products}:` : ''}`, subjectMax)} `;
  const tail = suffix ? ` ${oneLine(suffix, 60)}` : '';
  const room = subjectMax - head.length - tail.length;
  const flat = oneLine(gist, 1000);
  return `${head}${shorten(flat, Math.max(room, 12))}${tail}`;
}

/** Text of at most `max` characters: whole as it is, else its first clauses before a dash, else whole words and "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  // The most whole clauses between dashes that fit ("Log4j – Auch Praxissoftware betroffen").
  const clauses = text.split(/\s+[–-]\s+/);
  for (let n = clauses.length - 1; n > 0; n--) {
    const head = clauses.slice(0, n).join(' – ');
    if (head.length <= max && head.length >= max / 3) return head;
  }
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  cut = space > 0 ? cut.slice(0, space) : cut;
  let previous;
  do {
    previous = cut;
    cut = cut.replace(danglers, '').replace(/[\s,;:–-]+$/, '');
  } while (cut !== previous);
  return `${cut}…`;
}
