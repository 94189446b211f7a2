import type { ExtractedProduct } from './extract.js';

// Without one of these words a notice that names a product is product news, not a warning.
const securityContext =
  /(?:dringend|wichtig)\w*\s+(?:[\p{L}-]+\s+){0,3}(?:firmware|update|aktualisierung|sicherheitsupdate)|sicherheit|unsicher|schutz|zugangsdaten|(?<!\p{L})(?:PIN|PUK)(?:-?Brief|s)?(?!\p{L})|verschlüssel|absturz|abstürz|fehler|schwachstelle|lücke|angriff|cyber|ransomware|schadsoftware|schadprogramm|trojaner|viren|virus|malware|datenleck|phishing|passw|kennw|kompromittiert|unbefugt|exploit|CVE-|patch|warn|zertifikat|(?<!\p{L})laufzeitende|(?:Praxisausweis|SMC-B|eHBA|Heilberufsausweis|Konnektor|Kartenterminal)\p{L}*\s+(?:[\p{L}-]+\s+){0,3}?(?:abläuft|ablaufen|ungültig)|entschlüssel|ausfall|ausgefallen|störung|support-?ende|gesperrt|sperr|zulassung\w*\s+(?:\p{L}+\s+)?(?:widerrufen|abgelaufen|erlischt|erloschen|endet)|verliert\s+(?:\p{L}+\s+){0,2}Zulassung|vulnerab|security|breach|compromis|incident|attack/iu;
// Words that look like security and are not: the privacy link of every footer, the routine bug fixes of a release note
// ("allgemeine Verbesserungen sowie die üblichen Fehlerbehebungen"), "Security" in a company's name ("secunet Security
// Networks AG"). A breach of data protection still counts.
const notSecurity =
  /(?<!\p{L})Datenschutz(?!\p{L}*(?:verletzung|vorfall|panne|verstoß|verstoss))\p{L}*|(?<!\p{L})(?:Fehlerbehebung|Fehlerkorrektur|Fehlerbereinigung|Bugfix|bug fix)\p{L}*|(?<!\p{L})Security(?:\s+\p{L}+){0,2}\s+(?:AG|GmbH|SE|Inc\.?|Ltd\.?)(?!\p{L})/giu;
// The body in lower case, once per notice: rare words are looked for with includes() before any pattern runs.
let lastLower: { body: string; lower: string } | null = null;
function lowerOf(body: string): string {
  if (lastLower?.body !== body) lastLower = { body, lower: body.toLowerCase() };
  return lastLower.lower;
}
const mentionsAny = (body: string, words: string[]) => {
  const lower = lowerOf(body);
  return words.some((w) => lower.includes(w));
};

const maybeNotSecurity = /datenschutz|fehlerbe|fehlerkorr|bugfix|bug fix|security/i;
// Read once per notice (the billing rule and the main path both ask): the last body and its answer.
let lastContext: { body: string; security: boolean } | null = null;
function hasSecurityContext(body: string): boolean {
  if (lastContext?.body !== body) lastContext = { body, security: securityContext.test(maybeNotSecurity.test(body) ? body.replace(notSecurity, ' ') : body) };
  return lastContext.security;
}

// An attack or a hole, as opposed to security in general ("Sicherheitsarchitektur", "Datenschutz").
const threat =
  /sicherheitslücke|schwachstelle|lücke\b|angriff|attacke|ransomware|erpress|schadsoftware|schadprogramm|trojaner|viren\b|virus|malware|datenleck|phishing|betrug|gefälscht|kompromittiert|unbefugt|exploit|CVE-\d|vulnerab|breach|compromis|hack/i;
// A flaw or an attack, not a mere mention of security or of a fault.
// English too: "exposed to attacks from the Internet".
const flaw = /sicherheitslücke|schwachstelle|lücke\b|angriff|attacke|(?<![a-z])attack|ransomware|schadsoftware|trojaner|malware|datenleck|kompromittiert|exploit|CVE-\d|vulnerab|breach|compromis|hacker|gehackt|einfallstor|zero-day|unauthori[sz]ed\s+access|accessed\s+without\s+authori[sz]ation|unbefugte[nr]?\s+zugriff/i;
const practices =
  /(?<!\p{L})(?:Praxis|Praxen|Arztpraxen|Zahnarztpraxen|Praxisteam\w*|Praxisinhaber\w*|Praxisrechner\w*|Praxis-IT|Ärztinnen|Ärzte|Zahnärzt\w*|Psychotherapeut\w*|Leistungserbringer\w*|Vertragsärzt\w*|Vertragszahnärzt\w*|MVZ|(?:medical|physician|dental|doctor['’]?s['’]?)\s+(?:practices?|offices?)|physicians|your\s+(?:medical\s+|dental\s+)?(?:practice|clinic|facility|office)|(?:dental|medical)\s+clinics?|healthcare\s+providers|GP\s+(?:practices?|surger(?:y|ies))|[Pp]rimary\s+[Cc]are\s+(?:[Tt]eams?|[Pp]ractices?|[Pp]roviders?|[Ss]taff|[Nn]etworks?)|[Mm]edical\s+[Pp]rofessionals|[Cc]linicians|NHS\s+organi[sz]ations?|(?:[Hh]ealth\s*care|[Hh]ealth)\s+(?:organi[sz]ations|professionals|workers)|(?:dental|medical)\s+surger(?:y|ies))(?!\p{L})/u;
// A chamber or a KV writing to its members: its members are practices ("schreibt die Landeszahnärztekammer Thüringen an
// ihre Mitglieder").
const membersOfBody =
  /(?:(?:ärzte|Psychotherapeuten)kammer|Kassen(?:zahn)?ärztliche\s+Vereinigung|(?<!\p{L})(?:KV|KZV))\p{L}*\s+(?:[\p{L}-]+\s+){0,3}?(?:an\s+)?(?:ihre|seine)\s+Mitglieder(?!\p{L})/u;
// A chamber or a KV publishing for its members ("Spam-Mails – Landeszahnärztekammer für Burgenland"): its readers are
// doctors, dentists and psychotherapists in their practices.
const professionalBody = /(?:Zahn)?[Ää]rztekammer|Psychotherapeutenkammer|Kassen(?:zahn)?ärztliche\s+(?:Bundes)?[Vv]ereinigung|(?<!\p{L})(?:KVNO|KVWL|KZBV|KBV|KVB|KZVB|(?:KV|KZV)(?:\s|-)?(?:Berlin|Bayerns?|Bremen|Hamburg|Hessen|Nordrhein|Westfalen-Lippe|Sachsen(?:-Anhalt)?|Thüringen|Saarland|Brandenburg|Baden-Württemberg|Rheinland-Pfalz|Schleswig-Holstein|Niedersachsen|Mecklenburg-Vorpommern|BW|RLP|SH|MV|LSA))(?!\p{L})/u;
const pharmacies = /Apotheke/i;
const hospitals = /Klinik|Krankenh[aä]us|hospital/i;
const pharmaciesAll = new RegExp(pharmacies.source, 'gi');
const practicesAll = new RegExp(practices.source, 'gu');
const hospitalsAll = new RegExp(hospitals.source, 'gi');
/** Whether a global pattern finds at least n different words (in any case); stops at the nth. */
function distinctMatches(body: string, pattern: RegExp, n: number): boolean {
  const seen = new Set<string>();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(body); m && seen.size < n; m = pattern.exec(body)) seen.add(m[0].toLowerCase());
  pattern.lastIndex = 0;
  return seen.size >= n;
}

/** Whether a global pattern matches at least n times in the body; stops at the nth match. */
function atLeast(body: string, pattern: RegExp, n: number): boolean {
  pattern.lastIndex = 0;
  let found = 0;
  while (found < n && pattern.exec(body)) found++;
  pattern.lastIndex = 0;
  return found >= n;
}
const practiceIt = /IT-Sicherheit|Drucker|Printer|Netzwerk|WLAN|Browser|Windows|Betriebssystem|Software|Update|Passw|Firewall|Router|Konnektor|Telematik|\bTI\b|PVS|Praxisverwaltung|Server|Virenschutz|Fernwartung|E-Mail|Computer|Rechner|Daten/i;

// The security guideline practices must follow (IT-Sicherheitsrichtlinie, § 390 SGB V, formerly § 75b): its duties are
// security work for every practice, not policy news.
const securityGuideline = /IT-Sicherheitsrichtlinie|§\s?(?:390|75b)\s+SGB\s+V/u;

// A bare "Gateway" or "appliance" is no kind of device a practice runs ("Citrix ADC and Citrix Gateway servers", "BIG-IP
// appliances" are a data centre's); a VPN or security gateway, a firewall or a NAS is.
// Printers, multifunction devices and fax machines stand in every practice and hold patient data too.
const practiceDevice = /(?<!\p{L})(?:NAS|VPN|Firewall|Router|Fernzugriff|Fernwartung|remote access|Backup|Datensicherung|Outlook|Exchange|Windows|DiskStation|QTS|security gateway|(?:Adaptive\s+)?Security\s+Appliance|(?:Multifunktions|Laser|Tintenstrahl|Netzwerk)?drucker\p{L}*|Multifunktionsger(?:ä|a)t\p{L}*|Fax(?:ger(?:ä|a)t\p{L}*|e)?|(?:multifunction\s+)?printers?|Remote[-\s]Desktop|RDP)(?!\p{L})/iu;

const backupAdvice = /Datensicherung|Backups?(?!\p{L})|Daten\s+(?:\p{L}+\s+){0,2}sichern/u;

// A TI device that does not work as it should.
const tiFault =
  /fehlgeschlagen|schl(?:ägt|agen)\s+(?:\p{L}+\s+){0,3}fehl(?!\p{L})|keine\s+(?:TI-)?Verbindung|nicht\s+(?:mehr\s+)?(?:wie\s+vorgesehen|erreichbar|funktionsfähig)|deaktiviert|Deaktivierung|Verbindungsabbr(?:ü|u)ch|abgestürzt/iu;

const tiSoftware = /Telematik|\bTI\b|gematik|Konnektor|Kartenterminal|eHBA|SMC-B|Praxissoftware|Praxisverwaltung|\bPVS\b/;

/** Warnings to practices that need no catalog product: each a threat with what practices do against it. */
const healthSender =
  /(?:im|unter\s+dem)\s+Namen\s+(?:des|der|von)\s+(?:\p{L}+-)?(?:AOK|Krankenkasse|Kasse|Kassenärztlichen|KV|KZV|KBV|KZBV|gematik|Techniker\s+Krankenkasse|TK|Barmer|DAK|IKK|BKK)|Absender(?:adresse)?\s+(?:des|der)\s+(?:\p{L}+-)?(?:AOK|Krankenkasse|Kassenärztlichen|KV|KBV|gematik)/u;
const practiceWarnings: { test: (body: string) => boolean; reason: string }[] = [
  {
    // Phishing and malware mails, also in the name of a KV, KZV, KBV, Krankenkasse or gematik.
    test: (b) => /phishing|(?:fake|betrugs|spam|trojaner|schad\w*|virus|viren|bewerbungs)[-‑]?(?:e-)?mails?|e-mails?\b.{0,120}\b(?:anh[aä]ng\w*|absender\w*|links?\b|zip|schad\w+|trojaner|betrug\w*|gefälscht)/is.test(b),
    reason: 'Warnung an Praxen vor betrügerischen oder schädlichen E-Mails.',
  },
  {
    // Fraudulent calls to practices ("Fake-Anrufe", a caller who claims a virus and asks for remote access or PINs).
    test: (b) => /(?:gefälscht\w*|betrügerisch\w*|fake|falsche\w*)[-‑ ]?anruf\w*|telefonbetrug|anrufer\w*.{0,160}(?:betrug|betrüger|fernwartung|fernzugriff|teamviewer|anydesk|PIN|zugangsdaten)|(?:betrüger|kriminelle)\w*.{0,80}(?:anrufe|rufen\s+an|am\s+telefon|telefonisch)/is.test(b),
    reason: 'Warnung an Praxen vor betrügerischen Anrufen.',
  },
  {
    test: (b) => /ransomware|verschlüsselungstrojaner|krypto-?trojaner|crypto-?trojaner|erpress/i.test(b) && /backup|back(?:ed|ing)?[\s-]up\b|datensicherung|sicherungskopie|gesichert/i.test(b),
    reason: 'Warnung an Praxen vor Erpressungssoftware, mit Hinweisen zur Datensicherung.',
  },
  {
    test: (b) => /(?:admin\w*|kartenterminal\w*|SMC-B|Konnektor\w*)[-‑ ]?(?:PIN|Passw\w*|Kennw\w*)|(?:PIN|Passw\w*|Kennw\w*)\w* (?:der|des|am|an den) (?:Kartenterminals?|Konnektors?)/i.test(b),
    reason: 'Hinweis an Praxen zu PINs und Passwörtern der TI-Geräte.',
  },
];

// A vendor's own statement on an attack on its systems, or a report of one: relevant to the vendor's customers.
// A maker's own statement on an incident in its own IT, in English too ("Statement on X's security incident",
// "an irregularity in X's internal corporate IT environment").
const vendorBreach =
  /(?:hacker|cyber|ransomware)[-‑]?(?:angriff|attacke)\w*|angriff\w* auf (?:unsere|die|ihre) (?:IT|systeme|server)|datenleck|ziel eines \S*\s*angriffs|opfer eines|sicherheitsl(?:ü|u)cken in unseren|(?:our|its) (?:production )?(?:systems|servers) (?:had been|were|was|have been) (?:compromised|breached)|breach(?:ed)? (?:of )?(?:its|our)|(?:statement|stellungnahme|update|information)\s+(?:on|about|regarding|zu[mr]?)\s+(?:[\w'’]+\s+){0,2}(?:security\s+incident|sicherheitsvorfall|cyberangriff)|(?:security incident|irregularity|compromised|unauthori[sz]ed access)\b[^.]{0,80}\b(?:our|its|[\w]+['’]s)\s+(?:(?:internal|corporate)\s+)+IT\b/i;
const customers = /(?<!\p{L})(?:Kunden\w*|Kundinnen|Anwender\w*|customers?|users?)(?!\p{L})/iu;

const headline = (body: string) => body.slice(0, (body.indexOf('\n') + 1 || body.length + 1) - 1);
// The headline opens with the event ("Webinar: …", "Online-Seminar zur IT-Sicherheit", "Save the date: …"); a
// phishing mail dressed as an invitation to a webinar is a warning, and a vendor's own webinar with advice in its text
// ("medatixx-Webinar: So schützen Sie …", test/extract-incidents.test.ts) stays a report.
const event =
  /^(?:Webinar|Webinare|Online-Seminar|Seminar|Veranstaltung|Infoveranstaltung|Fortbildung|Workshop|Kongress|Save the date)(?!\p{L})(?![^]*(?:phishing|gefälscht|fake|betrug))/iu;
const jobAd = /\((?:m\/w\/d|w\/m\/d|m\/w\/x|d\/m\/w|all genders)\)|\b(?:Stellenanzeige|Stellenangebot|Bewerben Sie sich|Ihre Aufgaben|Ihr Profil|Wir bieten(?: Ihnen)?:)/gi;
const report = /(?<!\p{L})(?:Umfrage|Studie|Befragung|Lagebericht|Lagebild|Jahresbericht|Statistik|survey|study|report finds)(?!\p{L})/iu;
const jobCues = ['(m/w/d)', '(w/m/d)', '(m/w/x)', '(d/m/w)', '(all genders)', 'stellenanzeige', 'stellenangebot', 'bewerben sie sich', 'ihre aufgaben', 'ihr profil', 'wir bieten'];
const medicalDevice = {
  test: (body: string) => mentionsAny(body, ['sicherheitsinformation', 'field safety', 'sicherheitskorrektur', 'rückruf']) && fieldSafety.test(body) && deviceNoun.test(body),
};
const fieldSafety = /Dringende Sicherheitsinformation|Field Safety Notice|Sicherheitskorrekturmaßnahme|Rückrufaktion|Produktrückruf/i;
const deviceNoun = /Medizinprodukt|Pumpe|Messgerät|Implantat|Katheter|Charge|Sensor|Beatmung|Defibrillator|Schrittmacher|Infusion|Insulin|Röntgen|Ultraschall|Endoskop/iu;
const toldToAct = /(?<!\p{L})(?:sollten|müssen|bitte)\s+(?:\p{L}+\s+){0,4}(?:aktualisier|install|einspiel|änder|prüf)/iu;
const policyWords = /gesetzgeb\w*|gesetzentwurf|gesetz(?:es)? (?:zur|über)|gesetzlich\w*|vertreterversammlung|vollversammlung|delegiertenversammlung|beschluss|beschlossen|beschließt|bundestag|bundesrat|referentenentwurf|übergangsregelung|verordnung|koalition\w*|gesundheitsminist\w*|parlament\w*/gi;
const launch =
  /(?<!\p{L})(?:stellt|stellen)\s+(?:[\p{L}\p{N}+.-]+\s+){0,6}?vor(?=\s*(?:[.,;:!?\n–-]|$))|(?<!\p{L})(?:präsentiert|präsentieren|Produktneuheit|Markteinführung|Marktstart|introduces|introducing|announcing|unveils?|launch(?:es|ed)?)(?!\p{L})|(?:excited|thrilled|proud)\s+to\s+(?:announce|introduce|present)|neue\s+Generation|(?:erleben|entdecken)\s+Sie|live\s+(?:auf|bei)\s+der/iu;

// Notices that are not for practices to act on, whatever they name.
const notForPractices: { test: (body: string) => boolean; reason: string }[] = [
  { test: (b) => pharmacies.test(b) && !practices.test(b), reason: 'Richtet sich nur an Apotheken.' },
  // Pharmacies addressed throughout, practices once in a comparison ("Wie in Arztpraxen erfolgt die Aktualisierung …").
  { test: (b) => mentionsAny(b, ['apothek']) && atLeast(b, pharmaciesAll, 3) && !atLeast(b, practicesAll, 2), reason: 'Richtet sich an Apotheken; Praxen nur am Rand genannt.' },
  { test: (b) => hospitals.test(b) && !practices.test(b) && !customers.test(b), reason: 'Betrifft nur Krankenhäuser.' },
  // A hospital's incident that names doctors once, as referrers or in a quote ("Niedergelassene Ärzte werden gebeten,
  // Patienten vorerst nicht einzuweisen"): about the hospital, not about practices' IT.
  { test: (b) => mentionsAny(b, ['klinik', 'krankenh', 'hospital']) && atLeast(b, hospitalsAll, 3) && !atLeast(b, practicesAll, 2) && !customers.test(b), reason: 'Betrifft ein Krankenhaus; Praxen nur am Rand genannt.' },
  {
    // Also a support forum's post to its community of private users ("Liebe Community", "Hallo zusammen").
    test: (b) => /heimnetz|zu hause|privatkunden|privatanwender|privatnutzer|privathaushalt|verbraucher|smart[- ]home|home (?:network|users?)|consumers?(?![-‑])|liebe community|hallo (?:zusammen|community)|hi (?:all|everyone)/i.test(b) && !practices.test(b) && !/geschäftskunden|unternehmen|firmen|business/i.test(b),
    reason: 'Verbraucherhinweis, keine Praxen angesprochen.',
  },
  {
    // Two policy words without a threat; three or more also when holes are named as an argument in the debate ("Der
    // CCC hatte zuvor Sicherheitslücken gezeigt"), unless practices are told what to do about them.
    test: (b) => {
      if (securityGuideline.test(b)) return false;
      const words = new Set(b.match(policyWords)?.map((w) => w.toLowerCase()) ?? []).size;
      return (words >= 2 && !threat.test(b)) || (words >= 3 && !practiceWarnings.some((w) => w.test(b)) && !toldToAct.test(b));
    },
    reason: 'Gesundheits- oder Berufspolitik, kein Sicherheitsbezug.',
  },
  {
    test: (b) => /wir beraten sie gern|jetzt (?:kostenlos )?(?:beraten lassen|wechseln|termin vereinbaren|anfragen|bestellen|testen)|demo anfragen|angebot anfordern|besuchen sie uns|fachmesse|messestand/i.test(b) && !threat.test(b),
    reason: 'Werbung oder Messehinweis eines Anbieters, kein Sicherheitsbezug.',
  },
  {
    // An event announced in the headline ("Webinar: IT-Sicherheit in der Arztpraxis"): however much it says about
    // phishing, it asks practices to sign up, not to act on their IT.
    test: (b) => event.test(headline(b)),
    reason: 'Veranstaltungshinweis, keine Warnung.',
  },
  {
    // Two different cues of a job ad: "(m/w/d)", "Stellenanzeige", "Bewerben Sie sich", "Ihre Aufgaben", "Ihr Profil".
    test: (b) => jobCues.filter((c) => lowerOf(b).includes(c)).length >= 2 && distinctMatches(b, jobAd, 2),
    reason: 'Stellenanzeige.',
  },
  {
    test: (b) => /abrechnung|honorar|gebührenordnung|\bEBM\b|\bBEMA\b|\bGOZ\b/i.test(b) && !hasSecurityContext(b),
    reason: 'Abrechnungs- oder Honorarthema, kein Sicherheitsbezug.',
  },
];

export type RelevanceInput = {
  body: string;
  products: ExtractedProduct[];
  actions: number;
  fixedVersion: boolean;
  nothingToDo: boolean;
  /** A catalog product is named as the sender fake mails pretend to be ("Gefälschte Fritzbox-Mails"). */
  fakeSender?: boolean;
  /** A TI component that guards access (connector, gateway, card terminal, SMC-B, eHBA) is among the products. */
  tiDevice?: boolean;
};

/**
 * Whether a German practice has to act, with the reason in German: a security matter about practice IT with
 * something to do (an action or a fixed release); a warning to practices about phishing mails, ransomware or the PINs
 * of TI devices; a vendor's statement on an attack on its own systems. Pharmacy-, hospital- and consumer-only notices,
 * policy, billing and advertising are not.
 */
export function assessRelevance({ body, products, actions, fixedVersion, nothingToDo, fakeSender = false, tiDevice = false }: RelevanceInput): { relevant: boolean; reason: string } {
  const excluded = notForPractices.find((n) => n.test(body));
  if (excluded) return { relevant: false, reason: excluded.reason };
  // A survey or a report on the threat ("Umfrage: Jede dritte Praxis war schon Ziel eines Cyberangriffs") that names no
  // product and gives nothing to do describes the situation; it warns no one of anything in particular.
  if (products.length === 0 && actions === 0 && !fixedVersion && report.test(body.slice(0, 300))) return { relevant: false, reason: 'Umfrage oder Lagebericht ohne Handlungsempfehlung.' };
  const security = hasSecurityContext(body);
  const names = products.map((p) => p.name).join(', ');
  const addressed = practices.test(body) || membersOfBody.test(body) || professionalBody.test(headline(body));
  // Fake mails in the name of a health insurer or a KV about patients' records go to care providers even where the
  // notice does not say "Praxen" (a therapists' association passing on the AOK's warning); insured people are not meant.
  const providersMeant = healthSender.test(body) && /Patient|Leistungserbringer|Heilmittel|Therapeut/u.test(body) && !/Versicherte|Verbraucher/u.test(body);
  const warning = (addressed || fakeSender || providersMeant) && threat.test(body) ? practiceWarnings.find((w) => w.test(body)) : undefined;
  if (products.length === 0) {
    // A maker's field safety notice on a medical device (an insulin pump, a glucose meter), even on its firmware, is
    // for the device's users and the BfArM, not about practice IT.
    if (medicalDevice.test(body)) return { relevant: false, reason: 'Sicherheitsinformation zu einem Medizinprodukt, keine Praxis-IT.' };
    if (warning) return { relevant: true, reason: warning.reason };
    if (vendorBreach.test(body) && customers.test(body) && (addressed || /software|system/i.test(body))) {
      return { relevant: true, reason: 'Angriff auf die Systeme eines Anbieters: betrifft dessen Kunden.' };
    }
    // A hole in TI or practice software the catalog does not know yet ("gematik Authenticator"), with its fix.
    if (threat.test(body) && (actions > 0 || fixedVersion) && tiSoftware.test(body)) {
      return { relevant: true, reason: 'Sicherheitslücke in TI- oder Praxissoftware (nicht im Katalog) mit Update oder Maßnahme.' };
    }
    // A vendor's advisory on a hole in a kind of device or software practices run (a NAS, a VPN gateway, a firewall,
    // the mail client), with its fix or what to do, is worth a practice's look though the catalog lacks the maker.
    // What to do is enough: a maker asking its customers to switch something off (UPnP port forwarding on the router
    // in front of the NAS) names no patch.
    if (flaw.test(body) && practiceDevice.test(body) && (actions > 0 || (fixedVersion && /CVE-\d{4}-\d+|security advisory|sicherheitshinweis|sicherheitswarnung|security notice|patch|firmware|update/i.test(body))))
      return { relevant: true, reason: 'Sicherheitslücke in Geräten oder Software, die Praxen betreiben (Hersteller nicht im Katalog), mit Update oder Maßnahme.' };
    if (securityGuideline.test(body) && addressed) return { relevant: true, reason: 'Pflichten der IT-Sicherheitsrichtlinie für Praxen.' };
    // How practices should back up their data ("So können Praxen ihre Daten sichern"), with steps: the measure the
    // IT-Sicherheitsrichtlinie asks of every practice, whether or not a threat is named.
    if (backupAdvice.test(body) && actions > 0 && addressed) return { relevant: true, reason: 'Hinweis an Praxen zur Datensicherung, mit Handlungsempfehlung.' };
    if (security && actions > 0 && addressed && practiceIt.test(body)) {
      return { relevant: true, reason: 'Sicherheitshinweis zur Praxis-IT mit Handlungsempfehlung, ohne bestimmtes Produkt.' };
    }
    return { relevant: false, reason: 'Kein Produkt aus dem Katalog genannt, und keine Warnung an Praxen.' };
  }
  // A connector, card terminal or card that fails ("keine TI-Verbindung mehr", "Update schlägt fehl", a card switched
  // off by static discharge), with what to do about it: the practice cannot reach the TI, as in an outage. A routine
  // release ("allgemeine Verbesserungen sowie die üblichen Fehlerbehebungen") is no fault.
  if (!security && tiDevice && (actions > 0 || fixedVersion) && tiFault.test(body))
    return { relevant: true, reason: `Störung an ${names} (TI-Komponente), mit Maßnahme oder behobener Version.` };
  if (!security) return { relevant: false, reason: 'Produkte genannt, aber kein Sicherheitsbezug erkennbar.' };
  // A vendor presenting a product or a release ("CGM stellt neue Generation von CGM ALBIS vor", "Erleben Sie … live
  // auf der DMEA"), told in the headline or the lead: news about the product, however often it says "Sicherheit". (A
  // KV presenting a checklist names no product and stays practice guidance.)
  if (launch.test(body.slice(0, 400)) && !threat.test(body) && !securityGuideline.test(body)) return { relevant: false, reason: `Produktvorstellung zu ${names}, kein Sicherheitsbezug.` };
  if (actions > 0) return { relevant: true, reason: `Sicherheitshinweis zu ${names} mit Handlungsempfehlung.` };
  if (nothingToDo) return { relevant: false, reason: `Hinweis zu ${names}: Praxen müssen nichts tun.` };
  if (fixedVersion) return { relevant: true, reason: `Sicherheitshinweis zu ${names} mit behobener Version.` };
  if (warning) return { relevant: true, reason: warning.reason };
  if (vendorBreach.test(body) && customers.test(body)) return { relevant: true, reason: `Angriff auf die Systeme des Anbieters von ${names}: betrifft dessen Kunden.` };
  // A hole or an attack in a product practices run, told to practices or with a CVE: worth checking even when the
  // notice names nothing to do (yet).
  if (flaw.test(body) && (addressed || /CVE-\d{4}-\d+/.test(body))) return { relevant: true, reason: `Sicherheitslücke oder Angriff bei ${names}; Praxen sollten prüfen, ob sie betroffen sind.` };
  // The end of security updates for a product practices run ("liefert für Windows 10 keine Sicherheitsupdates mehr"):
  // every practice still on it has to move, whether or not the notice says so.
  if (supportEnds.test(body)) return { relevant: true, reason: `Keine Sicherheitsupdates mehr für ${names}: Praxen, die es einsetzen, müssen umstellen.` };
  return { relevant: false, reason: 'Sicherheitsbezug, aber keine Maßnahme und keine behobene Version genannt.' };
}

const supportEnds =
  /(?<!\p{L})(?:keine\s+(?:weiteren\s+)?(?:Sicherheits-?[Uu]pdates|Sicherheitsaktualisierungen|Sicherheitspatches)\s+mehr|Supportende|Support-Ende|Ende\s+des\s+Supports|no\s+(?:more|further|longer\s+receive)\s+security\s+updates|end\s+of\s+(?:support|life))(?!\p{L})/iu;
