import { html, type SafeHtml } from './html.js';
import { buttonStyle, smallButtonStyle } from './what-to-do.js';

/** Signed "erledigt" links of one practice and advisory: one per action (same order) and one for all of them. */
export type AckUrls = { actions: string[]; all: string };

// The links read as what they do, not as a status ("… (erledigt)" read as if it were done already).
export const ackActionLabel = 'Als erledigt markieren';
export const ackAllLabel = 'Alle Maßnahmen als erledigt markieren';

/**
 * The numbered actions, each with its "Erledigt?" link, then "Alles erledigt?"; an action the practice ticked
 * already says so instead. `indent` for lists inside a list (the digest).
 */
export function actionsText(actions: string[], acks?: AckUrls, { done = [], indent = '' }: { done?: boolean[]; indent?: string } = {}): string[] {
  return [
    ...actions.map((a, i) => {
      const line = `${indent}${i + 1}. ${a}`;
      if (done[i]) return `${line} (bereits erledigt)`;
      return acks?.actions[i] ? `${line}\n${indent}   Erledigt? ${acks.actions[i]}` : line;
    }),
    ...(acks && actions.length ? [...(indent ? [] : ['']), `${indent}Alles erledigt? ${acks.all}`] : []),
  ];
}

export function actionsHtml(actions: string[], acks?: AckUrls, { done = [] }: { done?: boolean[] } = {}): SafeHtml {
  return html`<ol>${actions.map((a, i) => {
    if (done[i]) return html`<li>${a} (bereits erledigt)</li>`;
    const ack = acks?.actions[i];
    return ack ? html`<li>${a} <a href="${ack}" style="${smallButtonStyle}">${ackActionLabel}</a></li>` : html`<li>${a}</li>`;
  })}</ol>${acks && actions.length ? html`<p><a href="${acks.all}" style="${buttonStyle}">${ackAllLabel}</a></p>` : ''}`;
}
