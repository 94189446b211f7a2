import type { AdvisoryView } from '../advisory-view.js';
import type { RenderedMail } from './alert.js';
import { mailDocument } from './document.js';
import { footerText, type FooterData } from './footer.js';
import { formatDate, severityLabel } from './format.js';
import { html } from './html.js';
import { oneLine } from './one-line.js';

export type ReminderData = { practiceName: string; advisory: AdvisoryView; releasedAt: Date | null; footer: FooterData };

/** The German reminder for a serious advisory whose actions the practice has not confirmed yet. */
export function renderReminder(d: ReminderData): RenderedMail {
  const a = d.advisory;
  const subject = oneLine(`Erinnerung [${severityLabel[a.severity]}]: ${a.title}`, 180);
  const since = d.releasedAt ? ` vom ${formatDate(d.releasedAt)}` : '';
  const intro = `zum Sicherheitshinweis${since} haben Sie noch nicht bestätigt, dass die empfohlenen Maßnahmen erledigt sind. Bitte prüfen Sie die folgenden Punkte, gegebenenfalls zusammen mit Ihrem IT-Dienstleister.`;
  const text = [
    `Guten Tag, ${d.practiceName},`,
    '',
    intro,
    '',
    a.title,
    `Einstufung: ${severityLabel[a.severity]}`,
    `Betroffen: ${a.products.map((p) => p.name).join(', ')}`,
    '',
    'Offene Maßnahmen:',
    ...a.actions.map((x, i) => `${i + 1}. ${x}`),
    '',
    `Als erledigt markieren und Details: ${a.url}`,
    '',
    ...footerText(d.footer),
  ].join('\n');
  const body = mailDocument(subject, d.practiceName, html`<p>${intro}</p>
<h1 style="font-size: 20px;">${a.title}</h1>
<p><strong>Einstufung:</strong> ${severityLabel[a.severity]}<br><strong>Betroffen:</strong> ${a.products.map((p) => p.name).join(', ')}</p>
<h2 style="font-size: 16px;">Offene Maßnahmen</h2>
<ol>${a.actions.map((x) => html`<li>${x}</li>`)}</ol>
<p><a href="${a.url}">Details ansehen und als erledigt markieren</a></p>`, d.footer);
  return { subject, html: body, text };
}
