import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { listPublished, publishedFilterSchema } from '../../admin/published.repository.js';
import { severities } from '../../advisories/advisories.table.js';
import { products, vendors } from '../../catalog/catalog.table.js';
import { severityLabel } from '../../notify/templates/format.js';
import { html } from '../../notify/templates/html.js';
import type { WebDeps } from '../app.js';
import { adminPage } from './admin.layout.js';
import { takeFlash, type AdminEnv } from './admin.context.js';
import { severityBadge, when } from './admin.format.js';

export function publishedRoutes(deps: WebDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/veroeffentlicht', (c) => {
    const filter = publishedFilterSchema.parse(c.req.query());
    const items = listPublished(deps.db, filter);
    const vendorList = deps.db.select().from(vendors).orderBy(asc(vendors.name)).all();
    const productList = deps.db.select({ id: products.id, name: products.name, vendor: vendors.name }).from(products).innerJoin(vendors, eq(vendors.id, products.vendorId)).orderBy(asc(vendors.name), asc(products.name)).all();
    const opt = (value: string, label: string, current: string | undefined) => html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`;
    const body = html`<h1>Veröffentlichte Meldungen</h1>
<form method="get" action="/admin/veroeffentlicht" class="filters">
<div><label for="f-product">Produkt</label><select id="f-product" name="product"><option value="">alle</option>${productList.map((p) => opt(p.id, `${p.vendor}: ${p.name}`, filter.product))}</select></div>
<div><label for="f-vendor">Hersteller</label><select id="f-vendor" name="vendor"><option value="">alle</option>${vendorList.map((v) => opt(v.id, v.name, filter.vendor))}</select></div>
<div><label for="f-severity">Einstufung</label><select id="f-severity" name="severity"><option value="">alle</option>${severities.map((s) => opt(s, severityLabel[s], filter.severity))}</select></div>
<div><label for="f-from">Freigegeben ab</label><input id="f-from" name="from" type="date" value="${filter.from ?? ''}"></div>
<div><label for="f-to">bis</label><input id="f-to" name="to" type="date" value="${filter.to ?? ''}"></div>
<button type="submit">Filtern</button></form>
<table><thead><tr><th scope="col">Meldung</th><th scope="col">Einstufung</th><th scope="col">Produkte</th><th scope="col">Freigegeben</th><th scope="col" class="num">Version</th>
<th scope="col" class="num">In Warteschlange</th><th scope="col" class="num">Gesendet</th><th scope="col" class="num">Fehlgeschlagen</th><th scope="col" class="num">Erledigt</th></tr></thead><tbody>
${items.map(
  (a) => html`<tr><td><a href="/admin/meldungen/${a.id}">${a.title}</a></td><td>${severityBadge(a.severity)}</td>
<td>${a.products.map((p) => html`<div>${p.name}</div>`)}</td><td>${when(a.releasedAt)}</td><td class="num">${a.revision}</td>
<td class="num">${a.counts.queued}</td><td class="num">${a.counts.sent}</td><td class="num">${a.counts.failed}</td><td class="num">${a.counts.acknowledged}</td></tr>`,
)}</tbody></table>${items.length === 0 ? html`<p>Keine veröffentlichten Meldungen für diese Auswahl.</p>` : ''}`;
    return c.html(adminPage({ title: 'Veröffentlicht', session: c.get('session'), current: '/admin/veroeffentlicht', ...takeFlash(c, deps) }, body));
  });
  return app;
}
