// "Wir stellen die fehlerbereinigten Versionen im Download-Bereich bereit. … Spielen Sie diese Versionen ein." An action
// whose object only points back ("Diese Versionen einspielen") says less than the notice did; the sentences just before
// it name the thing with what sets it apart, and the action takes that name.

// "Diese Versionen …", "Dieses Update …": a demonstrative in front of a noun. "Diesen"/"Diesem" are left alone: a
// masculine antecedent would need its adjectives re-inflected.
const pointing = /^(Diese|Dieses)\s+(\p{Lu}[\p{L}-]*)(?=\s)/u;

// namedObject's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const namedObjectPattern1 = /^(?:diese\p{L}*|solche\p{L}*|welche\p{L}*|alle\p{L}*|keine\p{L}*|einige\p{L}*|viele\p{L}*|mehrere\p{L}*|andere\p{L}*|weitere\p{L}*|folgende\p{L}*|betroffene\p{L}*|genannte\p{L}*)$/u;

/**
 * The action with its demonstrative object named as the notice named it before: "Diese Versionen schnellstmöglich
 * einspielen" after "… stellen die fehlerbereinigten Versionen bereit" → "Die fehlerbereinigten Versionen
 * schnellstmöglich einspielen". `before` holds the sentences before the action's own, the nearest last. Without an
 * earlier mention that adds an adjective, the action stays as it is.
 */
export function namedObject(action: string, before: string[]): string {
  const generic = genericPointer.exec(action);
  if (generic) return namedFeature(action, generic[0], before);
  const m = pointing.exec(action);
  if (!m) return action;
  const noun = m[2]!;
  // The mention in the nominative or accusative: no preposition or case-marking article right before it.
  const mention = new RegExp(`(?<!\\p{L})(?:(die|das|eine|ein)\\s+)?((?:\\p{Ll}+(?:e|en|es)\\s+){1,2})${noun.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}-])`, 'u');
  for (let i = before.length - 1; i >= 0 && i >= before.length - 3; i--) {
    const found = mention.exec(before[i]!);
    if (!found) continue;
    const front = before[i]!.slice(0, found.index).trimEnd().split(/\s+/).pop() ?? '';
    // "mit den fehlerbereinigten Versionen", "der neuen Version": another case; its endings would not fit.
    if (!found[1] && /^(?:der|den|dem|des|mit|von|vom|zu|zur|zum|bei|aus|nach|in|im|auf|für|über|unter|vor|an|am)$/iu.test(front)) continue;
    // Without an article only the word before the noun is sure to be its adjective ("kursieren gefälschte Mails").
    const adjectives = found[2]!.trim().split(/\s+/).slice(found[1] ? 0 : -1);
    // "diese neuen Versionen", "alle Versionen": no adjective that sets the thing apart.
    if (adjectives.some((a) => namedObjectPattern1.test(a))) continue;
    // "ein neues Update" → "das neue Update" would need other endings; a plural without article takes the weak ones.
    if (found[1] === 'ein') continue;
    const weak = !found[1] && m[1] === 'Diese' ? adjectives.map((a) => (a.endsWith('e') ? `${a}n` : a)) : adjectives;
    return `${m[1] === 'Dieses' ? 'Das' : 'Die'} ${weak.join(' ')} ${action.slice(m[0].length - noun.length)}`;
  }
  return action;
}

// "Nutzen Sie diese Möglichkeit": a word that only says "this option" stands for the feature the sentence before
// offered ("Fast alle Dienste bieten die Zwei-Faktor-Authentifizierung an"). Feminine, as these words are, so only a
// feminine noun in the accusative ("die …ung", "die …ion") can be it.
const genericPointer = /^Diese\s+(?:Möglichkeit|Funktion|Option|Einstellung|Maßnahme)(?=\s)/u;
const feminineThing = /(?<!\p{L})die\s+((?:\p{Ll}+e\s+)?\p{Lu}[\p{L}-]*(?:ung|ion|tät|heit|keit|ik|ware))(?![\p{L}-])/u;

function namedFeature(action: string, pointer: string, before: string[]): string {
  const previous = before[before.length - 1];
  const thing = previous ? feminineThing.exec(previous) : null;
  return thing ? `Die ${thing[1]}${action.slice(pointer.length)}` : action;
}
