import type { AdvisoryView } from '../advisory-view.js';
import type { RenderedMail } from './alert.js';
import { actionsHtml, actionsText, type AckUrls } from './actions.js';
import { greeting, mailDocument, practiceWords } from './document.js';
import { footerHtml, footerText, type FooterData } from './footer.js';
import { formatDate } from './format.js';
import { html } from './html.js';
import { productWords, subjectLine, titleGist } from './subject.js';
import { advisoryLinkText, leadHtml, urgencyFor, urgencyHtml, urgencyText, whatToDo } from './what-to-do.js';
import { impactHtml, impactText, type AnswerUrls } from './impact.js';

export type ReminderData = {
  practiceName: string;
  advisory: AdvisoryView;
  releasedAt: Date | null;
  now: Date;
  ackUrls?: AckUrls;
  /** "Betrifft uns?": answering "Nicht betroffen" ends the reminders. */
  answerUrls?: AnswerUrls;
  footer: FooterData;
};

/** The German reminder for a serious advisory whose actions the practice has not confirmed yet. */
export function renderReminder(d: ReminderData): RenderedMail {
  const a = d.advisory;
  const urgency = urgencyFor(a.severity, a.actions, a.products, a.exploited);
  const subject = subjectLine(urgency.label, productWords(a.products.map((p) => p.name)), titleGist(a.title, a.mentions), '(Erinnerung)');
  const firstLine = whatToDo({ urgency, products: a.products, actions: a.actions, now: d.now });
  const since = d.releasedAt ? ` vom ${formatDate(d.releasedAt)}` : '';
  const intro = `für Ihre Praxis ${practiceWords(d.practiceName)} ist noch nicht bestätigt, dass die empfohlenen Maßnahmen zum Sicherheitshinweis${since} erledigt sind. Bitte prüfen Sie die folgenden Punkte, gegebenenfalls zusammen mit Ihrem IT-Dienstleister.`;
  const products = a.products.map((p) => p.name).join(', ');
  const text = [
    firstLine,
    advisoryLinkText(a.url),
    '',
    greeting,
    '',
    intro,
    '',
    a.title,
    `Betroffen: ${products}`,
    '',
    ...urgencyText(urgency, a.severity, d.now),
    '',
    'Offene Maßnahmen:',
    ...actionsText(a.actions, d.ackUrls),
    '',
    ...(d.answerUrls ? [...impactText(d.answerUrls), ''] : []),
    ...footerText(d.footer),
  ].join('\n');
  const content = html`<p>${intro}</p>
<h1 style="font-size: 20px;">${a.title}</h1>
<p><strong>Betroffen:</strong> ${products}</p>
${urgencyHtml(urgency, a.severity, d.now)}
<h2 style="font-size: 16px;">Offene Maßnahmen</h2>
${actionsHtml(a.actions, d.ackUrls)}
${d.answerUrls ? impactHtml(d.answerUrls) : ''}`;
  return { subject, html: mailDocument(subject, { lead: leadHtml(urgency, firstLine, a.url), content, foot: footerHtml(d.footer) }), text };
}
