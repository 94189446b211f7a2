import { formatDate, severityLabel } from '../../notify/templates/format.js';
import { html, type SafeHtml } from '../../notify/templates/html.js';
import { categoryLabels } from '../../practices/preferences.models.js';
import { isFiltered, kindLabels, kinds, listSearch, minSeverities, minSeverityLabels, periods, type AdvisoryKind, type ListQuery } from './advisory-filter.js';
import type { filterOptions, ListedAdvisory } from './advisory-search.repository.js';
import { vendorHint } from './product-label.js';

export type Options = ReturnType<typeof filterOptions>;
export type ListResult = { rows: ListedAdvisory[]; counts: Record<AdvisoryKind, number>; total: number };

export const kindRule =
  'Als „Sicherheitslücke“ führen wir eine Meldung, die eine CVE-Kennung oder eine betroffene bzw. behobene Version nennt, also einen Fehler, den ein Update schließt; alles andere, etwa Fristen, Störungen der TI oder Angriffe auf einen Hersteller, steht unter „Weitere Hinweise“.';

/** The words of a filter, for the result line and the feed's subtitle: `Produkt „x.isynet“`, `ab Hoch`. */
export function describeFilter(query: ListQuery, options: Options): string[] {
  const product = options.products.find((p) => p.id === query.produkt);
  const vendor = options.vendors.find((v) => v.id === query.hersteller);
  return [
    query.q ? `Suche „${query.q}“` : '',
    query.produkt ? `Produkt „${product?.name ?? query.produkt}“` : '',
    query.hersteller ? `Hersteller „${vendor?.name ?? query.hersteller}“` : '',
    query.bereich ? `Bereich „${categoryLabels[query.bereich]}“` : '',
    query.einstufung ? `Einstufung ${minSeverityLabels[query.einstufung]}` : '',
    query.zeitraum ? periods[query.zeitraum] : '',
    query.art ? `nur ${kindLabels[query.art]}` : '',
  ].filter(Boolean);
}

/** `/warnungen`: search and filters (a GET form), the kinds apart, the affected products per row, paging. */
export function advisoryListPage(query: ListQuery, result: ListResult, options: Options, pages: number): SafeHtml {
  const all = result.counts.luecken + result.counts.hinweise;
  return html`<h1>Veröffentlichte Sicherheitswarnungen</h1>
<p>Sicherheitswarnungen zu Praxissoftware, Routern, TI-Komponenten und Windows, neueste zuerst, jeweils mit dem Datum der Quelle. Neue Warnungen schicken wir abonnierten Praxen per E-Mail, wenn sie deren Produkte betreffen. Meldungen mit dem Vermerk <strong>Archiv</strong> waren schon älter, als wir sie gefunden haben; sie wurden nicht per E-Mail verschickt.</p>
${filterForm(query, options)}
<nav class="kinds" aria-label="Art der Meldung">${[undefined, ...kinds].map((kind) => {
    const label = kind ? kindLabels[kind] : 'Alle';
    const count = kind ? result.counts[kind] : all;
    return html`<a href="/warnungen${listSearch(query, { art: kind, seite: 1 })}" ${query.art === kind ? html`aria-current="page"` : ''}>${label} <span class="count">(${count})</span></a>`;
  })}</nav>
<p class="hint">${kindRule}</p>
${resultLine(query, result, options)}
${sections(query, result.rows)}
${pager(query, pages)}
<p>Diese Liste gibt es auch als <a href="/warnungen.atom${listSearch(query, { seite: 1 })}">Atom-Feed</a> für Feedreader (nur neue Meldungen, ohne Archiv) – oder Sie <a href="/abonnieren">abonnieren Warnungen per E-Mail</a>, dann nur zu Ihren Produkten.</p>`;
}

function filterForm(query: ListQuery, options: Options): SafeHtml {
  const chosen = (value: string | undefined, option: string) => (value === option ? html`selected` : '');
  const open = Boolean(query.produkt || query.hersteller || query.bereich || query.einstufung || query.zeitraum);
  const productGroups = options.categories.map(
    (category) => html`<optgroup label="${categoryLabels[category]}">${options.products
      .filter((p) => p.category === category)
      .map((p) => html`<option value="${p.id}" ${chosen(query.produkt, p.id)}>${p.name}</option>`)}</optgroup>`,
  );
  return html`<form method="get" action="/warnungen" class="list-filters" role="search" aria-label="Warnungen durchsuchen">
${query.art ? html`<input type="hidden" name="art" value="${query.art}">` : ''}
<label for="suche">Suchen</label>
<p class="hint" id="suche-hinweis">In Titel, Beschreibung und Produktnamen, z. B. „FRITZ!Box“ oder „Konnektor“.</p>
<div class="search-row"><input type="search" id="suche" name="q" value="${query.q}" maxlength="100" aria-describedby="suche-hinweis"><button type="submit">Suchen</button></div>
<details class="more-filters" ${open ? html`open` : ''}><summary>Nach Produkt, Hersteller, Bereich, Einstufung oder Zeitraum filtern</summary>
<div class="filter-grid">
<div><label for="f-produkt">Produkt</label><select id="f-produkt" name="produkt"><option value="">Alle Produkte</option>${productGroups}</select></div>
<div><label for="f-hersteller">Hersteller</label><select id="f-hersteller" name="hersteller"><option value="">Alle Hersteller</option>${options.vendors.map((v) => html`<option value="${v.id}" ${chosen(query.hersteller, v.id)}>${v.name}</option>`)}</select></div>
<div><label for="f-bereich">Bereich</label><select id="f-bereich" name="bereich"><option value="">Alle Bereiche</option>${options.categories.map((c) => html`<option value="${c}" ${chosen(query.bereich, c)}>${categoryLabels[c]}</option>`)}</select></div>
<div><label for="f-einstufung">Einstufung</label><select id="f-einstufung" name="einstufung"><option value="">Alle Einstufungen</option>${minSeverities.map((s) => html`<option value="${s}" ${chosen(query.einstufung, s)}>${minSeverityLabels[s]}</option>`)}</select></div>
<div><label for="f-zeitraum">Zeitraum</label><select id="f-zeitraum" name="zeitraum"><option value="">Gesamter Zeitraum</option>${Object.entries(periods).map(([value, label]) => html`<option value="${value}" ${chosen(query.zeitraum, value)}>${label}</option>`)}</select></div>
</div>
<button type="submit">Filter anwenden</button></details>
</form>`;
}

function resultLine(query: ListQuery, result: ListResult, options: Options): SafeHtml | '' {
  if (!isFiltered(query)) return '';
  const count = result.total === 1 ? '1 Meldung passt' : `${result.total} Meldungen passen`;
  return html`<p role="status" class="result-line"><strong>${count}</strong> zu ${describeFilter({ ...query, art: undefined }, options).join(', ')}. <a href="/warnungen${query.art ? `?art=${query.art}` : ''}">Suche und Filter zurücksetzen</a></p>`;
}

/** Without a chosen kind, each page shows its flaws and its notices under their own headings. */
function sections(query: ListQuery, rows: ListedAdvisory[]): SafeHtml {
  if (rows.length === 0) {
    return isFiltered(query) ? html`<p>Keine Meldung passt zu Ihrer Auswahl.</p>` : html`<p>Bisher gibt es hier keine veröffentlichten Meldungen.</p>`;
  }
  if (query.art) return list(rows);
  return html`${kinds.map((kind) => {
    const ofKind = rows.filter((r) => r.kind === kind);
    return ofKind.length ? html`<section aria-labelledby="art-${kind}"><h2 id="art-${kind}">${kindLabels[kind]}</h2>${list(ofKind)}</section>` : '';
  })}`;
}

function list(rows: ListedAdvisory[]): SafeHtml {
  return html`<ul class="plain advisory-list">${rows.map(
    (a) => html`<li><a href="/warnungen/${a.id}" class="advisory-title">${a.title}</a>
<span class="meta"><span class="severity severity-${a.severity}">${severityLabel[a.severity]}</span>${datesLine(a)}${a.status === 'archive' ? html` · <span class="archive">Archiv</span>` : ''}</span>
${a.products.length ? html`<span class="products">Betrifft: ${productList(a.products)}</span>` : ''}</li>`,
  )}</ul>`;
}

const shownProducts = 8;

/** Products grouped by vendor, the vendor named once after its group where a product's name does not say it. */
function productList(list: ListedAdvisory['products']): SafeHtml {
  const shown = list.slice(0, shownProducts);
  const vendors = [...new Set(shown.map((p) => p.vendor))];
  const groups = vendors.map((vendor, i) => {
    const own = shown.filter((p) => p.vendor === vendor);
    const hint = own.some((p) => vendorHint(p.name, vendor)) ? vendor : null;
    return html`${i > 0 ? '; ' : ''}${own.map((p, j) => html`${j > 0 ? ', ' : ''}<a href="/warnungen?produkt=${p.id}">${p.name}</a>`)}${hint ? ` (${hint})` : ''}`;
  });
  const more = list.length - shown.length;
  return html`${groups}${more > 0 ? ` und ${more} weitere` : ''}`;
}

function pager(query: ListQuery, pages: number): SafeHtml | '' {
  if (pages <= 1) return '';
  const page = Math.min(query.seite, pages);
  return html`<nav class="pager" aria-label="Seiten">
${page > 1 ? html`<a href="/warnungen${listSearch(query, { seite: page - 1 })}" rel="prev">← Neuere Meldungen</a>` : ''}
<span>Seite ${page} von ${pages}</span>
${page < pages ? html`<a href="/warnungen${listSearch(query, { seite: page + 1 })}" rel="next">Ältere Meldungen →</a>` : ''}</nav>`;
}

/**
 * The date the publisher gave, and when it was listed here only where that is another day (an old incident recorded
 * today keeps its own date).
 */
export function datesLine(a: { publishedAt: Date | null; releasedAt: Date | null }): string {
  const own = a.publishedAt ? formatDate(a.publishedAt) : null;
  const here = a.releasedAt ? formatDate(a.releasedAt) : null;
  if (own && here && own !== here) return ` · vom ${own} (hier seit ${here})`;
  if (own) return ` · vom ${own}`;
  return here ? ` · veröffentlicht am ${here}` : '';
}
