import type { Severity } from '../advisories/advisories.table.js';

export type UrgencyLevel = 'sofort' | 'zeitnah' | 'kenntnis';

/** How urgent an advisory is for a practice, in the words mails and pages show. */
export type Urgency = {
  level: UrgencyLevel;
  label: 'Sofort handeln' | 'Zeitnah handeln' | 'Zur Kenntnis';
  /** Days from the send time to the deadline (0: the same day); null when there is no deadline. */
  days: number | null;
  /** The time frame in plain German ("noch heute", "innerhalb einer Woche"); null for "Zur Kenntnis". */
  timeFrame: string | null;
};

/**
 * What the urgency is computed from. A plain object, so that later inputs (an "actively exploited" flag, the
 * practice's own answer "nicht betroffen") join it without changing the callers.
 */
export type UrgencyInput = {
  severity: Severity;
  hasActions: boolean;
  /** Attackers already use the flaw ("wird aktiv ausgenutzt": an editor's flag, or set from the notice's wording). */
  exploited?: boolean;
  /**
   * Whether the version the practice recorded is affected: true when it is below the fixed version, false when it
   * is at or above it (such a practice is normally not even matched), null or absent when it is not known.
   */
  versionAffected?: boolean | null;
};

const sofort: Urgency = { level: 'sofort', label: 'Sofort handeln', days: 0, timeFrame: 'noch heute' };
const week: Urgency = { level: 'zeitnah', label: 'Zeitnah handeln', days: 7, timeFrame: 'innerhalb einer Woche' };
const month: Urgency = { level: 'zeitnah', label: 'Zeitnah handeln', days: 30, timeFrame: 'in den nächsten 30 Tagen' };
const kenntnis: Urgency = { level: 'kenntnis', label: 'Zur Kenntnis', days: null, timeFrame: null };

/**
 * The urgency words of an advisory. Why these boundaries:
 * - `kritisch` is what the BSI calls "Warnstufe Rot" or vendors "sofort/dringend": such flaws are usually attacked
 *   within days of becoming known, so the same day, even when the notice names no action (then the practice should
 *   ask its IT service provider today whether it is affected).
 * - `hoch` ("dringend", "erhebliches Risiko"): a week covers a practice's weekly rhythm and a visit or remote session
 *   of its IT service provider; the KBV IT-Sicherheitsrichtlinie asks for prompt updates. Also without named actions.
 * - `mittel` and `unbekannt` (ranked like `mittel`, see severity-rank.ts) with actions: 30 days, one monthly update
 *   cycle, the same span after which praxiswarn treats a notice as old (ALERT_MAX_AGE_DAYS).
 * - `niedrig`, or `mittel`/`unbekannt` with nothing to do: for information only.
 * - Exploited ("wird aktiv ausgenutzt"), whatever the severity: the same day. A flaw attackers already use is no
 *   longer a risk that may materialise but an ongoing campaign (the BSI and CISA's KEV catalogue treat known
 *   exploitation as the strongest reason to patch at once); low ratings often only reflect preconditions that the
 *   attackers evidently meet.
 * - The practice's recorded version at or above the fixed one (versionAffected false): for information only, there
 *   is nothing left to do; known to be below it: there is an update to install, as with named actions.
 */
export function urgencyOf({ severity, hasActions, exploited = false, versionAffected = null }: UrgencyInput): Urgency {
  if (versionAffected === false) return kenntnis;
  if (severity === 'kritisch' || exploited) return sofort;
  // A recorded version below the fixed one means there is an update to install.
  hasActions ||= versionAffected === true;
  if (severity === 'hoch') return week;
  if ((severity === 'mittel' || severity === 'unbekannt') && hasActions) return month;
  return kenntnis;
}

/**
 * The urgency of an advisory as every mail and page words it: something to do means actions or a version that
 * fixes an affected product. One definition for the practice's mails, the deputy's routing and the firm's mails.
 */
export function advisoryUrgency(
  a: { severity: Severity; exploited?: boolean; actions: readonly unknown[]; products: readonly { fixedVersion: string | null }[] },
  versionAffected: boolean | null = null,
): Urgency {
  return urgencyOf({ severity: a.severity, hasActions: a.actions.length > 0 || a.products.some((p) => p.fixedVersion), exploited: a.exploited, versionAffected });
}

const rank: Record<UrgencyLevel, number> = { sofort: 3, zeitnah: 2, kenntnis: 1 };

/** The most urgent of several (a digest's subject), earlier deadline first; "Zur Kenntnis" for none. */
export function mostUrgent(list: Urgency[]): Urgency {
  return list.reduce((best, u) => (rank[u.level] > rank[best.level] || (u.level === best.level && (u.days ?? Infinity) < (best.days ?? Infinity)) ? u : best), kenntnis);
}

/** Sorts most urgent first (a stable sort keeps the callers' order within a level and deadline). */
export function byUrgency(a: Urgency, b: Urgency): number {
  return rank[b.level] - rank[a.level] || (a.days ?? Infinity) - (b.days ?? Infinity);
}

/** What a severity means, for a practice owner without IT knowledge ("Einstufung: Hoch" alone says nothing). */
export const severityMeaning: Record<Severity, string> = {
  kritisch: 'Höchste Stufe. Das Problem kann Ihrer Praxis schnell großen Schaden zufügen, etwa wenn Angreifer Patientendaten stehlen oder die Praxis-IT lahmlegen. Solche Lücken werden oft innerhalb weniger Tage ausgenutzt.',
  hoch: 'Ernstes Risiko. Angreifer könnten an Patientendaten gelangen oder Geräte und Programme Ihrer Praxis stören.',
  mittel: 'Mittleres Risiko. Ein Angriff gelingt meist nur unter bestimmten Umständen, etwa wenn jemand schon Zugang zu Ihrem Praxisnetz hat.',
  niedrig: 'Geringes Risiko. Die Warnung dient vor allem Ihrer Information.',
  unbekannt: 'Die Quelle nennt keine Einstufung. Wir behandeln die Warnung deshalb wie eine mit mittlerem Risiko.',
};

const berlinParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A day in the calendar of Europe/Berlin. */
export type CalendarDay = { year: number; month: number; day: number };

/**
 * The last day for the actions: `days` after the send time in Europe/Berlin. A deadline on a Saturday or Sunday
 * moves to the Friday before, when practices are open and can still reach their IT service provider. Null for
 * "Zur Kenntnis"; the same day stays the same day.
 */
export function dueDay(urgency: Urgency, now: Date): CalendarDay | null {
  if (urgency.days === null) return null;
  const [year, month, day] = berlinParts.format(now).split('-').map(Number) as [number, number, number];
  // Calendar arithmetic in UTC: adding days to a date at noon never crosses a day boundary by a DST shift.
  const due = new Date(Date.UTC(year, month - 1, day + urgency.days, 12));
  if (urgency.days > 0) {
    const weekday = due.getUTCDay();
    if (weekday === 6) due.setUTCDate(due.getUTCDate() - 1);
    if (weekday === 0) due.setUTCDate(due.getUTCDate() - 2);
  }
  return { year: due.getUTCFullYear(), month: due.getUTCMonth() + 1, day: due.getUTCDate() };
}

/** "18.12.2026". */
export function formatDay(d: CalendarDay): string {
  return `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}`;
}

/** The deadline as a sentence part: "noch heute", "bis spätestens 18.12.2026", or null for "Zur Kenntnis". */
export function deadlineWords(urgency: Urgency, now: Date): string | null {
  const due = dueDay(urgency, now);
  if (!due) return null;
  return urgency.days === 0 ? 'noch heute' : `bis spätestens ${formatDay(due)}`;
}
