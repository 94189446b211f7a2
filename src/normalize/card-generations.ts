// The cards of the TI (eHBA, SMC-B, gSMC-K) are not updated but exchanged: the fix is a card generation ("Tauschen
// Sie Ihre Karten … gegen Karten der Generation 2.1 aus", "ersetzt … durch Karten der neuen Generation G2.1", "Die
// Karten der Nachfolgegeneration 2.1 arbeiten mit …"). A generation that is affected ("auch Karten der Generation 2.1
// sind betroffen") or that needs no exchange ("Ausweise der Nachfolgegeneration 2.1 müssen nicht getauscht werden")
// fixes nothing.
import type { Sentence } from './sentences.js';

export const cardProducts = new Set(['gematik-ehba', 'gematik-smc-b', 'gematik-gsmc-k']);

const intoGeneration = /(?<!\p{L})(?:gegen|durch)\s+(?:\p{L}+\s+){0,3}?(?:der\s+)?(?:neue[nr]?\s+|neuesten\s+)?Generation\s+(G?\d(?:\.\d)?)(?![\d.]\d)/u;
const successor = /(?<!\p{L})Nachfolgegeneration\s+(G?\d(?:\.\d)?)(?![\d.]\d)/u;
const noExchange = /(?<!\p{L})(?:nicht|kein\p{L}*)\s+(?:\p{L}+\s+){0,2}?(?:ge|aus)?tausch|betroffen/u;

/** The card generation a notice names as the replacement, as "Generation 2.1", with its sentence; null if none. */
export function replacementGeneration(sentences: Sentence[]): { version: string; evidence: string } | null {
  for (const { text } of sentences) {
    if (!text.includes('eneration')) continue;
    const m = intoGeneration.exec(text) ?? (noExchange.test(text) ? null : successor.exec(text));
    if (m) return { version: `Generation ${m[1]!}`, evidence: text };
  }
  return null;
}
