import { html, type SafeHtml } from './html.js';
import { smallButtonStyle } from './what-to-do.js';

/** Signed "Betrifft uns?" links of one practice and advisory, one per answer. */
export type AnswerUrls = { betroffen: string; nicht_betroffen: string; unklar: string };

export const impactHeading = 'Betrifft das Ihre Praxis?';
const impactHint = 'Ein Klick genügt; Sie können die Antwort jederzeit ändern. Bei „Nicht betroffen“ erinnern wir Sie nicht mehr an diese Warnung.';

export function impactText(urls: AnswerUrls): string[] {
  return [impactHeading, `- Betroffen: ${urls.betroffen}`, `- Nicht betroffen: ${urls.nicht_betroffen}`, `- Weiß nicht: ${urls.unklar}`, impactHint];
}

export function impactHtml(urls: AnswerUrls): SafeHtml {
  return html`<h2 style="font-size: 16px;">${impactHeading}</h2>
<p><a href="${urls.betroffen}" style="${smallButtonStyle}">Betroffen</a> <a href="${urls.nicht_betroffen}" style="${smallButtonStyle}">Nicht betroffen</a> <a href="${urls.unklar}" style="${smallButtonStyle}">Weiß nicht</a></p>
<p style="font-size: 13px; color: #444;">${impactHint}</p>`;
}

/** Shown in the subject and before the first line when attackers already use the flaw. */
export const exploitedWords = 'wird aktiv ausgenutzt';

/**
 * What goes before the first line of an alert: that attackers already use the flaw, and which of the practice's
 * recorded versions are known to be affected ("Ihre Version 7.50 von FRITZ!Box ist betroffen.").
 */
export function firstLinePrefix(exploited: boolean, products: { name: string; installedVersion?: string | null }[]): string {
  const parts: string[] = [];
  if (exploited) parts.push('Achtung: Diese Sicherheitslücke wird bereits aktiv ausgenutzt.');
  for (const p of products) if (p.installedVersion) parts.push(`Ihre Version ${p.installedVersion} von ${p.name} ist betroffen.`);
  return parts.length ? `${parts.join(' ')} ` : '';
}
