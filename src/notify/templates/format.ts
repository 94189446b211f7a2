import type { Severity } from '../../advisories/advisories.table.js';

const longDate = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: 'numeric', month: 'long', year: 'numeric' });

/** "15. November 2019", in Europe/Berlin. */
export function formatDate(date: Date): string {
  return longDate.format(date);
}

export const severityLabel: Record<Severity, string> = {
  kritisch: 'Kritisch',
  hoch: 'Hoch',
  mittel: 'Mittel',
  niedrig: 'Niedrig',
  unbekannt: 'Nicht eingestuft',
};

const shortDate = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

/** "18.12.2026", in Europe/Berlin. */
export function formatShortDate(date: Date): string {
  return shortDate.format(date);
}
