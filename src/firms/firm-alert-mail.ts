import type { Severity } from '../advisories/advisories.table.js';
import { greeting, mailDocument } from '../notify/templates/document.js';
import { formatDate, severityLabel } from '../notify/templates/format.js';
import type { Operator } from '../notify/templates/footer.js';
import { html } from '../notify/templates/html.js';
import { oneLine } from '../notify/templates/one-line.js';
import type { RenderedMail } from '../notify/templates/alert.js';
import type { Urgency } from '../notify/urgency.js';
import { buttonStyle } from '../notify/templates/what-to-do.js';
import { firmFooter } from './firm-mails.js';

export type FirmAlertData = {
  firmName: string;
  title: string;
  summary: string;
  severity: Severity;
  urgency: Urgency;
  publishedAt: Date | null;
  products: string[];
  actions: string[];
  /** The firm's practices the advisory affects, by name. */
  practices: string[];
  advisoryUrl: string;
  pageUrl: string;
  unsubscribeUrl: string;
  operator: Operator;
};

/** One mail per advisory to a firm, listing every practice of its it affects; a pure function of its data. */
export function renderFirmAlert(d: FirmAlertData): RenderedMail {
  const count = d.practices.length === 1 ? 'eine Ihrer Praxen' : `${d.practices.length} Ihrer Praxen`;
  const subject = oneLine(`${d.urgency.label}: ${count} betroffen – ${d.title}`, 160);
  const firstLine = `${d.urgency.label}: Diese Warnung betrifft ${count}.${d.urgency.timeFrame ? ` Bitte handeln Sie ${d.urgency.timeFrame}.` : ''}`;
  const dated = d.publishedAt ? ` vom ${formatDate(d.publishedAt)}` : '';
  const intro = `für die Praxen, die Ihr Unternehmen ${`„${d.firmName}“`} betreut, gibt es einen neuen Sicherheitshinweis${dated}.`;
  const foot = firmFooter({
    why: 'Sie erhalten diese E-Mail, weil die genannten Praxen Sie bei praxiswarn als IT-Dienstleister eingeladen haben.',
    pageUrl: d.pageUrl,
    unsubscribeUrl: d.unsubscribeUrl,
    operator: d.operator,
  });
  const noActions = 'Die Quelle nennt keine konkreten Maßnahmen.';
  const text = [
    firstLine,
    `Offene Maßnahmen aller Praxen: ${d.pageUrl}`,
    '',
    greeting,
    '',
    intro,
    '',
    d.title,
    `Einstufung: ${severityLabel[d.severity]}`,
    '',
    'Betroffene Praxen:',
    ...d.practices.map((p) => `- ${p}`),
    '',
    ...(d.products.length ? ['Betroffene Produkte:', ...d.products.map((p) => `- ${p}`), ''] : []),
    'Was ist passiert?',
    d.summary || 'Details finden Sie auf der Seite der Warnung.',
    '',
    ...(d.actions.length ? ['Was zu tun ist:', ...d.actions.map((a, i) => `${i + 1}. ${a}`)] : [noActions]),
    '',
    `Die Warnung im Einzelnen: ${d.advisoryUrl}`,
    'In Ihrer Übersicht vermerken Sie für jede Praxis „Betrifft uns?“ und erledigte Maßnahmen.',
    '',
    ...foot.text,
  ].join('\n');
  const body = mailDocument(subject, {
    lead: html`<div style="border-left: 4px solid #1a4f8b; background: #f3f6fa; padding: 12px 16px; margin: 0 0 16px;">
<p style="margin: 0; font-size: 17px;"><strong>${firstLine}</strong></p>
<p style="margin: 12px 0 0;"><a href="${d.pageUrl}" style="${buttonStyle}">Offene Maßnahmen aller Praxen</a></p></div>`,
    content: html`<p>${intro}</p>
<h1 style="font-size: 20px;">${d.title}</h1>
<p>Einstufung: <strong>${severityLabel[d.severity]}</strong></p>
<h2 style="font-size: 16px;">Betroffene Praxen</h2>
<ul>${d.practices.map((p) => html`<li>${p}</li>`)}</ul>
${d.products.length ? html`<h2 style="font-size: 16px;">Betroffene Produkte</h2><ul>${d.products.map((p) => html`<li>${p}</li>`)}</ul>` : ''}
<h2 style="font-size: 16px;">Was ist passiert?</h2>
<p>${d.summary || 'Details finden Sie auf der Seite der Warnung.'}</p>
${d.actions.length ? html`<h2 style="font-size: 16px;">Was zu tun ist</h2><ol>${d.actions.map((a) => html`<li>${a}</li>`)}</ol>` : html`<p>${noActions}</p>`}
<p><a href="${d.advisoryUrl}">Die Warnung im Einzelnen</a> · In Ihrer <a href="${d.pageUrl}">Übersicht</a> vermerken Sie für jede Praxis „Betrifft uns?“ und erledigte Maßnahmen.</p>`,
    foot: foot.html,
  });
  return { subject, html: body, text };
}
