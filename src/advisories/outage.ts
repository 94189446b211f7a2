/** What a notice says about an outage of the telematics infrastructure (TI), as opposed to a security matter. */
export type OutageReading = {
  /** A notice about a TI service being down or degraded (gematik status, "TI-Störung"), not a security advisory. */
  outage: boolean;
  /** The notice reports the outage over ("behoben", "wiederhergestellt", "wieder verfügbar"). */
  resolved: boolean;
  /** The TI services it names, in the words practices know them by (VSDM, E-Rezept, KIM, ...). */
  services: string[];
};

// The TI services a status notice names; `name` is how the mail lists them.
const services: { name: string; pattern: RegExp }[] = [
  { name: 'VSDM', pattern: /\bVSDM\b|Versichertenstammdaten/i },
  { name: 'E-Rezept', pattern: /\bE-?Rezept/i },
  { name: 'eAU', pattern: /\beAU\b|elektronische Arbeitsunfähigkeit/i },
  { name: 'KIM', pattern: /\bKIM\b|Kommunikation im Medizinwesen/ },
  { name: 'ePA', pattern: /\bePA\b|elektronische[nr]? Patientenakte/i },
  { name: 'KOB', pattern: /\bKOB\b/ },
  { name: 'TI-Messenger', pattern: /TI-Messenger/i },
  { name: 'NFDM', pattern: /\bNFDM\b|Notfalldaten/i },
  { name: 'eMP', pattern: /\beMP\b|Medikationsplan/i },
  { name: 'Konnektor', pattern: /Konnektor/i },
  { name: 'TI-Gateway', pattern: /TI-Gateway/i },
];

const tiContext = /\bTI\b|TI-|Telematik|gematik|Fachdienst/i;

// Down or degraded; "ausfallsicher" and "Störungsfrei" are not outages.
const outageWords = /Störung(?!sfrei)|gestört|eingeschränkte[rn]? Verfügbarkeit|eingeschränkt (?:verfügbar|erreichbar|nutzbar)|Ausfall(?!sicher)|Ausfälle|ausgefallen|nicht (?:verfügbar|erreichbar|nutzbar)|Beeinträchtigung|beeinträchtigt/i;

// An attack, a hole or a product to update: a security matter, even where it mentions a "Störung".
const securityWords =
  /Sicherheitslücke|Schwachstelle|\bLücke\b|Sicherheitsupdate|Sicherheitshinweis|Sicherheitswarnung|CVE-\d|Angriff|Attacke|Hacker|Schadsoftware|Schadprogramm|Ransomware|Trojaner|Malware|Phishing|kompromittiert|unbefugt|Exploit|ausgenutzt|Firmware|Patch\b|(?:installieren|einspielen|aktualisieren|updaten) Sie|(?:Version|Release)\s+\d/i;

const resolvedWords = /behoben|wiederhergestellt|wieder (?:voll(?:ständig)? )?(?:verfügbar|erreichbar|nutzbar|stabil|im Normalbetrieb)|(?:läuft|laufen) wieder|funktionier(?:t|en) wieder|Normalbetrieb|Störung (?:ist )?beendet/i;
// "sobald die Störung behoben ist", "noch nicht behoben", "voraussichtlich wiederhergestellt": not over yet.
const notYet = /sobald|\bbis (?:die|der|das|zur|zum)\b|noch nicht|nicht (?:mehr )?behoben|\bwenn\b|\bfalls\b|voraussichtlich|Behebung|arbeite[tn]? (?:an|mit Hochdruck)|erwarte/i;

/**
 * Reads a notice as a TI outage: an outage word in the title (or in the opening lines where they name a TI service),
 * a TI context, and nothing of a security advisory (attack, hole, CVE, an update to install). Resolved when a
 * sentence reports the outage over, not when one only promises it.
 */
export function outageOf(title: string, text: string): OutageReading {
  // A CSAF document (JSON) is a security advisory by definition.
  if (text.trimStart().startsWith('{')) return { outage: false, resolved: false, services: [] };
  const body = `${title}\n${text}`;
  const named = tiServicesIn(body);
  const opening = text.split(/(?<=[.!?])\s+|\n+/).slice(0, 3).join(' ');
  const saysOutage = outageWords.test(title) || (outageWords.test(opening) && named.length > 0);
  const outage = saysOutage && (named.length > 0 || tiContext.test(body)) && !securityWords.test(body);
  const sentences = body.split(/(?<=[.!?:])\s+|\n+/);
  const resolved = outage && sentences.some((s) => resolvedWords.test(s) && !notYet.test(s));
  return { outage, resolved, services: named };
}

/** The TI services a text names, each once, in the order of the list above. */
export function tiServicesIn(text: string): string[] {
  return services.filter((s) => s.pattern.test(text)).map((s) => s.name);
}
