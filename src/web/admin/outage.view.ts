import type { AdvisoryDetails } from '../../advisories/advisories.repository.js';
import type { Session } from '../../admin/auth.usecases.js';
import { html, type SafeHtml } from '../../notify/templates/html.js';
import { csrfField } from './admin.layout.js';
import { practiceCount, when } from './admin.format.js';

export type OutageFacts = { optedIn: number; outageMails: number; resolvedMails: number };

/**
 * The editor's card on the kind of a report: security advisory or TI outage (a separate opt-in category), and for a
 * published outage the "Störung behoben melden" button, which sends the one follow-up to those who got the outage mail.
 */
export function outageCard(a: AdvisoryDetails, session: Session, facts: OutageFacts): SafeHtml {
  const canEdit = session.admin.role === 'editor' && ['draft', 'published', 'archive'].includes(a.status);
  const outage = a.category === 'ti_outage';
  const kind = outage
    ? html`<p><strong>TI-Störung</strong>: geht nur an Praxen, die „TI-Störungen“ gewählt haben (derzeit ${practiceCount(facts.optedIn)}), nicht nach Produkten; keine Sammelberichte, keine Erinnerungen, nicht in der öffentlichen Liste der Sicherheitswarnungen.</p>`
    : html`<p><strong>Sicherheitswarnung</strong>: geht an die Praxen mit den betroffenen Produkten.</p>`;
  const switchForm = canEdit
    ? html`<form method="post" action="/admin/meldungen/${a.id}/art">${csrfField(session)}<input type="hidden" name="category" value="${outage ? 'security' : 'ti_outage'}">
<div class="actions-row"><button class="secondary" type="submit">${outage ? 'Als Sicherheitswarnung einordnen' : 'Als TI-Störung einordnen'}</button></div></form>`
    : '';
  const state =
    outage && a.status === 'published'
      ? html`<p>${facts.outageMails === 1 ? '1 Störungsmeldung' : `${facts.outageMails} Störungsmeldungen`} geschrieben${a.resolvedAt ? html`; behoben gemeldet am ${when(a.resolvedAt)}, ${facts.resolvedMails === 1 ? '1 Folgemeldung' : `${facts.resolvedMails} Folgemeldungen`}` : ''}.</p>
${canEdit && !a.resolvedAt
  ? html`<form method="post" action="/admin/meldungen/${a.id}/stoerung-behoben">${csrfField(session)}<div class="actions-row"><button type="submit">Störung behoben melden</button></div>
<p class="muted">Schickt jeder Praxis, die die Störungsmeldung erhalten hat, genau eine Folgemeldung. Eine spätere gematik-Meldung mit „behoben“ tut das auch von selbst.</p></form>`
  : ''}`
      : '';
  return html`<div class="card" id="art"><h2>Art der Meldung</h2>${kind}${state}${switchForm}</div>`;
}
