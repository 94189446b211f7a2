import type { Severity } from '../../advisories/advisories.table.js';
import type { AdvisoryView } from '../advisory-view.js';
import { severityOrder } from '../severity-rank.js';
import type { RenderedMail } from './alert.js';
import { mailDocument } from './document.js';
import { footerText, type FooterData } from './footer.js';
import { severityLabel } from './format.js';
import { html } from './html.js';
import { oneLine } from './one-line.js';

export type DigestData = { practiceName: string; cadence: 'daily' | 'weekly'; advisories: AdvisoryView[]; footer: FooterData };

function countLabel(n: number): string {
  return n === 1 ? 'ein neuer Sicherheitshinweis' : `${n} neue Sicherheitshinweise`;
}

function groups(list: AdvisoryView[]): { severity: Severity; items: AdvisoryView[] }[] {
  return severityOrder.map((severity) => ({ severity, items: list.filter((a) => a.severity === severity) })).filter((g) => g.items.length > 0);
}

/** The German digest: what matched since the last one, most severe first; never rendered for an empty list. */
export function renderDigest(d: DigestData): RenderedMail {
  const period = d.cadence === 'daily' ? 'tägliche' : 'wöchentliche';
  const worst = groups(d.advisories)[0]!;
  const subject = oneLine(
    `Ihre ${period} Übersicht: ${countLabel(d.advisories.length)}${worst.severity === 'kritisch' || worst.severity === 'hoch' ? ` (höchste Einstufung: ${severityLabel[worst.severity]})` : ''}`,
    180,
  );
  const line = (a: AdvisoryView) => `${a.title} – ${a.products.map((p) => p.name).join(', ')}`;
  const text = [
    `Guten Tag, ${d.practiceName},`,
    '',
    `seit Ihrer letzten Übersicht gibt es ${countLabel(d.advisories.length)} zu Produkten Ihrer Praxis.`,
    '',
    ...groups(d.advisories).flatMap((g) => [
      `Einstufung ${severityLabel[g.severity]}:`,
      ...g.items.flatMap((a) => [
        `- ${line(a)}`,
        ...(a.actions[0] ? [`  Wichtigste Maßnahme: ${a.actions[0]}`] : []),
        `  ${a.url}`,
      ]),
      '',
    ]),
    ...footerText(d.footer),
  ].join('\n');
  const body = mailDocument(subject, d.practiceName, html`<p>seit Ihrer letzten Übersicht gibt es ${countLabel(d.advisories.length)} zu Produkten Ihrer Praxis.</p>
${groups(d.advisories).map(
    (g) => html`<h2 style="font-size: 16px;">Einstufung ${severityLabel[g.severity]}</h2>
<ul>${g.items.map(
      (a) => html`<li><a href="${a.url}">${a.title}</a><br>${a.products.map((p) => p.name).join(', ')}${a.actions[0] ? html`<br>Wichtigste Maßnahme: ${a.actions[0]}` : ''}</li>`,
    )}</ul>`,
  )}`, d.footer);
  return { subject, html: body, text };
}
