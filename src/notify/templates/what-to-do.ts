import type { Severity } from '../../advisories/advisories.table.js';
import { deadlineWords, severityMeaning, advisoryUrgency, type Urgency } from '../urgency.js';
import { severityLabel } from './format.js';
import { html, type SafeHtml } from './html.js';

// The parts every mail about an advisory shares: the first line (what to do by when), the button to the advisory's
// page, and "Wie dringend?" with the severity in plain words.

export const buttonStyle = 'display: inline-block; background: #1a4f8b; color: #ffffff; padding: 10px 18px; border-radius: 4px; text-decoration: none; font-weight: bold;';
export const smallButtonStyle = 'display: inline-block; border: 1px solid #1a4f8b; color: #1a4f8b; padding: 1px 8px; border-radius: 4px; font-size: 13px; text-decoration: none; white-space: nowrap;';
const levelColor: Record<Urgency['level'], string> = { sofort: '#b00020', zeitnah: '#a34700', kenntnis: '#1a4f8b' };

export const advisoryLinkLabel = 'Bin ich betroffen? – Warnung im Browser öffnen';

/** The advisory's public page as the text part shows it. */
export function advisoryLinkText(url: string): string {
  return `${advisoryLinkLabel}: ${url}`;
}

export type WhatToDo = {
  urgency: Urgency;
  /** The practice's affected products, with the version that fixes each. */
  products: { name: string; fixedVersion: string | null }[];
  actions: string[];
  now: Date;
};

const plainName = (name: string) => name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();

/**
 * The urgency of an advisory for a practice: a version that fixes one of its products counts as something to do; a
 * recorded version below it (`installedVersion`, set only then) makes the practice known to be affected.
 */
export function urgencyFor(severity: Severity, actions: string[], products: (WhatToDo['products'][number] & { installedVersion?: string | null })[], exploited = false): Urgency {
  const versionAffected = products.some((p) => p.installedVersion && p.fixedVersion) ? true : null;
  return advisoryUrgency({ severity, actions, products, exploited }, versionAffected);
}
const updateWords = /aktualisier|update|einspiel|installier/i;

/**
 * The first line of a mail about an advisory: what to do by when, e.g. "Bitte aktualisieren Sie FRITZ!Box bis
 * spätestens 18.12.2026 auf Version 8.02." or "Bitte erledigen Sie die Maßnahmen unten noch heute."
 */
export function whatToDo({ urgency, products, actions, now }: WhatToDo): string {
  const when = deadlineWords(urgency, now);
  if (!when) {
    return actions.length
      ? 'Kein Termindruck: Erledigen Sie die Maßnahmen unten bei Gelegenheit, zum Beispiel beim nächsten Update.'
      : 'Sie müssen nichts tun: Diese Warnung ist zu Ihrer Information.';
  }
  const fixed = products.filter((p) => p.fixedVersion);
  if (fixed.length === 1) {
    const p = fixed[0]!;
    // The update is usually one of the actions; the others are named as "weitere".
    const updateAction = actions.some((a) => a.includes(p.fixedVersion!) || updateWords.test(a)) ? 1 : 0;
    const others = actions.length - updateAction;
    const more = others === 0 ? '' : others === 1 ? ' und erledigen Sie die weitere Maßnahme unten' : ' und erledigen Sie die weiteren Maßnahmen unten';
    return `Bitte aktualisieren Sie ${plainName(p.name)} ${when} auf Version ${p.fixedVersion}${more}.`;
  }
  if (actions.length === 0) return `Bitte klären Sie ${when} mit Ihrem IT-Dienstleister, ob Ihre Praxis betroffen ist.`;
  return `Bitte erledigen Sie ${actions.length === 1 ? 'die Maßnahme' : 'die Maßnahmen'} unten ${when}.`;
}

/** "Zeitnah handeln – bitte innerhalb einer Woche, bis spätestens 18.12.2026." */
export function urgencySentence(urgency: Urgency, now: Date): string {
  const when = deadlineWords(urgency, now);
  if (!urgency.timeFrame || !when) return `${urgency.label} – es gibt keine Frist.`;
  return urgency.days === 0 ? `${urgency.label} – bitte ${when}.` : `${urgency.label} – bitte ${urgency.timeFrame}, ${when}.`;
}

/** "Einstufung „Hoch“ bedeutet: Ernstes Risiko. …", for a reader without IT knowledge. */
export function severitySentence(severity: Severity): string {
  return severity === 'unbekannt' ? `Keine Einstufung: ${severityMeaning[severity]}` : `Einstufung „${severityLabel[severity]}“ bedeutet: ${severityMeaning[severity]}`;
}

export function urgencyText(urgency: Urgency, severity: Severity, now: Date): string[] {
  return ['Wie dringend?', urgencySentence(urgency, now), severitySentence(severity)];
}

export function urgencyHtml(urgency: Urgency, severity: Severity, now: Date): SafeHtml {
  return html`<h2 style="font-size: 16px;">Wie dringend?</h2>
<p><strong style="color: ${levelColor[urgency.level]};">${urgencySentence(urgency, now)}</strong><br>${severitySentence(severity)}</p>`;
}

/** The box at the top of the HTML part: the first line and the button to the advisory's page. */
export function leadHtml(urgency: Urgency, firstLine: string, advisoryUrl: string | null): SafeHtml {
  return html`<div style="border-left: 4px solid ${levelColor[urgency.level]}; background: #f3f6fa; padding: 12px 16px; margin: 0 0 16px;">
<p style="margin: 0; font-size: 17px;"><strong>${firstLine}</strong></p>
${advisoryUrl ? html`<p style="margin: 12px 0 0;"><a href="${advisoryUrl}" style="${buttonStyle}">${advisoryLinkLabel}</a></p>` : ''}
</div>`;
}
