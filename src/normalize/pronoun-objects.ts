// An action whose object is a bare pronoun ("Sie von Hand installieren", "Ihn unter der bekannten Nummer anrufen, falls
// Sie den Absender kennen") says less than the notice did, and a leading "Sie" reads as the reader. Where the action's
// own condition names the thing in the same case and gender ("den Absender" for "ihn"), the action names it too; a
// "Sie" left unresolved becomes "Diese", which points back without addressing anyone.

const pronounObject = /^(Sie|Es|Ihn)\s+(?=\p{Ll})/u;
// The article of the accusative that each pronoun stands for, and the thing named with it (built once).
const articleOf: Record<string, string> = { Sie: 'die', Es: 'das', Ihn: 'den' };
const thingWith = Object.fromEntries(
  Object.values(articleOf).map((article) => [article, new RegExp(`(?<!\\p{L})${article}\\s+((?:\\p{Ll}+\\s+)?\\p{Lu}[\\p{L}-]*)`, 'u')]),
);
const conditionStart = /,\s+(?:falls|wenn|sobald|sofern|solange)\s/u;
// "…, falls Sie eine derartige E-Mail erhalten", "…, falls bei Ihnen eine solche E-Mail ankommt": received or arrived.
const receivedThing =
  /^,\s+(?:falls|wenn|sobald|sofern)\s+(?:(?:Sie|man)\s+((?:eine|die)\s+(?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]*)\s+(?:erhalten|bekommen|empfangen|erhält|bekommt|empfängt)|(?:bei\s+Ihnen\s+(?:in\s+der\s+Praxis\s+)?)?((?:eine|die)\s+(?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]*)\s+(?:bei\s+Ihnen\s+)?(?:ankommt|eingeht|eintrifft|auftaucht))$/u;
// "Mit ihm vereinbaren, …, falls sich ein IT-Dienstleister um das Netzwerk kümmert": "ihm" after a preposition stands
// for the masculine or neuter thing the condition names, in the dative.
const dativePronoun = /(?<!\p{L})([Mm]it|[Bb]ei|[Vv]on|[Zz]u|[Aa]n)\s+ihm(?!\p{L})/u;
const dativeThing = /(?<!\p{L})(?:ein|einem|einen|der|dem|den|das|Ihr|Ihrem|Ihren)\s+((?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]*)/u;

/** The action with its pronoun object named from its condition, or a leading "Sie" as "Diese". */
export function namedPronoun(action: string): string {
  const dative = dativePronoun.exec(action);
  if (dative) {
    const condition = conditionStart.exec(action);
    const thing = condition && condition.index > dative.index ? dativeThing.exec(action.slice(condition.index)) : null;
    if (thing) action = `${action.slice(0, dative.index)}${dative[1]} dem ${thing[1]}${action.slice(dative.index + dative[0].length)}`;
  }
  // "Diese gar nicht öffnen, falls Sie eine derartige E-Mail erhalten": the thing received, named with its own article;
  // having received it is then no condition of its own.
  const these = /^Diese\s+(?=\p{Ll})/u.exec(action);
  const when = these ? conditionStart.exec(action) : null;
  const got = when ? receivedThing.exec(action.slice(when.index)) : null;
  const received = got ? (got[1] ?? got[2])! : '';
  if (these && when && got) return `${received.charAt(0).toUpperCase()}${received.slice(1)} ${action.slice(these[0].length, when.index)}`;
  const m = pronounObject.exec(action);
  if (!m) return action;
  const condition = conditionStart.exec(action);
  // "Sie gar nicht erst öffnen, falls bei Ihnen eine solche E-Mail ankommt": the thing that arrived, as above.
  const arrived = condition && m[1] === 'Sie' ? receivedThing.exec(action.slice(condition.index)) : null;
  if (arrived && condition) {
    const thing = (arrived[1] ?? arrived[2])!;
    return `${thing.charAt(0).toUpperCase()}${thing.slice(1)} ${action.slice(m[0].length, condition.index)}`;
  }
  const article = articleOf[m[1]!]!;
  const thing = condition ? thingWith[article]!.exec(action.slice(condition.index)) : null;
  if (thing) return `${article.charAt(0).toUpperCase()}${article.slice(1)} ${thing[1]} ${action.slice(m[0].length)}`;
  return m[1] === 'Sie' ? `Diese ${action.slice(m[0].length)}` : action;
}
