import type { Catalog } from '../catalog/catalog.models.js';
import { productCategories, type ProductCategory } from '../catalog/catalog.table.js';
import { severityLabel } from '../notify/templates/format.js';
import { html, type SafeHtml } from '../notify/templates/html.js';
import { vendorHint } from '../web/public/product-label.js';
import { cadences } from './practices.table.js';
import { cadenceLabels, categoryLabels, selectableSeverities, type Preferences } from './preferences.models.js';

/** What the form shows as chosen: the practice's current choices or what was just submitted. */
export type FormValues = Partial<Omit<Preferences, 'partnerEmail'>> & { email?: string; partnerEmail?: string | null; consent?: string };
export type Errors = Record<string, string>;

const fieldLabels: Record<string, string> = {
  name: 'Name der Praxis',
  email: 'E-Mail-Adresse der Praxis',
  partnerEmail: 'E-Mail-Adresse Ihres IT-Dienstleisters',
  products: 'Produkte',
  cadence: 'Wie oft',
  minSeverity: 'Ab welcher Einstufung',
  consent: 'Einwilligung',
};

/** The list of problems at the top of a form; it takes the focus so screen readers announce it first. */
export function errorSummary(errors: Errors): SafeHtml | '' {
  const order = ['name', 'email', 'products', 'cadence', 'minSeverity', 'partnerEmail', 'consent'];
  const position = (field: string) => (field.startsWith('version-') ? 2.5 : order.indexOf(field) === -1 ? 99 : order.indexOf(field));
  const entries = Object.entries(errors).sort(([a], [b]) => position(a) - position(b)); // in the order of the form
  if (entries.length === 0) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus id="fehler">
<h2>Bitte prüfen Sie Ihre Angaben</h2>
<ul>${entries.map(([field, message]) => html`<li><a href="#${anchor(field)}">${fieldLabels[field] ?? (field.startsWith('version-') ? 'Version' : 'Formular')}: ${message}</a></li>`)}</ul></div>`;
}

function anchor(field: string): string {
  return field === 'products' ? 'produkte' : field === 'cadence' ? 'cadence-immediate' : field === 'minSeverity' ? 'minSeverity' : `f-${field}`;
}

export function fieldError(errors: Errors, field: string): SafeHtml | '' {
  return errors[field] ? html`<p class="field-error" id="e-${field}">${errors[field]}</p>` : '';
}

function invalid(errors: Errors, field: string): SafeHtml {
  return errors[field] ? html`aria-invalid="true" aria-describedby="e-${field}"` : html``;
}

export function textField(errors: Errors, field: string, type: 'text' | 'email', value: string | null | undefined, hint: string, extra = ''): SafeHtml {
  return html`<label for="f-${field}">${fieldLabels[field]}</label>
<p class="hint" id="h-${field}">${hint}</p>${fieldError(errors, field)}
<input type="${type}" id="f-${field}" name="${field}" value="${value ?? ''}" ${invalid(errors, field)} autocomplete="${extra}" maxlength="254">`;
}

/** Products grouped by category with search, optional version per product, vendor and category scopes. */
export function productChooser(catalog: Catalog, values: FormValues, errors: Errors): SafeHtml {
  const chosen = new Set(values.productIds ?? []);
  const vendorsChosen = new Set(values.vendorIds ?? []);
  const categoriesChosen = new Set<string>(values.categories ?? []);
  const vendorName = new Map(catalog.vendors.map((v) => [v.id, v.name]));
  const groups = productCategories
    .map((category) => ({ category, items: catalog.products.filter((p) => p.category === category).sort((a, b) => a.name.localeCompare(b.name, 'de')) }))
    .filter((g) => g.items.length > 0);
  const usedVendors = [...new Set(catalog.products.map((p) => p.vendor))].sort((a, b) => (vendorName.get(a) ?? a).localeCompare(vendorName.get(b) ?? b, 'de'));

  const group = ({ category, items }: { category: ProductCategory; items: Catalog['products'] }) => {
    const open = items.some((p) => chosen.has(p.id)) || categoriesChosen.has(category);
    return html`<details class="category" ${open ? html`open` : ''}><summary>${categoryLabels[category]} <span class="count">· ${items.length === 1 ? '1 Produkt' : `${items.length} Produkte`}</span></summary>
<label class="choice"><input type="checkbox" name="category" value="${category}" ${categoriesChosen.has(category) ? html`checked` : ''}> Alle Produkte aus „${categoryLabels[category]}“, auch künftig aufgenommene</label>
${items.map((p) => {
  const search = [p.name, vendorName.get(p.vendor) ?? '', ...p.aliases, ...p.weakAliases].join(' ');
  const versionId = `version-${p.id}`;
  const vendor = vendorHint(p.name, vendorName.get(p.vendor) ?? p.vendor);
  // The version field shows only under a ticked product (CSS :has, see app.css), so an open category stays short.
  return html`<div class="product" data-search="${search}">
<label class="choice"><input type="checkbox" name="product" value="${p.id}" id="p-${p.id}" ${chosen.has(p.id) ? html`checked` : ''}> <span>${p.name}${vendor ? html` <span class="hint">(${vendor})</span>` : ''}</span></label>
<div class="version-field"><label for="f-${versionId}">Installierte Version von ${p.name} (freiwillig)</label>${fieldError(errors, versionId)}
<input type="text" class="version" id="f-${versionId}" name="${versionId}" value="${values.versions?.[p.id] ?? ''}" inputmode="decimal" maxlength="40" ${invalid(errors, versionId)}></div></div>`;
})}</details>`;
  };

  return html`<fieldset id="produkte" tabindex="-1" ${invalid(errors, 'products')}><legend>Welche Produkte setzt Ihre Praxis ein?</legend>
<p class="hint">Öffnen Sie einen Bereich und kreuzen Sie an, was in Ihrer Praxis läuft – Praxissoftware, Router, Konnektor, Fernwartung. Unter jedem angekreuzten Produkt können Sie die Version eintragen, wenn Sie sie kennen: Dann warnen wir nicht mehr, sobald Sie eine sichere Version haben. Ihr IT-Dienstleister hilft Ihnen dabei.</p>
${fieldError(errors, 'products')}
<div id="produktsuche-feld" hidden><label for="produktsuche">Produkt suchen</label>
<input type="search" id="produktsuche" aria-describedby="produktsuche-status" autocomplete="off" placeholder="z. B. Albis, Speedport, Konnektor">
<p class="hint" id="produktsuche-status" role="status" aria-live="polite"></p></div>
${groups.map(group)}
<details class="vendors" ${vendorsChosen.size ? html`open` : ''}><summary>Alle Produkte eines Herstellers</summary>
<p class="hint">Sie erhalten dann Warnungen zu allen Produkten dieses Herstellers.</p>
${usedVendors.map((v) => html`<label class="choice"><input type="checkbox" name="vendor" value="${v}" ${vendorsChosen.has(v) ? html`checked` : ''}> ${vendorName.get(v) ?? v}</label>`)}
</details></fieldset>`;
}

/** Cadence, minimum severity, the "TI-Störungen" opt-in and the IT service partner. */
export function deliveryChoices(values: FormValues, errors: Errors): SafeHtml {
  const cadence = values.cadence ?? 'immediate';
  const severity = values.minSeverity ?? 'niedrig';
  return html`<fieldset ${invalid(errors, 'cadence')}><legend>Wie oft möchten Sie E-Mails erhalten?</legend>${fieldError(errors, 'cadence')}
${cadences.map((c) => html`<label class="choice"><input type="radio" name="cadence" id="cadence-${c}" value="${c}" ${c === cadence ? html`checked` : ''}> ${cadenceLabels[c]}</label>`)}
<p class="hint">Kritische Warnungen senden wir immer sofort.</p></fieldset>
<label for="minSeverity">Ab welcher Einstufung möchten Sie gewarnt werden?</label>
<p class="hint">„Niedrig“ bedeutet: alle Warnungen. Wählen Sie „Hoch“, erhalten Sie nur die dringenden.</p>${fieldError(errors, 'minSeverity')}
<select id="minSeverity" name="minSeverity" ${invalid(errors, 'minSeverity')}>${selectableSeverities.map(
    (s) => html`<option value="${s}" ${s === severity ? html`selected` : ''}>${severityLabel[s]}${s === 'niedrig' ? ' (alle Warnungen)' : ''}</option>`,
  )}</select>
<fieldset><legend>Weitere Meldungen</legend>
<label class="choice"><input type="checkbox" name="tiOutages" value="ja" id="f-tiOutages" ${values.tiOutages ? html`checked` : ''}> TI-Störungen (Ausfälle der Telematikinfrastruktur, keine Sicherheitswarnungen)</label>
<p class="hint">Freiwillig. Meldet die gematik eine Störung, etwa beim Versichertenstammdatenmanagement (VSDM), beim E-Rezept oder bei KIM, schreiben wir Ihnen – und noch einmal, wenn sie behoben ist. Diese E-Mails kommen einzeln, nie in der Zusammenfassung, und ohne Erinnerungen.</p></fieldset>
${textField(errors, 'partnerEmail', 'email', values.partnerEmail, 'Freiwillig. Ihr IT-Dienstleister erhält jede Warnung in Kopie (CC) und sieht dabei Ihre E-Mail-Adresse. Bitte tragen Sie ihn nur mit seinem Einverständnis ein.', 'off')}`;
}
