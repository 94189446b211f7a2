import { parsePublishedDate } from '../ingest/dates.js';
import { isProse } from './chrome.js';

const monthNames = 'Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';
const englishMonths: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const englishMonth = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

// The date shapes notices use: "08.11.2021", "9. November 2021", "2021-11-09", "2-2-2024", "February 13, 2024",
// "13 February 2024". Each alternative is one capture group, read by `toDate`.
const date = new RegExp(
  [
    `(?<![\\d.])(\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:19|20)\\d{2})(?!\\d)`,
    `(?<![\\d.])(\\d{1,2}\\.\\s*(?:${monthNames})\\s+(?:19|20)\\d{2})(?!\\d)`,
    `(?<![\\d-])((?:19|20)\\d{2}-\\d{2}-\\d{2})(?![\\d-])`,
    `(?<![\\d.-])(\\d{1,2}-\\d{1,2}-(?:19|20)\\d{2})(?![\\d-])`,
    `(?<!\\w)(${englishMonth}\\s+\\d{1,2},?\\s+(?:19|20)\\d{2})(?!\\d)`,
    `(?<![\\d.])(\\d{1,2}\\s+${englishMonth}\\s+(?:19|20)\\d{2})(?!\\d)`,
    // "6/19/2024", "09/05/18": English pages put the month first, and German ones rarely write slashes.
    `(?<![\\d./])(\\d{1,2}/\\d{1,2}/(?:(?:19|20)\\d{2}|\\d{2}))(?![\\d/])`,
  ].join('|'),
  'giu',
);

// Words by which a page dates itself: "Veröffentlicht am", "Stand:", "Erstellt am:", "zuletzt aktualisiert am",
// "Pressemitteilung vom", "Rundschreiben … vom", "Nr. 10 /", "Version 1.0,", "Published", "published this advisory".
const cue = new RegExp(
  [
    '(?:Veröffentlicht|Veröffentlichung|Erstellt|Aktualisiert|Letzte Änderung|Geändert|Published|Posted|Updated|Released?)\\b(?:\\s+(?:am|on|at|this advisory|this article))?\\s*[:.,|·-]?\\s*$',
    '(?:Stand|Datum|Date)\\s*(?::|vom|am)?\\s*(?:\\p{L}+,\\s*)?$',
    // "Pressemitteilung vom …", "Rundschreiben an alle Mitglieder der KV Hessen vom …"
    '^[^\\d]{0,80}\\bvom\\s*$',
    '\\bNr\\.\\s*\\d+\\s*[/,·|]\\s*$',
    // "Version 1.0, 08.11.2021", "Version 1.0 · Eltville & Bamberg, 08.11.2021"
    '\\bVersion\\s+[\\d.]+\\s*[,·]\\s*(?:[\\p{L}&. -]{2,40},\\s*)?$',
    '^\\s*(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mo|Di|Mi|Do|Fr|Sa|So)\\.?,?\\s*$',
  ].join('|'),
  'iu',
);
// "Ausdruck vom" (printed), "Störung vom", "Sitzung vom": the date of something else. "Stand Am 03.05.": two lines run together.
const notCue = /(?:Ausdruck|Druck|gedruckt|Sitzung|Veranstaltung|Termin|Störung|Wartung|Ausfall|Frist|Schreiben an Sie|Gesetz|Urteil|Beschluss)\b[^\d]*\bvom\s*$|\b(?:Stand|Datum)\s+Am\s*$/u;
// A cue that dates the page wherever it stands, in a short line: a byline or footer at the end of the notice.
const strongCue = /(?:Veröffentlicht|Erstellt|aktualisiert|Published|Posted|Updated)\b(?: am| on)?\s*:?\s*$/iu;
const initialRelease =
  /(?<!\p{L})(?:first\s+(?:version|published|release|publication)|initial\s+(?:release|publication|version)|originally\s+published|Erstveröffentlichung|erstmals\s+veröffentlicht|Erstfassung|erste\s+(?:Fassung|Version)\s+(?:dieser|der)\s+(?:Meldung|Warnung|Information))(?!\p{L})/iu;
// A deadline, an event or a period is not the date of the notice.
const notPublished = /\b(?:bis|ab|seit|zum|Frist|gültig|endet|Termin|Ende|until|from|by|before|after|since|zwischen|und)\s*$/iu;
// "am", "on": an event ("Störung am 12.12.2024"), unless a cue names it the date of the page ("veröffentlicht am").
const eventDay = /\b(?:am|on)\s*$/iu;
// What may follow a date that stands on its own: a time, an issue number, a separator before more text.
const after = /^(?:[\s,]*(?:\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h|AM|PM|MEZ|MESZ|CET|CEST|UTC))?|\d{1,2}\s*Uhr|\(\d+\)|\d{1,3}))*\s*(?:$|[·|•]|[-–—]\s|\.\s|,\s*(?:Uhr|\d))/iu;
// A byline around a date: "By Sergiu Gatlan · March 12, 2024", "12.03.2024 10:15 Uhr Von Dirk Knop".
const name = String.raw`\p{Lu}[\p{L}.'-]*(?:\s+(?:von\s+|van\s+|de\s+)?\p{Lu}[\p{L}.'-]*){0,3}`;
const bylineBefore = new RegExp(String.raw`^\s*(?:[Vv]on|VON|[Bb]y|BY)\s+${name}\s*(?:[·|•,–—-]|\/\/)?\s*$`, 'u');
const bylineAfter = new RegExp(
  String.raw`^(?:[\s,]*(?:\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h|AM|PM|MEZ|MESZ|CET|CEST|UTC))?|\d{1,2}\s*Uhr))*[\s,|·•–—-]*(?:[Vv]on|[Bb]y)\s+${name}$`,
  'u',
);
// A rubric before a date: "Pressemitteilung | 12.03.2024", "zm online – 12.03.2024", "KV-Nachrichten 12.03.2024".
const rubricBefore =
  /^\s*(?:[\p{L}-]+\s+)?[\p{L}-]*(?:Pressemitteilung|Presseinformation|Pressemeldung|News|Nachricht(?:en)?|Meldung(?:en)?|Aktuelles|Aktuell|Beitrag|Artikel|Mitteilung(?:en)?|Praxisinfo|Rundschreiben|Newsletter|Press\s+Release|online|Blog)\s*(?:[|·•:–—-]\s*)?$/iu;
// A place or publisher before a date: "Münster, 21. September 2017", "APOTHEKE ADHOC, 15.12.2021 08:12 Uhr".
const dateline = /[\p{L}\p{N})”“"&./ -]{2,60},\s*$/u;

/**
 * The publication date a notice states for itself, or null. In its head (the lines before its second paragraph of
 * prose, at most 15): a date line ("Dienstag, 9. November 2021", "Münster, 21. September 2017"), a date after a
 * cue ("Stand: …", "Pressemitteilung vom …", "Nr. 10 / 29. Juni 2023", "Published February 13, 2024"), or a date
 * leading a line ("16.12.2021 - Eine jüngst …"); never one that merely ends a headline. Elsewhere only
 * a revision history's first entry, or a short line that dates the page ("Erstellt am: 06.06.2019", "Zuletzt aktualisiert am …"). Dates in the body are
 * events, and deadlines ("bis", "ab", "gültig") are never publication dates.
 */
export function statedDate(all: string[], { tail = true }: { tail?: boolean } = {}): Date | null {
  const lines = all.filter((l) => l.trim() !== '');
  const dayFirst = isGerman(lines);
  let proseSeen = 0;
  for (let i = 0; i < lines.length && i < 15 && proseSeen < 2; i++) {
    const line = lines[i]!.trim();
    const found = headDate(line, dayFirst);
    if (found) return found;
    if (isProse(line)) proseSeen++;
  }
  if (!tail) return null;
  // A revision history dates the notice by its first entry ("19 January 2020: First version of this news item published").
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length > 160 || !initialRelease.test(line)) continue;
    const m = [...line.matchAll(date)];
    if (m.length === 1) return toDate(m[0]!, dayFirst);
  }
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length > 100) continue;
    for (const m of line.matchAll(date)) {
      if (strongCue.test(line.slice(0, m.index)) && !notPublished.test(line.slice(0, m.index))) return toDate(m, dayFirst);
    }
  }
  return null;
}

// "Page updated 6/19/2024", "Seite zuletzt aktualisiert am …": the page's own stamp, in its footer.
const pageStampCue = /^(?:(?:this\s+)?(?:page|seite|site|article|artikel)\s+(?:zuletzt\s+|last\s+)?(?:updated|modified|aktualisiert|geändert)|last\s+(?:updated|modified)|zuletzt\s+(?:aktualisiert|geändert))(?:\s+(?:am|on))?\s*:?\s*$/iu;

/** Whether the text reads as German, which puts the day before the month in "12/03/2024". */
function isGerman(lines: string[]): boolean {
  const sample = lines.join(' ').slice(0, 3000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  return count(/(?<!\p{L})(?:der|die|das|und|ist|nicht|Sie|mit|für|auf)(?!\p{L})/giu) > count(/(?<!\p{L})(?:the|and|is|of|to|with|you|for|on)(?!\p{L})/giu);
}

/** The date a page's footer gives the page itself ("Page updated 6/19/2024"), read below related lists too. */
export function pageStamp(lines: string[]): Date | null {
  const dayFirst = isGerman(lines);
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length > 80) continue;
    for (const m of line.matchAll(date)) if (pageStampCue.test(line.slice(0, m.index))) return toDate(m, dayFirst);
  }
  return null;
}

/** Whether a short line dates the notice ("Dienstag, 9. November 2021", "Autor: KV Berlin | Erstellt am: 06.06.2019"). */
export function isDateLine(line: string): boolean {
  const l = line.trim();
  return l.length <= 100 && (headDate(l, false) !== null || statedDate([l]) !== null);
}

/** A date that the line gives as its own: led by a cue, standing at the line's start or end, or after a place. */
function headDate(line: string, dayFirst: boolean): Date | null {
  for (const m of line.matchAll(date)) {
    const before = line.slice(0, m.index);
    const rest = line.slice(m.index + m[0].length);
    if (notPublished.test(before)) continue;
    const alone = after.test(rest);
    const short = line.length <= 120;
    // "• Guidance for investigating … - Microsoft Security Blog - Published 24/03/23": a list item citing another page.
    const cited = /^•\s/.test(line) && before.replace(/^•\s*/, '').split(/\s+/).length > 4;
    if (cue.test(before) && !notCue.test(before) && (short || before.length <= 40) && !cited) return toDate(m, dayFirst);
    if (eventDay.test(before)) continue;
    if (before.trim() === '' && alone) return toDate(m, dayFirst);
    if (short && ((before.trim() === '' && bylineAfter.test(rest)) || (alone && (bylineBefore.test(before) || rubricBefore.test(before))))) return toDate(m, dayFirst);
    // A date line with its rubric: "01.09.2017 KVNO aktuell", "12.03.2024 Pressemitteilung".
    if (before.trim() === '' && line.length <= 60 && /^\s+\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,2}\s*$/u.test(rest)) return toDate(m, dayFirst);
    // After a place or publisher ("Münster, 21. September 2017"). A date merely ending a headline is not taken: it
    // is as often the date of the event the headline reports as the date of the notice.
    if (short && alone && !/(?::|\b\p{Ll}+)\s*$/u.test(before) && dateline.test(before) && /^\s*$/.test(rest.replace(/[\s,(]*\d{1,2}[:.]\d{2}.*$|\s*\(\d+\)\s*$/u, ''))) return toDate(m, dayFirst);
    // "Bonn, 14.08.2019. Das BSI …", "Eltville, 08.11.2021 – Die …": a dateline before the first sentence.
    if (/^[\p{Lu}][\p{L} ./-]{1,30},\s*$/u.test(before) && /^\s*[-–—.]\s/u.test(rest)) return toDate(m, dayFirst);
    // A press release's dateline: "BELLEVUE, Wash. - January 15, 2018 - On January 4, …".
    if (/^\p{Lu}{2,}(?:[ -]\p{Lu}{2,}){0,2},\s*[\p{L}.]{2,12}\s+[-–—]\s*$/u.test(before) && /^\s*[-–—]\s/u.test(rest)) return toDate(m, dayFirst);
  }
  return null;
}

function toDate(m: RegExpMatchArray, dayFirst = false): Date | null {
  const [, dotted, named, iso, dashed, english, englishDayFirst, slashed] = m;
  if (slashed) {
    // A two-digit year only on a line of its own ("09/05/18" above a headline): elsewhere it may be a score or a ratio.
    if (/\/\d{2}$/.test(slashed) && m.input !== undefined && m.input.trim().replace(/^(?:\p{L}+\s*:?\s*)?/u, '') !== slashed) return null;
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
  const month = englishMonths[/[A-Za-z]{3}/.exec(e)![0].toLowerCase()]!;
  const [day, year] = english ? [/\d{1,2}(?=,?\s+\d{4})/.exec(e)![0], /\d{4}$/.exec(e)![0]] : [/^\d{1,2}/.exec(e)![0], /\d{4}$/.exec(e)![0]];
  return parsePublishedDate(`${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`);
}
