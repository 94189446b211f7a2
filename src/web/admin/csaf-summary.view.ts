import type { CsafSummary } from '../../admin/csaf-summary.js';
import { html, safeUrl, type SafeHtml } from '../../notify/templates/html.js';
import { day } from './admin.format.js';

/**
 * A CSAF document as an editor reads it: what happened, which versions are affected and fixed, what to do, how severe
 * in words, and the JSON one click away. `idPrefix` keeps ids unique when an advisory has several notices.
 */
export function csafSummaryView(s: CsafSummary, idPrefix: string): SafeHtml {
  const list = <T>(heading: string, items: T[], item: (x: T) => SafeHtml) => (items.length ? html`<h4>${heading}</h4><ul>${items.map((x) => html`<li>${item(x)}</li>`)}</ul>` : '');
  const link = (url: string | null, text: string) => (safeUrl(url) ? html`<a href="${safeUrl(url)!}" rel="noopener noreferrer" target="_blank">${text}</a>` : html`${text}`);
  return html`<div class="csaf-summary">
<p><strong>${s.title}</strong></p>
<dl class="facts">
<dt>Kennung</dt><dd>${s.trackingId}${s.version ? ` (Fassung ${s.version})` : ''}</dd>
<dt>Veröffentlicht</dt><dd>${day(s.released)}${s.firstReleased ? `, zuerst am ${day(s.firstReleased)}` : ''}</dd>
${s.publisher ? html`<dt>Herausgeber</dt><dd>${s.publisher}</dd>` : ''}
${s.rating ? html`<dt>Einstufung</dt><dd>${s.rating} (laut Herausgeber)</dd>` : ''}
${s.worstCvss ? html`<dt>CVSS</dt><dd id="${idPrefix}csaf-cvss">${s.worstCvss.text}${s.worstCvss.cve ? ` (${s.worstCvss.cve})` : ''}</dd>` : ''}
</dl>
${s.notes.map((n) => html`<h4>${n.title ?? 'Beschreibung'}</h4><p>${n.text}</p>`)}
${list('Produkte und Versionen', s.products, (p) => html`<strong>${p.name}</strong>: ${[p.affected.length ? `betroffen ${p.affected.join(', ')}` : '', p.fixed.length ? `behoben in ${p.fixed.join(', ')}` : ''].filter(Boolean).join('; ') || 'ohne Versionsangabe'}`)}
${list('Abhilfe', s.remediations, (r) => html`<strong>${r.kind}</strong>${r.details ? html`: ${link(r.url, r.details)}` : ''}${r.products.length ? ` (für ${r.products.join(', ')})` : ''}`)}
${list('Schwachstellen', s.vulnerabilities, (v) => html`<strong>${v.cve ?? 'ohne CVE'}</strong>${v.description ? `: ${v.description}` : ''}${v.cvss ? html`<br><span class="muted">CVSS ${v.cvss}</span>` : ''}`)}
${list('Verweise', s.references, (r) => link(r.url, r.summary))}
<details><summary>JSON des Dokuments anzeigen</summary><pre class="notice-text">${s.json}</pre></details>
</div>`;
}
