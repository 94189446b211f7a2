/**
 * When a new advisory is old news. Alerts are for news only: a source's archive (its first read, or a burst of
 * never-seen items) and anything older than ALERT_MAX_AGE_DAYS by its stated date are recorded and listed, but
 * never mailed; an editor can still send one on purpose.
 */

/** On a read that shows a source's archive, only what its publisher dated this recently still counts as news. */
export const freshOnArchiveReadMs = 2 * 24 * 3600_000;

const day = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

/** "01.06.2023": a stated date as the archive's reasons and the editor's confirmation give it. */
export const statedDay = (date: Date): string => day.format(date);

/**
 * Why a new advisory goes to the archive instead of out to practices (German, for the admin), or null for news.
 * `stated` is the date the notice gives; a notice without one is news unless its read showed the archive.
 */
export function archiveReason({ stated, archivedRead, now, maxAgeDays }: { stated: Date | null; archivedRead: boolean; now: Date; maxAgeDays: number }): string | null {
  const age = stated ? now.getTime() - stated.getTime() : null;
  if (stated && age! > maxAgeDays * 24 * 3600_000) {
    return `Laut Quelle vom ${statedDay(stated)}: älter als ${maxAgeDays} Tage, daher ohne Benachrichtigung.`;
  }
  if (archivedRead && (age === null || age > freshOnArchiveReadMs)) {
    return stated
      ? `Aus dem Bestand der Quelle (erster Abruf oder viele neue Einträge auf einmal), vom ${statedDay(stated)}: ohne Benachrichtigung.`
      : 'Aus dem Bestand der Quelle (erster Abruf oder viele neue Einträge auf einmal), ohne Datum: ohne Benachrichtigung.';
  }
  return null;
}

/** Whole days between a stated date and now, for the editor's confirmation before sending old news. */
export function ageInDays(stated: Date, now: Date): number {
  return Math.floor((now.getTime() - stated.getTime()) / (24 * 3600_000));
}
