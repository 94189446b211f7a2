type FixedProduct = { name: string; fixedVersion: string | null };

/** The dotted numbers in a text, without leading zeros: "11.01.02.102" and "11.1.2.102" are the same release. */
function releaseNumbers(text: string): string[] {
  return (text.match(/\d+(?:\.\d+)+/g) ?? []).map((v) => v.split('.').map((part) => part.replace(/^0+(?=\d)/, '')).join('.'));
}

// An action that already asks for an update, with or without the version ("Ihre Clients aktualisieren"), or has the
// practice look at the release it runs ("Den Firmwarestand der Terminals kontrollieren", "Version 3.8 prüfen"). A rule
// about versions in general ("Ausschließlich zugelassene Versionen betreiben") asks for no particular update.
const updateAction = /aktualisier|update|upgrade|einspiel|installier|patch|firmware|version\S*\s+\d|version.*(?:prüf|kontrollier|ermittel|nachseh)|auf\s+(?:die\s+)?(?:neueste|aktuelle)|bring/i;

/**
 * The update a fixed version implies. A notice that names the release fixing a product the practice runs ("Die
 * Version 11.1.2.102 schließt die Lücke") asks for that update even where no sentence says "aktualisieren Sie"; an
 * editor writes it as the first action. Where no action asks for an update yet: one per fixed version, worded for the
 * products it fixes: "Digitalisierungsbox auf Version 11.1.2.102 aktualisieren".
 */
export function impliedUpdates(products: FixedProduct[], actions: string[]): string[] {
  if (actions.some((a) => updateAction.test(a))) return [];
  const named = new Set(actions.flatMap(releaseNumbers));
  const byVersion = new Map<string, string[]>();
  for (const p of products) {
    // A card generation ("Generation 2.1") is exchanged, not installed: the notice says how (card-generations.ts).
    if (!p.fixedVersion || p.fixedVersion.startsWith('Generation ')) continue;
    const numbers = releaseNumbers(p.fixedVersion);
    // A version without a dotted number ("Build 2304") is left to the editor rather than guessed into a sentence.
    if (numbers.length === 0 || numbers.some((n) => named.has(n))) continue;
    byVersion.set(p.fixedVersion, [...(byVersion.get(p.fixedVersion) ?? []), p.name]);
  }
  return [...byVersion].map(([version, names]) => `${productsPhrase(names)} auf Version ${version} aktualisieren`);
}

/**
 * Names of several products as one phrase: the words they share in front when that is a name of its own
 * ("Digitalisierungsbox Premium", "… Smart" → "Digitalisierungsbox"), else the names listed.
 */
export function productsPhrase(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length === 1) return unique[0]!;
  const words = unique.map((n) => n.split(/\s+/));
  const shared: string[] = [];
  for (let i = 0; words.every((w) => i < w.length - 1 && w[i] === words[0]![i]); i++) shared.push(words[0]![i]!);
  if (shared.length > 0) return shared.join(' ');
  return `${unique.slice(0, -1).join(', ')} und ${unique.at(-1)}`;
}
