import type { Sentence } from './sentences.js';
import { englishActions } from './english-actions.js';
import { addressedToOthers, attackDemand, attackLed, attributionFront, claimedByAttack, isStatistic, othersNamed, reportsClaim, reportsEvent, withoutAttribution } from './reported-speech.js';
import { condition, familiar, polite } from './polite-imperatives.js';
import { afterSemicolon, behindLabel, sequenceStep, thatClauseAsMain } from './instruction-clauses.js';
import { isInfinitive, isParticiple, mainClause, participleToInfinitive, particles, zuInfinitive } from './verbs.js';

export type ActionHit = { text: string; evidence: string };

// Contact, marketing and navigation text is never something a practice has to do.
// Here and below, (?<!\w) stands for a \b before a word that starts with an ASCII letter: the same meaning, but V8
// runs \b under the i and u flags together as a slow check at every position (about 40 times slower on a long page).
const notAnAction = new RegExp(
  [
    String.raw`\+?\d[\d ()/-]{7,}\d`,
    '@',
    '©',
    String.raw`(?<!\w)(?:Newsletter|abonnier\w*|Webshop|Pressekontakt|Cookie\w*|Datenschutzerklärung|Vertrieb\w*|Messe\w*|Messestand|Gesprächstermin|Festpreis|Rabatt\w*|Angebot(?:e|en)?)\b`,
    String.raw`\?\s*$`,
    // A mailing's own chrome: "Falls diese E-Mail nicht richtig angezeigt wird, öffnen Sie die Online-Version".
    String.raw`(?<!\w)(?:Online-Version|Webversion|Browser-Version|nicht\s+(?:richtig|korrekt)\s+angezeigt)`,
    String.raw`(?<!\w)(?:sprechen|kontaktieren|rufen|schreiben|besuchen)\s+Sie\s+uns\b`,
    String.raw`(?<!\w)unser(?:em|en|er|e)?\s+(?:Team|Hotline|Service-Hotline|Vertrieb\w*|Service\w*|Angebot|Stand|Shop|Kundenservice|Praxis-Service-Team|Experten|Technikteam|Webinar\w*|Podcast\w*|Kontaktformular|Leistungen|Lösung(?:en)?|Arbeit|Verteiler|Mitgliederbereich|Beratung|Support-?Team)\b`,
    // The site's own calls to action: "Melden Sie sich zum Webinar an", "Geben Sie einen Suchbegriff ein".
    String.raw`(?<!\w)(?:Webinar\w*|Podcast\w*|Whitepaper|E-Book|Kontaktformular|Mitgliederbereich|JavaScript|Suchbegriff|(?:diesen|den\s+vollständigen)\s+Artikel|sales\s+team|webinar|whitepaper|newsletter)\b`,
  ].join('|'),
  'iu',
);
// Social networks, English chrome and contact lines ("Follow us on Twitter", "Sign up for our newsletter", "…contact
// support for further details", "Bei Fragen …", "Für weitere Informationen …"). Apart from notAnAction and without the
// u flag, which with i makes V8 run each \b as a slow two-sided check (the words are ASCII or start with one).
const siteChrome =
  /\b(?:(?:follow|contact|join|email|call|visit)\s+us\b|twitter|facebook|linkedin|youtube|instagram|mastodon|xing\b|sign\s+up\b|subscribe\b|for\s+(?:any\s+)?(?:further|more|additional)\s+(?:details|information|questions|assistance|help)\b|(?:if|should)\s+you\s+have\s+(?:any\s+)?(?:further\s+)?questions\b|(?:für|bei)\s+(?:(?:weitere|weiteren|nähere|näheren|zusätzliche)\s+)?(?:fragen|rückfragen|auskünfte)\b|(?:für|bei)\s+(?:weitere|nähere|zusätzliche)\s+informationen)/i;
// Pointers to the real instructions, or no instruction at all.
const vague = /(?<!\w)(?:folgenden?\s+(?:Schritte|Maßnahmen|Hinweise))\b|^(?:(?:die|diese)\s+)?(?:Hinweise|Empfehlungen)\s+(?:beachten|befolgen|lesen)$|^(?:(?:vorsorglich|schnell|sofort|umgehend|rechtzeitig|zeitnah|jetzt|zügig|dringend|besonnen)\s+)?handeln(?:,|$)|^Ruhe\s+bewahren\b|^(?:(?:handeln|besonders|weiterhin|sehr|stets|immer)\s+(?:und\s+)?)?(?:wachsam|aufmerksam|vorsichtig)\s+(?:sein|bleiben)$|^(?:besonnen\s+|Schritt\s+für\s+Schritt\s+)vorgehen(?:,|$)|^(?:sich\s+)?(?:gut\s+|rechtzeitig\s+)?vorbereiten$|entschuldigen$|^Verständnis\b/iu;

// What happens to a practice or what it should know or expect is no deed: "eine Pauschale erhalten", "wissen, dass …",
// "mit Ausfällen rechnen", "sich nicht zu sicher fühlen".
const noDeed = /(?<!\p{L})(?:erhalten|bekommen|empfangen|wissen|fühlen)$|(?<!\p{L})mit\s[^,]*\srechnen$/iu;

// Steps through a user interface ("Control Panel > System > Firmware Update öffnen", "App Center öffnen", "Im Browser
// die Adresse fritz.box eingeben"): how to do an action, which the notice names as well, not an action of their own.
const uiVerb = /(?<!\p{L})(?:öffnen|aufrufen|auswählen|wählen|eingeben|anklicken|klicken|navigieren|wechseln)$/u;
const uiPlace = /\s[>»→]\s|(?<!\p{L})(?:Control\s+Panel|Systemsteuerung|Adresse|URL|Primärsoftware|Bundesland)(?!\p{L})/u;
function uiStep(action: string): boolean {
  const main = action.split(/,\s/u)[0]!.replace(/[:.!]+/gu, ' ').trim();
  return uiVerb.test(main) && uiPlace.test(main);
}

/** Turns the notice's actions into short infinitive phrases ("Passwörter im PVS ändern"), in order, without repeats. */
export function findActions(sentences: Sentence[]): ActionHit[] {
  const actions: ActionHit[] = [];
  const seen: Set<string>[] = [];
  const add = (raw: string, evidence: string, nominal = false) => {
    const text = nominal ? (statementHead(raw) ? null : raw) : wellFormed(raw);
    if (!text || text.length < 8 || vague.test(text) || uiStep(text) || noDeed.test(text.split(/,\s/u)[0]!)) return;
    // A qualifier in brackets ("(bei älteren Versionen)") does not make a repeat a new action.
    const words = contentWords(text.replace(/\s*\([^()]*\)/gu, ''));
    if (seen.some((w) => similar(w, words))) return;
    seen.push(words);
    actions.push({ text, evidence });
  };
  const list = { verb: '', advice: false, leadIn: -1, describes: false };
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
      list.advice = opens && adviceHeading.test(sentence.text);
      list.describes = opens && (describesList.test(sentence.text) || attackLed(sentence.text));
      if (!opens) list.verb = '';
    }
    // "Die Mails richten sich an Praxen, um:", "Angreifer können:": the items are the attack's aims and means.
    if (sentence.bullet && list.describes) return;
    // "(per E-Mail an …@…)": how to reach someone, inside an instruction; the instruction stays.
    const text = sentence.text.includes('(') ? sentence.text.replace(contactAside, '') : sentence.text;
    if (notAnAction.test(text) || siteChrome.test(text)) return;
    const found = toActions(answer ? { ...sentence, text, bullet: true } : text === sentence.text ? sentence : { ...sentence, text });
    if (sentence.bullet && found.length === 0 && (list.verb || list.advice)) {
      // "• die Passwörter der Praxissoftware" under "… folgende Passwörter zu ändern:": the lead-in's verb, for each item.
      const item = nominalItem(sentence.text);
      if (item) {
        if (list.leadIn >= 0 && list.verb) {
          // The lead-in only announced the list ("folgende Passwörter ändern"); its items are the actions.
          actions.splice(list.leadIn, 1);
          seen.splice(list.leadIn, 1);
          list.leadIn = -1;
        }
        add(capitalize(list.verb ? `${item} ${list.verb}` : item), sentence.text, !list.verb);
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
    for (const text of found) add(text, sentence.text);
    if (found.length === 0 && !sentence.bullet) for (const phrase of nominallyAdvised(text) ?? []) add(phrase, sentence.text, true);
    // "… Passwörter zu ändern. Das sollte sofort geschehen. Dazu zählen:": a sentence about the action just read keeps it
    // as the one a list opener continues.
    const aboutPrevious = actions.length === count && backReference.test(text);
    if (!sentence.bullet && !aboutPrevious) previous = actions.length > count ? { verb: finalVerb(actions[actions.length - 1]!.text), at: actions.length - 1 } : { verb: '', at: -1 };
  });
  return actions;
}

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
    /^(?:\p{L}+\s+){1,3}?\p{Ll}+(?:t|en)\s+(?:sich|die|der|das|es|er|sie|man)(?!\p{L})/u.test(dash[1]!);
  if (dash && (explains || finiteVerb.test(dash[1]!) || isStatistic(dash[1]!.replace(/^insgesamt\s+/u, '')))) t = (t.slice(0, dash.index) + t.slice(dash.index + dash[0].length)).trim();
  // A relative clause addressed to the reader ends in its finite verb ("…, mit der Sie Notfalldaten anlegen und lesen").
  // "… aktualisieren (bei FortiOS)": a bracket after the action does not end its clause.
  const clauseEnds = t
    .replace(/\s*\([^()]*\)[.!]?$/u, '')
    .split(/,\s|\s[–—-]\s|;\s|:\s/u)
    .filter((c) => !/^(?:\p{Ll}+\s+)?(?:der|die|das|dem|den|denen|deren|dessen|welche\p{L}*)\s+Sie\s/u.test(c.trim()))
    // A capitalised word ends a clause as a noun ("Zehn Jahre Stipendien: …"), unless it is all the clause ("Prüfen, ob …").
    .map((c) => {
      const words = c.trim().split(/\s+/);
      const last = words.pop() ?? '';
      return words.length > 0 && /^\p{Lu}/u.test(last) ? '' : last;
    });
  const english = /(?<!\p{L})(?:the|to|and|if|of|as|on)(?!\p{L})/u.test(t);
  // A clause that ends in a modal ("…, die später dort arbeiten wollen") is a relative or reported one, not the action.
  const ends = (w: string) => w.replace(/[.!)]+$/, '').toLowerCase();
  if (!english && !clauseEnds.some((w) => (isInfinitive(ends(w)) && !/^(?:wollen|können|müssen|sollen|dürfen|möchten|mögen)$/.test(ends(w))) || /^(?:lassen|tun|sein)$/.test(w))) return null;
  // "Außerdem …", "Zudem …": a link to the sentence before, not part of a checklist item (order words such as "Danach" stay).
  t = t.replace(/^(?:(?:Außerdem|Zudem|Deshalb|Daher|Zusätzlich|Ebenso|Ferner|Weiterhin|Darüber\s+hinaus)\s+)+(?=\S+\s)/u, '');
  return statementHead(t) ? null : capitalize(t);
}

/** A finite verb among the first words: "Die Hauptverantwortung tragen …", "Die am 4. Juli online waren". */
function statementHead(text: string): boolean {
  // "Praxen, die betroffen sind: die Ablaufdaten prüfen": the practices meant lead, with their own finite verb.
  const t = text.replace(/^\p{Lu}[^,:]{0,40},\s+(?:die|der|deren|dessen|(?:bei|in|auf)\s+denen)\s[^:]{1,120}:\s+(?=\p{Ll})/u, '');
  const head = t.split(/\s+/).slice(0, 4).join(' ');
  return (
    /^(?:\S+\s+){0,3}(?:tragen|trägt|regelt|regeln|ist|sind|war|waren|weist|wies|gibt|gab|hat|hatte|besteht|bestehen)(?!\p{L})/u.test(head) ||
    // Verb first: a condition whose consequence is a statement ("Sind die Zertifikate abgelaufen, ist keine Verbindung …").
    /^(?:Ist|Sind|War|Waren|Hat|Haben|Hatte|Wird|Werden|Kann|Können)\s[^:]*?,\s+(?:ist|sind|war|wird|werden|kann|können|gibt|besteht|bestehen|hat|haben|droht|drohen|fehlt|entsteht)\s/u.test(t) ||
    // A reason or a consequence alone, or a statement after it ("Weil es ohne Hardware auskommt …", "Da die Mails echt
    // aussehen, fallen viele darauf herein").
    /^(?:Weil|Da|Obwohl|Dass|Sodass|Wobei|Indem|Denn)\s/u.test(t) ||
    // … or one whose main clause has a pronoun for subject ("Kommt die Mail von X, handelt es sich um Betrug").
    /^(?!(?:Den|Der|Die|Das|Dem|Des|Ein\p{L}*|Ihr\p{L}*|Alle\p{L}*)\s)\p{Lu}\p{Ll}+\s+(?:der|die|das|ein\p{L}*|Ihr\p{L}*|es|er|sie|man)\s[^,:]*,\s+(?!(?:falls|wenn|bis|sobald|ob|dass|damit|um|sofern|solange|bevor|nachdem|weil|da|wie|was|wer|die|der|das|den|dem|denen|deren|dessen|denn|sodass)\s)\p{Ll}+\s+(?:es|er|man|das|dies)\s/u.test(t) ||
    // A relative clause cut off from its noun ends in its finite verb ("Die am 4. Juli online waren").
    (!t.includes(',') && /\s(?:ist|sind|war|waren|hat|hatte|wurde|wurden)[.!]?$/u.test(t)) ||
    // An indirect question or its answer ("Und welche weiteren Anforderungen gelten, regelt die Richtlinie").
    /^(?:Und\s+|Aber\s+)?(?:welche\p{L}*|was|wer|wie|wo|warum|weshalb|wann)\s/iu.test(t) ||
    // What can be done, not what to do: "Im Client lassen sich Einstellungen festlegen".
    /(?<!\p{L})(?:lassen|lässt)\s+sich(?!\p{L})/u.test(t)
  );
}

// A lead-in whose items say what an attack aims at or can do, not what to do: "…, um:", "Angreifer können:", "Ziel der
// Täter ist es:".
const describesList = /(?<!\p{L})(?:um|kann|können|könnte|könnten|ermöglicht|ermöglichen|erlaubt|erlauben|versucht|versuchen|wollen|will)\s*:$|^(?:(?:Das\s+)?Ziel|Absicht|Zweck)\s+(?:der|des|dieser)\s|(?<!\p{L})(?:Inhalt|Merkmale|Kennzeichen)(?!\p{L})[^:]*:$/u;

// A lead-in that only points at the list below it: "diese Punkte beachten:", "folgende Grundregeln einhalten:".
const pointer =
  /(?<!\p{L})(?:[Dd]iese|[Ff]olgende\p{L}*|[Nn]achstehende\p{L}*|[Ee]inige|[Ee]in\s+paar|[Ww]enige)\s+(?:\p{L}+\s+)?(?:Punkte|Tipps|Regeln|Grundregeln|Hinweise|Empfehlungen|Ratschläge|Maßnahmen|Schritte|Vorkehrungen)\s+(?:beachten|befolgen|berücksichtigen|umsetzen|einhalten|treffen|durchführen|ergreifen)$/u;

// A lead-in that announces the items below it: "folgende Passwörter ändern:", "Dazu zählen vor allem:".
// The lead-in's action starts with its object, capitalised: "Folgende Passwörter ändern".
const announces = /(?<!\p{L})(?:[Ff]olgend\p{L}*|[Nn]achstehend\p{L}*|diese|alle|[Ss]ämtliche|insbesondere)(?!\p{L})/u;
const backReference = /(?<!\p{L})(?:[Dd]as|[Dd]ies|[Ee]s)\s+(?:sollte|soll|sollten|muss|müssen)(?!\p{L})|(?<!\p{L})(?:sollte|soll|muss)\s+(?:das|dies|es)(?!\p{L})/u;
const listOpener = /^(?:Dazu|Hierzu|Darunter|Das|Dies)\s+(?:zählen|gehören|betrifft|sind|fallen)\b/u;

// A question of what to do, whose answer follows: "Was sollten Praxen tun?", "Muss ich selbst etwas tun?".
const whatToDo = /^(?:Und\s+)?(?:(?:Was|Wie)\s[^?]*\s(?:tun|unternehmen|machen|vorgehen|reagieren)|(?:Muss|Müssen|Sollte|Sollten)\s[^?]*\s(?:tun|unternehmen))\?$/u;
// Labels in front of an instruction: "Handlungsempfehlung:", "Maßnahme:", "Workaround:".
const adviceLabel = /^(?:Unsere\s+)?(?:Handlungsempfehlung(?:en)?|Empfehlung(?:en)?|Maßnahmen?|Sofortmaßnahmen?|Lösung|Workaround|Abhilfe|Tipp|Antwort|To-?do)$/iu;

// Headings over lists of advice: "Was Sie tun sollten:", "Empfehlungen:", "So schützen Sie sich:", "What you should do:".
const adviceHeading =
  /(?<!\w)(?:Empfehlung\w*|Maßnahmen|Tipps?|Hinweise\s+für|Checkliste|Was\s+(?:Sie|Praxen|ist)\s+(?:jetzt\s+)?(?:tun|zu\s+tun)|tun\s+sollten|schützen\s+Sie\s+sich|So\s+gehen\s+Sie\s+vor|Vorkehrungen|Sofortmaßnahmen|What\s+(?:you|admins|users|customers)\s+should\s+do|Recommendations?|Mitigations?|steps)\b/iu;

// A list item with a finite verb or a pronoun for subject is a sentence of its own, not a noun phrase.
const finiteVerb =
  /^(?:Er|Sie|Es|Wir|Ich|Man|So|Meist|Dann|Auch|Und|Aber|Manche|Viele|Hier|Dort|Dies|Das\s+\p{Ll})\b|(?<!\p{L})(?:ist|sind|war|waren|wird|werden|wurde|wurden|kann|können|hat|haben|gibt|muss|müssen|soll|sollen|sollte|sollten|darf|dürfen|lässt|bleibt|melden|meldet|sinkt|steigt|geht|kommt|erhalten|erhält|bietet|steht|stehen)(?!\p{L})/u;

const englishVerb = /(?<!\p{L})(?:is|are|was|were|may|might|can|will|would|should|must|has|have|does|depend|depends|helps?)(?!\p{L})/u;

/** A list item without a verb, kept as its noun phrase: "die Passwörter der Praxissoftware," → "die Passwörter der Praxissoftware". */
// "Photos 1.7 for DSM 7.2: upgrade to 1.7.0-0795 or later": a row of a vendor's table that states its own instruction after
// the colon; the lead-in ("upgrade to these patched versions:") is the action, not each row.
const ownInstruction = /:\s+(?:upgrade|update|install|apply|migrate|patch|aktualisieren|installieren)\s/iu;

function nominalItem(text: string): string | null {
  const item = text.replace(/\s*(?:[,;.]|\s+(?:und|oder|sowie))+$/u, '').trim();
  // A short label ("Sophos", "v19.0 GA") or a whole sentence is not an item of advice.
  if (item.split(/\s+/).length < 2 || item.split(/\s+/).length > 16 || /[.!?]\s/.test(item)) return null;
  // "Lesen Sie auch …": an imperative the action finder turned down is no noun phrase either.
  if (!/\p{Ll}{3,}/u.test(item) || finiteVerb.test(item) || englishVerb.test(item) || ownInstruction.test(item) || /^\p{Lu}\p{Ll}+\s+Sie(?!\p{L})/u.test(item)) return null;
  return item;
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
const nothing =
  /(?<!\w)(?:müssen|brauchen)\s+(?:Sie|Praxen|Kunden|Anwender\w*)?\s*(?:daher\s+|also\s+)?(?:nichts|keine\s+(?:weiteren\s+)?(?:Schritte|Maßnahmen))\b|(?<!\w)(?:kein(?:e)?\s+(?:weitere[n]?\s+)?(?:Maßnahmen?|Handlung(?:sbedarf)?|Handlungsbedarf)\s+(?:nötig|erforderlich|notwendig|besteht))|(?<!\w)kein\s+Handlungsbedarf\b|(?<!\w)no\s+(?:further\s+)?action\s+(?:is\s+)?(?:required|needed)\b/iu;

/** The sentence that says practices need not do anything, if the notice says so. */
export function nothingToDo(sentences: Sentence[]): string | null {
  return sentences.find((s) => nothing.test(s.text))?.text ?? null;
}

const contactAside = /\s*\([^()]*(?:@|\d[\d ()/-]{7,}\d)[^()]*\)/gu;
// "sollten Sie – schon im eigenen Interesse – den Schaden melden": an aside between two dashes.
const dashAside = /\s[–—]\s([^–—]{1,80}?)\s[–—](?:\s|(?=,))/u;

function toActions(sentence: Sentence, inner = false): string[] {
  // Most sentences have single spaces already; replace() would copy each of them anyway.
  const plain = withoutAttribution(unquote((/\s\s|[^\S ]/.test(sentence.text) ? sentence.text.replace(/\s+/g, ' ') : sentence.text).trim()));
  let s = plain
    .replace(/^(?:[–-]\s+)?(?:(?:(?:Aber|Doch|Und|Also)\s+)?(?:Wichtig|Hinweis|Achtung|Vorsicht|Tipp|Empfehlung|Important|Note)\s*[:!]\s+)?/u, '');
  if (nothing.test(s) || reportsClaim(s)) return [];
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
  const german = frontedPassive(s) ?? modal(s) ?? necessity(s) ?? bestDone(s) ?? selfCheck(s);
  if (german) return [german];
  const afterColon = colonPhrases(s);
  if (afterColon) return afterColon;
  // "Aber Achtung: Den Datenträger nach dem Sichern abziehen.": behind a warning label an infinitive phrase is an
  // instruction, as in a list item.
  const labelled = sentence.bullet || /^(?:(?:Aber|Doch|Und|Also)\s+)?(?:Achtung|Vorsicht)\s*[:!]\s/u.test(plain);
  const found = englishActions(s, sentence.bullet) ?? (bullet(s, labelled) ? [bullet(s, labelled)!] : []);
  if (found.length > 0 || inner) return found;
  // The instruction in one clause of the sentence: behind a label, after a semicolon, in a dass-clause.
  for (const clause of [behindLabel(s), afterSemicolon(s), thatClauseAsMain(s)]) {
    const again = clause ? toActions({ ...sentence, text: clause }, true) : [];
    if (again.length > 0) return again;
  }
  return [];
}

// "Gespeichert werden sollte die Sicherung auf einem externen Datenträger", "Geändert werden müssen vor allem die
// Kennwörter": a passive instruction with its participle in front; a bare pronoun for object points back and goes.
const fronted = /^(\p{Lu}\p{Ll}+)\s+werden\s+(?:sollte|sollten|muss|müssen)\s+(?:(?:sie|es|er|diese[sr]?)\s+)?(?:vor\s+allem\s+|unbedingt\s+|zudem\s+|auch\s+)?(.+?)[.!]?$/u;
function frontedPassive(s: string): string | null {
  if (!s.includes(' werden ')) return null;
  const m = fronted.exec(s);
  if (!m || !isParticiple(m[1]!.toLowerCase()) || finiteVerb.test(m[2]!)) return null;
  return capitalize(`${m[2]!} ${participleToInfinitive(m[1]!.toLowerCase())}`);
}

// "Prüfen Sie den Absender – Angreifer fälschen ihn oft": a clause of its own after the last dash of an imperative gives the
// reason (a finite verb, or a verb in second place before its subject); "– und zwar sofort" or "– am besten heute" stays.
const trailingDash = /\s[–—]\s([^–—]+?)[.!]?$/u;
const reasonShape =
  /^(?:\p{L}+\s+){1,3}?\p{Ll}+(?:t|en)\s+(?:sich|die|der|das|es|er|sie|ihn|man|diese\p{L}*|dies)(?!\p{L})|^\p{Ll}+\s+(?:sie|ihn|es|diese\p{L}*)\s+\p{Ll}+(?:t|en)\s|^(?:sonst|denn|weil|da)\s/u;
function withoutReason(s: string): string {
  const dash = trailingDash.exec(s);
  if (!dash || !/(?<!\p{L})Sie(?!\p{L})/u.test(s.slice(0, dash.index)) || /^(?:und|oder|aber|also|etwa|vor\s+allem|am\s+besten)\s/u.test(dash[1]!)) return s;
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

// "Wann die Zertifikate ablaufen, können Praxen selbst überprüfen", "Die Laufzeit können Praxen online prüfen": what a
// practice can check is how the notice tells it to check; so is what "lässt sich prüfen" ("Welche Version installiert
// ist, lässt sich in der Oberfläche prüfen"). A further clause after a semicolon is no part of it.
const checkVerb = String.raw`(?:prüfen|überprüfen|kontrollieren|nachprüfen)`;
const canSubject = String.raw`(?:Praxen|Sie|Ärzt\p{L}*|Zahnärzt\p{L}*|Psychotherapeut\p{L}*|Praxisinhaber\p{L}*|Praxisteams?|Kunden|Nutzer\p{L}*|Anwender\p{L}*|Betreiber\p{L}*|Administrator\p{L}*|man|\p{Lu}\p{Ll}+praxen)`;
const canDo = String.raw`(?:(?:können|kann)\s+${canSubject}|(?:lässt|lassen)\s+sich)`;
const canCheck = new RegExp(
  `^(?:([^,]{3,120}),\\s+${canDo}|(?:${canSubject})\\s+(?:können|kann)|([^,]{3,80}?)\\s+${canDo})\\s+(?:(?:zudem|außerdem|auch|jederzeit|daher|dann)\\s+)*((?:[^,;]*?\\s)?)${checkVerb}(,\\s+(?:ob|wann|wie|welche\\p{L}*|was)\\s[^;]*?)?(?:;\\s.*?)?[.!]?$`,
  'u',
);

function selfCheck(s: string): string | null {
  if (!s.includes('könn') && !s.includes('kann') && !s.includes(' sich ')) return null;
  const m = canCheck.exec(s);
  // "lässt sich nicht prüfen", "können Praxen kaum kontrollieren": what cannot be done.
  if (!m || /(?<!\p{L})(?:nicht|kaum|schwer|kein\p{L}*)\s/u.test(m[3] ?? '')) return null;
  const verb = /(prüfen|überprüfen|kontrollieren|nachprüfen)(?=,|;|[.!]?$)/u.exec(s)![1]!;
  const [, lead, object, rest, clause] = m;
  // Only a question in front is what to check ("Ob …", "Wann …"); another clause is a condition ("Wenn …").
  const front = lead && /^(?:Ob|Wann|Wie|Welche\p{L}*|Was|Wer)\s/u.test(lead) ? `, ${lead.charAt(0).toLowerCase()}${lead.slice(1)}` : lead && /^(?:Wenn|Falls|Sofern|Sobald)\s/u.test(lead) ? `, ${lead.charAt(0).toLowerCase()}${lead.slice(1)}` : lead ? null : '';
  if (front === null || (object && /^(?:Das|Dies|Es|Was|Wie|Wer|Ob)(?!\p{L})/u.test(object))) return null;
  return capitalize(`${object ? `${object} ` : ''}${rest ?? ''}${verb}${clause ?? ''}${front}`.replace(/\s+/g, ' ').trim());
}

// "Eine solche Mail löscht man am besten einfach": advice as what one does best, the object in front.
const doneBest = /^(\p{Lu}[^,]*?)\s+(\p{Ll}+t)\s+man\s+(?:am\s+besten|besser|lieber)(?:\s+(.*?))?[.!]?$/u;

function bestDone(s: string): string | null {
  const m = doneBest.exec(s);
  if (!m || /^(?:Das|Dies|Es|Was|Wie|Wer|Wo|Man)(?!\p{L})/u.test(m[1]!)) return null;
  const rest = (m[3] ?? '').split(/\s+/u).filter(Boolean);
  const particle = rest.length > 0 && particles.has(rest[rest.length - 1]!) ? rest.pop()! : '';
  return capitalize(`${m[1]} ${[...rest, particle + participleToInfinitive(m[2]!)].join(' ')}`);
}


const advise =
  /\b(?:rät|raten|riet|abgeraten|abzuraten|abraten|empfiehlt|empfehlen|empfahl|empfohlen|[Ee]mpfehlung|fordert|fordern|aufgefordert|aufgerufen|ruft|rufen|angehalten|gebeten|bittet|bitten|appelliert|appellieren|appellierte|lohnt(?=\s+sich)|gilt(?=\s+es\s*,|,)|Schritt(?=\s+(?:ist|wäre|sollte|besteht))|[Hh]ilfreich(?=\s+(?:ist|sind))|sichersten(?=\s+ist)|[Rr]at|geraten|ratsam|sinnvoll|empfehlenswert|wichtig|angeraten|geboten|unerlässlich|Abhilfe|gehört|gehören|[Aa]ufgabe|[Pp]flicht|Ratsam|Sinnvoll|Empfehlenswert|Wichtig|Empfohlen|Angeraten|Geboten|Unerlässlich|Wichtigste)\b/u;
const zuForm = /(?:^|\s)(?:zu\s+(\p{Ll}+)|(\p{Ll}+?zu\p{Ll}{3,}))(?=[\s,.!;:]|$)/gu;
// "nicht nötig, … zu ändern", "Wichtig ist nicht, …": no advice.
const negated = /(?<!\w)(?:nicht|kein\w*)\s+(?:\S+\s+){0,2}$/u;
const nextZu = /^\s*(,|,?\s*und|,?\s*sowie)\s+(.*?)\s*(?:zu\s+(\p{Ll}+)|(\p{Ll}+?zu\p{Ll}{3,}))(?=[\s,.!;:]|$)/u;

// Whom advice without a comma is for, and its adverbs: "empfiehlt allen Praxen dringend …", "rät den Kunden …".
const adviceAddressee =
  /^\s*(?:(?:daher|deshalb|dringend|ausdrücklich|zudem|außerdem|nun|jetzt|allen|Ihnen|uns|(?:(?:den|allen|seinen|ihren|unseren)\s+)?(?:Praxen|Kunden|Nutzern|Anwendern|Betreibern|Administratoren|\p{L}+(?:ern|innen))(?:\s+(?:von|der|des)\s+[\p{L}-]+)?)\s+)*/u;

/** "Es wird empfohlen, X zu ändern", "Das BSI rät dringend, X einzuspielen", "ruft die Betreiber auf, X einzusetzen, Y einzuspielen und Z zu konfigurieren". */
function recommended(s: string): string[] | null {
  const a = advise.exec(s);
  if (!a || /^(?:Wir|Ich)\s+bitten\s+(?:um|Sie\s+um)\b/i.test(s) || negated.test(s.slice(0, a.index))) return null;
  const after = s.slice(a.index + a[0].length);
  // "fordert die Politik auf, …", "hat die gematik aufgefordert, …": a demand on others, not advice to practices.
  if (addressedToOthers(after.split(',')[0]!, /(?<!\p{L})(?:hat|haben|hatte|hatten)\s+([^,]*)$/u.exec(s.slice(0, a.index))?.[1] ?? '')) return null;
  // "In der E-Mail werden die Empfänger aufgefordert, …", "Die Betrüger bitten darum, …": the attack's demand, described.
  if (attackDemand(a[0], s.slice(0, a.index), after)) return null;
  // "Hersteller sind aufgerufen, …", "Die gematik wurde gebeten, …": a passive demand on others names them in front.
  if (/^(?:aufgefordert|aufgerufen|gebeten|angehalten|gefordert)$/u.test(a[0]) && addressedToOthers(s.slice(0, a.index).split(/,\s/u).pop()!, '')) return null;
  for (const m of after.matchAll(zuForm)) {
    const verb = m[1] ?? zuInfinitive(m[2]!);
    if (verb === m[2]) continue; // "zuvor", "zusätzlich": not an infinitive with zu
    const before = after.slice(0, m.index);
    const immediate = /^\s*(?:(?:dringend|daher|ausdrücklich|deshalb|auf|an)\s*)*,/.exec(before);
    let start = immediate ? immediate[0].length : before.lastIndexOf(',') + 1;
    // "Secunet empfiehlt die Deregistrierung … zu vermeiden", "Wir empfehlen allen die Firmware … zu prüfen": the comma
    // before the infinitive is optional; whom the advice is for goes.
    if (start === 0 && /^(?:rät|raten|riet|empfiehlt|empfehlen|empfahl)$/u.test(a[0]) && !finiteVerb.test(before) && !othersNamed(before)) start = adviceAddressee.exec(before)![0].length;
    if (start === 0) continue;
    const object = before.slice(start).trim();
    // "rufen in der Praxis an, um solche Angaben zu erfragen": a purpose, not the advice.
    if (/^(?:um|ohne|statt|anstatt)\s/u.test(object)) continue;
    // "rät dringend davon ab, diese E-Mails zu öffnen": advice against; the action is not to.
    const not = /^ab/.test(a[0]) || /(?<!\p{L})ab\s*,$/u.test(before.slice(0, start).trim()) ? 'nicht ' : '';
    let tail = after.slice(m.index! + m[0].length).replace(/[.!;:]+$/, '');
    // "… einzusetzen, … einzuspielen und … zu konfigurieren": three or more infinitives are as many actions.
    const list = [`${object} ${not}${verb}`];
    let rest = tail;
    for (let n = nextZu.exec(rest); n; n = nextZu.exec(rest)) {
      if (/\s(?:die|der|das|den|dem|welche\w*|wenn|falls|ob|dass|damit|um)\s/.test(` ${n[2]} `) && n[1] === ',') break;
      list.push(`${n[2]} ${not}${n[3] ?? zuInfinitive(n[4]!)}`);
      rest = rest.slice(n[0].length);
    }
    if (list.length >= 3) return list.map((x) => capitalize(x.replace(/\s+/g, ' ').trim()));
    // "… umzustellen oder die Geräte zu ersetzen": a second infinitive joined to the first.
    const joined = /^\s+(?:[–—]\s+)?(und|oder|sowie)\s+(.*?)\s*(?:zu\s+(\p{Ll}+)|(\p{Ll}+?zu\p{Ll}{3,}))(?=[\s,.!;:]|$)/u.exec(tail);
    let second = '';
    if (joined) {
      second = ` ${joined[1]} ${joined[2] ? `${joined[2]} ` : ''}${not}${joined[3] ?? zuInfinitive(joined[4]!)}`;
      tail = tail.slice(joined[0].length);
    }
    return [capitalize(`${object} ${not}${verb}${second}${tail.startsWith(',') ? tail : ''}`.replace(/\s+/g, ' ').trim())];
  }
  // "Ganz wichtig ist auch, dass Sie die empfohlenen Updates installieren": the advice in a dass-clause addressed to the
  // practice, whose verb already has the infinitive's form.
  const that = /^(?:wichtig|Wichtig|ratsam|Ratsam|sinnvoll|Sinnvoll|empfehlenswert|Empfehlenswert|unerlässlich|Unerlässlich|empfiehlt|empfehlen|Wichtigste)$/u.test(a[0])
    ? adviceThat.exec(after)
    : null;
  if (that && isInfinitive(that[2]!) && !/,\s/u.test(that[1]!)) return [capitalize(`${that[1]} ${that[2]}`)];
  return null;
}

const adviceThat = /^[^,]{0,40},\s+dass\s+(?:Sie|Praxen|Ärzt\p{L}*|Zahnärzt\p{L}*|Praxisteams?|alle\s+Mitarbeit\p{L}*)\s+(.+?)\s+(\p{Ll}+)[.!]?$/u;

// "empfiehlt sich der Umstieg auf …", "Das BSI empfiehlt ein sofortiges Update", "rät zu einem Passwortwechsel",
// "Dringend empfohlen wird ein Update auf …", "Sinnvoll ist zudem eine Zwei-Faktor-Authentifizierung", and the means of
// protection as subject ("Den besten Schutz bieten regelmäßige Backups", "Der beste Schutz ist …"): the advice is a
// noun phrase, kept as one (as verbless list items are); a condition with its verb first goes behind it.
const nominalAdvice =
  /(?<!\p{L})(?:empfiehlt|empfehlen|empfahl)\s+(?:sich\s+)?(?:(?:daher|deshalb|dringend|ausdrücklich|außerdem|Praxen|Ihnen)\s+)*((?:der|die|das|den|ein|eine|einen)\s(?:[^,.;:]|\.(?=\d))+)|(?<!\p{L})(?:rät|raten|riet)\s+(?:(?:daher|deshalb|dringend|ausdrücklich|Praxen|allen\s+Praxen)\s+)*(?:zum|zur|zu\s+(?:einem|einer|dem|der))\s+((?:[^,.;:]|\.(?=\d))+)|^(?:(?:Dringend|Daher|Deshalb|Zudem|Außerdem)\s+)?(?:empfohlen|geraten|angeraten)\s+(?:wird|werden)\s+(?:(?:daher|deshalb|dringend|zudem|außerdem|ausdrücklich)\s+)*((?:der|die|das|ein|eine|einen)\s+(?:\p{Ll}+\s+)?\p{Lu}(?:[^,.;:]|\.(?=\d))+)|^(?:Sinnvoll|Ratsam|Empfehlenswert|Hilfreich)\s+(?:ist|sind)\s+(?:(?:zudem|außerdem|auch|daher|deshalb|dabei|hier|jedoch|vor\s+allem)\s+)*((?:(?:der|die|das|ein|eine|einen)\s+(?:\p{Ll}+\s+)?|regelmäßige\p{L}*\s+)\p{Lu}(?:[^,.;:–—]|\.(?=\d))+)|^(?:(?:Den\s+)?(?:[Bb]esten|[Ww]irksamen|[Ww]irksamsten|[Ee]ffektiven|[Zz]uverlässigen|[Gg]uten)\s+Schutz(?:\s+(?:für|vor|gegen)\s+[^,.]{1,40}?)?\s+(?:bieten|bietet)|Der\s+beste\s+Schutz\s+(?:ist|sind|bietet|bieten))\s+(?:(?:vor\s+allem|insbesondere|zum\s+Beispiel|etwa|auch|noch\s+immer|immer\s+noch|nach\s+wie\s+vor|(?:nach\s+(?:Ansicht|Angaben|Einschätzung)|laut)\s+(?:der|des|von)?\s*\p{L}+)\s+)*((?:[^,.;:–—]|\.(?=\d))+)/u;

function nominallyAdvised(sentence: string): string[] | null {
  // "Datensicherung: Wirksamen Schutz bieten …": a heading kept in front of its paragraph is no part of the advice.
  const colon = sentence.indexOf(': ');
  const s = colon > 0 && colon <= 40 ? sentence.replace(/^[^:,.]{1,40}:\s+(?=\p{Lu})/u, '') : sentence;
  const m = nominalAdvice.exec(s);
  // Adverbs and quotes that trail the phrase are not part of it ("empfiehlt das Update zudem „dringend“").
  const phrase = (m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4] ?? m?.[5])?.trim().replace(/(?:\s+(?:daher|deshalb|zudem|außerdem|auch|dringend|ausdrücklich|[„"“]\p{L}+[“"”]))+$/u, '');
  // "empfehlen den Anwendern daher, … zu aktualisieren": whom it is told to; the advice is the infinitive after it.
  if (m && (/^(?:den|der)\s+\p{L}+(?:ern|ten|en|innen)$/u.test(phrase ?? '') || /,\s[^.]*(?<!\p{L})zu\s+\p{Ll}|,\s[^.]*\p{Ll}zu\p{Ll}{3,}/u.test(s.slice(m.index + m[0].length)))) return null;
  if (!phrase || phrase.split(/\s+/).length > 12 || phrase.split(/\s+/).length < 3 || finiteVerb.test(phrase) || /(?<!\p{L})zu\s+\p{Ll}|\p{Ll}zu\p{Ll}{2,}(?:en|ern|eln)$/u.test(phrase) || othersNamed(phrase) || /^(?:Wir|Ich)\b/.test(s) || notAnAction.test(phrase)) return null;
  const asked = /^(Ist|Sind|Hat|Haben|Wird|Werden)\s+([^,]+),/u.exec(s);
  return [capitalize(`${phrase}${asked ? `, falls ${asked[2]} ${asked[1]!.toLowerCase()}` : ''}`)];
}

const question = /^(?:Und\s+)?(?:Worauf|Was|Wie|Welche\p{L}*|Wann|Wo|Warum|Weshalb|Womit|Wofür|Wozu|Woran|Wer)$|^(?:Und\s+)?(?:Worauf|Was|Wie|Welche\p{L}*|Wann|Warum|Weshalb|Womit|Wofür|Wozu|Woran)\s/u;
// Reported advice keeps its subjunctive: "Stattdessen solle man das LKA einschalten".
const modalVerb = /\b(sollten|sollen|sollte|solle|müssen|muss|müsse)\s+/u;
const circumstancePhrase =
  /^(?:(?:Gleich|Direkt|Unmittelbar|Kurz|Noch|Schon|Bereits|Erst)\s+(?:nach|vor|bei|beim|mit|ab|bis|zur|zum|im|in|während)\s|(?:Bei|Beim|Im|In|Vor|Für|Mit|Ab|Bis|Zur|Zum|Auf|Unter|Während|Spätestens|Sicherheitshalber|Vorsorglich|Grundsätzlich|Möglichst)\b)/u;
const subjects = /^(?:alle\s+)?(?:(?:die|Ihre)\s+(?:IT-Dienstleister|Dienstleister|IT-Betreuer|Systembetreuer)(?:\s+der\s+(?:betroffenen\s+)?Praxen)?|\p{Lu}\p{Ll}+praxen|Admins|IT-Verantwortliche|Verantwortliche|Praxen|Arztpraxen|Zahnarztpraxen|Kunden|Kundinnen(?:\s+und\s+Kunden)?|Nutzer(?:innen)?(?:\s+und\s+Nutzer)?|Anwender(?:innen)?(?:\s+und\s+Anwender)?|Betreiber(?:innen)?|Administrator(?:en|innen)|Ärzt(?:e|innen)(?:\s+und\s+Ärzte)?|Sie|Praxisinhaber(?:innen)?|Praxisteams?|Einrichtungen|Leistungserbringer(?:innen)?|man)\s+/u;
const adverbs = /^(?:Danach|Anschließend|Zudem|Auch|Außerdem|Daher|Deshalb|Demnach|Demzufolge|Folglich|Somit|Dann|Jetzt|Nun|Zusätzlich|Ebenso|Vorsorglich|Insbesondere|Darüber hinaus|Bis dahin|Grundsätzlich|Generell|Unbedingt|Stattdessen|Vielmehr|Stets|Immer)$/u;
const practiceSubject = /(?<!\p{L})(?:Admins|\p{L}*Verantwortliche\p{L}*|Betroffene|Zahnärzt\p{L}*|Psychotherapeut\p{L}*|Teams?|man|Praxen|Praxis(?:teams?|inhaber\p{L}*|personal|leitung\p{L}*|mitarbeit\p{L}*|ärzt\p{L}*)?(?!\p{L})|\p{Lu}\p{Ll}+prax(?:is|en)(?!\p{L})|(?:IT-)?Dienstleister\p{L}*|IT-Betreuer\p{L}*|Systembetreuer\p{L}*|DVO|\w*[Kk]und(?:en|innen)|\w*[Nn]utzer\w*|\w*[Aa]nwender\w*|Betreiber\w*|Administrator\w*|Ärzt\w*|Sie|Wer|Leistungserbringer\w*|Einrichtungen|Mitarbeit\w*|Inhaber\w*)\b/u;
// The practices as those whom a vendor informs or contacts.
const informedParty = /(?<!\p{L})(?:\p{L}*[Kk]und(?:en|innen)|Praxen|Arztpraxen|\p{L}*[Nn]utzer\p{L}*|\p{L}*[Aa]nwender\p{L}*|Ärzt\p{L}*|Leistungserbringer\p{L}*|Mitglieder|Betroffenen?)(?!\p{L})/u;
// A passive's agent that is not the practice or its service provider.
const otherAgent =
  /(?<!\p{L})(?:von|durch)\s+(?:der|dem|den|die)\s+(?:gematik|Herstellern?|Anbietern?|Softwarehaus|Softwarehäusern|KBV|KZBV|KVen|Kassenärztlichen|Krankenkassen?|Kassen|BSI|Unternehmen|Betreibern?\s+der\s+TI)(?!\p{L})/u;
// A passive that counts ("rund 30.000 Konnektoren", "mehr als 300 Geräte") or names its source ("nach Angaben der
// gematik") reports a plan or an event.
const reportedPassive =
  /(?<!\p{L})(?:(?:rund|etwa|ca\.|circa|mehr\s+als|über|fast|knapp|bis\s+zu|insgesamt)\s+\d|\d{1,3}(?:\.\d{3})+\s+\p{Lu}|nach\s+Angaben|laut\s+\p{Lu}|\p{L}+\s+zufolge)/u;
const delegate = /^((?:Ihr|Ihre|der|Der|die|Die)\s+(?:DVO|Dienstleister(?:\s+vor\s+Ort)?|IT-Dienstleister|IT-Betreuer|Techniker|Servicepartner|IT-Servicepartner|Systembetreuer))$/u;
const notPractices = /(?<!\w)(?:wir|Hersteller\w*|Anbieter\w*|Softwarehäuser|Krankenkassen|Kassen|gematik|KBV|KZBV|BSI|Unternehmen|Ministerium|Bundestag|Gesetz\w*|Apothek\w*|es|er)\s*$/iu;

/** "Praxen sollten … einspielen", "Zudem sollten Praxen … prüfen", "Die Kennwörter sollten erneuert werden". */
function modal(s: string): string | null {
  const m = modalVerb.exec(s);
  if (!m) return null;
  const raw = s.slice(0, m.index).trim();
  // "Worauf sollten Praxen achten", "Wer sollte handeln": a question, with or without its question mark.
  if (question.test(raw)) return null;
  // "Angeblich muss man …", "In der Mail heißt es, man solle …": what a scam claims.
  if (claimedByAttack(raw)) return null;
  // "Da es ständig neue Viren gibt, sollten Sie …": a reason in front says why, not who or when.
  let before = raw.replace(/,$/, '').replace(/^(?:Da|Weil|Zumal)\s[^,]*$/u, '');
  let after = s.slice(m.index + m[0].length);
  if (/^(?:müssen|muss)$/.test(m[1]!) && /(?<!\p{L})(?:nichts?|keine\p{L}*)(?!\p{L})/u.test(after)) return null; // "müssen nicht": need not
  // "Künftig sollen Hersteller verpflichtet werden, …": "sollen" with the future announces a plan.
  if (/^(?:soll|sollen)$/u.test(m[1]!) && /(?<!\p{L})(?:[Kk]ünftig|[Zz]ukünftig|in\s+Zukunft|perspektivisch|langfristig)(?!\p{L})/u.test(s)) return null;
  // "Ist ein Update nicht möglich, sollten Administratoren …": a leading condition, then the subject.
  // "Kommt es zu einer Datenpanne, müssen Sie …": any finite verb first with its subject is a condition too.
  const leading =
    raw.endsWith(',') && !/^Wer\b/.test(raw)
      ? (/^(Wenn|Falls|Sofern|Sollten?|Ist|Sind|Hat|Haben|Solange|Bis|Bevor|Nachdem|Sobald)\s+(.*)$/u.exec(before) ??
        /^(\p{Lu}\p{Ll}+(?:t|en))\s+((?:sich\s+)?(?:es|der|die|das|ein\p{L}*|Ihr\p{L}*)\s.*)$/u.exec(before.replace(/\s*[–—]$/u, '')))
      : null;
  // "Bei der Internetnutzung sollten Praxen …", "Im Zweifel sollten Anhänge …": a short phrase of time, place or
  // circumstance in front, the subject (or a passive's object) behind the verb. It stays in front of the action.
  // "Laut KV sollten Praxen …": the source goes; the practice must still be the subject behind the verb.
  const source = !leading && attributionFront.test(before);
  if (source) before = '';
  const circumstance = !leading && !source && circumstancePhrase.test(before) && before.split(/\s+/).length <= 6 && !before.includes(',') ? before : '';
  // "Portweiterleitungen sollten Sie sorgfältig überprüfen": the object in front, the practice behind the verb.
  const objectFirst =
    !leading && !circumstance && !adverbs.test(before) && before !== '' && !before.includes(',') && /^\p{Lu}/u.test(before) && before.split(/\s+/).length <= 8 &&
    !practiceSubject.test(before) && !notPractices.test(before) && !/^(?:Das|Dies|Dieses|Es|Alles|Das\s+alles|Folgendes|Was)$/u.test(before) && subjects.test(after)
      ? before
      : '';
  if (objectFirst) before = '';
  const inverted = before === '' || adverbs.test(before) || leading !== null || circumstance !== '';
  let suffix = '';
  if (leading) {
    suffix = condition(leading[1], leading[2]);
    before = '';
  }
  // "Wer das Passwort auch anderswo verwendet, sollte es dort ändern", "Praxen, die X nicht selbst betreuen, sollten …":
  // who is meant is the condition of the action.
  // "Wer X, sollte" becomes "…, falls man X"; "Praxen, die X, sollten" keeps the practices meant in front.
  const who = /^Wer\s+(.+)$/u.exec(before);
  const relative = who ? null : /^((?:\p{L}+\s+)?\p{L}+,\s+(?:die|der|deren|dessen|(?:bei|in|auf)\s+denen)\s+.+)$/u.exec(before);
  if (who && !leading) suffix = `, falls man ${who[1]!.trim()}`;
  const meant = relative && !leading ? `${relative[1]!.trim()}: ` : '';
  let subjectless = false;
  if (inverted) {
    const subject = subjects.exec(after);
    // Without a practice for subject only a passive is an instruction: "Im Zweifel sollten Anhänge nicht geöffnet werden".
    if (!subject && !/\s\p{Ll}+\s+werden(?:[\s,.!]|$)/u.test(after)) return null;
    if (subject) after = after.slice(subject[0].length);
    else subjectless = true;
  } else if (notPractices.test(before) || /^(?:Wir|Die Hersteller)\b/.test(before)) return null;
  const clause = mainClause(after);
  if (!clause) return null;
  let { main } = clause;
  // "Praxiscomputer sollten nicht mit dem Internet verbunden sein": a state of a thing, asked for like a passive.
  const state = !inverted && !practiceSubject.test(before) ? /^(.*?)\s*(\p{Ll}+)\s+sein$/u.exec(main) : null;
  const passive = /^(.*?)\s*(\p{Ll}+)\s+werden$/u.exec(main) ?? (state && isParticiple(state[2]!) ? state : null);
  // "Ihr DVO muss die Firmware manuell einspielen": the practice has it done.
  const agent = !passive && !inverted ? delegate.exec(before) : null;
  if (agent) return capitalize(`${main.replace(/\s+(\p{Ll}+)$/u, ` durch ${agent[1]!.replace(/^Ihr\b/, 'Ihren').replace(/^(?:der|Der)\b/, 'den')} $1 lassen`)}${clause.tail}${suffix}`);
  // An active instruction needs a practice as its subject; "alle anderen (Geräte) müssen …" only describes.
  // The subject is in the clause before the modal ("…, aber merken kann man es sich nicht – also muss wieder der Name
  // herhalten": "man" is another clause's); "Wer …" and "Praxen, die …" are whole.
  const subjectClause = who || relative ? before : before.split(/,\s|\s[–—]\s|;\s/u).pop()!;
  if (!passive && !inverted && !practiceSubject.test(subjectClause)) return null;
  // "Mehr als 300 Praxen sollen betroffen sein", "Die Täter sollen Daten erbeutet haben": a statistic or a report.
  if ((!inverted && isStatistic(subjectClause)) || reportsEvent(m[1]!, main, isParticiple)) return null;
  if (passive) {
    if (inverted && !subjectless) return null;
    if (source) return null;
    if (!inverted && /^(?:Nach|In|Bei|Für|Laut|Gemäß|Mit|Ab|Seit|Bis|Aus|Von|Zu|Im|Am|Vom|Zum)\b/.test(before)) return null;
    // "…, ohne in die Praxis zu kommen – das sollte mit ihm abgestimmt werden": the object is what follows the dash, and
    // a bare pronoun there points back at a sentence the action cannot carry along.
    const object = inverted ? '' : before.split(/\s[–—]\s|;\s/u).pop()!.replace(/^(?:Auch|Zudem|Außerdem|Daher)\s+/, '').replace(/\s+(?:allerdings|jedoch|aber|auch)$/u, '');
    if (/^(?:das|dies|es|sie|die|der|den|diese[srn]?|jene[srn]?)$/iu.test(object)) return null;
    // "…sind maximal fünf Jahre gültig und müssen … ausgetauscht werden": the second predicate of a statement.
    if (/\s(?:und|oder)$/u.test(object) && finiteVerb.test(object.replace(/\s(?:und|oder)$/u, ''))) return null;
    // "In diesem Jahr müssen nach Angaben der Gematik rund 30.000 Konnektoren getauscht werden": a count or a source
    // reports what will happen.
    if (reportedPassive.test(`${object} ${passive[1] ?? ''}`)) return null;
    // "Die betroffenen Kunden sollen informiert werden": what is done to the practices, not by them; "…von der gematik
    // ausgetauscht werden": done by someone else.
    if (informedParty.test(`${object} ${passive[1] ?? ''}`) && /^(?:informiert|benachrichtigt|kontaktiert|angeschrieben|entschädigt|beliefert)$/u.test(passive[2]!)) return null;
    if (otherAgent.test(passive[1] ?? '')) return null;
    // "Hersteller sollen verpflichtet werden": done to others; "Die Anwender sollen … migriert werden": planned for the
    // practices, not asked of them.
    if (othersNamed(object) || (/^(?:soll|sollen)$/u.test(m[1]!) && informedParty.test(object))) return null;
    // "weder geöffnet noch ausgeführt werden": each participle of the pair; "Der Zugang sollte gesperrt werden" → "Den Zugang sperren".
    const head = (passive[1] ?? '').replace(/(\p{Ll}+)(\s+(?:und|oder|noch|sowie))$/u, (m, w: string, j: string) => (isParticiple(w) ? participleToInfinitive(w) + j : m));
    main = `${object} ${head ? `${head} ` : ''}${participleToInfinitive(passive[2]!)}`.trim().replace(/^([Dd])er\s/u, '$1en ');
  } else if (subjectless) return null;
  if (objectFirst) main = `${objectFirst} ${main}`;
  // "von einem Fachmann eingerichtet werden" → "von einem Fachmann einrichten lassen".
  if (passive && /(?<!\p{L})(?:von|durch)\s+(?:einem|einer|einen|Ihrem|Ihrer|Ihren|dem|der|den)\s+(?:Fachmann|Fachleuten|Fachfirma|Dienstleister|IT-Dienstleister|DVO|Techniker|IT-Betreuer|Servicepartner)\b/u.test(main)) main = `${main} lassen`;
  const front = circumstance ? `${circumstance} ` : '';
  const action = `${front}${main.replace(/^\s*(?:daher|deshalb|also|zudem|außerdem|dann)\s+/u, '')}${clause.tail}${suffix}`.replace(/\s+/g, ' ').trim();
  // The practices meant lead, and the action after their colon keeps its lower case.
  return meant ? `${capitalize(meant)}${action}` : capitalize(action);
}

/**
 * "Ein erster Schritt: beim Surfen einige Grundregeln einhalten – und das Praxisteam sensibilisieren": infinitive
 * phrases after a colon, each one an action.
 */
function colonPhrases(s: string): string[] | null {
  const colon = s.indexOf(': ');
  if (colon < 3 || colon > 80) return null;
  const after = s.slice(colon + 2).replace(/[.!]$/, '');
  // "Handlungsempfehlung: Update auf Version 5.2.1 installieren": after an advice label the phrase may start with a noun.
  if ((!/^\p{Ll}/u.test(after) && !adviceLabel.test(s.slice(0, colon))) || finiteVerb.test(after.split(/,\s/u)[0]!)) return null;
  const parts = after.split(/\s+[–-]\s+(?:und\s+)?|;\s+|,\s+und\s+/u);
  const phrases: string[] = [];
  for (const part of parts) {
    // "niemals einen Anhang öffnen, den man nicht angefordert hat": a clause after the infinitive stays with it.
    const clause = mainClause(part.trim());
    const words = (clause?.main ?? part.trim()).split(/\s+/);
    if (words.length < 2 || !isInfinitive(words[words.length - 1]!)) return null;
    phrases.push(capitalize(clause ? `${clause.main}${clause.tail}` : part.trim()));
  }
  return phrases;
}

/** "Unerwartete Anhänge sind wie Phishing-Mails zu behandeln", "Veraltete Software ist zu ersetzen". */
function necessity(sentence: string): string | null {
  if (!/\b(?:ist|sind)\s/.test(sentence) || !sentence.includes('zu')) return null;
  // "…ist vom Netz zu trennen, um weitere Schäden zu vermeiden": a purpose after the comma goes, a condition or the
  // question to check ("Zunächst ist zu prüfen, ob …") stays behind.
  const after = /,\s+(um|damit|wenn|falls|sobald|bevor|bis|sofern|solange|ob)\s[^,]*[.!]?$/u.exec(sentence);
  const s = after ? sentence.slice(0, after.index) : sentence;
  const tail = after && !/^(?:um|damit)$/u.test(after[1]!) ? sentence.slice(after.index).replace(/[.!]$/u, '') : '';
  const m = /^(.+?)\s+(?:ist|sind)\s+(.*?)\s*(?:zu\s+(\p{Ll}+)|(\p{Ll}+?zu\p{Ll}{3,}))[.!]?$/u.exec(s);
  // "…, nach denen versucht wird, Viren … zu schleusen": the infinitive belongs to a clause of its own.
  if (!m || /^(?:Es|Das|Dies|Hier|Dieses|Folgendes|Weitere\b)/.test(m[1]!.replace(/^(?:Das|Dies|Dieses)\s+(?=\p{L}{3,})/u, '')) || m[2]!.includes(',')) return null;
  // "kaum zu unterscheiden", "leicht zu fälschen": what can be done, not what must.
  if (/(?<!\p{L})(?:kaum|schwer|leicht|einfach|gut|problemlos|ohne\s+Weiteres)$/u.test(m[2]!.trim())) return null;
  const verb = m[3] ?? zuInfinitive(m[4]!);
  if (verb === m[4] || /^(?:finden|erreichen|erwarten|rechnen|sehen|lesen|entnehmen|beachten)$/.test(verb)) return null;
  return capitalize(`${m[1]} ${m[2] ? `${m[2]} ` : ''}${verb}${tail}`.replace(/\s+/g, ' ').trim());
}

const englishish = /\b(?:the|should|must|recommend|users?|customers?|update|install|apply)\b/i;
const englishImperative = /^(?:Install|Update|Upgrade|Change|Apply|Enable|Disable|Check|Verify|Restrict|Block|Reset|Remove|Review|Rotate|Revoke|Patch|Do not|Don't)\b/;

/** English notices: "We recommend that users update …", "Customers should install …", imperative bullets. */
function english(s: string, bullet: boolean): string | null {
  if (!englishish.test(s) || /[äöüß]/.test(s)) return null;
  const rec = /\brecommends?\s+(?:that\s+)?(?:all\s+)?(?:users|customers|administrators|you|organi[sz]ations)?\s*(?:should\s+)?(?:to\s+)?(.+?)[.!]?$/i.exec(s);
  if (rec) return capitalize(rec[1]!.replace(/^(?:also\s+)?/, '').replace(/\b(?:their|your)\s+/g, ''));
  const should = /^(.*?)\b(?:should|must)\s+(?!not\s+be\b)(.+?)[.!]?$/i.exec(s);
  if (should && !/\b(?:we|it|this|that|there)\s*$/i.test(should[1]!) && should[1]!.trim() !== '') return capitalize(should[2]!);
  if (bullet && englishImperative.test(s)) return s.replace(/[.!]$/, '');
  return null;
}

/** A list item that already is an instruction: "Firmware prüfen", "Update durchführen". */
function bullet(s: string, isBullet: boolean): string | null {
  if (!isBullet || /^[A-ZÄÖÜ][\wäöüß-]*$/.test(s)) return null;
  // "• die Passwörter der Praxissoftware zu ändern,": an item of a list that a sentence before began.
  s = s.replace(/\s*(?:[,;]|\s+(?:und|oder|sowie))+$/u, '');
  // Only an item without a comma continues its lead-in's "zu"; after a comma the "zu" belongs to the item's own clause
  // ("Windows drängt dazu, sich anzumelden", "…, um Daten wiederherstellen zu können").
  const dependent = /,\s/.test(s);
  if (!dependent)
    s = s.replace(/(?:\s+zu\s+(\p{Ll}+)|\s+(\p{Ll}+?zu\p{Ll}{3,}))([.!]?)$/u, (m, plain: string | undefined, joined: string | undefined, end: string) =>
      plain ? ` ${plain}${end}` : zuInfinitive(joined!) === joined ? m : ` ${zuInfinitive(joined!)}${end}`,
    );
  // "Prüfen, ob …": the infinitive may lead, capitalised.
  const clause = mainClause(s.charAt(0).toLowerCase() + s.slice(1));
  // "Er kann … prüfen", "Sie selbst müssen dann nichts weiter tun": a sentence in a list, not an instruction.
  const head = capitalize(clause?.main ?? '').replace(/\s+\S+$/, '').split(/,\s|\s[–-]\s/)[0]!;
  if (!clause || finiteVerb.test(head)) return null;
  const words = clause.main.split(/\s+/);
  if (zuInfinitive(words[words.length - 1]!) !== words[words.length - 1] || words[words.length - 2] === 'zu') return null;
  return capitalize(`${clause.main}${clause.tail}`);
}

const lastWord = (s: string) => s.trim().replace(/[.!]+$/u, '').split(/\s+/u).pop() ?? '';

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function contentWords(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}.]+/u).filter((w) => w.length > 3));
}

function similar(x: Set<string>, y: Set<string>): boolean {
  // Every candidate is compared with every action kept so far; sets of very different sizes cannot share 75 %.
  if (Math.min(x.size, y.size) < 0.75 * Math.max(1, x.size, y.size)) return false;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, x.size, y.size) >= 0.75;
}
