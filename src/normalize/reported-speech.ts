import { guardedTest } from './cue-words.js';

// Press and association notices report advice and events in the third person: "…, rät die KV", "Laut BSI sollten
// Praxen …", "Mehr als 300 Praxen sollen betroffen sein", "fordert die Politik auf, …". Who said it is not part of the
// action, and what is reported about others is no action at all.

// Verbs of saying after the instruction: "Ändern Sie die Passwörter, rät die KV Nordrhein", "…, so die gematik".
const sayingVerbs =
  'sagt|sagte|sagten|betont|betonte|betonten|erklärt|erklärte|erläutert|erläuterte|rät|riet|raten|empfiehlt|empfahl|empfehlen|warnt|warnte|warnen|mahnt|mahnte|fordert|forderte|appelliert|appellierte|schreibt|schrieb|berichtet|berichtete|meldet|meldete|ergänzt|ergänzte|unterstreicht|unterstrich|heißt|hieß|teilt|teilte';
const attributionTail = new RegExp(
  `,\\s+(?:(?:${sayingVerbs})\\s+(?:es\\s+|(?:der|die|das|den|ein|eine|einer)\\s+|\\p{Lu})|so\\s+(?:(?:der|die|das|ein|eine)\\s+|\\p{Lu}(?!ie\\s)))[^,;:]{0,80}?[.!]?$`,
  'u',
);

// "Wie die KV mitteilt, sollten Praxen …": the source in a clause of its own.
const asSaid = new RegExp(`^Wie\\s+[^,]{1,80}?\\s+(?:${sayingVerbs}|mitteilt|mitteilte|mitgeteilt\\s+hat)(?:\\s+(?:hat|mit))?,\\s+`, 'u');

/** The sentence without who said it: "Ändern Sie die Passwörter, rät die KV" → "Ändern Sie die Passwörter". */
export function withoutAttribution(s: string): string {
  // The tail starts at a comma: a sentence without one keeps all of it.
  const t = s.includes(',') ? s.replace(attributionTail, '') : s;
  const said = asSaid.exec(t);
  if (!said) return t;
  const rest = t.slice(said[0].length);
  // The modal stays in lower case: "sollten Praxen …" is the inverted order the modal rule reads.
  return /^(?:sollten|sollte|sollen|soll|müssen|muss)\s/u.test(rest) ? rest : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** "Laut KV", "Nach Angaben des Herstellers", "Dem BSI zufolge": a source in front of a modal, not a circumstance. */
export const attributionFront =
  /^(?:(?:Laut|Gemäß)\s+[^,]{1,60}|Nach\s+(?:Ansicht|Angaben|Einschätzung|Auffassung|Empfehlung|Meinung|Aussage|Informationen|Worten)\s+[^,]{1,60}|[^,]{1,60}?\s+zufolge)$/u;

// Numbers and quantities as subject make a statistic: "Mehr als 300 Praxen sollen …", "Jede dritte Praxis sollte laut
// Umfrage …", "Rund 40 Prozent der Praxen …".
const quantified =
  /^(?:(?:rund|etwa|ca\.|circa|mehr\s+als|über|fast|knapp|mindestens|bis\s+zu|weniger\s+als|nur|gut)\s+)?(?:\d|(?:zwei|drei|vier|fünf|zehn|hundert|tausend)\w*\s)|^(?:jede[rs]?\s+(?:zweite|dritte|vierte|fünfte|zehnte)|zahlreiche|mehrere|tausende|hunderte|dutzende|etliche|einige|viele|die\s+meisten|wenige)(?!\p{L})/iu;

/** A subject that counts practices rather than addressing them. */
export function isStatistic(subject: string): boolean {
  return quantified.test(subject.trim());
}

/**
 * "sollen … betroffen sein", "sollen Daten erbeutet haben": a modal with a perfect infinitive, or "soll(en)" with a
 * state, reports what happened or is said to be so; it asks nothing of the reader.
 */
export function reportsEvent(modal: string, main: string, isParticiple: (w: string) => boolean): boolean {
  const words = main.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const before = words[words.length - 2] ?? '';
  if (last === 'haben' && (isParticiple(before) || /^(?:verloren|gestohlen|erbeutet|bemerkt|erhalten|bekommen)$/.test(before))) return true;
  if (last === 'sein' && /^(?:betroffen|gewesen|geworden)$/.test(before)) return true;
  return /^sollen?$/.test(modal) && last === 'sein' && isParticiple(before);
}

// Whom a demand is addressed to, when it is not the practices: "fordert die Politik auf", "appelliert an den
// Gesetzgeber", "hat die gematik aufgefordert".
const otherAddressees =
  /(?<!\p{L})(?:Politik|Gesetzgeber\p{L}*|Bundesregierung|Regierung|Ministeri\p{L}*|Bundesgesundheitsminister\p{L}*|BMG|Bund|Länder|Krankenkassen|Kassen|gematik|Hersteller|Herstellern|Anbieter\p{L}*|Industrie|Softwarehäuser\p{L}*|Selbstverwaltung|Bundestag|Bundesrat|Provider\p{L}*|Netzbetreiber\p{L}*|Dienstanbieter\p{L}*|Internetanbieter\p{L}*)(?!\p{L})/u;

// addressedToOthers's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const addressedToOthersPattern1 = /^\s*(?:der|ein)\s+[\p{L}-]+\s*$/u;

/**
 * Whether the words around a verb of demanding name someone other than the practices as the addressee; `clause` is the
 * text from the demanding verb to the first comma, `front` the words between an auxiliary and a participle ("hat die
 * gematik aufgefordert").
 */
export function addressedToOthers(clause: string, front: string): boolean {
  // "empfehlen Hersteller und gematik Praxen, …": the others are the ones advising, the practices are addressed.
  // "Nach dem Update empfiehlt der Provider, …": a nominative alone after the verb is who advises, not whom.
  const addressee = addressedToOthersPattern1.test(clause) ? '' : clause;
  return [addressee, front].some((c) => otherAddressees.test(c) && !practicesNamed.test(c));
}

/** Whether a phrase names others than the practices ("Hersteller", "die gematik") and no practice. */
export function othersNamed(phrase: string): boolean {
  return otherAddressees.test(phrase) && !practicesNamed.test(phrase);
}

const practicesNamed = /(?<!\p{L})(?:Praxen|Arztpraxen|Zahnarztpraxen|Praxisteams?|Praxisinhaber\p{L}*|Ärzt\p{L}*|Zahnärzt\p{L}*|Psychotherapeut\p{L}*|\p{L}*[Kk]und(?:en|innen)|\p{L}*[Nn]utzer\p{L}*|\p{L}*[Aa]nwender\p{L}*|Betreiber\p{L}*|Leistungserbringer\p{L}*|Mitglieder)(?!\p{L})/u;

// What an attack asks of its victims is described, not advised: "In der E-Mail werden die Empfänger aufgefordert, …",
// "Die Betrüger fordern die Praxen auf, …", "Angeblich muss man …", "In der Mail heißt es, man solle …".
const attackers = String.raw`(?:Betrüger|Täter|Angreifer|Kriminelle|Cyberkriminelle|Hacker|Erpresser|Anrufer|Phisher|Fälscher|Absender)\p{L}*`;
const messages = String.raw`(?:\p{L}+-)?(?:E-Mails?|Mails?|Nachricht(?:en)?|SMS|Schreiben|Anschreiben|Anrufs?|Anrufen|Briefs?|Text|Webseiten?|Seite|Formulars?|Mitteilung(?:en)?|Benachrichtigung(?:en)?)(?![\p{L}-])`;
const attackSubject = new RegExp(`^(?:(?:Die|Der|Das|Diese[rs]?|Solche|Eine?)\\s+)?(?:\\p{Ll}\\p{L}*\\s+){0,2}(?:${attackers}|${messages})(?!\\p{L})`, 'u');
const attackAgent = new RegExp(`(?<!\\p{L})(?:von|vom|durch)\\s+(?:den|dem|der|einem|einer)?\\s*(?:\\p{Ll}\\p{L}*\\s+)?${attackers}\\s*$`, 'u');
const messageLocus = new RegExp(`^(?:(?:In|Im|Per|Über|Via|Mit)\\s+(?:der|dem|den|einer|einem|diese[rnm]?|solche[rnm]?)?\\s*(?:\\p{Ll}\\p{L}*\\s+)?${messages}|Darin|Dort)(?!\\p{L})`, 'u');
const claimed = /(?<!\p{L})(?:angeblich|vermeintlich|behauptet|behaupten|suggeriert|suggerieren|heißt\s+es|gaukel\p{L}+|vorgegaukelt)(?!\p{L})/iu;
const demandWord = /^(?:fordert|fordern|forderte|forderten|aufgefordert|aufgerufen|ruft|rufen|rief|riefen|gebeten|bittet|bitten|bat|baten)$/u;
const attackerLast = new RegExp(`(?<!\\p{L})${attackers}\\s*:$`, 'u');
const attackAfter = new RegExp(`^\\s*(?:die|der|den|diese)\\s+(?:\\p{Ll}\\p{L}*\\s+)?${attackers}(?!\\p{L})`, 'u');
const recipients = /(?<!\p{L})(?:Empfänger(?:innen)?|Adressat(?:en|innen)?)(?!\p{L})/u;
const demandedAsCondition = /^(?:Werden\s+Sie|Wird\s+man|Wenn|Falls|Sobald|Sollten?\s+Sie)(?!\p{L})/u;

// attackDemand's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const attackDemandPattern1 = /(?<!\p{L})werde(?!\p{L})/u;
const impersonalPassive = /(?<!\p{L})wird\s+man(?!\p{L})/u;

/**
 * Whether a demand ("aufgefordert", "bitten") is the attack's own: its subject or agent is the attacker or the message,
 * it is said "angeblich", or it is the condition of the real advice ("Werden Sie aufgefordert, …, ist Vorsicht
 * angebracht"). `front` is the sentence before the demanding word, `after` the rest.
 */
export function attackDemand(word: string, front: string, after: string): boolean {
  if (!demandWord.test(word)) return false;
  const clause = front.split(/,\s+(?:und\s+|oder\s+)?/u).pop()!.trim();
  const whole = front.trim();
  return (
    attackSubject.test(whole) ||
    messageLocus.test(clause) ||
    // "Die Empfänger werden darin gebeten, …": the message's demand, with "darin" after the subject.
    (/(?<!\p{L})(?:werden|wird|wurden|wurde)(?!\p{L})/u.test(clause) && /(?<!\p{L})(?:darin|dort|hierin)(?!\p{L})/u.test(clause)) ||
    attackAgent.test(front) ||
    claimed.test(clause) ||
    // "Man werde aufgefordert, …": the subjunctive reports what the message says.
    attackDemandPattern1.test(clause) ||
    // "An einer bestimmten Stelle wird man dann gebeten, seine Zugangsdaten einzugeben": what happens to someone who
    // follows the fake, told in the impersonal passive.
    impersonalPassive.test(clause) ||
    demandedAsCondition.test(whole) ||
    attackAfter.test(after) ||
    // "… werden die Empfänger aufgefordert, ihre Zugangsdaten … zu verifizieren": the recipients of a message are
    // its targets, and what they are told to do is the message's demand (a request, "gebeten", may be the notice's).
    (word === 'aufgefordert' && recipients.test(`${clause} ${after.split(',')[0]!}`))
  );
}

/** A sentence led by the attacker or the message as subject ("Die Täter gehen so vor:", "Die gefälschte Mail enthält:"), or a lead-in ending in the attacker ("Über die Lücke können Angreifer:"). */
export function attackLed(sentence: string): boolean {
  return attackSubject.test(sentence) || attackerLast.test(sentence);
}

// "…und behaupten, man müsse sofort handeln", "heißt es, man solle …": a claim reported with its modal.
const claimReport = guardedTest(
  /(?<!\p{L})(?:behaupt\p{L}*|suggerier\p{L}*|gaukel\p{L}*|vorgegaukelt|heißt\s+es)\s*,?\s+(?:(?:man|Sie|sie|er|es|die\s+\p{L}+|der\s+\p{L}+)\s+)?(?:müsse|müssten|müssen|solle|sollten|sollen|sei|seien)(?!\p{L})/u,
  ['behaupt', 'suggerier', 'gaukel', 'heißt'],
);

/** Whether a sentence reports what a scam claims one must do ("Phishing-Mails behaupten, man müsse sofort handeln"). */
export function reportsClaim(sentence: string): boolean {
  return claimReport(sentence);
}

/** "Angeblich muss man …", "Die Nachricht behauptet, man müsse …": what a scam claims, in front of a modal. */
export function claimedByAttack(front: string): boolean {
  return claimed.test(front);
}
