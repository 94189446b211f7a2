import { berlinInstant, berlinTime } from '../notify/digest-schedule.js';

/** The period a Nachweis covers: a calendar quarter or year in Europe/Berlin, `from` inclusive, `to` exclusive. */
export type EvidencePeriod = { key: string; label: string; from: Date; to: Date };

const quarterLabel = ['1. Quartal', '2. Quartal', '3. Quartal', '4. Quartal'];

/**
 * Reads `?zeitraum=`: `2026-Q4` (a quarter, q or Q) or `2026` (a year); empty means the quarter of `now` in
 * Berlin. Anything else, or a year outside 2000–2100, gives null so the page can answer with a clear 400.
 */
export function parseEvidencePeriod(raw: string | undefined, now: Date): EvidencePeriod | null {
  const value = (raw ?? '').trim();
  if (value === '') {
    const local = berlinTime(now);
    return quarter(local.year, Math.floor((local.month - 1) / 3) + 1);
  }
  const m = /^(\d{4})(?:-[qQ]([1-4]))?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  return m[2] ? quarter(year, Number(m[2])) : { key: String(year), label: `Jahr ${year}`, from: dayStart(year, 1), to: dayStart(year + 1, 1) };
}

function quarter(year: number, q: number): EvidencePeriod {
  const firstMonth = (q - 1) * 3 + 1;
  const to = q === 4 ? dayStart(year + 1, 1) : dayStart(year, firstMonth + 3);
  return { key: `${year}-Q${q}`, label: `${quarterLabel[q - 1]} ${year}`, from: dayStart(year, firstMonth), to };
}

function dayStart(year: number, month: number): Date {
  return berlinInstant({ year, month, day: 1, hour: 0, minute: 0 });
}

/** The choices offered on the page: the last eight quarters and the last three years, newest first. */
export function periodChoices(now: Date): { key: string; label: string }[] {
  const local = berlinTime(now);
  const out: { key: string; label: string }[] = [];
  let year = local.year;
  let q = Math.floor((local.month - 1) / 3) + 1;
  for (let i = 0; i < 8; i++) {
    out.push({ key: `${year}-Q${q}`, label: `${quarterLabel[q - 1]} ${year}` });
    if (--q === 0) [q, year] = [4, year - 1];
  }
  for (let y = local.year; y > local.year - 3; y--) out.push({ key: String(y), label: `Jahr ${y}` });
  return out;
}
