import { Hono } from 'hono';
import { acceptProposal, catalogOverview, dismissProposal, openProposals } from '../../admin/catalog-admin.usecases.js';
import { productCategories } from '../../catalog/catalog.table.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage, csrfField } from './admin.layout.js';
import { actorOf, first, germanIssues, readForm, setFlash, takeFlash, type AdminEnv } from './admin.context.js';

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function catalogRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/katalog', (c) => {
    const session = c.get('session');
    const overview = catalogOverview(deps.db);
    const proposals = openProposals(deps.db);
    const editor = session.admin.role === 'editor';
    const body = html`<h1>Katalog</h1>
<h2>Vorschläge des Extraktors (${proposals.length})</h2>
${proposals.length === 0 ? html`<p class="muted">Keine offenen Vorschläge.</p>` : ''}
${proposals.map(
  (p) => html`<div class="card"><p><strong>${p.name}</strong> <span class="muted">· ${p.seenCount}× gesehen</span></p><p class="evidence">„${p.evidence}“</p>
${editor
    ? html`<form method="post" action="/admin/katalog/vorschlaege/${p.id}/annehmen">${csrfField(session)}<div class="inline">
<div><label for="pid-${p.id}">Produkt-Kennung</label><input id="pid-${p.id}" name="productId" type="text" value="${slug(`${p.vendorId ?? ''} ${p.name}`)}"></div>
<div><label for="pname-${p.id}">Name</label><input id="pname-${p.id}" name="name" type="text" value="${p.name}"></div>
<div><label for="pvendor-${p.id}">Hersteller</label><select id="pvendor-${p.id}" name="vendorId">${overview.map((v) => html`<option value="${v.id}"${v.id === p.vendorId ? html` selected` : ''}>${v.name}</option>`)}</select></div>
<div><label for="pcat-${p.id}">Kategorie</label><select id="pcat-${p.id}" name="category">${productCategories.map((k) => html`<option value="${k}">${k}</option>`)}</select></div>
<div class="narrow"><button type="submit">Übernehmen</button></div></div></form>
<form method="post" action="/admin/katalog/vorschlaege/${p.id}/verwerfen">${csrfField(session)}<button class="small secondary" type="submit">Verwerfen</button></form>`
    : ''}</div>`,
)}
<p class="muted">Übernommene Produkte können sofort Meldungen zugeordnet werden. Damit der Extraktor sie selbst erkennt, gehören sie auch in config/catalog.json.</p>
<h2>Hersteller und Produkte</h2>
<table><thead><tr><th scope="col">Hersteller</th><th scope="col">Produkt</th><th scope="col">Kategorie</th><th scope="col">Auch genannt</th></tr></thead><tbody>
${overview.map((v) =>
  v.products.map(
    (p, i) => html`<tr>${i === 0 ? html`<td rowspan="${v.products.length}"><strong>${v.name}</strong>${v.aliases.length ? html`<div class="muted">${v.aliases.join(', ')}</div>` : ''}</td>` : ''}<td>${p.name} <span class="muted">(${p.id})</span></td><td>${p.category}</td><td>${p.aliases.join(', ')}</td></tr>`,
  ),
)}</tbody></table>`;
    return c.html(adminPage({ title: 'Katalog', session, current: '/admin/katalog', ...takeFlash(c, deps) }, body));
  });

  app.post('/katalog/vorschlaege/:id{[0-9]+}/annehmen', async (c) => {
    const form = await readForm(c);
    try {
      acceptProposal(deps.db, actorOf(c), Number(c.req.param('id')), { productId: first(form, 'productId'), vendorId: first(form, 'vendorId'), name: first(form, 'name'), category: first(form, 'category') }, deps.clock());
      setFlash(c, deps, 'Produkt übernommen.');
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
    }
    return c.redirect('/admin/katalog', 303);
  });
  app.post('/katalog/vorschlaege/:id{[0-9]+}/verwerfen', (c) => {
    try {
      dismissProposal(deps.db, actorOf(c), Number(c.req.param('id')), deps.clock());
      setFlash(c, deps, 'Vorschlag verworfen.');
    } catch (error) {
      setFlash(c, deps, germanIssues(error), 'error');
    }
    return c.redirect('/admin/katalog', 303);
  });
  return app;
}
