import { Hono } from 'hono';
import { reviewQueue } from '../../admin/review.repository.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage } from './admin.layout.js';
import { takeFlash, type AdminEnv } from './admin.context.js';
import { severityBadge, when } from './admin.format.js';

/** The review queue: drafts newest first, with what decides which to open first. */
export function queueRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) => {
    const rejected = c.req.query('status') === 'abgelehnt';
    const items = reviewQueue(deps.db, { status: rejected ? 'rejected' : 'draft', limit: rejected ? 100 : 200 });
    const rows = items.map(
      (a) => html`<tr>
<td><a href="/admin/meldungen/${a.id}">${a.title}</a><div class="muted">#${a.id} · erfasst ${when(a.createdAt)}</div></td>
<td>${a.sources.map((s) => html`<div>${s.name}</div>`)}</td>
<td>${severityBadge(a.severity)}</td>
<td>${a.products.length ? a.products.map((p) => html`<div>${p.name}</div>`) : html`<span class="err">kein Produkt</span>`}</td>
<td>${a.relevanceReason}${a.rejectReason && a.rejectReason !== a.relevanceReason ? html`<div class="muted">Abgelehnt: ${a.rejectReason}</div>` : ''}</td>
<td class="num">${a.audience.immediate}${a.audience.digest ? html`<div class="muted">+ ${a.audience.digest} im Sammelbericht</div>` : ''}</td>
</tr>`,
    );
    const body = html`<h1>Prüfliste</h1>
<nav class="actions-row" aria-label="Ansicht"><a href="/admin"${rejected ? '' : html` aria-current="page"`}>Entwürfe</a> <a href="/admin?status=abgelehnt"${rejected ? html` aria-current="page"` : ''}>Abgelehnt (auch vom Extraktor als nicht relevant erkannt)</a></nav>
<p class="muted">${rejected
  ? 'Die letzten 100 abgelehnten Meldungen; eine zu Unrecht abgelehnte können Sie im Editor wieder öffnen.'
  : items.length === 0 ? 'Keine Entwürfe offen.' : items.length === 1 ? '1 Entwurf wartet auf Prüfung.' : `${items.length} Entwürfe warten auf Prüfung, neueste zuerst.`}</p>
${items.length
  ? html`<table><caption class="muted">Entwürfe</caption><thead><tr><th scope="col">Meldung</th><th scope="col">Quelle</th><th scope="col">Einstufung</th><th scope="col">Produkte</th><th scope="col">Warum relevant</th><th scope="col" class="num">Empfänger</th></tr></thead>
<tbody>${rows}</tbody></table>`
  : ''}`;
    return c.html(adminPage({ title: 'Prüfliste', session: c.get('session'), current: '/admin', ...takeFlash(c, deps) }, body));
  });
  return app;
}
