import { parsePublishedDate } from '../ingest/dates.js';

const englishMonths: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

// A date line at the head of a notice: "08.11.2021", "Stand: 17.12.2021", "Veröffentlicht am 14.09.2023",
// "Dienstag, 9. November 2021", "Version 1.0, 08.11.2021, 12:00 Uhr", "Berlin, 25.08.2025 –", "Published: February 13, 2024".
const germanDate = /(\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d{2}|\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+(?:19|20)\d{2})/u;
const englishDate = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b|\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2})\b/i;
const dateline = /^[\p{Lu}][\p{L} .-]{1,30},\s+/u;
const headWords = /^(?:(?:Veröffentlicht|Veröffentlichung|Stand|Datum|Erstellt|Aktualisiert|Published|Updated|Date)\b[^\d]{0,12}|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),\s*|Version\s+[\d.]+,\s*|[\p{L}\s]{0,30}\bvom\s+)?$/iu;
// A deadline or an event is not the date of the notice.
const notPublished = /\b(?:bis|ab|Frist|gültig|endet|Termin|until|from)\s*$/i;

/** The date a notice gives for itself in its first lines, or null: dates in the body are events, not publication. */
export function statedDate(lines: string[]): Date | null {
  for (const raw of lines.slice(0, 4)) {
    const line = raw.trim();
    const d = germanDate.exec(line);
    if (d) {
      const before = line.slice(0, d.index);
      const head = line.length <= 90 && headWords.test(before);
      const lead = dateline.test(line) && /^\s*[–-]/.test(line.slice(d.index + d[0].length));
      if ((head || lead) && !notPublished.test(before)) return parsePublishedDate(d[0]);
    }
    const e = englishDate.exec(line);
    if (e && line.length <= 90 && headWords.test(line.slice(0, e.index))) {
      const month = englishMonths[(e[1] ?? e[5])!.toLowerCase()]!;
      const day = Number(e[2] ?? e[4]);
      return parsePublishedDate(`${e[3] ?? e[6]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    }
  }
  return null;
}
