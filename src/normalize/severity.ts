import type { Severity } from '../advisories/advisories.table.js';
import type { Sentence } from './sentences.js';

// Wording as German notices use it, strongest first; the first rule that matches decides.
const rules: { severity: Severity; pattern: RegExp }[] = [
  { severity: 'kritisch', pattern: /\b(?:kritisch\w*|höchstkritisch\w*|Warnstufe\s+Rot|Bedrohungslage\s+rot|Großalarm)\b/i },
  { severity: 'hoch', pattern: /\b(?:dringend\w*|(?<!ab\s)sofort|unverzüglich|umgehend|gravierend\w*|erhebliche[sn]?\s+(?:Sicherheits)?risiko|schwerwiegend\w*)\b/i },
  { severity: 'mittel', pattern: /\b(?:zeitnah|vorsorglich|schnellstmöglich|sollten\b.*\b(?:aktualisieren|einspielen|installieren|ändern))\b/i },
  { severity: 'niedrig', pattern: /\b(?:zur Information|informativ|geringe[sn]? Risiko)\b/i },
];

/** Severity only from what the notice says; without such words it stays `unbekannt`. */
export function findSeverity(sentences: Sentence[]): { severity: Severity; evidence: string | null } {
  for (const rule of rules) {
    const sentence = sentences.find((s) => rule.pattern.test(s.text));
    if (sentence) return { severity: rule.severity, evidence: sentence.text };
  }
  return { severity: 'unbekannt', evidence: null };
}

/** CVE ids exactly as written in the text, in order, without repeats. */
export function findCves(text: string): string[] {
  return [...new Set([...text.matchAll(/\bCVE-\d{4}-\d{4,7}\b/gi)].map((m) => m[0].toUpperCase()))];
}
