import { z } from 'zod';
import { addDays, daysBetween, germanDay } from './absence-days.js';
import { emailField } from './preferences.models.js';

/** The longest closing period: a long summer break plus a margin; anything longer is more likely a typo. */
export const maxAbsenceDays = 90;

export type AbsenceInput = { firstDay: string; lastDay: string; deputyEmail: string };
export type AbsenceErrors = Partial<Record<'firstDay' | 'lastDay' | 'deputyEmail', string>>;

/**
 * A calendar day as the date field sends it (`2026-10-24`) or as typed in German (`24.10.2026`, `24.10.26`), as
 * `YYYY-MM-DD`; null when it is no real date (31.02.).
 */
export function parseDay(raw: string): string | null {
  const value = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(value);
  const [year, month, day] = iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : german ? [+german[3]! + (german[3]!.length === 2 ? 2000 : 0), +german[2]!, +german[1]!] : [0, 0, 0];
  if (!year) return null;
  const d = new Date(Date.UTC(year, month - 1, day, 12));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * Checks the closing-period form against today (Berlin): both days real dates, the last not before the first, none
 * in the past, at most `maxAbsenceDays` long, and a deputy address that is not the practice's own. German messages
 * per field.
 */
export function parseAbsenceForm(
  raw: Record<string, unknown>,
  { today, practiceEmail }: { today: string; practiceEmail: string },
): { ok: true; value: AbsenceInput } | { ok: false; errors: AbsenceErrors } {
  const errors: AbsenceErrors = {};
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : '');
  const firstDay = parseDay(text('firstDay'));
  const lastDay = parseDay(text('lastDay'));
  if (!text('firstDay').trim()) errors.firstDay = 'Bitte geben Sie den ersten Tag an, an dem die Praxis geschlossen ist.';
  else if (!firstDay) errors.firstDay = 'Bitte geben Sie ein gültiges Datum an, zum Beispiel 24.10.2026.';
  else if (firstDay < today) errors.firstDay = 'Der erste Tag darf nicht in der Vergangenheit liegen.';
  if (!text('lastDay').trim()) errors.lastDay = 'Bitte geben Sie den letzten Tag an, an dem die Praxis geschlossen ist.';
  else if (!lastDay) errors.lastDay = 'Bitte geben Sie ein gültiges Datum an, zum Beispiel 02.11.2026.';
  else if (firstDay && lastDay < firstDay) errors.lastDay = 'Der letzte Tag darf nicht vor dem ersten Tag liegen.';
  else if (lastDay < today) errors.lastDay = 'Der letzte Tag darf nicht in der Vergangenheit liegen.';
  else if (firstDay && daysBetween(firstDay, lastDay) + 1 > maxAbsenceDays) errors.lastDay = `Eine Schließzeit darf höchstens ${maxAbsenceDays} Tage lang sein (bis spätestens ${germanDay(addDays(firstDay, maxAbsenceDays - 1))}).`;
  const email = z.string().pipe(emailField).safeParse(text('deputyEmail'));
  if (!text('deputyEmail').trim()) errors.deputyEmail = 'Bitte geben Sie die E-Mail-Adresse Ihrer Vertretung an.';
  else if (!email.success) errors.deputyEmail = email.error.issues[0]?.message ?? 'Bitte geben Sie eine gültige E-Mail-Adresse an.';
  else if (email.data === practiceEmail.toLowerCase()) errors.deputyEmail = 'Die Adresse der Vertretung muss sich von der Adresse Ihrer Praxis unterscheiden.';
  if (Object.keys(errors).length > 0 || !firstDay || !lastDay || !email.success) return { ok: false, errors };
  return { ok: true, value: { firstDay, lastDay, deputyEmail: email.data } };
}
