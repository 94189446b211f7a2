import type { AdvisoryView } from '../advisory-view.js';
import type { RenderedMail } from './alert.js';
import { mailDocument } from './document.js';
import { footerText, type FooterData } from './footer.js';
import { severityLabel } from './format.js';
import { html } from './html.js';
import { oneLine } from './one-line.js';

export type UpdateData = { practiceName: string; advisory: AdvisoryView; changedFields: string[]; footer: FooterData };

const fieldLabels: Record<string, string> = {
  products: 'betroffene Produkte',
  fixedVersion: 'behobene Version',
  fixedVersions: 'behobene Version',
  versions: 'Versionen',
  actions: 'Maßnahmen',
  severity: 'Einstufung',
};

/** "Einstufung und Maßnahmen": the material changes in words, in a stable order. */
export function describeChanges(fields: string[]): string {
  const labels = [...new Set(fields.map((f) => fieldLabels[f]).filter((l): l is string => Boolean(l)))];
  if (labels.length === 0) return 'Inhalt';
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} und ${labels[labels.length - 1]}`;
}

/** The German update mail: what changed, then the advisory as it stands now. */
export function renderUpdate(d: UpdateData): RenderedMail {
  const a = d.advisory;
  const changes = describeChanges(d.changedFields);
  const subject = oneLine(`[Aktualisiert] ${a.title}: ${changes} geändert`, 180);
  const productLine = (p: AdvisoryView['products'][number]) => (p.fixedVersion ? `${p.name} (behoben in Version ${p.fixedVersion})` : p.name);
  const text = [
    `Guten Tag, ${d.practiceName},`,
    '',
    `ein Sicherheitshinweis, zu dem wir Sie bereits gewarnt haben, wurde aktualisiert. Geändert haben sich: ${changes}.`,
    '',
    a.title,
    `Einstufung: ${severityLabel[a.severity]}`,
    '',
    'Betroffen in Ihrer Praxis:',
    ...a.products.map((p) => `- ${productLine(p)}`),
    '',
    ...(a.actions.length ? ['Was Sie jetzt tun sollten:', ...a.actions.map((x, i) => `${i + 1}. ${x}`)] : []),
    '',
    `Der vollständige Hinweis: ${a.url}`,
    '',
    ...footerText(d.footer),
  ].join('\n');
  const body = mailDocument(subject, d.practiceName, html`<p>ein Sicherheitshinweis, zu dem wir Sie bereits gewarnt haben, wurde aktualisiert. Geändert haben sich: <strong>${changes}</strong>.</p>
<h1 style="font-size: 20px;">${a.title}</h1>
<p><strong>Einstufung:</strong> ${severityLabel[a.severity]}</p>
<h2 style="font-size: 16px;">Betroffen in Ihrer Praxis</h2>
<ul>${a.products.map((p) => html`<li>${productLine(p)}</li>`)}</ul>
${a.actions.length ? html`<h2 style="font-size: 16px;">Was Sie jetzt tun sollten</h2><ol>${a.actions.map((x) => html`<li>${x}</li>`)}</ol>` : ''}
<p><a href="${a.url}">Vollständigen Hinweis ansehen</a></p>`, d.footer);
  return { subject, html: body, text };
}
