import type { Db } from '../db/client.js';
import { formatShortDate, severityLabel } from '../notify/templates/format.js';
import type { EvidencePeriod } from './evidence-period.js';
import { evidenceItems, type EvidenceAction, type EvidenceItem } from './evidence-report.repository.js';

/** Everything a Nachweis shows, in whichever form (page, PDF, CSV): the renderers only lay it out. */
export type EvidenceReport = { practiceName: string; period: EvidencePeriod; createdAt: Date; operatorName: string; items: EvidenceItem[] };

export function buildEvidenceReport(db: Db, practice: { id: number; name: string }, period: EvidencePeriod, now: Date, operatorName: string): EvidenceReport {
  return { practiceName: practice.name, period, createdAt: now, operatorName, items: evidenceItems(db, practice.id, period) };
}

export const evidenceTitle = 'Nachweis für die IT-Sicherheitsrichtlinie';

/** What the document is, and what it is not; the same words on the page and in the PDF. */
export function evidenceIntro(): string[] {
  return [
    'Dieser Nachweis listet die Sicherheitswarnungen, die der Warndienst praxiswarn der Praxis im Zeitraum per E-Mail geschickt hat, die Antwort der Praxis auf „Betrifft uns?“ und die Maßnahmen, die die Praxis als erledigt vermerkt hat, mit Datum und Namen. Er hilft bei der Dokumentation nach der IT-Sicherheitsrichtlinie der KBV (§\u00a075b SGB\u00a0V).',
    'Aufgeführt sind die Warnungen, zu denen im Zeitraum eine E-Mail an die Praxis (oder an ihre Urlaubsvertretung) ging, und ältere Warnungen, die im Zeitraum beantwortet oder bei denen im Zeitraum eine Maßnahme vermerkt wurde. Störungsmeldungen der TI sind keine Sicherheitswarnungen und fehlen hier.',
    'Der Nachweis beruht auf den Angaben der Praxis. Er ist kein Zertifikat und keine Prüfung der IT der Praxis durch den Betreiber des Warndienstes oder Dritte.',
  ];
}

/** "01.10.2026 – 31.12.2026": the last day is the day before the exclusive end. */
export function periodRange(p: EvidencePeriod): string {
  return `${formatShortDate(p.from)} – ${formatShortDate(new Date(p.to.getTime() - 1))}`;
}

const timeOfDay = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });

/** "04.12.2026, 19:05 Uhr", in Europe/Berlin. */
export function formatDateTime(date: Date): string {
  return `${formatShortDate(date)}, ${timeOfDay.format(date)} Uhr`;
}

const reasonText = { nicht_im_einsatz: 'Produkt nicht im Einsatz', aktualisiert: 'bereits aktualisiert', anderes_modell: 'anderes Modell' } as const;

/** The answer to "Betrifft uns?" in words, without its date: "Nicht betroffen – bereits aktualisiert (Version 7.2)". */
export function answerText(item: EvidenceItem): string {
  const a = item.answer;
  if (!a) return 'Keine Antwort';
  if (a.answer === 'betroffen') return 'Betroffen';
  if (a.answer === 'unklar') return 'Weiß nicht';
  if (!a.reason) return 'Nicht betroffen';
  const version = a.reason === 'aktualisiert' && a.version ? ` (Version ${a.version})` : '';
  return `Nicht betroffen – ${reasonText[a.reason]}${version}`;
}

/** "beantwortet am 03.12.2026 von IT-Service Nord", or '' without an answer. */
export function answeredText(item: EvidenceItem): string {
  if (!item.answer) return '';
  return `beantwortet am ${formatShortDate(item.answer.answeredAt)}${item.answer.by ? ` von ${item.answer.by}` : ''}`;
}

/** "erledigt am 03.12.2026 von Anna Schmidt", "erledigt am 03.12.2026" or "offen". */
export function actionStatusText(action: EvidenceAction): string {
  if (!action.doneAt) return 'offen';
  return `erledigt am ${formatShortDate(action.doneAt)}${action.doneBy ? ` von ${action.doneBy}` : ''}`;
}

export function severityText(item: EvidenceItem): string {
  return severityLabel[item.severity];
}

/** The file name of a download: `nachweis-2026-Q4.pdf`. */
export function evidenceFileName(r: EvidenceReport, ext: 'pdf' | 'csv'): string {
  return `nachweis-${r.period.key}.${ext}`;
}

/** The lines at the head of the document, as label and value. */
export function evidenceHeader(r: EvidenceReport): [string, string][] {
  return [
    ['Praxis', r.practiceName],
    ['Zeitraum', `${r.period.label} (${periodRange(r.period)})`],
    ['Erstellt am', formatDateTime(r.createdAt)],
    ['Warndienst', `praxiswarn, betrieben von ${r.operatorName}`],
  ];
}
