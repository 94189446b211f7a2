import { sourceLinks } from '../../notify/source-links.js';
import { formatDate } from '../../notify/templates/format.js';
import { html, safeUrl, type SafeHtml } from '../../notify/templates/html.js';
import type { PublicAdvisory } from './public-advisories.repository.js';

/** The public page of a TI outage: what the gematik reported, whether it is over, its notices. Not a security warning. */
export function outagePage(a: PublicAdvisory): SafeHtml {
  const state = a.resolvedAt
    ? html`<p class="notice" role="status"><strong>Behoben</strong> laut gematik, gemeldet am ${formatDate(a.resolvedAt)}.</p>`
    : html`<p class="notice" role="status"><strong>Störung</strong> – noch nicht als behoben gemeldet.</p>`;
  return html`<p><a href="/warnungen">← Alle Warnungen</a></p>
<h1>${a.title}</h1>
<p>TI-Störung, gemeldet am ${formatDate(a.releasedAt ?? a.createdAt)}. Das ist eine Betriebsstörung der Telematikinfrastruktur, keine Sicherheitswarnung: An Ihren Geräten müssen Sie deswegen nichts ändern.</p>
${state}
${a.summary ? html`<h2>Was meldet die gematik?</h2><p>${a.summary}</p>` : ''}
${a.sources.length
  ? html`<h2>Quellen</h2><ul class="sources">${a.sources.map((s) => {
      const page = safeUrl(sourceLinks({ url: s.url }).page);
      const label = html`${s.publisher}: ${s.title}${s.publishedAt ? ` (${formatDate(s.publishedAt)})` : ''}`;
      return html`<li>${page ? html`<a href="${page}" rel="noopener noreferrer">${label}</a>` : label}</li>`;
    })}</ul>`
  : ''}
<p class="notice">Meldungen zu TI-Störungen können Sie beim <a href="/abonnieren">Abonnieren</a> oder später in Ihren Einstellungen wählen.</p>`;
}
