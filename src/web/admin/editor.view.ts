import type { AdvisoryDetails } from '../../advisories/advisories.repository.js';
import { severities } from '../../advisories/advisories.table.js';
import type { DeliveryCounts } from '../../admin/advisory-stats.repository.js';
import type { Session } from '../../admin/auth.usecases.js';
import { highlightEvidence, type EvidenceMark } from '../../admin/evidence.js';
import type { CsafSummary } from '../../admin/csaf-summary.js';
import type { MergeSuggestion } from '../../admin/merge-suggestions.js';
import type { MergeTargets, sourcesOf } from '../../admin/review.repository.js';
import type { revisionsOf } from '../../admin/advisory-stats.repository.js';
import type { Extraction } from '../../normalize/extract.js';
import { severityLabel } from '../../notify/templates/format.js';
import { html, safeUrl, type SafeHtml } from '../../notify/templates/html.js';
import { csrfField } from './admin.layout.js';
import { csafSummaryView } from './csaf-summary.view.js';
import { outageCard, type OutageFacts } from './outage.view.js';
import { fieldLabel, practiceCount, severityBadge, statusLabel, when } from './admin.format.js';

export type CatalogOption = { id: string; name: string; vendor: string };

export type EditorModel = {
  session: Session;
  advisory: AdvisoryDetails;
  notices: ReturnType<typeof sourcesOf>;
  /** What the extractor reads in each notice today: the evidence for products, versions and severity. */
  extractions: Extraction[];
  /** Per notice: its CSAF document read for the editor, or null for a notice of prose. */
  csaf: (CsafSummary | null)[];
  catalog: CatalogOption[];
  targets: MergeTargets;
  revisions: ReturnType<typeof revisionsOf>;
  counts: DeliveryCounts;
  audience: { immediate: number; digest: number };
  preview: { subject: string; text: string; practiceName: string; practiceId: number | null; candidates: { id: number; name: string }[] } | null;
  /** Why this is old news (archived, or older than ALERT_MAX_AGE_DAYS by its stated date); sending it needs a tick. */
  oldNews: string | null;
  /** The TI outage card (kind of report, "Störung behoben melden"); left out when not given. */
  outage?: OutageFacts;
};

/** The editor: the form on the left, the notice with its evidence and the mail preview on the right. */
export function editorView(m: EditorModel): SafeHtml {
  const { advisory: a, session } = m;
  const canEdit = session.admin.role === 'editor' && (a.status === 'draft' || a.status === 'published' || a.status === 'archive');
  // Old news goes out only on purpose: the editor ticks that they know how old it is.
  const confirmOld = m.oldNews
    ? html`<p class="warning"><label><input type="checkbox" name="confirm_old" value="ja"> ${m.oldNews} Ich möchte sie trotzdem an die betroffenen Praxen senden.</label></p>`
    : '';
  const marks: EvidenceMark[] = [];
  const evidenceFor = (field: string): string[] => [...new Set(m.extractions.flatMap((x) => x.evidence.filter((e) => e.field === field).map((e) => e.text)))];
  const mark = (key: string, sentence: string | null | undefined) => {
    if (!sentence) return null;
    marks.push({ id: key, sentence });
    return { key, sentence };
  };
  const productEvidence = a.products.map((p, i) => [mark(`ev-p${i}`, evidenceFor(`products.${p.productId}`)[0]), p.fixedVersion ? mark(`ev-v${i}`, evidenceFor('fixedVersion')[0]) : null] as const);
  const actionEvidence = a.actions.map((x, i) => mark(`ev-a${i}`, x.evidence));
  // A CSAF document rates its severity by CVSS: the evidence is that score in words, not a line of its JSON.
  const severityFrom = m.extractions.findIndex((x) => x.evidence.some((e) => e.field === 'severity'));
  const csafSeverity = severityFrom >= 0 ? m.csaf[severityFrom] : null;
  const severityEvidence = csafSeverity ? null : mark('ev-s', evidenceFor('severity')[0]);
  // Ids stay unique when an advisory has several notices: the first keeps plain ids, the others get a prefix.
  const prefix = (i: number) => (i === 0 ? '' : `q${i}-`);
  // A CSAF notice is shown as its summary, so its JSON holds no marks to link to.
  const highlighted = m.notices.map((n, i) => (m.csaf[i] ? null : highlightEvidence(`${n.title}\n\n${n.text}`, marks.map((x) => ({ ...x, id: `${prefix(i)}${x.id}` })))));
  const anchor = (key: string) => highlighted.map((h, i) => h?.anchor(`${prefix(i)}${key}`) ?? null).find((x) => x !== null) ?? null;
  const evidenceLine = (e: { key: string; sentence: string } | null, label: string) => {
    if (!e) return html`<p class="evidence">${label}: keine Fundstelle (vom Redakteur eingetragen).</p>`;
    const target = anchor(e.key);
    return html`<p class="evidence">${label}: ${target ? html`<a href="#${target}">„${e.sentence}“</a>` : html`„${e.sentence}“`}</p>`;
  };

  const productOptions = (selected: string | null) => {
    const vendors = [...new Set(m.catalog.map((p) => p.vendor))];
    return html`${selected === null ? html`<option value="">– Produkt hinzufügen –</option>` : ''}${vendors.map(
      (v) => html`<optgroup label="${v}">${m.catalog.filter((p) => p.vendor === v).map((p) => html`<option value="${p.id}"${p.id === selected ? html` selected` : ''}>${p.name}</option>`)}</optgroup>`,
    )}`;
  };

  const productRows = a.products.map(
    (p, i) => html`<fieldset><legend>Produkt ${i + 1}</legend>
<label for="product-${i}">Produkt</label><select id="product-${i}" name="product_id">${productOptions(p.productId)}</select>
<div class="inline"><div><label for="affected-${i}">Betroffene Versionen</label><input id="affected-${i}" name="product_affected" type="text" value="${p.affectedVersions ?? ''}"></div>
<div><label for="fixed-${i}">Behoben in Version</label><input id="fixed-${i}" name="product_fixed" type="text" value="${p.fixedVersion ?? ''}"></div>
<div class="narrow"><button class="small secondary" type="submit" name="op" value="remove-product:${i}">Produkt entfernen</button></div></div>
${evidenceLine(productEvidence[i]![0], 'Fundstelle Produkt')}${p.fixedVersion ? evidenceLine(productEvidence[i]![1], 'Fundstelle Version') : ''}
</fieldset>`,
  );

  const actionRows = a.actions.map(
    (x, i) => html`<li><input type="hidden" name="action_id" value="${x.id}">
<label for="action-${i}">Maßnahme ${i + 1}</label><input id="action-${i}" name="action_text" type="text" value="${x.text}">
<div class="row-tools">
<button class="small secondary" type="submit" name="op" value="up:${i}"${i === 0 ? html` disabled` : ''} aria-label="Maßnahme ${i + 1} nach oben">↑ nach oben</button>
<button class="small secondary" type="submit" name="op" value="down:${i}"${i === a.actions.length - 1 ? html` disabled` : ''} aria-label="Maßnahme ${i + 1} nach unten">↓ nach unten</button>
<button class="small secondary" type="submit" name="op" value="remove-action:${i}" aria-label="Maßnahme ${i + 1} entfernen">Entfernen</button></div>
${evidenceLine(actionEvidence[i] ?? null, 'Fundstelle')}</li>`,
  );

  const form = html`<form method="post" action="/admin/meldungen/${a.id}" class="card">${csrfField(session)}
<fieldset${canEdit ? '' : html` disabled`}><legend>Inhalt</legend>
<label for="title">Titel</label><input id="title" name="title" type="text" value="${a.title}" required>
<label for="summary">Zusammenfassung (erscheint unter „Was ist passiert?“)</label><textarea id="summary" name="summary">${a.summary}</textarea>
<label for="severity">Einstufung</label><select id="severity" name="severity">${severities.map((s) => html`<option value="${s}"${s === a.severity ? html` selected` : ''}>${severityLabel[s]}</option>`)}</select>
${csafSeverity ? csafSeverityLine(csafSeverity, prefix(severityFrom)) : evidenceLine(severityEvidence, 'Fundstelle Einstufung')}
<label><input type="checkbox" name="exploited" value="1"${a.exploited ? html` checked` : ''}> Wird aktiv ausgenutzt</label>
<p class="muted">Angreifer nutzen die Lücke bereits: Die E-Mail sagt dann „Sofort handeln“, unabhängig von der Einstufung. Beim Einlesen aus Formulierungen wie „wird aktiv ausgenutzt“ gesetzt.</p>
<h2>Betroffene Produkte</h2>${productRows}
<fieldset><legend>Produkt hinzufügen</legend><label for="product-new">Produkt aus dem Katalog</label><select id="product-new" name="product_id">${productOptions(null)}</select>
<div class="inline"><div><label for="affected-new">Betroffene Versionen</label><input id="affected-new" name="product_affected" type="text"></div>
<div><label for="fixed-new">Behoben in Version</label><input id="fixed-new" name="product_fixed" type="text"></div></div></fieldset>
<h2>Maßnahmen (Reihenfolge wie in der E-Mail)</h2><ol class="edit-actions">${actionRows}</ol>
<label for="action-new">Neue Maßnahme (wird unten angefügt)</label><input id="action-new" name="action_new" type="text">
<label for="cves">CVE-Kennungen (eine pro Zeile)</label><textarea id="cves" name="cves">${a.cves.join('\n')}</textarea>
${a.status === 'draft' ? confirmOld : ''}
<div class="actions-row"><button type="submit" name="op" value="save">Speichern</button>
${a.status === 'draft' ? html`<button type="submit" name="op" value="approve">Speichern und freigeben</button>` : ''}</div>
</fieldset></form>`;

  const archiveCard =
    a.status === 'archive'
      ? html`<div class="card"><h2>Archiv</h2><p>${a.archiveReason ?? 'Ältere Meldung.'} Sie steht öffentlich unter <a href="/warnungen/${a.id}">/warnungen/${a.id}</a> und erscheint in der Übersicht neuer Abonnenten, wurde aber nicht per E-Mail verschickt.</p>
${canEdit
  ? html`<form method="post" action="/admin/meldungen/${a.id}/senden">${csrfField(session)}${confirmOld}
<div class="actions-row"><button type="submit">An die betroffenen Praxen senden</button></div></form>
<form method="post" action="/admin/meldungen/${a.id}/ablehnen">${csrfField(session)}
<label for="reason">Grund für die Ablehnung (nimmt sie aus der öffentlichen Liste)</label><textarea id="reason" name="reason" required></textarea>
<div class="actions-row"><button class="danger" type="submit">Ablehnen</button></div></form>`
  : ''}</div>`
      : '';

  const decisions =
    canEdit && a.status === 'draft'
      ? html`<div class="card"><h2>Ins Archiv</h2><p>Eine ältere Meldung, die niemanden mehr alarmieren soll: sie wird öffentlich unter ihrem eigenen Datum gelistet, aber nicht verschickt.</p>
<form method="post" action="/admin/meldungen/${a.id}/archivieren">${csrfField(session)}<div class="actions-row"><button class="secondary" type="submit">Ins Archiv legen (ohne Benachrichtigung)</button></div></form>
<h2>Ablehnen</h2><form method="post" action="/admin/meldungen/${a.id}/ablehnen">${csrfField(session)}
<label for="reason">Grund (für das Protokoll)</label><textarea id="reason" name="reason" required></textarea>
<div class="actions-row"><button class="danger" type="submit">Ablehnen</button></div></form>
<h2>Zusammenführen</h2>${mergeForm(m, csrfField(session))}</div>`
      : '';

  const reopen =
    session.admin.role === 'editor' && a.status === 'rejected'
      ? html`<div class="card"><h2>Wieder öffnen</h2><p>Zu Unrecht abgelehnt? Als Entwurf zurück in die Prüfliste, dann bearbeiten und freigeben.</p>
<form method="post" action="/admin/meldungen/${a.id}/wieder-oeffnen">${csrfField(session)}<button type="submit">Wieder als Entwurf öffnen</button></form></div>`
      : '';

  const preview = m.preview
    ? html`<div class="card"><h2>Vorschau der E-Mail</h2>
<form method="get" action="/admin/meldungen/${a.id}" class="filters"><div><label for="praxis">Vorschau für</label><select id="praxis" name="praxis">
${m.preview.candidates.length ? m.preview.candidates.map((p) => html`<option value="${p.id}"${p.id === m.preview!.practiceId ? html` selected` : ''}>${p.name}</option>`) : html`<option value="">Praxis Dr. Muster (Beispiel)</option>`}
</select></div><button class="secondary" type="submit">Anzeigen</button></form>
<p><strong>Betreff:</strong> <span id="preview-subject">${m.preview.subject}</span></p>
<iframe class="preview" sandbox title="Vorschau der E-Mail an ${m.preview.practiceName}" src="/admin/meldungen/${a.id}/vorschau${m.preview.practiceId ? `?praxis=${m.preview.practiceId}` : ''}"></iframe>
<details><summary>Textfassung</summary><pre class="mail-text">${m.preview.text}</pre></details></div>`
    : a.category === 'ti_outage'
      ? html`<div class="card"><h2>Vorschau der E-Mail</h2><p>Eine TI-Störung geht ohne Produkt an alle Praxen, die „TI-Störungen“ gewählt haben, mit dem Betreff „[TI-Störung] ${a.title}“ (siehe „Art der Meldung“).</p></div>`
      : html`<div class="card"><h2>Vorschau der E-Mail</h2><p>Ohne betroffenes Produkt gibt es keine E-Mail. Bitte ordnen Sie ein Produkt zu.</p></div>`;

  const noticesCard = html`<div class="card"><h2>Quelltext der Meldung</h2>${m.notices.map(
    (n, i) => html`<h3>${n.sourceName}${n.publishedAt ? html` · ${when(n.publishedAt)}` : ''}</h3>
${safeUrl(n.url) ? html`<p><a href="${safeUrl(n.url)!}" rel="noopener noreferrer" target="_blank">${m.csaf[i] ? 'CSAF-Dokument öffnen' : 'Original öffnen'}</a></p>` : ''}
${m.csaf[i] ? csafSummaryView(m.csaf[i]!, prefix(i)) : html`<div class="notice-text">${highlighted[i]!.body}</div>`}`,
  )}</div>`;

  const facts = html`<div class="card"><dl class="facts">
<dt>Status</dt><dd>${statusLabel[a.status]}${a.mergedIntoId ? html` in <a href="/admin/meldungen/${a.mergedIntoId}">#${a.mergedIntoId}</a>` : ''}</dd>
<dt>Einstufung</dt><dd>${severityBadge(a.severity)}</dd>
<dt>Relevanz</dt><dd>${a.relevanceReason}</dd>
${a.rejectReason ? html`<dt>Ablehnungsgrund</dt><dd>${a.rejectReason}</dd>` : ''}
${a.publishedAt ? html`<dt>Datum der Quelle</dt><dd>${when(a.publishedAt)}</dd>` : ''}
<dt>Erfasst</dt><dd>${when(a.createdAt)}</dd>
${a.releasedAt ? html`<dt>Freigegeben</dt><dd>${when(a.releasedAt)}</dd>` : ''}
<dt>Empfänger</dt><dd>${practiceCount(m.audience.immediate)} sofort${m.audience.digest ? `, ${practiceCount(m.audience.digest)} im Sammelbericht` : ''}</dd>
${a.status === 'published' ? html`<dt>Zustellungen</dt><dd>${m.counts.queued} in Warteschlange, ${m.counts.sent} gesendet, ${m.counts.failed} fehlgeschlagen</dd><dt>Erledigt gemeldet</dt><dd>${practiceCount(m.counts.acknowledged)}</dd>` : ''}
</dl></div>`;

  const history = html`<div class="card"><h2>Versionen</h2><table><thead><tr><th scope="col">Version</th><th scope="col">Zeit</th><th scope="col">Geändert</th><th scope="col">Wesentlich</th></tr></thead><tbody>
${m.revisions.map((r) => html`<tr><td>${r.revision}</td><td>${when(r.createdAt)}</td><td>${r.changedFields.length ? r.changedFields.map((f) => fieldLabel[f] ?? f).join(', ') : 'erste Fassung'}</td><td>${r.material ? 'ja' : 'nein'}</td></tr>`)}
</tbody></table><p><a href="/admin/protokoll?entity=advisory&amp;id=${a.id}">Protokoll dieser Meldung</a></p></div>`;

  return html`<h1>${statusLabel[a.status]} #${a.id}: ${a.title}</h1>
<div class="grid"><div>${facts}${m.outage ? outageCard(a, session, m.outage) : ''}${archiveCard}${reopen}${form}${decisions}${history}</div><div>${preview}${noticesCard}</div></div>`;
}

/** The severity evidence of a CSAF document: its highest CVSS score in words, linked to the summary that shows it. */
function csafSeverityLine(csaf: CsafSummary, idPrefix: string): SafeHtml {
  const rating = csaf.rating ? html` Einstufung laut Herausgeber: ${csaf.rating}.` : '';
  if (!csaf.worstCvss) return html`<p class="evidence">Fundstelle Einstufung:${rating || ' keine Angabe im CSAF-Dokument.'}</p>`;
  return html`<p class="evidence">Fundstelle Einstufung: <a href="#${idPrefix}csaf-cvss">CVSS ${csaf.worstCvss.text}</a>.${rating}</p>`;
}

/**
 * Merge targets, best first, each with the reasons of its score. Only a clear best guess is preselected: otherwise the
 * select starts at "– bitte wählen –", which the browser (and the server) refuse to submit.
 */
function mergeForm(m: EditorModel, csrf: SafeHtml): SafeHtml {
  const { ranked, preselected } = m.targets;
  if (ranked.length === 0) return html`<p class="muted">Es gibt keine andere offene Meldung, in die diese zusammengeführt werden könnte.</p>`;
  const option = (t: MergeSuggestion) =>
    html`<option value="${t.id}"${t.id === preselected ? html` selected` : ''}>#${t.id} ${t.title} (${statusLabel[t.status] ?? t.status})${t.reasons.length ? ` – ${t.reasons.join('; ')}` : ''}</option>`;
  const suggested = ranked.filter((t) => t.score > 0 && t.reasons.length > 0);
  const others = ranked.filter((t) => !suggested.includes(t));
  return html`<form method="post" action="/admin/meldungen/${m.advisory.id}/zusammenfuehren">${csrf}
<label for="target">Gleicher Vorfall wie Meldung</label><select id="target" name="targetId" required aria-describedby="target-hint">
<option value=""${preselected === null ? html` selected` : ''}>– bitte wählen –</option>
${suggested.length ? html`<optgroup label="Vorschläge, der wahrscheinlichste zuerst">${suggested.map(option)}</optgroup>` : ''}
${others.length ? html`<optgroup label="Weitere offene Meldungen">${others.map(option)}</optgroup>` : ''}
</select>
<p class="muted" id="target-hint">${
    preselected === null
      ? 'Keine Meldung passt eindeutig; bitte wählen Sie selbst. Vorschläge teilen Produkte, CVEs, den Hersteller oder Wörter im Titel.'
      : 'Vorausgewählt ist der eindeutig beste Vorschlag; bitte prüfen Sie die Wahl vor dem Zusammenführen.'
  }</p>
<div class="actions-row"><button class="secondary" type="submit">In diese Meldung zusammenführen</button></div></form>`;
}
