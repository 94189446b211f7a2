// Advice given as a noun phrase ("Regelmäßige Datensicherungen", "Ein tägliches Back-up", "Der Umstieg auf ein
// aktuelleres Betriebssystem") is still a step, but a draft lists steps as infinitives that a practice ticks off. Where
// the phrase's head is a thing practices make, use or switch to, the verb a notice uses for it turns the phrase into
// one; any other phrase stays as it was found.

type Head = { noun: RegExp; verb: string };

// The head noun at the end of the phrase (before a bracket) and the verb German notices pair with it. Only nouns
// whose accusative is their nominative (feminine, neuter, plural): the phrase then takes the verb unchanged.
const heads: Head[] = [
  { noun: /^(?:\p{L}+-)?(?:Datensicherung(?:en)?|Sicherungskopien|Back-?ups?|Offline-Backups?)$/iu, verb: 'anlegen' },
  { noun: /^(?:\p{L}+-)?(?:Schulung(?:en)?|Sensibilisierung)$/u, verb: 'durchführen' },
  { noun: /^(?:Zwei-Faktor-|Mehr-Faktor-)?Authenti(?:fizierung|sierung)$/u, verb: 'aktivieren' },
  { noun: /^(?:\p{L}+-)?(?:Antiviren-?Software|Firewall|Virenschutzprogramm|Virenschutzsoftware)$/iu, verb: 'einsetzen' },
  { noun: /^(?:\p{L}+-)?(?:Updates|Sicherheitsupdates|Patches)$/u, verb: 'einspielen' },
  { noun: /^(?:\p{L}+-)?(?:Passwörter|Kennwörter|Passworte)$/u, verb: 'verwenden' },
];

// "Der"/"Kein" in front of these heads is a genitive, dative or another case the verb does not take: left alone.
const otherCase = /^(?:Der|Dem|Des|Kein)\s/u;

// stepOfNounPhrase's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const stepOfNounPhrasePattern1 = /^(?:(?:Der|Den|Dem|Ein|Einen|Einem)\s+)?(?:(\p{L}+?)(?:en|e)\s+)?(Umstieg|Wechsel)\s+(auf|zu)\s+([^,]+)(,.*)?$/u;

/** The noun phrase as an infinitive step, or null when its head is not one of `heads` and no switch ("Umstieg"). */
export function stepOfNounPhrase(phrase: string): string | null {
  // "Der Umstieg auf X", "Baldigen Umstieg auf X" (after "rät zum"): an adjective in front says when, as an adverb.
  const switchTo = stepOfNounPhrasePattern1.exec(phrase);
  if (switchTo) {
    const [, when, noun, to, target, rest] = switchTo;
    const verb = noun === 'Umstieg' ? 'umsteigen' : 'wechseln';
    return capitalize(`${when ? `${when.toLowerCase()} ` : ''}${to} ${target!.trim()} ${verb}${rest ?? ''}`);
  }
  const deed = deverbal(phrase);
  if (deed) return deed;
  // A comma before another genitive ("des Betriebssystems, des Browsers und aller Programme") is inside the phrase.
  const [main, ...rest] = phrase.split(/(?=,\s(?!(?:des|der|aller|eines|einer)\s))/u);
  const words = main!.replace(/\s*\([^)]*\)\s*$/u, '').trim().split(/\s+/u);
  const genitives = words.filter((w) => /^(?:des|der|aller|eines|einer)$/u.test(w)).length;
  // "Regelmäßige Datensicherung auf externen Datenträgern": the head stands before the phrase that says where or whose.
  const at = words.findIndex((w, i) => i > 0 && placePreposition.test(w));
  const last = (at > 0 ? words[at - 1] : words.at(-1)) ?? '';
  const head = heads.find((h) => h.noun.test(last));
  if (!head || words.length > 8 + 3 * Math.max(0, genitives - 1) || (at === -1 && words.length > 6) || otherCase.test(main!)) return null;
  return `${main!.trim()} ${head.verb}${rest.join('')}`;
}

// Also a genitive after the head: "Regelmäßige Updates des Betriebssystems".
const placePreposition = /^(?:auf|in|im|an|am|mit|für|von|vom|über|per|bei|beim|zu|zur|zum|außerhalb|innerhalb|des|der|aller)$/u;

// A deed named by its noun, its object in the genitive behind it: "Einrichtung einer Firewall", "Die Änderung der
// Passwörter", "das Abkoppeln der Mail-Accounts vom Praxisserver". Only a feminine or plural genitive ("der", "einer"),
// whose accusative ("die", "eine") the verb then takes; "des Routers" would need the noun's gender.
const deedOfNoun = /^(?:(?:[Dd]ie|[Ee]ine)\s+)?(\p{Lu}\p{Ll}{2,}ung)\s+(der|einer)\s+(\S.*)$/u;
const deedOfInfinitive = /^[Dd]as\s+(\p{Lu}\p{Ll}+(?:en|ern|eln))\s+(der|einer)\s+(\S.*)$/u;

// "Internetnutzung nur eingeschränkt oder auf einem separaten Rechner": the use of a thing, and how.
const useOf = /^(\p{Lu}\p{Ll}+)nutzung\s+(\S.*)$/u;

function deverbal(phrase: string): string | null {
  const use = useOf.exec(phrase);
  if (use && use[2]!.split(/\s+/u).length <= 10) return `${use[1]} ${use[2]!.replace(/[.;]$/u, '').trim()} nutzen`;
  const m = deedOfNoun.exec(phrase) ?? deedOfInfinitive.exec(phrase);
  if (!m || m[3]!.split(/\s+/u).length > 8) return null;
  const [, noun, article, object] = m;
  const verb = verbOfDeed(noun!);
  return `${article === 'der' ? 'Die' : 'Eine'} ${object!.replace(/[.;]$/u, '').trim()} ${verb}`;
}

/**
 * The steps of a noun phrase that joins two deeds ("Einrichtung einer Firewall sowie das Abkoppeln der Mail-Accounts"),
 * each as an infinitive; null unless every part is a deed.
 */
export function stepsOfNounPhrase(phrase: string): string[] | null {
  const parts = phrase.split(/\s+(?:sowie|und)\s+(?=(?:[Dd]as|[Dd]ie|[Ee]ine)?\s*\p{Lu}\p{Ll}+(?:ung|en|ern|eln)\s+(?:der|einer)\s)/u);
  if (parts.length < 2) return null;
  const steps = parts.map((p) => deverbal(p.trim()));
  return steps.every((s): s is string => s !== null) ? steps : null;
}

/**
 * The verb of a deed's noun: "Einrichtung" → "einrichten", "Änderung" → "ändern", "Verschlüsselung" → "verschlüsseln",
 * "Aktualisierung" → "aktualisieren", "Installation" → "installieren"; a nominalised infinitive ("Abkoppeln") as it is.
 */
export function verbOfDeed(noun: string): string {
  const word = noun.toLowerCase();
  if (word.endsWith('ation')) return `${word.slice(0, -5)}ieren`;
  if (!word.endsWith('ung')) return word;
  const stem = word.slice(0, -3);
  return `${stem}${/(?:er|el)$/u.test(stem) && !stem.endsWith('ier') ? 'n' : 'en'}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
