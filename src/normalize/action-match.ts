// How the quality score decides that an extracted action is the labelled one. Labels paraphrase the notice, and the
// extractor keeps its wording: both say the same instruction when an editor would tick the draft's line off as the
// label's line without rewriting it.
import { isInfinitive, mainClause } from './verbs.js';

const stop = new Set(
  'der die das den dem des ein eine einer einen eines einem und oder zu zum zur im in am an auf für mit von vom bei sich sie ihre ihren ihrer ihres ihr ihrem ihnen sie alle aller allen nicht noch auch wie wenn ob dass sind ist the a an to of and or for on in at if be is are all your their by with'.split(' '),
);

// contentWords's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const contentWordsPattern1 = /[^\p{L}\p{N}.]+/u;

/** Content words, lower-cased, with common German and English endings cut so that inflections meet. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(contentWordsPattern1)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 2 && !stop.has(w))
    // A genitive "-s" goes first, so that "Betriebssystems" meets "Betriebssystem" and "Browsers" meets "Browser".
    .map((w) => (w.length > 5 ? w.replace(/(?<=[^s])s$/u, '').replace(/(?:en|er|es|em|e|n|s)$/u, '') : w));
}

/** An extracted action matches an expected one when it holds most (60 %) of the expected one's content words. */
export function covers(extracted: string, expected: string): boolean {
  const got = new Set(contentWords(extracted));
  const want = [...new Set(contentWords(expected))];
  if (want.length === 0) return false;
  return want.filter((w) => got.has(w)).length / want.length >= 0.6;
}

// Verbs an editor uses for the same step. Small on purpose: only verbs that name the same act on the same object.
const verbKinds: string[][] = [
  ['einspielen', 'installieren', 'aufspielen', 'aktualisieren', 'updaten', 'patchen', 'upgraden'],
  ['löschen', 'entfernen'],
  ['prüfen', 'überprüfen', 'kontrollieren', 'checken'],
  ['ändern', 'wechseln', 'erneuern'],
  ['schulen', 'sensibilisieren'],
  ['deaktivieren', 'abschalten', 'ausschalten'],
  ['ersetzen', 'austauschen', 'tauschen'],
  ['informieren', 'benachrichtigen'],
];
const verbKind = new Map(verbKinds.flatMap((kind) => kind.map((v) => [v, kind[0]!] as const)));

// A step is forbidden when "kein…", "weder", "nicht" or "nie" is in its clause, except where "nicht" belongs to an
// adjective in front of a noun: "nicht mehr unterstützte Versionen aktualisieren" asks for an update.
const negationWord = /(?<!\p{L})(?:[Kk]ein\p{L}*|[Ww]eder|[Nn]icht|[Nn]ie|[Nn]iemals)(?!\p{L})/gu;
const attributive = /^[Nn]icht\s+(?:(?:mehr|zwingend|unbedingt|ausreichend|ganz)\s+)?(?!(?:einen|einem|einer|deren|dessen|diesen|diesem|diese|ihren|ihrem|alle|allen)\s)\p{Ll}{3,}(?:e|en|er|es|em)\s+\p{Lu}/u;

function forbidding(step: string): boolean {
  // Only the part that ends in the verb: "Steht das Modell nicht auf der Liste, den Fernzugriff abschalten".
  const clause = step.split(/,\s/u).pop()!;
  for (const m of clause.matchAll(negationWord)) if (!attributive.test(clause.slice(m.index))) return true;
  return false;
}

// A condition in front ("Falls kein Update möglich ist, …", "Ist ein Update nicht möglich: …") is no part of the step.
const condition = /^(?:(?:falls|wenn|sofern|sobald|soweit|solange|bevor|nachdem)\s[^,:]*,\s+|[^,:]*:\s+)/iu;

// core's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const corePattern1 = /^,\s+(?:ob|dass|welche\p{L}*|wer|wie)\s([^,]*)/u;

/**
 * The main clause of an action without brackets and a condition in front: conditions, purposes and explanations
 * behind a comma go, an object clause ("Prüfen, ob der Hotfix installiert ist") stays as `object`.
 */
function core(action: string): { main: string; object: string } {
  let plain = action.replace(/\([^)]*\)/gu, ' ').replace(/\s+/gu, ' ').trim();
  const front = condition.exec(plain);
  if (front && mainClause(plain.slice(front[0].length))) plain = plain.slice(front[0].length);
  // "Prüfen, ob …": an infinitive may lead, capitalised; a noun keeps its capital.
  const clause = mainClause(plain.charAt(0).toLowerCase() + plain.slice(1));
  if (!clause) return { main: plain.split(/,\s|\s[–—]\s/u)[0]!, object: '' };
  const object = corePattern1.exec(clause.tail)?.[1] ?? '';
  return { main: plain.charAt(0) + clause.main.slice(1), object };
}

const fold = (w: string) => w.toLowerCase().replace(/ä/gu, 'a').replace(/ö/gu, 'o').replace(/ü/gu, 'u').replace(/ß/gu, 'ss');
// Short nouns lose a plural s as well ("Links", "Mails").
const stem = (w: string) => (w.length > 5 ? w.replace(/(?:en|er|es|em|e|n|s)$/u, '') : w.length > 4 ? w.replace(/s$/u, '') : w);

// Capitalised words that name no object: negations and determiners at the start, and "Fall" of "auf keinen Fall".
const notNouns = new Set(['nicht', 'nie', 'niemals', 'weder', 'alle', 'sämtliche', 'diese', 'dieser', 'diesen', 'dieses', 'jede', 'jeden', 'jeder', 'keine', 'keinen', 'ihre', 'ihren', 'ihr', 'eine', 'einen', 'die', 'der', 'das', 'den', 'dem', 'des', 'fall', 'auch', 'bitte']);
const prepositions = new Set(['auf', 'an', 'am', 'in', 'im', 'über', 'per', 'mit', 'für', 'von', 'vom', 'bei', 'beim', 'nach', 'vor', 'zu', 'zum', 'zur', 'aus', 'unter', 'durch', 'gegen', 'ohne', 'außerhalb', 'innerhalb']);

const keptCurrent = /\s+(?:aktuell|auf\s+(?:dem|den)\s+(?:neuesten|aktuellen|letzten)\s+Stand)\s+halten$/u;

type Noun = { word: string; inPhrase: boolean };
// One step of an action: its verb ("nicht öffnen" when forbidden) and the nouns of its clause.
type Step = { verb: string; nouns: Noun[] };
type Parsed = { steps: Step[]; versions: string[] };

// nounsOf's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const nounsOfPattern1 = /[^\p{L}\p{N}-]+/u;
const nounsOfPattern2 = /^\p{Lu}/u;
const nounsOfPattern3 = /^\p{Lu}/u;
const nounsOfPattern4 = /^\p{Lu}{2}$/u;

function nounsOf(clause: string): Noun[] {
  const tokens = clause.split(nounsOfPattern1).filter(Boolean);
  const nouns: Noun[] = [];
  let inPhrase = false;
  tokens.forEach((t, i) => {
    // A preposition opens a phrase and is no noun, also capitalised at the start ("Auf keinen Fall den Anhang öffnen").
    if (prepositions.has(t.toLowerCase())) {
      inPhrase = true;
      return;
    }
    if (!nounsOfPattern2.test(t) || notNouns.has(t.toLowerCase())) return;
    // An adjective in front of a noun: "Fehlerbereinigte LCOS-Firmware", "Verfügbare Sicherheitsupdates".
    if (i === 0 && /(?:e|en|er|es|em)$/u.test(t) && nounsOfPattern3.test(tokens[1] ?? '')) return;
    // A compound's head is its last part ("LCOS-Firmware" is firmware); its other parts are nouns of the phrase too.
    const parts = t.split('-').filter((p) => p.length > 2 || nounsOfPattern4.test(p));
    for (const p of parts.reverse()) nouns.push({ word: stem(fold(p)), inPhrase });
    inPhrase = false;
  });
  return nouns;
}

function parse(action: string): Parsed {
  const { main, object } = core(action);
  const steps: Step[] = [];
  let clause = '';
  // "X löschen und Y nicht öffnen" are two steps; "E-Mails oder ihren Anhang nicht öffnen" is one.
  const parts = main.split(/\s(und|oder|sowie|bzw\.|noch)\s|;\s/u);
  for (let i = 0; i < parts.length; i += 2) {
    const joint = parts[i - 1];
    clause = clause ? `${clause} und ${parts[i]!.trim()}` : parts[i]!.trim();
    let last = clause.split(/\s+/u).pop()!.toLowerCase();
    if (!isInfinitive(last)) continue;
    // "aktuell halten", "auf dem neuesten Stand halten" say "aktualisieren" in two words.
    const current = keptCurrent.exec(clause);
    if (current) clause = clause.slice(0, current.index) + ' ' + last;
    if (current) last = 'aktualisieren';
    // The verb itself ("Prüfen") is no noun; "Prüfen, ob der Hotfix installiert ist" works on the object clause's.
    const nouns = nounsOf(clause.slice(0, clause.length - clause.split(/\s+/u).pop()!.length));
    if (nouns.length === 0 && steps.length === 0) nouns.push(...nounsOf(object));
    const previous = steps.at(-1);
    // "… durchsuchen und gefundene entfernen": a step without nouns of its own works on the previous step's, and
    // "nicht öffnen oder ausführen", "weder öffnen noch ausführen" forbid both.
    const alone = nouns.length === 0 && previous;
    const forbidden = forbidding(clause) || (alone && (joint === 'oder' || joint === 'noch') && previous.verb.startsWith('nicht '));
    steps.push({ verb: `${forbidden ? 'nicht ' : ''}${verbKind.get(last) ?? last}`, nouns: alone ? previous.nouns : nouns });
    clause = '';
  }
  return { steps, versions: main.match(/\d+(?:\.\d+)+/gu) ?? [] };
}

/** The same noun, or a compound with it as its head ("Sicherheitsupdates" is updates). */
function sameNoun(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.endsWith(short);
}

/**
 * The same instruction in other words: the same step (the same verb or one of its kind, `verbKinds`, forbidden in
 * both or in neither), the object one action names first among the nouns of the other, the rest of their nouns not
 * disjoint (the place or the thing must not differ: "Passwort am Konnektor" is not "Passwort im PVS"), and no other
 * release. "Den Anhang auf keinen Fall öffnen, wenn Sie eine solche E-Mail erhalten" is "Den Anhang dieser E-Mails
 * nicht öffnen".
 */
export function sameInstruction(extracted: string, expected: string): boolean {
  return sameStep(parse(extracted), parse(expected));
}

function sameStep(x: Parsed, e: Parsed): boolean {
  if (x.versions.length && e.versions.length && !x.versions.some((v) => e.versions.includes(v))) return false;
  return x.steps.some((a) => e.steps.some((b) => a.verb === b.verb && sameObject(a.nouns, b.nouns)));
}

function sameObject(x: Noun[], e: Noun[]): boolean {
  for (const [a, b] of [[x, e], [e, x]] as const) {
    const head = a.find((n) => !n.inPhrase) ?? a[0];
    if (!head || !b.some((n) => sameNoun(head.word, n.word))) continue;
    const restA = a.filter((n) => !sameNoun(head.word, n.word));
    const restB = b.filter((n) => !sameNoun(head.word, n.word));
    if (restA.length === 0 || restB.length === 0 || restA.some((n) => restB.some((m) => sameNoun(n.word, m.word)))) return true;
  }
  return false;
}

/**
 * An extracted action is the expected one when it holds most of the expected one's content words, or when it is the
 * same instruction said more briefly: most (60 %) of its own content words, at least two, are in the expected one
 * ("Den Authenticator auf Version 4.2.1 aktualisieren" for "gematik Authenticator umgehend auf Version 4.2.1
 * aktualisieren (per Auto-Update oder Download)"). One-way coverage alone counted such a hit as a miss and a false
 * action at once.
 */
export function sameAction(extracted: string, expected: string): boolean {
  const x = parse(extracted);
  const e = parse(expected);
  if (sameStep(x, e)) return true;
  if (opposite(x, e)) return false;
  if (covers(extracted, expected)) return true;
  const want = new Set(contentWords(expected));
  const got = [...new Set(contentWords(extracted))];
  const shared = got.filter((w) => want.has(w)).length;
  return shared >= 2 && shared / got.length >= 0.6;
}

/** "Den Anhang öffnen" and "Den Anhang nicht öffnen" share all their words and ask for opposite things. */
function opposite(x: Parsed, e: Parsed): boolean {
  const verbs = (p: Parsed) => new Set(p.steps.map((s) => s.verb));
  const [a, b] = [verbs(x), verbs(e)];
  return [...a].some((v) => b.has(v.startsWith('nicht ') ? v.slice(6) : `nicht ${v}`)) && ![...a].some((v) => b.has(v));
}
