import type { Env } from './env.js';

/**
 * Stand-ins that let a checkout start without any setup. Mails sent with them carry no real Impressum and links
 * anyone could sign, so production refuses every one of them (loadEnv) and development warns once at start.
 */
export const devPlaceholders = {
  OPERATOR_NAME: 'praxiswarn – Sicherheitswarnungen für Arztpraxen',
  OPERATOR_ADDRESS: 'Anschrift des Betreibers nicht konfiguriert (OPERATOR_ADDRESS)',
  LINK_SECRET: 'dev-only-link-secret-change-me',
} as const;

export type PlaceholderKey = keyof typeof devPlaceholders;
export type PlaceholderProblem = { key: PlaceholderKey; message: string };

/** Every setting still at its development stand-in (or, for LINK_SECRET, too short to be secret), with what to set. */
export function placeholderProblems(values: Pick<Env, PlaceholderKey>): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  if (values.LINK_SECRET.startsWith('dev-only') || values.LINK_SECRET.length < 32) {
    problems.push({ key: 'LINK_SECRET', message: 'in Produktion mindestens 32 zufällige Zeichen setzen, nicht den Entwicklungswert (z. B. `openssl rand -base64 48`).' });
  }
  if (values.OPERATOR_NAME === devPlaceholders.OPERATOR_NAME) {
    problems.push({ key: 'OPERATOR_NAME', message: 'fehlt oder ist noch der Platzhalter: Name des Betreibers (Verein oder Firma) für das Impressum jeder E-Mail setzen.' });
  }
  if (values.OPERATOR_ADDRESS === devPlaceholders.OPERATOR_ADDRESS) {
    problems.push({ key: 'OPERATOR_ADDRESS', message: 'fehlt oder ist noch der Platzhalter: Postanschrift des Betreibers für das Impressum jeder E-Mail setzen.' });
  }
  return problems;
}
