import { parsePublishedDate } from '../ingest/dates.js';

// The shapes in which notices write a calendar day, and how to read one. Which of them dates the notice is
// published.ts's business.

const monthNames = 'Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';
// "12. Okt. 2023", "3. Sept. 2024": the abbreviations German news pages use (parsePublishedDate knows them).
const monthAbbreviations = '(?:Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\\.?';
const englishMonths: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const englishMonth = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ordinal = '(?:st|nd|rd|th)?';

// "08.11.2021", "9. November 2021", "12. Okt. 2023", "2021-11-09", "2-2-2024", "February 13, 2024", "May 3rd, 2023",
// "13 February 2024", "3rd of May 2023", "6/19/2024", "16 / 06 / 2022". Each alternative is one capture group, read by `toDate`. A
// dotted date followed by ".digit" is part of a version number ("1.12.2024.3").
export const date = new RegExp(
  [
    `(?<![\\d.])(\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:19|20)\\d{2})(?!\\d|\\.\\d)`,
    `(?<![\\d.])(\\d{1,2}\\.\\s*(?:${monthNames}|${monthAbbreviations})\\s+(?:19|20)\\d{2})(?!\\d)`,
    `(?<![\\d-])((?:19|20)\\d{2}-\\d{2}-\\d{2})(?![\\d-])`,
    `(?<![\\d.-])(\\d{1,2}-\\d{1,2}-(?:19|20)\\d{2})(?![\\d-])`,
    `(?<!\\w)(${englishMonth}\\s+\\d{1,2}${ordinal},?\\s+(?:19|20)\\d{2})(?!\\d)`,
    `(?<![\\d.])(\\d{1,2}${ordinal}\\s+(?:of\\s+)?${englishMonth}\\s+(?:19|20)\\d{2})(?!\\d)`,
    // "6/19/2024", "09/05/18": English pages put the month first, and German ones rarely write slashes.
    `(?<![\\d./])(\\d{1,2}/\\d{1,2}/(?:(?:19|20)\\d{2}|\\d{2}))(?![\\d/])`,
    // "16 / 06 / 2022": a press office's spaced slashes, only with a four-digit year (a ratio or a score has none).
    `(?<![\\d./])(\\d{1,2} / \\d{1,2} / (?:19|20)\\d{2})(?![\\d/])`,
  ].join('|'),
  'giu',
);

/** Whether the text reads as German, which puts the day before the month in "12/03/2024". */
export function isGerman(lines: string[]): boolean {
  const sample = lines.join(' ').slice(0, 3000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  return count(/(?<!\p{L})(?:der|die|das|und|ist|nicht|Sie|mit|für|auf)(?!\p{L})/giu) > count(/(?<!\p{L})(?:the|and|is|of|to|with|you|for|on)(?!\p{L})/giu);
}

// toDate's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const toDatePattern1 = /^(?:\p{L}+\s*:?\s*)?/u;

/** The day a match of `date` names (noon in Germany, see parsePublishedDate), or null when it is no calendar day. */
export function toDate(m: RegExpMatchArray, dayFirst = false): Date | null {
  const [, dotted, named, iso, dashed, english, englishDayFirst, tightSlashed, spacedSlashed] = m;
  const slashed = tightSlashed ?? spacedSlashed?.replace(/ /g, '');
  if (slashed) {
    // A two-digit year only on a line of its own ("09/05/18" above a headline): elsewhere it may be a score or a ratio.
    if (/\/\d{2}$/.test(slashed) && m.input !== undefined && m.input.trim().replace(toDatePattern1, '') !== slashed) return null;
    const [a, b, y] = slashed.split('/').map(Number) as [number, number, number];
    // Month first on English pages, day first on German ones, unless a number cannot be a month ("19/6/2024").
    const [day, month] = a > 12 || (dayFirst && b <= 12) ? [a, b] : [b, a];
    if (month > 12 || day > 31) return null;
    const year = y < 100 ? 2000 + y : y;
    return parsePublishedDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  if (dotted || named) return parsePublishedDate((dotted ?? named)!.replace(/Maerz/i, 'März'));
  if (iso) return parsePublishedDate(iso);
  if (dashed) {
    const [d, mo, y] = dashed.split('-');
    return parsePublishedDate(`${d}.${mo}.${y}`);
  }
  const e = (english ?? englishDayFirst)!;
  const month = englishMonths[/(?<!\d)[A-Za-z]{3}/.exec(e.replace(/\d(?:st|nd|rd|th)\b|\bof\b/gi, ''))![0].toLowerCase()]!;
  const year = /\d{4}$/.exec(e)![0];
  const day = english ? /(\d{1,2})(?:st|nd|rd|th)?,?\s+\d{4}$/.exec(e)![1]! : /^\d{1,2}/.exec(e)![0];
  return parsePublishedDate(`${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`);
}
