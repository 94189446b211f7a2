import type { RenderedMail } from './alert.js';
import { greeting, mailDocument, practiceWords } from './document.js';
import { footerHtml, footerText, type FooterData } from './footer.js';
import { html, safeUrl } from './html.js';
import { oneLine } from './one-line.js';

export type OutageData = {
  practiceName: string;
  title: string;
  summary: string;
  /** The TI services the notice names (VSDM, E-Rezept, ...); may be empty. */
  services: string[];
  /** The advisory's public page, which lists the gematik notices. */
  url: string;
  /** The gematik notice itself, when it has a page. */
  sourceUrl: string | null;
  reportedAt: Date;
  /** Set for the follow-up: when the outage was reported resolved. */
  resolvedAt: Date | null;
  footer: FooterData;
};

const prefix = '[TI-Störung]';
const dateTime = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "4. Dezember 2026, 15:30 Uhr", in Europe/Berlin. */
function when(date: Date): string {
  return `${dateTime.format(date).replace(' um ', ', ')} Uhr`;
}

/**
 * The mail about a TI outage, or (with `resolvedAt`) about its end. Plain information: no urgency label, no actions
 * to tick, no "Betrifft uns?", because an outage of the TI is not something a practice fixes on its own devices.
 */
export function renderOutage(d: OutageData): RenderedMail {
  const resolved = d.resolvedAt !== null;
  const subject = oneLine(`${prefix} ${resolved ? 'Behoben: ' : ''}${d.title}`, 160);
  const what = d.services.length ? `der Telematikinfrastruktur (${d.services.join(', ')})` : 'der Telematikinfrastruktur';
  const firstLine = resolved
    ? `Die Störung ${what} ist laut gematik behoben (gemeldet am ${when(d.resolvedAt!)}).`
    : `Die gematik meldet eine Störung ${what}.`;
  const intro = resolved
    ? `wir hatten Ihre Praxis ${practiceWords(d.practiceName)} am ${when(d.reportedAt)} über diese Störung informiert. Sie ist inzwischen behoben. Funktioniert ein Dienst in Ihrer Praxis weiterhin nicht, wenden Sie sich bitte an Ihren IT-Dienstleister.`
    : `wir informieren Ihre Praxis ${practiceWords(d.practiceName)} über eine Störung ${what}. Das ist eine Betriebsstörung, keine Sicherheitswarnung: An Ihren Geräten müssen Sie deswegen nichts ändern. Wir schreiben Ihnen noch einmal, sobald die Störung als behoben gemeldet ist.`;
  const source = safeUrl(d.sourceUrl);
  const text = [
    firstLine,
    '',
    greeting,
    '',
    intro,
    '',
    d.title,
    ...(d.summary ? ['', d.summary] : []),
    '',
    ...(source ? [`Meldung der gematik: ${source}`] : []),
    `Meldung bei praxiswarn: ${d.url}`,
    '',
    ...footerText(d.footer),
  ].join('\n');
  const lead = html`<p style="background: #eef3f8; border-left: 4px solid #4a6f8a; padding: 12px;"><strong>${firstLine}</strong></p>`;
  const content = html`<p>${intro}</p>
<h1 style="font-size: 20px;">${d.title}</h1>
${d.summary ? html`<p>${d.summary}</p>` : ''}
<p>${source ? html`<a href="${source}">Meldung der gematik</a> · ` : ''}<a href="${d.url}">Meldung bei praxiswarn</a></p>`;
  return { subject, html: mailDocument(subject, { lead, content, foot: footerHtml(d.footer) }), text };
}
