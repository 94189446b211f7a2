import type { Severity } from '../../advisories/advisories.table.js';
import { severityLabel } from '../../notify/templates/format.js';
import { html, type SafeHtml } from '../../notify/templates/html.js';

const dateTime = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

/** "25.11.2026, 17:40" in Europe/Berlin; a dash for no date. */
export const when = (d: Date | null | undefined): string => (d ? dateTime.format(d) : '–');
export const day = (d: Date | null | undefined): string => (d ? dateOnly.format(d) : '–');

export function severityBadge(s: Severity): SafeHtml {
  return html`<span class="badge sev-${s}">${severityLabel[s]}</span>`;
}

export const statusLabel: Record<string, string> = { draft: 'Entwurf', published: 'Veröffentlicht', rejected: 'Abgelehnt', merged: 'Zusammengeführt', archive: 'Archiv' };

export const fieldLabel: Record<string, string> = {
  title: 'Titel', summary: 'Zusammenfassung', severity: 'Einstufung', products: 'Produkte', fixedVersion: 'Versionen',
  actions: 'Maßnahmen', cves: 'CVEs', merged: 'zusammengeführt', exploited: 'aktiv ausgenutzt',
};

export const practiceCount = (n: number): string => (n === 1 ? '1 Praxis' : `${n} Praxen`);

export const cadenceLabel: Record<string, string> = { immediate: 'sofort', daily: 'täglich', weekly: 'wöchentlich' };
export const originLabel: Record<string, string> = { cli: 'Kommandozeile', form: 'Anmeldeformular', import: 'Import', preview: 'Vorschau' };
export const entityLabel: Record<string, string> = { admin: 'Konto', source: 'Quelle', product_proposal: 'Produktvorschlag', api_token: 'API-Token', practice: 'Praxen', advisory: 'Meldung' };
