import { html, type SafeHtml } from '../notify/templates/html.js';
import type { ImpactAnswerRow } from './answers.repository.js';
import type { InventoryItem } from './inventory.repository.js';
import { signAnswerToken, type AnswerChoice } from './links.js';
import type { ImpactReason } from './practices.table.js';

export const answerLabels: Record<AnswerChoice, string> = { betroffen: 'Betroffen', nicht_betroffen: 'Nicht betroffen', unklar: 'Weiß nicht' };

export const reasonLabels: Record<ImpactReason, string> = {
  nicht_im_einsatz: 'Produkt nicht im Einsatz',
  aktualisiert: 'bereits aktualisiert',
  anderes_modell: 'anderes Modell',
};

/** "Nicht betroffen (bereits aktualisiert, Version 8.02)", as pages show a recorded answer. */
export function answerWords(a: Pick<ImpactAnswerRow, 'answer' | 'reason' | 'version'>): string {
  if (a.answer !== 'nicht_betroffen' || !a.reason) return answerLabels[a.answer];
  return `${answerLabels.nicht_betroffen} (${reasonLabels[a.reason]}${a.version ? `, Version ${a.version}` : ''})`;
}

/**
 * "Betrifft uns?" on an advisory's entry in /verwalten: the recorded answer, if any, and the three answers. "Betroffen"
 * and "Weiß nicht" are recorded with one click; "Nicht betroffen" opens the page that asks for the reason.
 */
export function impactQuestion(linkSecret: string, practiceId: number, advisoryId: number, title: string, answer: ImpactAnswerRow | undefined): SafeHtml {
  const token = (choice: AnswerChoice) => signAnswerToken(linkSecret, practiceId, advisoryId, choice);
  const oneClick = (choice: AnswerChoice) =>
    html`<form method="post" action="/betrifft/${token(choice)}" class="inline-form"><button type="submit" class="secondary" aria-label="${answerLabels[choice]}: ${title}">${answerLabels[choice]}</button></form>`;
  return html`<div class="impact"><p><strong>Betrifft das Ihre Praxis?</strong> ${answer ? html`Ihre Antwort: <span class="impact-answer">${answerWords(answer)}</span>` : html`<span class="hint">Noch keine Antwort.</span>`}</p>
<p>${oneClick('betroffen')} <a class="button secondary" href="/betrifft/${token('nicht_betroffen')}" aria-label="Nicht betroffen: ${title}">Nicht betroffen …</a> ${oneClick('unklar')}</p></div>`;
}

/** The practice's inventory: its own products and the versions it told us. */
export function inventorySection(items: InventoryItem[], settingsAnchor = '#einstellungen'): SafeHtml {
  return html`<h2 id="geraete">Ihre Geräte und Programme</h2>
${
  items.length === 0
    ? html`<p>Sie haben keine einzelnen Produkte abonniert.</p>`
    : html`<ul class="inventory">${items.map((i) => html`<li>${i.name}${i.version ? html` – Version ${i.version}` : html` – <span class="hint">Version unbekannt</span>`}</li>`)}</ul>`
}
<p class="hint">Die Versionen stammen aus Ihren Angaben, zum Beispiel „bereits aktualisiert“ bei einer Warnung. Produkte und Versionen ändern Sie <a href="${settingsAnchor}">unten in den Einstellungen</a>.</p>`;
}
