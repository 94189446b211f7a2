import type { Severity } from '../advisories/advisories.table.js';

/** A CVSS 3.x base vector read for an editor: how it can be exploited and what an attacker gains, in German. */
export type CvssReading = { score: number | null; severity: Severity | null; exploit: string[]; impact: string[] };

// Each metric value becomes a short phrase. The usual, unremarkable values (low attack complexity, unchanged
// scope, no impact) get none: the reading names what makes this vulnerability easy or bad, nothing else.
const attackVector: Record<string, string> = {
  N: 'aus dem Netz ausnutzbar',
  A: 'nur aus demselben lokalen Netz ausnutzbar',
  L: 'nur mit Zugang zum Gerät ausnutzbar',
  P: 'nur mit direktem Zugriff auf die Hardware ausnutzbar',
};
const attackComplexity: Record<string, string> = { L: '', H: 'nur unter besonderen Bedingungen' };
const privileges: Record<string, string> = { N: 'ohne Anmeldung', L: 'mit einem einfachen Benutzerkonto', H: 'nur mit Administratorrechten' };
const interaction: Record<string, string> = { N: 'ohne Mitwirkung eines Nutzers', R: 'nur wenn ein Nutzer mitwirkt (etwa einen Link öffnet)' };
const scope: Record<string, string> = { U: '', C: 'wirkt über das betroffene Programm hinaus' };
// What an attacker can then do, per impact metric: High first, Low second.
const impacts: Record<'C' | 'I' | 'A', Record<string, string>> = {
  C: { H: 'Daten auslesen', L: 'einzelne Daten auslesen', N: '' },
  I: { H: 'Daten verändern', L: 'einzelne Daten verändern', N: '' },
  A: { H: 'das System lahmlegen', L: 'das System stören', N: '' },
};

/** The qualitative rating of the CVSS 3.x specification, in the words the rest of praxiswarn uses. */
export function cvssSeverity(score: number): Severity {
  return score >= 9 ? 'kritisch' : score >= 7 ? 'hoch' : score >= 4 ? 'mittel' : 'niedrig';
}

/** Reads a CVSS 3.0/3.1 vector ("CVSS:3.1/AV:N/AC:L/…"); null when it is not one (CVSS 2, garbage). */
export function readCvss(vector: string, baseScore?: number | null): CvssReading | null {
  const match = /^CVSS:3\.[01]\/(.+)$/.exec(vector.trim());
  if (!match) return null;
  const metrics = new Map(match[1]!.split('/').map((part) => part.split(':') as [string, string]));
  const value = <T>(table: Record<string, T>, key: string): T | undefined => table[metrics.get(key) ?? ''];
  const av = value(attackVector, 'AV');
  const ac = value(attackComplexity, 'AC');
  const pr = value(privileges, 'PR');
  const ui = value(interaction, 'UI');
  const s = value(scope, 'S');
  const c = value(impacts.C, 'C');
  const i = value(impacts.I, 'I');
  const a = value(impacts.A, 'A');
  if ([av, ac, pr, ui, s, c, i, a].some((v) => v === undefined)) return null;
  const score = typeof baseScore === 'number' ? baseScore : null;
  return {
    score,
    severity: score === null ? null : cvssSeverity(score),
    exploit: [av!, ac!, pr!, ui!, s!].filter(Boolean),
    impact: [c!, i!, a!].filter(Boolean),
  };
}

/**
 * "7.5 (hoch), aus dem Netz ausnutzbar, ohne Anmeldung, ohne Mitwirkung eines Nutzers; Angreifer können Daten
 * auslesen": the score with its rating, then the exploit conditions, then what an attacker gains.
 */
export function cvssInGerman(reading: CvssReading): string {
  const head = reading.score === null ? [] : [`${reading.score.toFixed(1).replace(".", ",")} (${reading.severity})`];
  const text = [...head, ...reading.exploit].join(', ');
  if (reading.impact.length === 0) return text;
  const gains = reading.impact.length === 1 ? reading.impact[0]! : `${reading.impact.slice(0, -1).join(', ')} und ${reading.impact.at(-1)}`;
  return `${text}; Angreifer können ${gains}`;
}
