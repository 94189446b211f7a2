const months: Record<string, number> = {
  januar: 1, jan: 1, januari: 1, februar: 2, feb: 2, märz: 3, maerz: 3, mär: 3, april: 4, apr: 4, mai: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, dezember: 12, dez: 12,
};

/**
 * Reads the date formats that German sites and feeds use: ISO 8601, RFC 822, "08.11.2021" and "8. November 2021".
 * A day without a time is taken as noon in Germany, so that it stays on the same calendar day in Europe/Berlin.
 */
export function parsePublishedDate(input: string | null | undefined): Date | null {
  if (!input) return null;
  const s = input.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return berlinNoon(+m[1]!, +m[2]!, +m[3]!);
  m = /(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})/.exec(s);
  if (m) return berlinNoon(+m[3]!, +m[2]!, +m[1]!);
  m = /(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\.?\s+(\d{4})/.exec(s);
  if (m) {
    const month = months[m[2]!.toLowerCase()];
    if (month) return berlinNoon(+m[3]!, month, +m[1]!);
  }
  // ISO 8601 with a time, and RFC 822 with or without the weekday ("Mon, 08 Nov 2021 10:00:00 +0100").
  if (/^\d{4}-\d{2}-\d{2}T/.test(s) || /^([A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4}/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

function berlinNoon(year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  // 11:00 UTC is 12:00 or 13:00 in Berlin; the calendar day is the same in both.
  const d = new Date(Date.UTC(year, month - 1, day, 11));
  return d.getUTCDate() === day ? d : null;
}
