import type { ExtractedProduct } from './extract.js';

// Without one of these words a notice that names a product is product news, not a warning.
const securityContext =
  /sicherheit|unsicher|schutz|zugangsdaten|verschlüssel|absturz|abstürz|fehler|schwachstelle|lücke|angriff|cyber|ransomware|schadsoftware|datenleck|phishing|passw|kennw|kompromittiert|unbefugt|exploit|CVE-|patch|warn|zertifikat|ausfall|ausgefallen|störung|supportende|gesperrt|sperr|vulnerab|security|breach|compromis|incident|attack/i;
const practices = /(?<!\p{L})(?:Praxis|Praxen|Arztpraxen|Zahnarztpraxen|Praxisinhaber\w*|Ärztinnen|Ärzte|Psychotherapeut\w*|Leistungserbringer\w*|Vertragsärzt\w*)(?!\p{L})/u;
const pharmacies = /Apotheke/i;
const practiceIt = /IT-Sicherheit|Betriebssystem|Software|Update|Passw|Firewall|Router|Konnektor|Telematik|\bTI\b|PVS|Praxisverwaltung|Server|Virenschutz|Fernwartung|E-Mail/i;

export type RelevanceInput = { body: string; products: ExtractedProduct[]; actions: number; fixedVersion: boolean; nothingToDo: boolean };

/**
 * Whether a German practice has to act, with the reason in German: a security matter about practice IT with
 * something to do (an action or a fixed release). Pharmacy-only notices, consumer and policy news are not.
 */
export function assessRelevance({ body, products, actions, fixedVersion, nothingToDo }: RelevanceInput): { relevant: boolean; reason: string } {
  if (pharmacies.test(body) && !practices.test(body)) return { relevant: false, reason: 'Richtet sich nur an Apotheken.' };
  const security = securityContext.test(body);
  const names = products.map((p) => p.name).join(', ');
  if (products.length === 0) {
    if (security && actions > 0 && practices.test(body) && practiceIt.test(body)) {
      return { relevant: true, reason: 'Sicherheitshinweis zur Praxis-IT mit Handlungsempfehlung, ohne bestimmtes Produkt.' };
    }
    return { relevant: false, reason: 'Kein Produkt aus dem Katalog genannt.' };
  }
  if (!security) return { relevant: false, reason: 'Produkte genannt, aber kein Sicherheitsbezug erkennbar.' };
  if (actions > 0) return { relevant: true, reason: `Sicherheitshinweis zu ${names} mit Handlungsempfehlung.` };
  if (nothingToDo) return { relevant: false, reason: `Hinweis zu ${names}: Praxen müssen nichts tun.` };
  if (fixedVersion) return { relevant: true, reason: `Sicherheitshinweis zu ${names} mit behobener Version.` };
  return { relevant: false, reason: 'Sicherheitsbezug, aber keine Maßnahme und keine behobene Version genannt.' };
}
