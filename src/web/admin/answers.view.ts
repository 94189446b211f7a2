import type { Context } from 'hono';
import { answerCounts, answeredPractices, unansweredPractices, type AnswerCounts } from '../../admin/answer-stats.repository.js';
import { getAdvisory } from '../../advisories/advisories.repository.js';
import { html, type SafeHtml } from '../../notify/templates/html.js';
import { answerWords } from '../../practices/answers.view.js';
import type { WebDeps } from '../app.js';
import { adminPage } from './admin.layout.js';
import type { AdminEnv } from './admin.context.js';
import { when } from './admin.format.js';

/** The "Betrifft uns?" cell of the published list: counts per answer, linked to who answered what and who not. */
export function answerCountsCell(advisoryId: number, c: AnswerCounts): SafeHtml {
  return html`<a href="/admin/veroeffentlicht/${advisoryId}/antworten" title="Antworten der Praxen ansehen">${c.betroffen} betroffen · ${c.nicht_betroffen} nicht betroffen · ${c.unklar} weiß nicht · ${c.keine} keine Antwort</a>`;
}

/** `/admin/veroeffentlicht/:id/antworten`: each practice's answer to the advisory, and the matched practices without one. */
export function answersPage(deps: WebDeps) {
  return (c: Context<AdminEnv>) => {
    const id = Number(c.req.param('id'));
    const advisory = Number.isInteger(id) ? getAdvisory(deps.db, id) : undefined;
    if (!advisory) return c.notFound();
    const counts = answerCounts(deps.db, id);
    const answered = answeredPractices(deps.db, id);
    const missing = unansweredPractices(deps.db, id);
    const practiceLink = (p: { id: number; name: string; email: string }) => html`<a href="/admin/praxen/${p.id}">${p.name}</a> (${p.email})`;
    const body = html`<h1>Betrifft uns? – <a href="/admin/meldungen/${id}">${advisory.title}</a></h1>
<p>${counts.betroffen} betroffen · ${counts.nicht_betroffen} nicht betroffen · ${counts.unklar} weiß nicht · ${counts.keine} keine Antwort</p>
<h2 id="ohne-antwort">Ohne Antwort (${missing.length})</h2>
${missing.length ? html`<ul>${missing.map((p) => html`<li>${practiceLink(p)}</li>`)}</ul>` : html`<p>Alle benachrichtigten Praxen haben geantwortet.</p>`}
<h2 id="antworten">Antworten (${answered.length})</h2>
${
  answered.length
    ? html`<table><thead><tr><th scope="col">Praxis</th><th scope="col">Antwort</th><th scope="col">Wann</th></tr></thead><tbody>
${answered.map((a) => html`<tr><td>${practiceLink(a)}</td><td>${answerWords(a)}${a.byFirm ? ' – vom IT-Dienstleister' : ''}</td><td>${when(a.answeredAt)}</td></tr>`)}</tbody></table>`
    : html`<p>Noch keine Antworten.</p>`
}
<p><a href="/admin/veroeffentlicht">Zurück zur Liste</a></p>`;
    return c.html(adminPage({ title: 'Antworten', session: c.get('session'), current: '/admin/veroeffentlicht' }, body));
  };
}
