import type { AdvisoryView } from '../advisory-view.js';
import type { RenderedMail } from './alert.js';
import { footerHtml, footerText, type FooterData } from './footer.js';
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
  const body = html`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; line-height: 1.5; max-width: 640px; margin: 0 auto; padding: 16px;">
<p>Guten Tag, ${d.practiceName},</p>
<p>${intro}</p>
<h1 style="font-size: 20px;">${a.title}</h1>
<p><strong>Einstufung:</strong> ${severityLabel[a.severity]}<br><strong>Betroffen:</strong> ${a.products.map((p) => p.name).join(', ')}</p>
<h2 style="font-size: 16px;">Offene Maßnahmen</h2>
<ol>${a.actions.map((x) => html`<li>${x}</li>`)}</ol>
<p><a href="${a.url}">Details ansehen und als erledigt markieren</a></p>
${footerHtml(d.footer)}
</body></html>`;
  return { subject, html: body.value, text };
}
