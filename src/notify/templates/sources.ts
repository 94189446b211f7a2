import { sourceLinks } from '../source-links.js';
import { formatDate } from './format.js';
import { html, safeUrl, type SafeHtml } from './html.js';

/** A notice an advisory was made from; `externalId` is the publisher's id (a CSAF tracking id for BSI WID). */
export type SourceNotice = { publisher: string; title: string; url: string | null; externalId?: string | null; publishedAt: Date | null };

export const machineReadableLabel = 'Maschinenlesbare Fassung (CSAF)';

const label = (s: SourceNotice) => `${s.publisher}: ${s.title}${s.publishedAt ? ` (${formatDate(s.publishedAt)})` : ''}`;

function links(s: SourceNotice) {
  const { page, machine } = sourceLinks(s);
  return { page: safeUrl(page), machine: safeUrl(machine) };
}

/** The sources, each with its readable page first and a machine-readable file (CSAF) only as a second link. */
export function sourcesText(list: SourceNotice[]): string[] {
  return list.map((s) => {
    const { page, machine } = links(s);
    return [`- ${label(s)}`, ...(page ? [`  ${page}`] : []), ...(machine ? [`  ${machineReadableLabel}: ${machine}`] : [])].join('\n');
  });
}

export function sourcesHtml(list: SourceNotice[]): SafeHtml {
  return html`<ul>${list.map((s) => {
    const { page, machine } = links(s);
    const main = page ? html`<a href="${page}">${label(s)}</a>` : html`${label(s)}`;
    return html`<li>${main}${machine ? html`<br><a href="${machine}" style="font-size: 13px;">${machineReadableLabel}</a>` : ''}</li>`;
  })}</ul>`;
}
