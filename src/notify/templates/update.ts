import type { AdvisoryView } from '../advisory-view.js';
import type { RenderedMail } from './alert.js';
import { actionsHtml, actionsText, type AckUrls } from './actions.js';
import { greeting, mailDocument, practiceWords } from './document.js';
import { footerHtml, footerText, type FooterData } from './footer.js';
import { html } from './html.js';
import { productWords, subjectLine, titleGist } from './subject.js';
import { advisoryLinkText, leadHtml, urgencyFor, urgencyHtml, urgencyText, whatToDo } from './what-to-do.js';

export type UpdateData = { practiceName: string; advisory: AdvisoryView; changedFields: string[]; now: Date; ackUrls?: AckUrls; footer: FooterData };

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

/** The German update mail: what to do now, what changed, then the advisory as it stands now. */
export function renderUpdate(d: UpdateData): RenderedMail {
  const a = d.advisory;
  const changes = describeChanges(d.changedFields);
  const urgency = urgencyFor(a.severity, a.actions, a.products, a.exploited);
  const subject = subjectLine(urgency.label, productWords(a.products.map((p) => p.name)), titleGist(a.title, a.mentions), `(geändert: ${changes})`);
  const firstLine = whatToDo({ urgency, products: a.products, actions: a.actions, now: d.now });
  const productLine = (p: AdvisoryView['products'][number]) => (p.fixedVersion ? `${p.name} (behoben in Version ${p.fixedVersion})` : p.name);
  const intro = `ein Sicherheitshinweis für Ihre Praxis ${practiceWords(d.practiceName)}, zu dem wir Sie bereits gewarnt haben, wurde aktualisiert.`;
  const text = [
    firstLine,
    advisoryLinkText(a.url),
    '',
    greeting,
    '',
    `${intro} Geändert: ${changes}.`,
    '',
    a.title,
    '',
    ...urgencyText(urgency, a.severity, d.now),
    '',
    'Betroffen in Ihrer Praxis:',
    ...a.products.map((p) => `- ${productLine(p)}`),
    '',
    ...(a.actions.length ? ['Was Sie jetzt tun sollten:', ...actionsText(a.actions, d.ackUrls), ''] : []),
    ...footerText(d.footer),
  ].join('\n');
  const content = html`<p>${intro} Geändert: <strong>${changes}</strong>.</p>
<h1 style="font-size: 20px;">${a.title}</h1>
${urgencyHtml(urgency, a.severity, d.now)}
<h2 style="font-size: 16px;">Betroffen in Ihrer Praxis</h2>
<ul>${a.products.map((p) => html`<li>${productLine(p)}</li>`)}</ul>
${a.actions.length ? html`<h2 style="font-size: 16px;">Was Sie jetzt tun sollten</h2>${actionsHtml(a.actions, d.ackUrls)}` : ''}`;
  return { subject, html: mailDocument(subject, { lead: leadHtml(urgency, firstLine, a.url), content, foot: footerHtml(d.footer) }), text };
}
