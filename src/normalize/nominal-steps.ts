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
  const [main, ...rest] = phrase.split(/(?=,\s)/u);
  const words = main!.replace(/\s*\([^)]*\)\s*$/u, '').trim().split(/\s+/u);
  const last = words.at(-1) ?? '';
  const head = heads.find((h) => h.noun.test(last));
  if (!head || words.length > 6 || otherCase.test(main!)) return null;
  return `${main!.trim()} ${head.verb}${rest.join('')}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
