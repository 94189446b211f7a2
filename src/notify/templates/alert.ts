import type { Severity } from '../../advisories/advisories.table.js';
import { formatDate } from './format.js';
import type { DeliverySettings } from '../settings.js';
import { greeting, mailDocument, practiceWords } from './document.js';
import { footerHtml, footerText, type FooterData } from './footer.js';
import { html } from './html.js';
import { productWords, subjectLine, titleGist, type TitleMentions } from './subject.js';
import { sourcesHtml, sourcesText, type SourceNotice } from './sources.js';
import { actionsHtml, actionsText, type AckUrls } from './actions.js';
import { advisoryLinkText, leadHtml, urgencyFor, urgencyHtml, urgencyText, whatToDo } from './what-to-do.js';
import { exploitedWords, firstLinePrefix, impactHtml, impactText, type AnswerUrls } from './impact.js';
import type { MimeMail } from '../mime.js';

export type AlertData = {
  practiceName: string;
  title: string;
  summary: string;
  severity: Severity;
  publishedAt: Date | null;
  /**
   * Only the practice's own affected products; `installedVersion` is the version the practice recorded, set only
   * when it is known to be affected (below the fixed version).
   */
  products: { name: string; fixedVersion: string | null; installedVersion?: string | null }[];
  /** Attackers already use the flaw: "Sofort handeln", said in the subject and the first line. */
  exploited?: boolean;
  actions: string[];
  sources: SourceNotice[];
  subscribedProducts: string[];
  unsubscribeUrl: string;
  operatorName: string;
  /** The advisory's public page (`/warnungen/<id>`): "Bin ich betroffen?". */
  advisoryUrl: string;
  /** The send time: the deadline of the first line counts from it. */
  now: Date;
  /** How the title names the advisory's products and vendors, so the subject does not repeat them. */
  mentions: TitleMentions;
  /** The operator with address and Impressum link for the foot of the mail. */
  operator?: DeliverySettings['operator'];
  /** The practice's settings page (signed link, no password). */
  manageUrl?: string;
  /** Signed "erledigt" links: one per action (same order) and one for all of them. */
  ackUrls?: AckUrls;
  /** Signed "Betrifft uns?" links, one per answer. */
  answerUrls?: AnswerUrls;
};

/** `encoded`: the bodies already quoted-printable in pieces, when the renderer has them (see alert-cache). */
export type RenderedMail = { subject: string; html: string; text: string; encoded?: MimeMail['encoded'] };

/** The German alert mail; a pure function of its data, HTML and plain text from the same parts. */
export function renderAlert(d: AlertData): RenderedMail {
  const urgency = urgencyFor(d.severity, d.actions, d.products, d.exploited);
  const subject = subjectLine(urgency.label, productWords(d.products.map((p) => p.name)), titleGist(d.title, d.mentions), d.exploited ? `(${exploitedWords})` : '');
  const firstLine = firstLinePrefix(Boolean(d.exploited), d.products) + whatToDo({ urgency, products: d.products, actions: d.actions, now: d.now });
  const productLine = (p: AlertData['products'][number]) =>
    p.fixedVersion ? `${p.name} (behoben in Version ${p.fixedVersion}${p.installedVersion ? `; bei Ihnen Version ${p.installedVersion}` : ''})` : p.name;
  const dated = d.publishedAt ? ` vom ${formatDate(d.publishedAt)}` : '';
  const intro = `für Ihre Praxis ${practiceWords(d.practiceName)} gibt es einen neuen Sicherheitshinweis${dated}.`;
  const why = `Sie erhalten diese E-Mail, weil Ihre Praxis Warnungen zu ${d.subscribedProducts.join(', ')} abonniert hat.`;
  const noActions = 'Die Quelle nennt keine konkreten Maßnahmen. Bitte wenden Sie sich bei Fragen an Ihren IT-Dienstleister.';
  const footer: FooterData = {
    why,
    manageUrl: d.manageUrl,
    unsubscribeUrl: d.unsubscribeUrl,
    operator: d.operator ?? { name: d.operatorName, address: '', imprintUrl: null },
  };

  const text = [
    firstLine,
    advisoryLinkText(d.advisoryUrl),
    '',
    greeting,
    '',
    intro,
    '',
    d.title,
    '',
    ...urgencyText(urgency, d.severity, d.now),
    '',
    'Was ist passiert?',
    d.summary || 'Details finden Sie in den unten genannten Quellen.',
    '',
    'Betroffen in Ihrer Praxis:',
    ...d.products.map((p) => `- ${productLine(p)}`),
    '',
    ...(d.actions.length ? ['Was Sie jetzt tun sollten:', ...actionsText(d.actions, d.ackUrls)] : [noActions]),
    '',
    ...(d.answerUrls ? [...impactText(d.answerUrls), ''] : []),
    ...(d.sources.length ? ['Quellen:', ...sourcesText(d.sources), ''] : []),
    ...footerText(footer),
  ].join('\n');

  const content = html`<p>${intro}</p>
<h1 style="font-size: 20px;">${d.title}</h1>
${urgencyHtml(urgency, d.severity, d.now)}
<h2 style="font-size: 16px;">Was ist passiert?</h2>
<p>${d.summary || 'Details finden Sie in den unten genannten Quellen.'}</p>
<h2 style="font-size: 16px;">Betroffen in Ihrer Praxis</h2>
<ul>${d.products.map((p) => html`<li>${productLine(p)}</li>`)}</ul>
${d.actions.length ? html`<h2 style="font-size: 16px;">Was Sie jetzt tun sollten</h2>${actionsHtml(d.actions, d.ackUrls)}` : html`<p>${noActions}</p>`}
${d.answerUrls ? impactHtml(d.answerUrls) : ''}
${d.sources.length ? html`<h2 style="font-size: 16px;">Quellen</h2>
${sourcesHtml(d.sources)}` : ''}`;
  const body = mailDocument(subject, { lead: leadHtml(urgency, firstLine, d.advisoryUrl), content, foot: footerHtml(footer) });
  return { subject, html: body, text };
}
