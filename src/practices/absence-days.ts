import { berlinInstant } from '../notify/digest-schedule.js';

// Closing periods are Europe/Berlin calendar days (`YYYY-MM-DD`, both ends inclusive). Day arithmetic is done on
// dates at noon UTC, as in urgency.ts dueDay: adding days there never crosses a day boundary by a DST shift.

const berlinDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Berlin calendar day of an instant, `YYYY-MM-DD`. */
export function berlinDay(instant: Date): string {
  return berlinDate.format(instant);
}

function noon(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date, 12));
}

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  const d = noon(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((noon(to).getTime() - noon(from).getTime()) / 86_400_000);
}

/** "27.10.2026". */
export function germanDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

/** The hour held mails go out on the first day back: the start of a practice's day. */
export const heldHour = 7;

/** The instant held mails may go out: 07:00 Berlin time on the day after the last closed day (CET or CEST alike). */
export function firstDayBackAt(lastDay: string): Date {
  const [year, month, day] = addDays(lastDay, 1).split('-').map(Number) as [number, number, number];
  return berlinInstant({ year, month, day, hour: heldHour, minute: 0 });
}
