import type { Sentence } from './sentences.js';
import { guardedTest, spacedOddly } from './cue-words.js';
import { englishActions, englishListItem, looksEnglish } from './english-actions.js';
import { attackLed, isStatistic, reportsClaim, withoutAttribution } from './reported-speech.js';
import { familiar, polite } from './polite-imperatives.js';
import { deedDone, frontedPassive, modal, necessity, relativeDuty } from './modal-advice.js';
import { bestDone, nominallyAdvised, recommended, selfCheck } from './recommendations.js';
import { splitSteps } from './action-steps.js';
import { namedObject } from './antecedents.js';
import { stepOfNounPhrase, stepsOfNounPhrase } from './nominal-steps.js';
import { namedPronoun } from './pronoun-objects.js';
import { afterAnd, afterDash, afterSemicolon, beforeSemicolon, behindLabel, sequenceStep, thatClauseAsMain } from './instruction-clauses.js';
import { finiteVerb, isInfinitive, mainClause, politeToInfinitive, withoutZu, zuInfinitive } from './verbs.js';

export type ActionHit = { text: string; evidence: string };

// Contact, marketing and navigation text is never something a practice has to do.
// Here and below, (?<!\w) stands for a \b before a word that starts with an ASCII letter: the same meaning, but V8
// runs \b under the i and u flags together as a slow check at every position (about 40 times slower on a long page).
// The word patterns run behind cue words (cue-words.ts): most sentences hold none of them.
const promotion = guardedTest(
  new RegExp(
    [
      String.raw`(?<!\w)(?:Newsletter|abonnier\w*|Webshop|Pressekontakt|Cookie\w*|Datenschutzerklärung|Vertrieb(?!spartner)\w*|Messe\w*|Messestand|Gesprächstermin|Festpreis|Rabatt\w*|Angebot(?:e|en)?)\b`,
      // A mailing's own chrome: "Falls diese E-Mail nicht richtig angezeigt wird, öffnen Sie die Online-Version".
      String.raw`(?<!\w)(?:Online-Version|Webversion|Browser-Version|nicht\s+(?:richtig|korrekt)\s+angezeigt)`,
      // The site's own calls to action: "Melden Sie sich zum Webinar an", "Geben Sie einen Suchbegriff ein".
      String.raw`(?<!\w)(?:Webinar\w*|Podcast\w*|Whitepaper|E-Book|Kontaktformular|Mitgliederbereich|JavaScript|Suchbegriff|(?:diesen|den\s+vollständigen)\s+Artikel|sales\s+team|webinar|whitepaper|newsletter)\b`,
    ].join('|'),
    'iu',
  ),
  ['newsletter', 'abonnier', 'webshop', 'pressekontakt', 'cookie', 'datenschutzerklärung', 'vertrieb', 'messe', 'gesprächstermin', 'festpreis', 'rabatt', 'angebot',
    'online-version', 'webversion', 'browser-version', 'angezeigt', 'webinar', 'podcast', 'whitepaper', 'e-book', 'kontaktformular', 'mitgliederbereich', 'javascript',
    'suchbegriff', 'artikel', 'sales'],
);
const contactUs = guardedTest(
  new RegExp(
    [
      String.raw`(?<!\w)(?:sprechen|kontaktieren|rufen|schreiben|besuchen)\s+Sie\s+uns\b`,
      // "Lassen Sie Ihren Drucker bei uns überprüfen": the firm's own service, offered.
      String.raw`(?<!\w)(?:bei|von|durch)\s+uns\s+(?:\p{L}+\s+){0,3}?(?:überprüfen|prüfen|checken|einrichten|installieren|aktualisieren|warten|beraten)\s+lassen\b|(?<!\w)lassen\s+Sie\s+[^.!?]{0,60}?\s(?:bei|von|durch)\s+uns\s`,
      String.raw`(?<!\w)unser(?:em|en|er|e)?\s+(?:Team|Hotline|Service-Hotline|Vertrieb\w*|Service\w*|Angebot|Stand|Shop|Kundenservice|Praxis-Service-Team|Experten|Technikteam|Webinar\w*|Podcast\w*|Kontaktformular|Leistungen|Lösung(?:en)?|Arbeit|Verteiler|Mitgliederbereich|Beratung|Support-?Team)\b`,
    ].join('|'),
    'iu',
  ),
  ['uns'],
);
// "Unsere Experten raten dringend von … ab": the firm's experts give advice, they do not advertise themselves.
const expertAdvice = /(?<!\p{L})(?:raten|rät|empfehlen|empfiehlt)(?!\p{L})/u;
// A phone number, an address, a copyright line or a question.
// A release with its build ("6.2.3-25426-3") is no phone number: digits after a digit and a dot belong to a version.
const phoneNumber = /(?<!\d\.|\d)\+?\d[\d ()/-]{7,}\d/;
// An address to write to makes a contact line; a sender's address to watch out for ("E-Mails des Absenders
// x@y.com nicht öffnen", "kommen nur von @kvberlin.de") belongs to the instruction.
const senderAddress = /(?<!\p{L})(?:Absender\p{L}*|sender|von|vom|from|Domain\p{L}*|Endung\p{L}*)\s+(?:[\p{L}-]+\s+){0,3}?[„“"”‚‘']?[\w.+-]*@/iu;
// A purpose at the end ("…, damit Sie alle Online-Angebote ohne Hürden nutzen können") says why, not what is offered.
const purposeAtEnd = /,\s+(?:damit|um)\s[^,]*$/u;
function notAnAction(text: string): boolean {
  return (text.includes('@') && !senderAddress.test(text)) || text.includes('©') || (text.includes('?') && /\?\s*$/.test(text)) || phoneNumber.test(text) || promotion(text.replace(purposeAtEnd, '')) || (contactUs(text) && !expertAdvice.test(text));
}
// Social networks, English chrome and contact lines ("Follow us on Twitter", "Sign up for our newsletter", "…contact
// support for further details", "Bei Fragen …", "Für weitere Informationen …"). Apart from notAnAction and without the
// u flag, which with i makes V8 run each \b as a slow two-sided check (the words are ASCII or start with one).
const siteChrome = guardedTest(
  /\b(?:(?:follow|contact|join|email|call|visit)\s+us\b|twitter|facebook|linkedin|youtube|instagram|mastodon|xing\b|sign\s+up\b|subscribe\b|for\s+(?:any\s+)?(?:further|more|additional)\s+(?:details|information|questions|assistance|help)\b|(?:if|should)\s+you\s+have\s+(?:any\s+)?(?:further\s+)?questions\b|(?:für|bei)\s+(?:(?:weitere|weiteren|nähere|näheren|zusätzliche)\s+)?(?:fragen|rückfragen|auskünfte)\b|(?:für|bei)\s+(?:weitere|nähere|zusätzliche)\s+informationen)/i,
  ['follow', 'contact', 'join', 'email', 'call', 'visit', 'twitter', 'facebook', 'linkedin', 'youtube', 'instagram', 'mastodon', 'xing', 'sign', 'subscribe',
    'details', 'information', 'questions', 'assistance', 'help', 'fragen', 'auskünfte'],
);
// Pointers to the real instructions, or no instruction at all.
const vague = /(?<!\w)(?:folgenden?\s+(?:Schritte|Maßnahmen|Hinweise))\b|^(?:(?:die|diese)\s+)?(?:Hinweise|Empfehlungen)\s+(?:beachten|befolgen|lesen)$|^(?:(?:vorsorglich|schnell|sofort|umgehend|rechtzeitig|zeitnah|jetzt|nun|zügig|dringend|besonnen)\s+)?handeln(?:,|$)|^Ruhe\s+bewahren\b|^(?:(?:handeln|besonders|weiterhin|sehr|stets|immer|schon|jetzt|ab\s+sofort|bis\s+dahin|äußerst|erhöht|also|daher|deshalb|dabei)\s+(?:und\s+)?)*(?:wachsam|aufmerksam|vorsichtig)\s+(?:sein|bleiben)$|^(?:(?:derzeit|aktuell|jetzt|besonders|gut|genau)\s+)*aufpassen$|^(?:das|dieses|die|diese)\s+(?:Risiko|Risiken|Thema|Gefahr|Gefahren|Bedrohung|Warnung|Lage)\s+(?:sehr\s+|unbedingt\s+)?ernst\s+nehmen$|^(?:(?:jetzt|sofort|rechtzeitig|schnell|frühzeitig|selbst)\s+)*aktiv\s+werden(?:,|$)|^(?:(?:dabei|dazu|bitte|nun|jetzt)\s+)*(?:besonnen\s+|Schritt\s+für\s+Schritt\s+|so\s+|wie\s+folgt\s+|folgendermaßen\s+)vorgehen(?:,|$)|^(?:sich\s+)?(?:gut\s+|rechtzeitig\s+)?vorbereiten$|entschuldigen$|^Verständnis\b|(?<!\p{L})zum\s+Anlass\s+nehmen$|^(?:(?:also|daher|deshalb|bitte)\s+)*kein(?:erlei)?\s+Risiko\s+eingehen(?:,|$)|^(?:(?:jetzt|nun|bitte|also)\s+)*(?:selbst\s+)?(?:tätig|aktiv)\s+werden(?:,|$)|^(?:(?:dabei|dazu|also|bitte)\s+)*auf\s+(?:einige|folgende|diese|die\s+folgenden|ein\s+paar|wenige)\s+(?:Eckpunkte|Punkte|Dinge|Details|Aspekte)\s+achten(?:,|$)|^(?:die\s+)?(?:Daten|IT-)?[Ss]icherheit\s+(?:der\s+\p{L}+\s+)?gewährleisten(?:,|$)|^(?:(?:Ihre?n?|[Ss]eine?n?|die)\s+)?(?:Rechner|Computer|Praxis|Systeme|Geräte|Praxis-IT)\s+(?:gut\s+|ausreichend\s+|besser\s+|wirksam\s+)?schützen(?:,|$)/iu;

// What happens to a practice or what it should know or expect is no deed: "eine Pauschale erhalten", "wissen, dass …",
// "mit Ausfällen rechnen", "sich nicht zu sicher fühlen".
// What a practice should believe or assume is no deed either: "davon ausgehen, dass …", "sich bewusst sein, dass …".
// "Jetzt fragen Sie sich bestimmt, was Sie tun können": what the reader is assumed to wonder.
const noDeed = /^sich\s+(?:bestimmt|sicher|sicherlich|vielleicht|wahrscheinlich|wohl|jetzt|nun|gerade)\s+(?:\p{L}+\s+)?(?:fragen|wundern)(?:,|$)|(?<!\p{L})(?:erhalten|bekommen|empfangen|wissen|fühlen|ausgehen|meinen|glauben|denken|bewusst\s+sein)$|(?<!\p{L})mit\s[^,]*\srechnen$/iu;

// Steps through a user interface ("Control Panel > System > Firmware Update öffnen", "App Center öffnen", "Im Browser
// die Adresse fritz.box eingeben"): how to do an action, which the notice names as well, not an action of their own.
const uiVerb = /(?<!\p{L})(?:öffnen|aufrufen|auswählen|wählen|eingeben|geben|eintippen|tippen|anklicken|klicken|navigieren|wechseln|drücken|bestätigen)$/u;
// Places and keys of a user interface: a menu path, a field, a key ("Windows-Logo-Taste und R", "mit OK bestätigen").
const uiPlace = /\s[>»→]\s|(?<!\p{L})(?:Control\s+Panel|Systemsteuerung|Adresse|Adresszeile|Adressleiste|URL|Primärsoftware|Bundesland|Feld|Eingabefeld|Suchfeld|\p{L}*-?Taste\p{L}*|mit\s+(?:„|")?(?:OK|Enter|Return)(?:“|")?)(?!\p{L})/u;
function uiStep(action: string): boolean {
  const main = action.split(/,\s/u)[0]!.replace(/[:.!]+/gu, ' ').trim();
  return uiVerb.test(main) && uiPlace.test(main);
}

/** Turns the notice's actions into short infinitive phrases ("Passwörter im PVS ändern"), in order, without repeats. */
/**
 * "EHBA sowie SMC-B … ersetzen": a step that starts with a name written with a small letter first ("eHBA", "eGK",
 * "iPhone") keeps it as the notice writes it; capitalising the step's first letter made another word of it.
 */
function keptCase(action: string, evidence: string): string {
  const first = /^(\p{Lu})(\p{Lu}[\p{L}\d-]*)/u.exec(action);
  if (!first) return action;
  const small = `${first[1]!.toLowerCase()}${first[2]}`;
  return new RegExp(`(?<![\\p{L}\\d])${small.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'u').test(evidence) ? `${small}${action.slice(first[0].length)}` : action;
}

// "Sein Windows aktualisieren", "Mit ihrem DVO einen Termin vereinbaren": a possessive at the head of a step belongs
// to the practice the notice spoke of in the third person ("Wer eine Praxis führt, sollte sein …", "Praxen sollten mit
// ihrem …"); the step addresses the reader, as "Ihr".
const ownAtHead = /^((?:(?:Mit|Bei|An|Auf|In|Für|Über|Von|Zu)\s+)?)(?:[Ss]ein|[Ii]hr)(e|en|em|er|es)?(?!\p{L})/u;
function readersOwn(action: string): string {
  const m = ownAtHead.exec(action);
  if (!m) return action;
  const head = m[1] ? `${m[1].charAt(0).toUpperCase()}${m[1].slice(1)}` : '';
  return `${head}Ihr${m[2] ?? ''}${action.slice(m[0].length)}`;
}

export function findActions(sentences: Sentence[]): ActionHit[] {
  const actions: ActionHit[] = [];
  const seen: Set<string>[] = [];
  const memo: SentenceMemo = { prose: new Map(), bullets: new Map(), phrases: new Map(), nominal: new Map() };
  const add = (raw: string, evidence: string, nominal = false) => {
    // "X aktualisieren und Y prüfen": each step its own action (action-steps.ts); a noun phrase is one step.
    for (const step of nominal ? (stepsOfNounPhrase(raw) ?? [stepOfNounPhrase(raw) ?? raw]) : splitSteps(raw)) {
      const kept = acceptOnce(memo, nominal ? step : namedPronoun(step), nominal);
      if (!kept || seen.some((w) => similar(w, kept.words))) continue;
      seen.push(kept.words);
      actions.push({ text: readersOwn(keptCase(kept.text, evidence)), evidence });
    }
  };
  const list = { verb: '', prep: '', advice: false, leadIn: -1, describes: false, english: '' };
  let previous = { verb: '', at: -1 };
  let asked = false;
  sentences.forEach((sentence, i) => {
    // "Was sollten Praxen tun? Das Update einspielen …": the answer to a question of what to do reads like a list item.
    // "Zuerst abgleichen, ob …": a step told in prose after an order word reads like a list item too.
    const answer = !sentence.bullet && (asked || sequenceStep(sentence.text));
    asked = !sentence.bullet && whatToDo.test(sentence.text);
    if (!sentence.bullet) {
      // A line ending in ":" (or "," before a list) opens a list; any other line closes it.
      const opens = /[:,]$/.test(sentence.text);
      // "Wichtige Maßnahmen für mehr Sicherheit" above a list: a heading without its colon opens it as well.
      const heads = !opens && sentences[i + 1]?.bullet === true && !/[.!?;]$/.test(sentence.text);
      list.advice = (opens || heads) && adviceHeading.test(sentence.text);
      // "Make sure that the following is in place:", "You should not": an English lead its items are read under.
      list.english = opens || heads ? sentence.text : '';
      list.describes = opens && (describesList.test(sentence.text) || attackLed(sentence.text));
      if (!opens) list.verb = '';
    }
    // "Die Mails richten sich an Praxen, um:", "Angreifer können:": the items are the attack's aims and means.
    if (sentence.bullet && list.describes) return;
    // "Achten Sie dabei auf • das Format des Anhangs • den Absender": an imperative without its object above a list
    // takes each item as its object, with its preposition; it is no action of its own.
    const open = !sentence.bullet && sentences[i + 1]?.bullet === true && !/[.!?;]$/.test(sentence.text) ? objectlessLead.exec(sentence.text) : null;
    if (open && !/^(?:Lesen|Besuchen|Finden|Sehen|Klicken|Folgen|Erfahren|Entdecken|Nutzen|Kontaktieren|Wenden)$/u.test(open[1]!)) {
      list.verb = politeToInfinitive(open[1]!, '');
      list.prep = open[2] ?? '';
      list.advice = false;
      list.describes = false;
      list.leadIn = -1;
      return;
    }
    if (!sentence.bullet) list.prep = '';
    const underLead = sentence.bullet && list.english ? englishListItem(list.english, sentence.text) : null;
    if (underLead) {
      for (const step of underLead) add(step, sentence.text);
      return;
    }
    // "(per E-Mail an …@…)": how to reach someone, inside an instruction; the instruction stays.
    const text = sentence.text.includes('(') ? sentence.text.replace(contactAside, '') : sentence.text;
    const found = readOnce(memo, answer ? { ...sentence, text, bullet: true } : text === sentence.text ? sentence : { ...sentence, text });
    if (found === null) return;
    if (sentence.bullet && found.length === 0 && (list.verb || list.advice)) {
      // "• die Passwörter der Praxissoftware" under "… folgende Passwörter zu ändern:": the lead-in's verb, for each item.
      // An English item the word table could not carry over stays out: a German draft gets no English line.
      // A statement about the reader ("Dafür brauchen Sie Ihre Zugangsdaten") is no item to copy either.
      const item = looksEnglish(sentence.text) || readerAsSubject.test(sentence.text) ? null : (nominalItem(sentence.text) ?? labelledDeed(sentence.text));
      if (item) {
        if (list.leadIn >= 0 && list.verb) {
          // The lead-in only announced the list ("folgende Passwörter ändern"); its items are the actions.
          actions.splice(list.leadIn, 1);
          seen.splice(list.leadIn, 1);
          list.leadIn = -1;
        }
        add(capitalize(list.verb ? `${list.prep ? `${list.prep} ` : ''}${item} ${list.verb}` : item), sentence.text, !list.verb);
      }
      return;
    }
    if (!sentence.bullet && /:$/.test(sentence.text) && found.length > 0 && pointer.test(found[found.length - 1]!)) {
      // "Zu Ihrem Schutz sollten Sie diese Punkte beachten:": the lead-in points at its items, which are the actions.
      found.pop();
      list.advice = true;
    }
    if (!sentence.bullet && /[:,]$/.test(sentence.text)) {
      const last = found[found.length - 1];
      // "… alle Passwörter zu ändern. Dazu zählen vor allem:": the opener without a verb continues the sentence before.
      const verb = last ? (announces.test(last) ? finalVerb(last) : '') : listOpener.test(sentence.text) ? previous.verb : '';
      list.verb = verb;
      list.leadIn = last ? (verb ? actions.length : -1) : previous.at;
    } else if (!sentence.bullet) list.leadIn = -1;
    const count = actions.length;
    // "Diese Versionen einspielen": the object as the sentences before named it (gathered only where there are actions).
    const earlier = found.length > 0 ? sentences.slice(Math.max(0, i - 3), i).map((t) => t.text) : [];
    for (const text of found) add(namedObject(text, earlier), sentence.text);
    if (found.length === 0 && !sentence.bullet) for (const phrase of nominallyAdvised(text) ?? []) add(phrase, sentence.text, true);
    // "… Passwörter zu ändern. Das sollte sofort geschehen. Dazu zählen:": a sentence about the action just read keeps it
    // as the one a list opener continues.
    const aboutPrevious = actions.length === count && backModal.test(text) && backReference.test(text);
    if (!sentence.bullet && !aboutPrevious) previous = actions.length > count ? { verb: finalVerb(actions[actions.length - 1]!.text), at: actions.length - 1 } : { verb: '', at: -1 };
  });
  return actions;
}

// A notice's sentences repeat (a teaser above the article, a step in the text and in a summary box, an archive page that
// shows a notice twice). What toActions reads from a sentence depends on its words and on whether it counts as a list
// item, nothing else, so each distinct sentence is read once per notice; list items and prose are kept apart because
// they read differently. null: contact, marketing or navigation text, never an action.
// The phrases found are checked once as well (acceptOnce).
type Accepted = { text: string; words: Set<string> } | null;
type SentenceMemo = {
  prose: Map<string, string[] | null>;
  bullets: Map<string, string[] | null>;
  phrases: Map<string, Accepted>;
  nominal: Map<string, Accepted>;
};

function readOnce(memo: SentenceMemo, sentence: Sentence): string[] | null {
  const seen = sentence.bullet ? memo.bullets : memo.prose;
  let found = seen.get(sentence.text);
  if (found === undefined) {
    found = notAnAction(sentence.text) || siteChrome(sentence.text) ? null : toActions(sentence);
    seen.set(sentence.text, found);
  }
  // A copy: findActions drops a lead-in's pointer from its own list.
  return found && found.slice();
}

/**
 * A phrase found as an action, as the list keeps it, with its content words for spotting repeats; null when it is
 * malformed, vague, a step through a user interface or no deed. Depends on the phrase alone, so read once per notice.
 */
function acceptOnce(memo: SentenceMemo, raw: string, nominal: boolean): Accepted {
  const seen = nominal ? memo.nominal : memo.phrases;
  let kept = seen.get(raw);
  if (kept === undefined) {
    kept = accept(raw, nominal);
    seen.set(raw, kept);
  }
  return kept;
}

function accept(raw: string, nominal: boolean): Accepted {
  const text = nominal ? (statementHead(raw) ? null : raw) : wellFormed(raw);
  if (!text || text.length < 8 || vague.test(text) || uiStep(text) || noDeed.test(text.split(/,\s/u)[0]!)) return null;
  // A qualifier in brackets ("(bei älteren Versionen)") does not make a repeat a new action.
  return { text, words: contentWords(text.replace(/\s*\([^()]*\)/gu, '')) };
}

// wellFormed's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const wellFormedPattern1 = /^(?:\p{L}+\s+){1,3}?\p{Ll}+(?:t|en)\s+(?:sich|die|der|das|es|er|sie|man)(?!\p{L})/u;
const wellFormedPattern2 = /^(?:\p{Ll}+\s+)?(?:der|die|das|dem|den|denen|deren|dessen|welche\p{L}*)\s+Sie\s/u;
const wellFormedPattern3 = /^\p{Lu}/u;
const wellFormedPattern4 = /(?<!\p{L})(?:the|to|and|if|of|as|on)(?!\p{L})/u;

/**
 * The action as a practice can tick it off, or null for a statement that only looks like one: some clause of it ends
 * in an infinitive, and its first words hold no finite verb ("Die Hauptverantwortung tragen Ärzte …", "Die am
 * 4. Juli online waren"). An explanation after a dash with a verb of its own is cut off ("Immer prüfen, wer sie
 * geschickt hat – Absenderadressen sind leicht zu fälschen"), and so is a subject left in front ("Sie die … prüfen").
 */
function wellFormed(text: string): string | null {
  let t = text.replace(/^Sie\s+(?=(?:die|der|das|den|dem|ein|eine|einen|Ihre|Ihren|alle)\s)/u, '');
  const dash = /\s[–—]\s([^,–—]*)(?=,\s|$)/u.exec(t);
  // "… tauschen – insgesamt rund 80.000 Ausweise": a count after the dash is background as well.
  // "… klicken – über ihn verschaffen sich die Angreifer Zugang": after a complete action, a clause of its own behind
  // the dash (a verb in second place before its subject) explains the action; "– und zwar rechtzeitig" continues it.
  const explains =
    dash !== null && isInfinitive(lastWord(t.slice(0, dash.index))) && !/^(?:und|oder|aber|also|etwa|vor\s+allem)\s/u.test(dash[1]!) &&
    wellFormedPattern1.test(dash[1]!);
  if (dash && (explains || finiteVerb.test(dash[1]!) || isStatistic(dash[1]!.replace(/^insgesamt\s+/u, '')))) t = (t.slice(0, dash.index) + t.slice(dash.index + dash[0].length)).trim();
  // A relative clause addressed to the reader ends in its finite verb ("…, mit der Sie Notfalldaten anlegen und lesen").
  // "… aktualisieren (bei FortiOS)": a bracket after the action does not end its clause.
  const clauseEnds = t
    .replace(/\s*\([^()]*\)[.!]?$/u, '')
    .split(/,\s|\s[–—-]\s|;\s|:\s/u)
    .filter((c) => !wellFormedPattern2.test(c.trim()))
    // A capitalised word ends a clause as a noun ("Zehn Jahre Stipendien: …"), unless it is all the clause ("Prüfen, ob …").
    .map((c) => {
      const words = c.trim().split(/\s+/);
      const last = words.pop() ?? '';
      return words.length > 0 && wellFormedPattern3.test(last) ? '' : last;
    });
  const english = wellFormedPattern4.test(t);
  // A clause that ends in a modal ("…, die später dort arbeiten wollen") is a relative or reported one, not the action.
  const ends = (w: string) => w.replace(/[.!)]+$/, '').toLowerCase();
  if (!english && !clauseEnds.some((w) => (isInfinitive(ends(w)) && !/^(?:wollen|können|müssen|sollen|dürfen|möchten|mögen)$/.test(ends(w))) || /^(?:lassen|tun|sein)$/.test(w))) return null;
  // "Außerdem …", "Zudem …": a link to the sentence before, not part of a checklist item (order words such as "Danach" stay).
  t = t.replace(/^(?:(?:Außerdem|Zudem|Deshalb|Daher|Zusätzlich|Ebenso|Ferner|Weiterhin|Darüber\s+hinaus)\s+)+(?=\S+\s)/u, '');
  // "Ihre Karten deshalb bis … austauschen": inside the step, too, a link word only joins it to the sentence before.
  t = t.replace(/(?<=\S)\s+(?:deshalb|daher|deswegen|folglich)(?=\s)/u, '');
  return statementHead(t) ? null : capitalize(t);
}

// statementHead's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const statementHeadPattern1 = /^\p{Lu}[^,:]{0,40},\s+(?:die|der|deren|dessen|(?:bei|in|auf)\s+denen)\s[^:]{1,120}:\s+(?=\p{Ll})/u;
const statementHeadPattern2 = /^(?:\S+\s+){0,3}(?:tragen|trägt|regelt|regeln|ist|sind|war|waren|weist|wies|gibt|gab|hat|hatte|besteht|bestehen)(?!\p{L})/u;
const statementHeadPattern3 = /^(?!(?:Den|Der|Die|Das|Dem|Des|Ein\p{L}*|Ihr\p{L}*|Alle\p{L}*)\s)\p{Lu}\p{Ll}+\s+(?:der|die|das|ein\p{L}*|Ihr\p{L}*|es|er|sie|man)\s[^,:]*,\s+(?!(?:falls|wenn|bis|sobald|ob|dass|damit|um|sofern|solange|bevor|nachdem|weil|da|wie|was|wer|die|der|das|den|dem|denen|deren|dessen|denn|sodass)\s)\p{Ll}+\s+(?:es|er|man|das|dies)\s/u;
const statementHeadPattern4 = /^(?:Und\s+|Aber\s+)?(?:welche\p{L}*|was|wer|wie|wo|warum|weshalb|wann)\s/iu;
const statementHeadPattern5 = /(?<!\p{L})(?:lassen|lässt)\s+sich(?!\p{L})/u;

/** A finite verb among the first words: "Die Hauptverantwortung tragen …", "Die am 4. Juli online waren". */
function statementHead(text: string): boolean {
  // "Praxen, die betroffen sind: die Ablaufdaten prüfen": the practices meant lead, with their own finite verb.
  const t = text.replace(statementHeadPattern1, '');
  const head = t.split(/\s+/).slice(0, 4).join(' ');
  return (
    statementHeadPattern2.test(head) ||
    // Verb first: a condition whose consequence is a statement ("Sind die Zertifikate abgelaufen, ist keine Verbindung …").
    /^(?:Ist|Sind|War|Waren|Hat|Haben|Hatte|Wird|Werden|Kann|Können)\s[^:]*?,\s+(?:ist|sind|war|wird|werden|kann|können|gibt|besteht|bestehen|hat|haben|droht|drohen|fehlt|entsteht)\s/u.test(t) ||
    // A reason or a consequence alone, or a statement after it ("Weil es ohne Hardware auskommt …", "Da die Mails echt
    // aussehen, fallen viele darauf herein").
    /^(?:Weil|Da|Obwohl|Dass|Sodass|Wobei|Indem|Denn)\s/u.test(t) ||
    // … or one whose main clause has a pronoun for subject ("Kommt die Mail von X, handelt es sich um Betrug").
    statementHeadPattern3.test(t) ||
    // A relative clause cut off from its noun ends in its finite verb ("Die am 4. Juli online waren").
    (!t.includes(',') && /\s(?:ist|sind|war|waren|hat|hatte|wurde|wurden)[.!]?$/u.test(t)) ||
    // An indirect question or its answer ("Und welche weiteren Anforderungen gelten, regelt die Richtlinie").
    statementHeadPattern4.test(t) ||
    // What can be done, not what to do: "Im Client lassen sich Einstellungen festlegen".
    statementHeadPattern5.test(t)
  );
}

// A lead-in whose items say what an attack aims at or can do, not what to do: "…, um:", "Angreifer können:", "Ziel der
// Täter ist es:".
const describesList = /(?<!\p{L})(?:um|kann|können|könnte|könnten|ermöglicht|ermöglichen|erlaubt|erlauben|versucht|versuchen|wollen|will)\s*:$|^(?:(?:Das\s+)?Ziel|Absicht|Zweck)\s+(?:der|des|dieser)\s|(?<!\p{L})(?:Inhalt|Merkmale|Kennzeichen)(?!\p{L})[^:]*:$/u;

// A lead-in that only points at the list below it: "diese Punkte beachten:", "folgende Grundregeln einhalten:".
const pointer =
  /(?<!\p{L})(?:[Dd]iese|[Ff]olgende\p{L}*|[Nn]achstehende\p{L}*|[Ee]inige|[Ee]in\s+paar|[Ww]enige)\s+(?:\p{L}+\s+)?(?:Punkte|Tipps|Regeln|Grundregeln|Hinweise|Empfehlungen|Ratschläge|Maßnahmen|Schritte|Vorkehrungen)\s+(?:beachten|befolgen|berücksichtigen|umsetzen|einhalten|treffen|durchführen|ergreifen|erledigen|abarbeiten)(?:,\s+(?:falls|wenn|sofern)\s[^,]+)?$/u;

// A lead-in that announces the items below it: "folgende Passwörter ändern:", "Dazu zählen vor allem:".
// The lead-in's action starts with its object, capitalised: "Folgende Passwörter ändern".
const announces = /(?<!\p{L})(?:[Ff]olgend\p{L}*|[Nn]achstehend\p{L}*|diese|alle|[Ss]ämtliche|insbesondere)(?!\p{L})/u;
// Each of backReference's modals contains "soll", "muss" or "müssen" as written (no i flag): a test without the
// letter lookarounds, so that most sentences skip backReference.
const backModal = /soll|muss|müssen/;
const backReference = /(?<!\p{L})(?:[Dd]as|[Dd]ies|[Ee]s)\s+(?:sollte|soll|sollten|muss|müssen)(?!\p{L})|(?<!\p{L})(?:sollte|soll|muss)\s+(?:das|dies|es)(?!\p{L})/u;
const listOpener = /^(?:Dazu|Hierzu|Darunter|Das|Dies)\s+(?:zählen|gehören|betrifft|sind|fallen)\b/u;

// A question of what to do, whose answer follows: "Was sollten Praxen tun?", "Muss ich selbst etwas tun?".
const whatToDo = /^(?:Und\s+)?(?:(?:Was|Wie)\s[^?]*\s(?:tun|unternehmen|machen|vorgehen|reagieren)|(?:Muss|Müssen|Sollte|Sollten)\s[^?]*\s(?:tun|unternehmen))\?$/u;
// Labels in front of an instruction: "Handlungsempfehlung:", "Maßnahme:", "Workaround:".
const adviceLabel = /^(?:Unsere\s+)?(?:Handlungsempfehlung(?:en)?|Empfehlung(?:en)?|Maßnahmen?|Sofortmaßnahmen?|Lösung|Workaround|Abhilfe|Tipp|Antwort|To-?do)$/iu;

// Headings over lists of advice: "Was Sie tun sollten:", "Empfehlungen:", "So schützen Sie sich:", "What you should do:".
const adviceHeading =
  /(?<!\w)(?:Empfehlung\w*|Maßnahmen|(?:zentralen|wichtigsten|folgenden)\s+Anforderungen|Tipps?|Hinweise\s+für|Checkliste|Was\s+(?:Sie|Praxen|ist)\s+(?:jetzt\s+)?(?:tun|zu\s+tun)|tun\s+sollten|schützen\s+Sie\s+sich|So\s+gehen\s+Sie\s+vor|Vorkehrungen|Sofortmaßnahmen|What\s+(?:you|admins|users|customers)\s+should\s+do|Recommendations?|Mitigations?|steps|(?:suggests?|recommends?|advises?)\s+(?:the\s+)?following)\b/iu;


const englishVerb = /(?<!\p{L})(?:is|are|was|were|may|might|can|will|would|should|must|has|have|does|depend|depends|helps?)(?!\p{L})/u;

/** A list item without a verb, kept as its noun phrase: "die Passwörter der Praxissoftware," → "die Passwörter der Praxissoftware". */
// "Photos 1.7 for DSM 7.2: upgrade to 1.7.0-0795 or later": a row of a vendor's table that states its own instruction after
// the colon; the lead-in ("upgrade to these patched versions:") is the action, not each row.
const ownInstruction = /:\s+(?:upgrade|update|install|apply|migrate|patch|aktualisieren|installieren)\s/iu;

// nominalItem's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const nominalItemPattern1 = /\p{Ll}{3,}/u;
const nominalItemPattern2 = /^\p{Lu}\p{Ll}+\s+Sie(?!\p{L})/u;

// An imperative that names no object, only what its list will give: "Achten Sie dabei auf", "Prüfen Sie insbesondere:".
const objectlessLead =
  /^(?:Bitte\s+)?([A-ZÄÖÜ][a-zäöüß]+(?:en|ern|eln))\s+Sie(?:\s+(?:bitte|dabei|dazu|daher|auch|unbedingt|vor\s+allem|insbesondere|besonders|stets|immer|genau|regelmäßig|zudem|außerdem))*(?:\s+(auf|an|für|nach|über|um|mit))?\s*:?$/u;

function nominalItem(text: string): string | null {
  // "Sicheres Arbeiten im Alltag:" heads a list of its own; "If you used …, change them": a condition, no noun phrase.
  if (/:$/u.test(text) || /^(?:If|When|Once|Falls|Wenn|Sobald|Sofern)\s/u.test(text)) return null;
  const item = text.replace(/\s*(?:[,;.]|\s+(?:und|oder|sowie))+$/u, '').trim();
  // A short label ("Sophos", "v19.0 GA") or a whole sentence is not an item of advice.
  if (item.split(/\s+/).length < 2 || item.split(/\s+/).length > 16 || /[.!?]\s/.test(item)) return null;
  // "Lesen Sie auch …": an imperative the action finder turned down is no noun phrase either.
  if (!nominalItemPattern1.test(item) || finiteVerb.test(item) || englishVerb.test(item) || ownInstruction.test(item) || nominalItemPattern2.test(item)) return null;
  return item;
}

// "• Technische Absicherung: z. B. Einrichtung einer Firewall sowie das Abkoppeln der Mail-Accounts": a label, maybe an
// example marker, then deeds named by their nouns.
const labelThenExample = /^[^:]{3,50}:\s+(?:(?:z\.\s?B\.|bspw\.|beispielsweise|etwa|u\.\s?a\.)\s+)?(\p{Lu}.+?)[.;]?$/u;
function labelledDeed(text: string): string | null {
  const m = labelThenExample.exec(text);
  return m && (stepsOfNounPhrase(m[1]!) ?? stepOfNounPhrase(m[1]!)) ? m[1]! : null;
}

/** The infinitive that ends an action ("ändern", "setzen lassen", "neu starten"), for the items of its list. */
function finalVerb(action: string): string {
  const words = action.replace(/,.*$/, '').trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (!isInfinitive(last)) return '';
  const before = words[words.length - 2] ?? '';
  return (last === 'lassen' && isInfinitive(before)) || before === 'neu' ? `${before} ${last}` : last;
}

// "Sie müssen nichts weiter tun", "Praxen müssen nichts unternehmen", "no action is required".
const nothing = guardedTest(
  /(?<!\w)(?:müssen|brauchen)\s+(?:Sie|Praxen|Kunden|Anwender\w*)?\s*(?:daher\s+|also\s+)?(?:nichts|keine\s+(?:weiteren\s+)?(?:Schritte|Maßnahmen))\b|(?<!\w)(?:kein(?:e)?\s+(?:weitere[n]?\s+)?(?:Maßnahmen?|Handlung(?:sbedarf)?|Handlungsbedarf)\s+(?:nötig|erforderlich|notwendig|besteht))|(?<!\w)kein\s+Handlungsbedarf\b|(?<!\w)no\s+(?:further\s+)?action\s+(?:is\s+)?(?:required|needed)\b/iu,
  ['nichts', 'kein', 'action'],
);

/** The sentence that says practices need not do anything, if the notice says so. */
export function nothingToDo(sentences: Sentence[]): string | null {
  return sentences.find((s) => nothing(s.text))?.text ?? null;
}

const contactAside = /\s*\([^()]*(?:@|\d[\d ()/-]{7,}\d)[^()]*\)/gu;
// "sollten Sie – schon im eigenen Interesse – den Schaden melden": an aside between two dashes.
const dashAside = /\s[–—]\s([^–—]{1,80}?)\s[–—](?:\s|(?=,))/u;

function toActions(sentence: Sentence, inner = false): string[] {
  // Most sentences have single spaces already; replace() would copy each of them anyway.
  const plain = withoutAttribution(unquote((spacedOddly(sentence.text) ? sentence.text.replace(/\s+/g, ' ') : sentence.text).trim()));
  // Only a leading dash or a label's colon or exclamation mark can be removed.
  let s = /^[–-]|[:!]/.test(plain)
    ? plain.replace(/^(?:[–-]\s+)?(?:(?:(?:Aber|Doch|Und|Also)\s+)?(?:(?:Mein|Sein|Ihr|Unser|Der|Ein)\s+)?(?:Wichtig|Hinweis|Achtung|Vorsicht|Tipp|Empfehlung|Rat|Ratschlag|Important|Note)\s*[:!]\s+)?/u, '')
    : plain;
  if (nothing(s) || reportsClaim(s)) return [];
  const aside = s.includes('–') || s.includes('—') ? dashAside.exec(s) : null;
  // An aside that explains or comments goes; one that says how or with whom stays, without its dashes.
  if (aside) s = `${s.slice(0, aside.index)} ${/^(?:schon|gerade|natürlich|selbstverständlich|wie|so)\s/u.test(aside[1]!) || finiteVerb.test(aside[1]!) ? '' : `${aside[1]} `}${s.slice(aside.index + aside[0].length)}`.replace(/\s+,/gu, ',');
  if (s.includes(' – ') || s.includes(' — ')) s = withoutReason(s);
  // "…, oder" at the end of a list item joins it to the next; it is no part of this one.
  if (sentence.bullet) s = s.replace(/(?:,\s*|\s+)(?:oder|und|sowie)$|,$/u, '');
  const imperatives = polite(s, sentence.bullet) ?? familiar(s);
  if (imperatives) return imperatives;
  const advised = recommended(s);
  if (advised) return advised;
  const german = frontedPassive(s) ?? modal(s) ?? deedDone(s) ?? relativeDuty(s) ?? necessity(s) ?? bestDone(s) ?? selfCheck(s);
  if (german) return [german];
  const afterColon = colonPhrases(s);
  if (afterColon) return afterColon;
  // "Aber Achtung: Den Datenträger nach dem Sichern abziehen.": behind a warning label an infinitive phrase is an
  // instruction, as in a list item.
  // "Empfehlung: Jetzt auf Windows 11 wechseln", "Sein Tipp: Direkt zu Windows 11 zu wechseln, auch wenn …": advice
  // named as such, its step in the infinitive (with "zu" before the first comma).
  const advice = /^(?:(?:Mein|Sein|Ihr|Unser|Der|Ein)\s+)?(?:Tipp|Empfehlung|Rat|Ratschlag)\s*:\s/u.test(plain);
  const labelled = sentence.bullet || advice || /^(?:(?:Aber|Doch|Und|Also)\s+)?(?:Achtung|Vorsicht)\s*[:!]\s/u.test(plain);
  if (advice) s = s.replace(/^[^,]+/u, (head) => withoutZu(head));
  // An English list item the table could not read is no German bullet either: a draft gets no English line.
  const found = englishActions(s, sentence.bullet) ?? (!looksEnglish(s) && bullet(s, labelled) ? [bullet(s, labelled)!] : []);
  if (found.length > 0 || inner) return found;
  // The instruction in one clause of the sentence: behind a label, after or before a semicolon, after a dash, in a
  // dass-clause.
  for (const clause of [behindLabel(s), afterSemicolon(s), beforeSemicolon(s), afterDash(s), thatClauseAsMain(s), afterAnd(s)]) {
    const again = clause ? toActions({ ...sentence, text: clause }, true) : [];
    if (again.length > 0) return again;
  }
  return [];
}


// "Prüfen Sie den Absender – Angreifer fälschen ihn oft": a clause of its own after the last dash of an imperative gives the
// reason (a finite verb, or a verb in second place before its subject); "– und zwar sofort" or "– am besten heute" stays.
const trailingDash = /\s[–—]\s([^–—]+?)[.!]?$/u;
const reasonShape =
  /^(?:\p{L}+\s+){1,3}?\p{Ll}+(?:t|en)\s+(?:sich|die|der|das|es|er|sie|ihn|man|diese\p{L}*|dies)(?!\p{L})|^\p{Ll}+\s+(?:sie|ihn|es|diese\p{L}*)\s+\p{Ll}+(?:t|en)\s|^(?:sonst|denn|weil|da)\s/u;
// withoutReason's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const withoutReasonPattern1 = /(?<!\p{L})Sie(?!\p{L})/u;

function withoutReason(s: string): string {
  const dash = trailingDash.exec(s);
  if (!dash || !withoutReasonPattern1.test(s.slice(0, dash.index)) || /^(?:und|oder|aber|also|etwa|vor\s+allem|am\s+besten)\s/u.test(dash[1]!)) return s;
  return finiteVerb.test(dash[1]!) || reasonShape.test(dash[1]!) ? s.slice(0, dash.index) : s;
}

// „Löschen Sie E-Mails zweifelhafter Herkunft sofort“, empfahl …: the quoted instruction, without who said it.
function unquote(s: string): string {
  // A sentence quoted as a whole ("„Das Wichtigste ist, … zu halten.“"): what is inside.
  const whole = /^[„"“»]([^„“”"«»]{8,})[“”"«]$/u.exec(s);
  if (whole) return whole[1]!.trim();
  const q = /^[„"“»]([^“”"«]{8,})[“”"«][,.]?\s*(?:,\s*)?(?:so\s+|sagt|sagte|empfahl|empfiehlt|rät|riet|betont|erklärt|warnt|mahnt|fordert)[^]*$/u.exec(s);
  return q ? q[1]!.trim() : s;
}



// colonPhrases's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const colonPhrasesPattern1 = /^\p{Ll}/u;

/**
 * "Ein erster Schritt: beim Surfen einige Grundregeln einhalten – und das Praxisteam sensibilisieren": infinitive
 * phrases after a colon, each one an action.
 */
function colonPhrases(s: string): string[] | null {
  const colon = s.indexOf(': ');
  if (colon < 3 || colon > 80) return null;
  const after = s.slice(colon + 2).replace(/[.!]$/, '');
  // "Handlungsempfehlung: Update auf Version 5.2.1 installieren": after an advice label the phrase may start with a noun.
  if ((!colonPhrasesPattern1.test(after) && !adviceLabel.test(s.slice(0, colon))) || finiteVerb.test(after.split(/,\s/u)[0]!)) return null;
  const parts = after.split(/\s+[–-]\s+(?:und\s+)?|;\s+|,\s+und\s+/u);
  const phrases: string[] = [];
  for (const raw of parts) {
    // "Ein wichtiger Baustein: das Praxisteam zu sensibilisieren und zu schulen": the phrase in its zu-form.
    const part = /(?:\szu\s+\p{Ll}+|\p{Ll}zu\p{Ll}{3,})$/u.test(raw.trim()) ? withoutZu(raw) : raw;
    // "niemals einen Anhang öffnen, den man nicht angefordert hat": a clause after the infinitive stays with it.
    const clause = mainClause(part.trim());
    const words = (clause?.main ?? part.trim()).split(/\s+/);
    if (words.length < 2 || !isInfinitive(words[words.length - 1]!)) return null;
    phrases.push(capitalize(clause ? `${clause.main}${clause.tail}` : part.trim()));
  }
  return phrases;
}


// bullet's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const bulletPattern1 = /(?:\s+zu\s+(\p{Ll}+)|\s+(\p{Ll}+?zu\p{Ll}{3,}))([.!]?)$/u;

/** A list item that already is an instruction: "Firmware prüfen", "Update durchführen". */
// "• ist die Praxis nicht mehr mit der TI verbunden.", "• können die Anwendungen nicht mehr genutzt werden.": an item
// that starts with a finite verb continues its lead-in's sentence ("Sobald das Zertifikat abgelaufen ist:") and says
// what follows, not what to do; so does a relative clause ("– die nur mit RSA-Zertifikaten arbeiten (RSA-Only),"
// after "Betroffen sind Konnektoren,").
const finiteStart = /^(?:ist|sind|war|waren|wird|werden|wurde|wurden|kann|können|konnte|konnten|muss|müssen|darf|dürfen|soll|sollen|hat|haben|gibt|gilt|bleibt|bleiben|entfällt|entfallen|fällt|fallen)\s(?!Sie\b)|^(?:denen|deren|dessen|welche\p{L}*)\s|^(?:die|der|das)\s+(?:nur|mit|auf|in|im|am|bei|noch|bereits|schon|seit|über|von|vor|nicht|ab|bis)\s/iu;

// "Das betrifft alle eHBA • von SHC, die bis Mitte November 2025 ausgegeben wurden, und": a small preposition, a name
// and a relative clause continue the lead-in's noun; they say which things are meant.
const whichOnes = /^(?:von|aus|bei|mit|für|in|an|auf|unter)\s+[^,]+,\s+(?:die|der|das|denen|deren|dessen|welche\p{L}*)\s/u;

// "Über den Antragslink gelangen Sie zum Antrag", "Dafür brauchen Sie Ihre Zugangsdaten": a statement whose subject is
// the reader, its verb before "Sie" behind the first phrase, tells how things are; it is no instruction to copy.
// After "und", "oder" or a comma the verb first is the next imperative ("…, und lassen Sie Ihr System prüfen").
const readerAsSubject = /^\S+(?:\s+\S+)*?(?<!,|(?<!\p{L})(?:und|oder|sowie|dann|bitte))\s(?!(?:falls|wenn|bevor|ob|dass|sobald|sofern|nachdem|da|weil|wie|damit|sodass|als|wo|was|womit|wofür)\s)\p{Ll}+(?:en|ern|eln)\s+Sie(?!\p{L})/u;

// "• Manchmal verlangen sie sogar, dass …", "• Dann drohen sie mit …": a word, a verb and a pronoun subject in lower case
// is a statement about someone else told in a list.
const pronounSubject = /^\p{Lu}\p{Ll}+\s+\p{Ll}+\s+(?:sie|er|es|wir)\s/u;

function bullet(s: string, isBullet: boolean): string | null {
  if (!isBullet || /^[A-ZÄÖÜ][\wäöüß-]*$/.test(s) || finiteStart.test(s) || whichOnes.test(s) || pronounSubject.test(s)) return null;
  // "• die Passwörter der Praxissoftware zu ändern,": an item of a list that a sentence before began.
  s = s.replace(/\s*(?:[,;]|\s+(?:und|oder|sowie))+$/u, '');
  // Only an item without a comma continues its lead-in's "zu"; after a comma the "zu" belongs to the item's own clause
  // ("Windows drängt dazu, sich anzumelden", "…, um Daten wiederherstellen zu können").
  const dependent = /,\s/.test(s);
  if (!dependent)
    s = s.replace(bulletPattern1, (m, plain: string | undefined, joined: string | undefined, end: string) =>
      plain ? ` ${plain}${end}` : zuInfinitive(joined!) === joined ? m : ` ${zuInfinitive(joined!)}${end}`,
    );
  // "das Zertifikat verlängern lassen (um 3 Jahre per Softwareupdate)": an aside in brackets after the verb stays
  // behind it.
  const aside = /\s*\([^()]*\)[.!]?$/u.exec(s);
  if (aside) s = s.slice(0, aside.index);
  // "Prüfen, ob …": the infinitive may lead, capitalised.
  const clause = mainClause(s.charAt(0).toLowerCase() + s.slice(1));
  // "Er kann … prüfen", "Sie selbst müssen dann nichts weiter tun": a sentence in a list, not an instruction.
  const head = capitalize(clause?.main ?? '').replace(/\s+\S+$/, '').split(/,\s|\s[–-]\s/)[0]!;
  if (!clause || finiteVerb.test(head) || readerAsSubject.test(clause.main)) return null;
  const words = clause.main.split(/\s+/);
  if (zuInfinitive(words[words.length - 1]!) !== words[words.length - 1] || words[words.length - 2] === 'zu') return null;
  return capitalize(`${clause.main}${clause.tail}${aside && !clause.tail ? ` ${aside[0].trim().replace(/[.!]$/u, '')}` : ''}`);
}

const lastWord = (s: string) => s.trim().replace(/[.!]+$/u, '').split(/\s+/u).pop() ?? '';

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// contentWords's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
// The runs of letters, digits and dots: what a split at every other character leaves (a global match finds them at
// a fraction of the cost of a split by a Unicode pattern).
const contentWordsPattern1 = /[\p{L}\p{N}.]+/gu;

// Verbs that name the same deed with and without their prefix: "Karten tauschen" is "Karten austauschen".
const sameDeed: Record<string, string> = { tauschen: 'austauschen', überprüfen: 'prüfen', auswechseln: 'wechseln', abändern: 'ändern' };

function contentWords(s: string): Set<string> {
  return new Set((s.toLowerCase().match(contentWordsPattern1) ?? []).filter((w) => w.length > 3).map((w) => sameDeed[w] ?? w));
}

function similar(x: Set<string>, y: Set<string>): boolean {
  // Every candidate is compared with every action kept so far; sets of very different sizes cannot share 75 %.
  if (Math.min(x.size, y.size) < 0.75 * Math.max(1, x.size, y.size)) return false;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, x.size, y.size) >= 0.75;
}
