// One action per step. A notice often joins two instructions in one sentence ("Die Firmware aktualisieren und die
// Portweiterleitungen prüfen", "…; außerdem …"), and a practice ticks them off apart: LABELS.md counts a step as one
// verb on one object. Alternatives ("oder"), one verb on a list of objects ("Passwörter für Windows, Server und
// Firewalls ändern") and a second verb that works on the first one's object ("herunterladen und installieren",
// "und ihn andernfalls einspielen") stay one step.
import { finiteVerb, isInfinitive } from './verbs.js';

// A comma clause that only says when: it holds for every step of the sentence.
const whenClause = /^(?:falls|wenn|sofern|sobald|soweit|solange)\s/u;
// Words that open a clause inside which an "und" joins parts of that clause, not two instructions ("Um Daten zu
// sichern und …"); an article in front is the object's.
const subordinate = /^(?:um|damit|dass|ob|wenn|falls|sofern|sobald|bevor|nachdem|weil|da|bis|sodass|wie|wo|wann|was|wer|warum|weshalb|wieso|womit|welche\p{L}*)\s/iu;
// An object given as a pronoun points back at the first step ("…, und ihn andernfalls einspielen"), and "damit",
// "dadurch" or "so" make the second part the first step's effect ("den Patch einspielen und das Leck damit schließen").
const pointsBack = /(?<!\p{L})(?:ihn|ihm|ihnen|sie|es|dies|diese|dieses|diesen|solche|damit|dadurch|somit|so)(?!\s+\p{Lu})(?!\p{L})/u;
const linkWord = /^(?:(?:außerdem|zudem|zusätzlich|ebenso|ferner|auch|anschließend|danach|dann)\s+)+/iu;
const prepositions = /^(?:auf|an|am|in|im|über|per|mit|für|von|vom|bei|beim|nach|vor|zu|zum|zur|aus|unter|durch|gegen|ohne|außerhalb|innerhalb|ab|seit|bis)$/iu;
// A click or a page to open before the step is how-to that belongs to it (LABELS.md: unnumbered how-to is part of
// the step it explains): "Die Seite „Update“ wählen und die neue Firmware installieren" is one step.
const uiVerb = /^(?:öffnen|aufrufen|auswählen|wählen|eingeben|anklicken|klicken|navigieren)$/u;
const negation = /(?<!\p{L})(?:[Nn]icht|[Nn]ie|[Nn]iemals|[Kk]ein\p{L}*)(?!\p{L})/u;
const objectClause = /^,\s+(?:ob|dass|welche\p{L}*|wer|wie)\s/u;
// "Rechner ersetzen, die die Voraussetzungen nicht erfüllen": after a bare comma a d-word not followed by its noun
// starts a relative clause ("die die …", "die Sie …", "die nicht …"); "die Firmware prüfen" is a step.
// "Software, die Ihnen Unbekannte anbieten": the reader's pronouns after the d-word start one too.
const relativeStart = /^(?:der|die|das|den|dem|deren|dessen|denen|welche\p{L}*)\s+(?!(?!(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer)\s)\p{Lu})/u;

// splitSteps's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const splitStepsPattern1 = /(?<!\p{L})(?:the|and|to|of)(?!\p{L})/u;

/** The steps of one action, each an action of its own; the action itself when it holds one step. */
export function splitSteps(action: string): string[] {
  if (splitStepsPattern1.test(action)) return [action];
  const { body, when } = withoutWhen(action);
  const steps = stepsOf(body);
  if (steps.length < 2) return [action];
  return steps.map((s) => capitalize(s + when));
}

// ", falls man betroffen ist" at the end of the sentence: kept apart and given to every step.
function withoutWhen(action: string): { body: string; when: string } {
  // "… prüfen und … einspielen (bei Firebox-Firewalls)": whom the steps are for, in brackets, holds for each as well.
  const qualifier = /\s+\(bei\s[^()]+\)$/u.exec(action);
  if (qualifier) return { body: action.slice(0, qualifier.index), when: qualifier[0] };
  const at = action.lastIndexOf(', ');
  if (at === -1 || !whenClause.test(action.slice(at + 2)) || action.slice(at + 2).includes(' und ')) return { body: action, when: '' };
  return { body: action.slice(0, at), when: action.slice(at) };
}

function stepsOf(text: string): string[] {
  // "Absender prüfen, im Zweifel keine Mail öffnen und …": a bare comma joins two steps as "und" does.
  for (const joint of text.matchAll(/(,?\s+(?:und|sowie)\s+|;\s+|,\s+)/gu)) {
    const left = text.slice(0, joint.index).trim();
    const right = text.slice(joint.index! + joint[0].length).replace(linkWord, '').trim();
    const bareComma = joint[0].trim() === ',';
    if (bareComma ? endsStep(left, false) && !subordinate.test(right) && !relativeStart.test(right) && startsStep(right) : endsStep(left, joint[0].startsWith(',')) && startsStep(right))
      return [left, ...stepsOf(right)];
  }
  return [text];
}

// The part before the joint is a whole step: its main clause ends in an infinitive there ("… einrichten und …"), or, at
// ", und", in an object clause after it ("Prüfen, ob X gesperrt ist, und …"). An "und" inside a purpose or relative
// clause ("…, um Daten zu sichern und …") joins that clause's parts.
function endsStep(left: string, comma: boolean): boolean {
  const clauses = left.split(/,\s+/u);
  const words = clauses[0]!.split(/\s+/u);
  // "Prüfen, ob …": the infinitive may lead, capitalised, before its object clause.
  if (comma) return clauses.length >= 2 && isInfinitive(words.at(-1)!.toLowerCase()) && objectClause.test(left.slice(clauses[0]!.length));
  if (words.length < 2 && !(clauses.length > 1 && objectList(clauses))) return false;
  // "Groß- und Kleinbuchstaben, Zahlen und Sonderzeichen kombinieren": commas between the objects of one verb.
  if (clauses.length > 1 && !objectList(clauses)) return false;
  const all = clauses.length > 1 ? left.split(/\s+/u) : words;
  const last = all.at(-1)!;
  // "Keinen der Links anklicken" forbids a click: a step, not how-to.
  const howTo = uiVerb.test(last) && !negation.test(left);
  const final = clauses.at(-1)!;
  return isInfinitive(last) && !howTo && all.at(-2) !== 'zu' && !subordinate.test(clauses[0]!) && (clauses.length === 1 || (!subordinate.test(final) && !relativeStart.test(final)));
}

// Clauses before the last that are short noun phrases (no verb, no clause word): a list of objects.
function objectList(clauses: string[]): boolean {
  return clauses.slice(0, -1).every((c) => {
    const w = c.trim().split(/\s+/u);
    return w.length <= 4 && !isInfinitive(w.at(-1)!) && !subordinate.test(c) && !relativeStart.test(c) && !finiteVerb.test(c);
  });
}

// startsStep's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const startsStepPattern1 = /^\p{Lu}/u;

// The part after the joint is a step of its own: its main clause ends in an infinitive and names an object of its own
// (a noun outside a prepositional phrase), forbids something, or leads an object clause ("dafür sorgen, dass …"); a
// pronoun for object points back at the step before.
function startsStep(right: string): boolean {
  const main = right.split(/,\s+/u)[0]!;
  const words = main.split(/\s+/u);
  const verb = words.at(-1)!;
  // "…; aus Sicht der Kammer muss sich das rechnen": a clause with a finite verb is a statement, not a step.
  if (words.length < 2 || !isInfinitive(verb) || words.at(-2) === 'zu' || pointsBack.test(main) || finiteVerb.test(main)) return false;
  // "nicht mit Administratorrechten arbeiten" forbids a step of its own; "nicht benötigte löschen" has no noun and
  // works on the object before.
  if (negation.test(main) && words.slice(0, -1).some((w) => startsStepPattern1.test(w))) return true;
  if (objectClause.test(right.slice(main.length))) return true;
  // "… ausschalten und sich an den Support wenden", "… prüfen und auf Auffälligkeiten achten": a verb that takes no
  // object of its own cannot work on the first one's either; it is a step of its own.
  if (words[0] === 'sich' || (noObjectVerb.test(verb) && ownPhrase(words.slice(0, -1)))) return true;
  return ownObject(words.slice(0, -1));
}

// Verbs whose thing comes with a preposition ("auf … achten", "an … wenden"), never as an accusative object.
const noObjectVerb = /^(?:achten|verzichten|reagieren|warten|antworten|zugreifen|klicken|vertrauen)$/u;
// A prepositional phrase with a noun: what such a verb is about ("auf Auffälligkeiten").
function ownPhrase(words: string[]): boolean {
  return words.some((w, i) => prepositions.test(w) && words.slice(i + 1).some((n) => startsStepPattern1.test(n)));
}

// ownObject's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const ownObjectPattern1 = /^\p{Lu}/u;

// A noun outside a prepositional phrase: "die Synchronisation über OneDrive" has one, "auf dem Gerät" has none.
function ownObject(words: string[]): boolean {
  let inPhrase = false;
  for (const w of words) {
    if (prepositions.test(w)) inPhrase = true;
    else if (ownObjectPattern1.test(w)) {
      if (!inPhrase) return true;
      inPhrase = false;
    }
  }
  return false;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
