import type { Severity } from '../advisories/advisories.table.js';
import type { Sentence } from './sentences.js';

// Wording as notices use it (DOMAIN §4), strongest first; "kritisch" counts only about the flaw itself,
// not in "kritisch prüfen" or "kritische Konnektor-Versionen".
// (?<!\w) stands for a \b before a word: the same meaning, but V8 runs \b under the i and u flags as a slow check at
// every position of every sentence.
const rules: { severity: Severity; pattern: RegExp }[] = [
  {
    severity: 'kritisch',
    pattern:
      /(?<!\w)(?:höchst)?kritisch\w*\s+(?:Schwachstelle|Sicherheitslücke|Lücke|Sicherheitsrisiko|Fehler|Bedrohung|Sicherheitsupdate|Sicherheitswarnung|Angriffs?)\w*|(?<!\w)als\s+(?:höchst)?kritisch\b|(?<!\w)(?:ist|sind|gilt)\s+(?:als\s+)?(?:höchst)?kritisch\b|Warnstufe\s+Rot|Bedrohungslage\b[^.]{0,60}?\b(?:auf\s+)?rot\b|Großalarm|Schweregrad:?\s+kritisch|(?<!\w)critical\s+(?:vulnerability|severity|flaw|security)|(?<!\w)rated\s+critical\b|(?<!\w)severity:?\s+critical\b/iu,
  },
  {
    severity: 'hoch',
    pattern:
      /(?<!\w)dringend\w*|(?<!ab\s)(?<!nicht\s)(?<!\w)sofort\b(?!-)|(?<!\w)unverzüglich\w*|(?<!\w)umgehend\w*|(?<!\w)schnellstmöglich\w*|(?<!\w)gravierend\w*|(?<!\w)erhebliche[sn]?\s+(?:Sicherheits)?risiko|(?<!\w)schwerwiegend\w*|(?<!\w)als\s+hoch\b|Schweregrad:?\s+hoch|Warnstufe\s+Orange|(?<!\w)high\s+severity|(?<!\w)rated\s+high\b|(?<!\w)immediately\b|(?<!\w)urgent(?:ly)?\b|(?<!\w)as\s+soon\s+as\s+possible\b/iu,
  },
  {
    severity: 'mittel',
    pattern: /(?<!\w)(?:zeitnah\w*|vorsorglich\w*|als\s+mittel\b|medium\s+severity|rated\s+(?:medium|moderate))\b|(?<!\w)sollten\b.*(?<![\p{L}\p{N}_])(?:aktualisieren|einspielen|installieren|ändern)\b/iu,
  },
  { severity: 'niedrig', pattern: /(?<!\w)(?:zur\s+Information|informativ|geringe[sn]?\s+Risiko|als\s+niedrig\b|low\s+severity)\b/iu },
];
const rank: Record<Severity, number> = { unbekannt: 0, niedrig: 1, mittel: 2, hoch: 3, kritisch: 4 };

/** Severity only from what the notice says (its words or a CVSS score); without them it stays `unbekannt`. */
export function findSeverity(sentences: Sentence[]): { severity: Severity; evidence: string | null } {
  let best: { severity: Severity; evidence: string | null } = { severity: 'unbekannt', evidence: null };
  for (const rule of rules) {
    const sentence = sentences.find((s) => rule.pattern.test(s.text));
    if (sentence) {
      best = { severity: rule.severity, evidence: sentence.text };
      break;
    }
  }
  for (const s of sentences) {
    const m = /\bCVSS(?:[\s-]*(?:v?[23](?:\.\d)?|Score|Basiswert|Base\s*Score|Wert))*[\s:(]*(?:von\s+)?(\d{1,2}[.,]\d)\b/i.exec(s.text);
    if (!m) continue;
    const score = Number(m[1]!.replace(',', '.'));
    const severity: Severity = score >= 9 ? 'kritisch' : score >= 7 ? 'hoch' : score >= 4 ? 'mittel' : 'niedrig';
    if (score <= 10 && rank[severity] > rank[best.severity]) best = { severity, evidence: s.text };
  }
  return best;
}

/** CVE ids exactly as written in the text, in order, without repeats. */
export function findCves(text: string): string[] {
  return [...new Set([...text.matchAll(/\bCVE-\d{4}-\d{4,7}\b/gi)].map((m) => m[0].toUpperCase()))];
}
