// Digest periods and times in Europe/Berlin, computed with Intl so that daylight-saving changes need no table.

export type DigestCadence = 'daily' | 'weekly';
const zone = 'Europe/Berlin';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

type Local = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock time in Berlin at `instant`. */
export function berlinTime(instant: Date): Local {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, second: +p.second! };
}

/** The instant at which Berlin's clocks show this local time (for a time skipped in spring, the hour after). */
export function berlinInstant(local: Omit<Local, 'second'>): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Berlin is UTC+1 or UTC+2; try both offsets and keep the one whose local reading matches.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(guess - offsetHours * 3_600_000);
    const back = berlinTime(candidate);
    if (back.day === local.day && back.hour === local.hour && back.minute === local.minute) return candidate;
  }
  return new Date(guess - 3_600_000);
}

function isoWeekday(local: Pick<Local, 'year' | 'month' | 'day'>): number {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

function isoWeek(local: Pick<Local, 'year' | 'month' | 'day'>): { year: number; week: number } {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day));
  date.setUTCDate(date.getUTCDate() + 4 - isoWeekday(local));
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return { year: date.getUTCFullYear(), week: Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

const pad = (n: number) => String(n).padStart(2, '0');

export type DigestTiming = { minuteOfDay: number; weekday: number };

/**
 * The digest period that is due at `now`, or null when its local send time has not come yet. A daily period is the
 * local date (`daily:2026-11-25`), a weekly one the ISO week (`weekly:2026-W48`); the same period is due all day
 * (or all week) long, so a missed run is caught up and a repeated one finds nothing new to write.
 */
export function dueDigestPeriod(cadence: DigestCadence, now: Date, timing: DigestTiming): string | null {
  const local = berlinTime(now);
  const minute = local.hour * 60 + local.minute;
  if (cadence === 'daily') return minute >= timing.minuteOfDay ? periodAt(cadence, now) : null;
  const weekday = isoWeekday(local);
  if (weekday < timing.weekday || (weekday === timing.weekday && minute < timing.minuteOfDay)) return null;
  return periodAt(cadence, now);
}

/** The period `now` falls in, whatever the send time: the local date, or the ISO week. */
export function periodAt(cadence: DigestCadence, now: Date): string {
  const local = berlinTime(now);
  if (cadence === 'daily') return `daily:${local.year}-${pad(local.month)}-${pad(local.day)}`;
  const { year, week } = isoWeek(local);
  return `weekly:${year}-W${pad(week)}`;
}

/** When the next digest of this cadence goes out after `now` (for pages and for the operator). */
export function nextDigestAt(cadence: DigestCadence, now: Date, timing: DigestTiming): Date {
  const local = berlinTime(now);
  const hour = Math.floor(timing.minuteOfDay / 60);
  const minute = timing.minuteOfDay % 60;
  for (let addDays = 0; addDays <= 7; addDays++) {
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + addDays));
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    if (cadence === 'weekly' && isoWeekday(date) !== timing.weekday) continue;
    const at = berlinInstant({ ...date, hour, minute });
    if (at > now) return at;
  }
  throw new Error('unreachable: a digest time exists within eight days');
}
