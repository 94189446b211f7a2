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
  // A list of release lines ("LCOS 10.12, LCOS 9.24 und LCOS 9.10"): the practice updates to the one of its line.
  return [...byVersion].map(([version, names]) =>
    /,\s|\s(?:und|and)\s/u.test(version) ? `${productsPhrase(names)} auf ${version.replace(/\s(?:und|and)\s(?=\S+$|\S+\s\S+$)/u, ' oder ')} aktualisieren` : `${productsPhrase(names)} auf Version ${version} aktualisieren`,
  );
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

// A fix the notice announces without a release number: "Für all diese Geräte stehen Patches bereit", "Sophos hat
// Hotfixes bereitgestellt", "Microsoft hat ein Sicherheitsupdate veröffentlicht". Its noun, and the German step.
const fixNouns: [RegExp, string][] = [
  [/^Sicherheitsupdates$/u, 'Die bereitgestellten Sicherheitsupdates einspielen'],
  [/^Sicherheitsupdate$/u, 'Das bereitgestellte Sicherheitsupdate einspielen'],
  [/^(?:Patches|Sicherheitspatches)$/u, 'Die bereitgestellten Patches einspielen'],
  [/^(?:Patch|Sicherheitspatch)$/u, 'Den bereitgestellten Patch einspielen'],
  [/^Hotfixes$/u, 'Die bereitgestellten Hotfixes einspielen'],
  [/^Hotfix$/u, 'Den bereitgestellten Hotfix einspielen'],
  [/^(?:Updates|Firmware-Updates|Softwareupdates|Software-Updates)$/u, 'Die bereitgestellten Updates einspielen'],
  [/^(?:Update|Firmware-Update|Softwareupdate|Software-Update)$/u, 'Das bereitgestellte Update einspielen'],
  [/^security\s+updates$/iu, 'Die bereitgestellten Sicherheitsupdates einspielen'],
  [/^(?:security\s+)?(?:patches|fixes)$/iu, 'Die bereitgestellten Patches einspielen'],
  [/^hotfixes$/iu, 'Die bereitgestellten Hotfixes einspielen'],
  [/^(?:firmware\s+|software\s+)?updates$/iu, 'Die bereitgestellten Updates einspielen'],
];
const englishFix = String.raw`((?:security\s+)?(?:updates|patches|fixes)|hotfixes|(?:firmware|software)\s+updates)`;
const fixNoun = String.raw`(Sicherheitsupdates?|Sicherheitspatch(?:es)?|Patch(?:es)?|Hotfix(?:es)?|(?:Firmware-|Software-?)?[Uu]pdates?)`;
const announced = [
  // "stehen (für … ) Patches bereit", "Patches stehen bereit", "ist ein Update verfügbar"
  new RegExp(String.raw`(?<!\p{L})(?:stehen|steht)\s+(?:[\p{L}\d.-]+\s+){0,5}?(?:(?:ein|eine|einen|die|der)\s+)?(?:\p{Ll}+\s+)?${fixNoun}\s+(?:\S+\s+){0,4}?(?:bereit|zur\s+Verfügung)(?!\p{L})`, 'u'),
  new RegExp(String.raw`(?<!\p{L})${fixNoun}\s+(?:stehen|steht)\s+(?:\S+\s+){0,4}?(?:bereit|zur\s+Verfügung)(?!\p{L})`, 'u'),
  new RegExp(String.raw`(?<!\p{L})(?:hat|haben)\s+(?:\S+\s+){0,6}?${fixNoun}\s+(?:\S+\s+){0,6}?(?:bereitgestellt|veröffentlicht|herausgegeben|ausgeliefert|nachgeliefert)(?!\p{L})`, 'u'),
  // "Sophos has published important security updates for its firewalls", "The vendor released patches".
  new RegExp(String.raw`(?<!\p{L})(?:has|have|had)?\s*(?:published|released|shipped|issued|rolled\s+out)\s+(?:(?:new|important|critical|urgent|emergency|the|its|their)\s+){0,3}${englishFix}(?!\p{L})`, 'iu'),
];
// The flaw the fix is for: without one, "Updates stehen bereit" is release news.
const flawWord = /Sicherheitslücke|Schwachstelle|Lücke|CVE-\d|Angriff|Exploit|[Vv]ulnerabilit|flaw|exploited/u;

/**
 * The installation of a fix the notice announces without naming its release, where no action asks for an update yet:
 * "Die bereitgestellten Patches einspielen". The labelling guide (LABELS.md, rule 4) counts it as the notice's remedy.
 */
export function announcedFix(sentences: { text: string }[], actions: string[], productNames: string[] = []): { step: string; evidence: string } | null {
  if (actions.some((a) => updateAction.test(a))) return null;
  if (!sentences.some((s) => flawWord.test(s.text))) return null;
  for (const { text } of sentences) {
    if (!/bereit|Verfügung|veröffentlicht|herausgegeben|ausgeliefert|published|released|shipped|issued|rolled/u.test(text)) continue;
    // "soll … folgen", "wird … bereitstehen", "will release": a fix to come is no fix yet.
    if (/(?<!\p{L})(?:soll|sollen|wird|werden|voraussichtlich|demnächst|noch\s+nicht|kein\p{L}*|will|plans?|expected|not\s+yet|no)(?!\p{L})/u.test(text)) continue;
    for (const pattern of announced) {
      const m = pattern.exec(text);
      const step = m && fixNouns.find(([noun]) => noun.test(m[1]!))?.[1];
      // "Die bereitgestellten Patches für Zyxel ZyWALL / USG FLEX einspielen": the product where the notice has one.
      if (step) return { step: productNames.length > 0 ? step.replace(/ einspielen$/u, ` für ${productsPhrase(productNames)} einspielen`) : step, evidence: text };
    }
  }
  return null;
}
