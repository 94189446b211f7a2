import { politeToInfinitive, withoutZu } from './verbs.js';

// Instructions in the imperative: "Ändern Sie …" (Sie form, with a condition or purpose in front) and "Ändere …" (the du
// form of IT firms' blogs). Each becomes the infinitive phrase a practice can tick off.

const notActionVerbs = /^(?:haben|freuen|lesen|klicken|besuchen|finden|erreichen|sprechen|schreiben|folgen|teilen|entdecken|erfahren|sehen|bleiben|können|dürfen|müssen|sollten|werden|sind|danken|entschuldigen|unterschätzen|vereinbaren Sie gern)$/i;

// An optional leading clause: a purpose ("Damit …,") is dropped, a condition ("Falls …,", "Ist …,") kept behind the action,
// with the demand it may hold ("Wenn Sie aufgefordert werden, Ihr Passwort einzugeben, löschen Sie …").
// The condition may hold a relative clause of its own ("Sollten Sie Rechner haben, an die Messgeräte angeschlossen sind, …").
const lead = /^(?:(Damit|Um|Wenn|Falls|Sofern|Wo|Soweit|Sobald|Sollten?|Ist|Sind|Hat|Haben|Nachdem|Bevor|Solange)\b([^,]*(?:,\s[^,]*?(?:\szu\s\p{Ll}+|\p{Ll}zu\p{Ll}{3,})|,\s(?:(?:an|in|auf|mit|bei|von)\s+)?(?:der|die|das|denen|dem|deren)\s[^,]*)?),\s*)?([Bb]itte\s+|(?:Dann|Danach|Anschließend|Zudem|Außerdem|Zusätzlich|Deshalb|Daher|Auch|Jetzt|Nun|Vorsorglich|Grundsätzlich|Idealerweise|Am\s+besten|Andernfalls|Ansonsten|Alternativ|Stattdessen|Zuerst|Zunächst|Schließlich|Abschließend|Sicherheitshalber|Gegebenenfalls|Unbedingt|Sofort|Umgehend|Im\s+Zweifel|Bei\s+Bedarf|Im\s+Anschluss)\s+(?=\p{Ll}))?([A-ZÄÖÜa-zäöüß][a-zäöüß]+)\s+Sie,?\s+(?:bitte\s+)?(.+?)[.!:]?$/u;
// "Zeigen Ihr Konnektor … Fehlermeldungen an, wenden Sie sich …": a condition with its verb first.
const verbFirst = /^([A-ZÄÖÜ][a-zäöüß]+(?:t|en))\s+((?:Ihr|Ihre|der|die|das|es|ein|eine|kein|keine)\b[^,]*),\s*(?=[a-zäöüß]+\s+Sie\b)/u;
const help = /unsicher|Fragen|Rückfragen|Hilfe|Unterstützung|Interesse|Probleme?\b/i;
// After "Falls Sie Fragen haben", a contact is a pointer to someone's help, unless it checks the message with its
// supposed sender by another way (their official website, a known number).
const contactVerbs = /^(?:wenden|kontaktieren|rufen|melden|schreiben|informieren|besuchen|lesen|nutzen)$/iu;
const publisherContact = /(?<!\p{L})(?:uns|unser\p{L}*|mich|Hotline|Support|Kundenservice|Kundendienst|Servicecenter|Service-Team|Ansprechpartner\p{L}*)(?!\p{L})/u;
const checkAgainst = /offizielle|bekannte[nr]?\s+(?:Telefon)?[Nn]ummer|bekannten\s+Weg|anderen\s+Weg|direkt/u;

// "Klicken Sie hier" is the site's own; "Klicken Sie keinesfalls auf den Link" is advice.
const forbids = /(?<!\p{L})(?:nicht|nie|niemals|kein\p{L}*|auf\s+keinen\s+Fall)(?!\p{L})/u;

// polite's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const politePattern1 = /^\p{Ll}/u;

// "Denken Sie bitte daran, rechtzeitig eine neue SMC-B zu beantragen", "Vergessen Sie nicht, …", "Achten Sie darauf, das
// Programm aktuell zu halten": a reminder whose step is the infinitive after it. A reason in front goes.
const reminder =
  /^(?:(?:Weil|Da)\s[^,]+,\s+)?(?:[Bb]itte\s+)?(?:[Dd]enken\s+Sie|[Vv]ergessen\s+Sie\s+nicht|[Aa]chten\s+Sie)(?:\s+(?:bitte|auch|unbedingt|stets|immer|jedoch|aber))*(?:\s+(?:daran|darauf))?,\s+((?:(?!\s(?:damit|weil|denn|da|um)\s)[^.!?])+?(?:\szu\s+\p{Ll}+|\s\p{Ll}+zu\p{Ll}{3,}))(?=[\s,.!;:]|$)/u;

export function polite(s: string, bullet = false): string[] | null {
  if (!s.includes('Sie') || !/\bSie\b/.test(s)) return null;
  const reminded = reminder.exec(s);
  // "rechtzeitig – derzeit etwa vier Wochen vor dem Ablauf – eine neue SMC-B": an insertion in dashes keeps its place.
  if (reminded) return [capitalize(withoutZu(reminded[1]!.replace(/\s[–—]\s([^–—]+?)\s[–—]\s/u, ', $1, ')))];
  const v1 = verbFirst.exec(s);
  if (v1 && !help.test(v1[2]!)) {
    const inner = polite(s.slice(v1[0].length).replace(politePattern1, (c) => c.toUpperCase()));
    return inner && inner.map((a) => `${a}, falls ${politeToInfinitive(v1[1]!, v1[2]!)}`);
  }
  const asked = askedCondition.exec(s);
  if (asked && !help.test(asked[2]!)) {
    const inner = polite(capitalize(s.slice(asked[0].length)), bullet);
    return inner && inner.map((a) => `${a}, falls Sie ${asked[2]!.trim()} ${asked[1]!.toLowerCase()}`);
  }
  const p = lead.exec(s);
  if (!p) return frontedPhrase(s);
  const [, word, clause, please, verb, rest] = p;
  // "Besuchen Sie diese Website, kontrollieren Sie die Versionen …", "Bleiben Sie vorsichtig und informieren Sie Ihr
  // Praxisteam": a first step that is no action (a visit, a read, a state) leaves the ones after it.
  const then = !word && notActionVerbs.test(verb!) && !(/^klicken$/i.test(verb!) && forbids.test(rest!)) ? /^[^,]+?(?:,\s+|,?\s+(?:und|oder)\s+)(?=[a-zäöüß]+(?:en|ern|eln)\s+Sie\s)/u.exec(rest!) : null;
  if (then) return polite(capitalize(rest!.slice(then[0].length)), bullet);
  if (!/(?:en|ern|eln)$/.test(verb!) || (notActionVerbs.test(verb!) && !/^sehen$/i.test(verb!) && !(/^klicken$/i.test(verb!) && forbids.test(rest!))) || (/^sehen$/i.test(verb!) && !/\snach(?:[.!]?$|,\s+(?:ob|wann|welche\p{L}*)\s)/u.test(rest!) && !lookAt(rest!))) return null;
  // Lower case only where a list item continues the sentence of its lead-in ("…, oder • führen Sie ein Downgrade durch").
  if (!word && !please && !bullet && verb![0] !== verb![0]!.toUpperCase()) return null;
  // "Bei Fragen wenden Sie sich an uns": a contact line. "Falls Sie unsicher sind, prüfen Sie die Absenderadresse" or
  // "…, kontaktieren Sie den Absender über dessen offizielle Website" is a step of checking, and stays.
  if (word && help.test(clause!) && contactVerbs.test(verb!) && (publisherContact.test(rest!) || !checkAgainst.test(rest!))) return null;
  // "Nutzen Sie unseren Update-Service, wird das Update automatisch eingespielt": the verb first was a condition ("if
  // you use …"), and what follows the comma is a statement, not an instruction.
  if (!word && consequence.test(rest!)) return null;
  // "Zweifeln Sie, rufen Sie an": a verb alone before the next imperative is its condition.
  if (!word && /^[a-zäöüß]+(?:en|ern|eln)\s+Sie\s/u.test(rest!)) {
    const inner = polite(capitalize(rest!), bullet);
    return inner && inner.map((a) => `${a}, falls Sie ${verb!.toLowerCase()}`);
  }
  // "drücken Sie gleichzeitig die Windows-Taste und R, tippen im Feld „Öffnen“ winver ein und bestätigen mit OK": the
  // verbs after the first leave out their "Sie"; read with it, they are the chain of one how-to.
  // A purpose in front ("Um das herauszufinden, …") is no condition of the steps (condition() drops it).
  if ((!word || /^(?:Um|Damit)$/u.test(word)) && elidedVerb.test(rest!)) return polite(`${capitalize(verb!)} Sie ${withElidedSie(rest!)}`, bullet);
  // "Öffnen Sie die Einstellungen, klicken Sie auf „Update“": two steps without "und"; each its own verb and particle.
  // "Schulen Sie Ihr Team, und sensibilisieren Sie es …": with "und" after the comma as well.
  // With a pronoun for the second's object, the first's object is named in its place ("Schulen Sie Ihr Team, und
  // sensibilisieren Sie es …"); one that points into an object clause ("Prüfen Sie, ob der Patch installiert ist, und
  // spielen Sie ihn andernfalls ein") keeps the two one step.
  const joined = /^([^,]+),\s+(?:und\s+)?(?=[a-zäöüß]+(?:en|ern|eln)\s+Sie\s)/u.exec(rest!);
  const intoClause = joined && objectClause.test(joined[1]!) && /^[a-zäöüß]+\s+Sie\s+(?:sie|es|ihn|ihm|ihnen|diese[nsr]?)\s/u.test(rest!.slice(joined[0].length));
  const step = intoClause ? null : joined;
  // "Laden Sie die Datei herunter, entpacken und installieren Sie sie": two more verbs share one "Sie"; with a pronoun
  // for object they work on the first step's object, and the three are one step.
  const shared = !word && !step ? /^([^,]+),\s+([a-zäöüß]+(?:en|ern|eln))\s+(und|oder)\s+([a-zäöüß]+(?:en|ern|eln))\s+Sie\s+(.+)$/u.exec(rest!) : null;
  if (shared) {
    const [, object, second, joint, third, after] = shared;
    const first = capitalize(politeToInfinitive(verb!, object!));
    const own = after!.replace(/[.!]$/u, '');
    if (/^(?:sie|es|ihn|diese[nsr]?)$/u.test(own)) return [`${first}, ${second} ${joint} ${third}`];
    return [first, capitalize(`${own} ${second} ${joint} ${third}`)];
  }
  if (step && !word) {
    const named = firstObject.exec(step[1]!)?.[0];
    const after = rest!.slice(step[0].length);
    const next = polite(capitalize(named ? after.replace(/^([a-zäöüß]+\s+Sie\s+)(?:sie|es|ihn|diese[nsr]?)(?=\s)/u, `$1${named}`) : after), bullet);
    // A second imperative that is no action of its own ("klicken Sie auf …") is how-to; the first step stays.
    return [capitalize(politeToInfinitive(verb!, step[1]!)), ...(next ?? [])];
  }
  return politeClauses(verb!, rest!.replace(/\bbitte\s+/g, '')).map((a) => capitalize(a + condition(word, clause)));
}

// "Bei der Aktivierung ersetzen Sie die Transport-PINs durch PINs Ihrer Wahl", "Für ein starkes Passwort überlegen Sie
// sich einen Satz": a how-to's instruction with a phrase of when or what for in front, the verb second before "Sie".
// What the reader finds, gets or can do there is no instruction.
// "Mit dem eHBA unterschreiben Sie …" describes what a thing is for: only phrases of when and what for lead.
const fronted = /^((?:Für|Bei|Beim|Nach|Vor|Zur|Zum)\s+(?:[\p{L}-]+\s+){0,4}?)([a-zäöüß]+(?:en|ern|eln))\s+Sie\s+(.+?)[.!]?$/u;
// Beyond `notActionVerbs`: what the reader gets, needs or reaches there.
const notInstructions = /^(?:erhalten|bekommen|gelangen|brauchen|benötigen|sparen|profitieren|wissen)$/u;
function frontedPhrase(s: string): string[] | null {
  const m = fronted.exec(s);
  // Not a contact line ("Für Anfragen wenden Sie sich an …"), nor a chain of verbs that share the "Sie" (left to the
  // rules above).
  if (!m || notInstructions.test(m[2]!) || notActionVerbs.test(m[2]!) || help.test(m[1]!) || /Anfragen|Bestellung/u.test(m[1]!) || /\s(?:und|oder)\s+[a-zäöüß]+(?:en|ern|eln)\s+(?:sich|Sie)\s/u.test(m[3]!)) return null;
  // An example after the step ("…, zum Beispiel: „Hier arbeiten …“") stays out.
  const rest = m[3]!.replace(/,\s+(?:zum\s+Beispiel|z\.\s?B\.|etwa|beispielsweise)\b.*$/u, '');
  return [`${m[1]}${politeToInfinitive(m[2]!, rest)}`];
}

// "Sehen Sie sich die Angaben zum Absender genau an": looking closely at something is a step of checking; looking at
// the publisher's own video, checklist or page is a pointer.
const lookedAt = /^sich\s([^–—]*)\san(?:[.!]?$|\s+[–—]\s|,\s)/u;
const publishersOwn = /(?<!\p{L})(?:unser\p{L}*|Video\p{L}*|Checkliste\p{L}*|Beitr(?:a|ä)g\p{L}*|Artikel\p{L}*|Seite\p{L}*|Webseite\p{L}*|Website\p{L}*|Webinar\p{L}*|Broschüre\p{L}*|Anleitung\p{L}*|Merkbl(?:a|ä)tt\p{L}*|Infografik\p{L}*|FAQ|hier)(?!\p{L})/u;
function lookAt(rest: string): boolean {
  const m = lookedAt.exec(rest);
  return m !== null && !publishersOwn.test(m[1]!);
}

// A first step's object named in front ("Ihre Praxismitarbeitenden …"), and the start of an object clause.
const firstObject = /^(?:(?:die|den|das|der|Ihre?n?|alle)\s+)?\p{Lu}[\p{L}-]+/u;
const objectClause = /^(?:ob|dass|wie|wo|wann|welche\p{L}*|wer)\s/u;

// A verb after a comma with its "Sie" left out: lower case, the plural's ending, no noun right behind it, and none of the
// small words that end alike ("denen", "sondern").
const elidedVerb = /,\s+(?!(?:denen|deren|dessen|sondern|zwischen|neben|oben|unten|eben|seien|wollen|können|müssen|sollen|werden|haben|sind|allen|vielen|beiden|anderen|einigen)\s)[a-zäöüß]{3,}(?:en|ern|eln)\s+(?!Sie\s)(?!(?:und|oder)\s)(?!\p{Lu})(?=\S)/u;
function withElidedSie(rest: string): string {
  const at = elidedVerb.exec(rest)!;
  const head = rest.slice(0, at.index);
  // After the first such verb, one more joined by "und"/"oder" leaves its "Sie" out as well.
  const tail = rest.slice(at.index).replace(/^(,\s+[a-zäöüß]+)\s+/u, '$1 Sie ').replace(/(\s(?:und|oder)\s+[a-zäöüß]{3,}(?:en|ern|eln))\s+(?!Sie\s)(?!\p{Lu})(?=\S)/u, '$1 Sie ');
  return head + tail;
}

// "Kennen Sie den Absender, rufen Sie ihn …an", "Können Sie sich an keine Bestellung erinnern, ignorieren Sie …": a
// condition asked with its verb first, then the instruction. Only verbs that rarely instruct: "Öffnen Sie X, klicken
// Sie auf Y" is two steps.
// "Halten Sie eine Mail für echt, fragen Sie …": holding something for true is a condition too.
const askedCondition =
  /^(Kennen|Können|Haben|Wissen|Erhalten|Bekommen|Möchten|Wollen|Müssen|Bemerken|Vermuten|Betreiben|Verwenden|Nutzen|Finden|Sehen|Erkennen|Merken|Zweifeln|Sind|Werden|Halten(?=\s+Sie\s+[^,]*\sfür\s+(?:echt|seriös|glaubwürdig|vertrauenswürdig|legitim|plausibel|verdächtig|gefälscht|unsicher)\b))\s+Sie\s+([^,]+),\s+(?=[a-zäöüß]+\s+Sie\b)/u;

// A main clause with its finite verb first, after the comma of a condition.
const consequence = /^[^,]*,\s+(?:wird|werden|ist|sind|kann|können|erhalten|erhält|bekommen|bekommt|hat|haben|gibt|entfällt|läuft|startet|erfolgt)\s/u;

const coordinatedVerbFirst = /\s(oder|und)\s(?!(?:nicht|jetzt|selbst|erst|zuletzt|meist|bereits|bislang|ebenfalls|sonst)\s)(\p{Ll}+(?:t|en))\s((?:im|in|am|beim|bei|auf|nach|vor|mit|über|um|zu|ein\p{L}*|der|die|das|es|sich|jemand|kein\p{L}*)\s.+)$/u;

export function condition(word: string | undefined, clause: string | undefined): string {
  if (!word || /^(?:Damit|Um)$/.test(word)) return '';
  const c = clause!.trim();
  if (!/^(?:Wenn|Falls|Sofern|Wo|Soweit|Solange|Bis|Bevor|Nachdem|Sobald|Sollten?)$/.test(word)) {
    // "Ist X gestört oder ist unklar, ob …": two conditions with their verbs first, each verb to its own end.
    const second = /\s(oder|und)\s(ist|sind|hat|haben|war|waren|wird|werden)\s(.+)$/u.exec(c);
    if (second) {
      const [head, tail = ''] = second[3]!.split(/(?=,\s)/u, 2);
      return `, falls ${c.slice(0, second.index)} ${word.toLowerCase()} ${second[1]} ${head} ${second[2]}${tail}${second[3]!.slice(head!.length + tail.length)}`;
    }
    // "Erscheint eine Warnmeldung oder taucht ein Prozess auf": the second verb first too, each to its own end.
    const coordinated = coordinatedVerbFirst.exec(c);
    if (coordinated) return `, falls ${verbLast(c.slice(0, coordinated.index), word.toLowerCase())} ${coordinated[1]} ${verbLast(coordinated[3]!, coordinated[2]!)}`;
    return `, falls ${verbLast(c, word.toLowerCase())}`;
  }
  if (/^Sollten?$/.test(word)) return `, falls ${c.replace(/\bsein$/, word === 'Sollte' ? 'ist' : 'sind')}`;
  return `, ${word.toLowerCase()} ${c}`;
}

// A condition with its verb first, the verb put last: "Ruft jemand an" → "jemand anruft" (a separated particle joins it
// again), "Meldet sich jemand, der vor Viren warnt" → "sich jemand meldet, der vor Viren warnt" (before the relative clause).
const separatedParticle = /\s(an|auf|aus|ein|ab|zu|vor|mit|nach|los|zurück|weiter|fest|her|hin|vorbei|durch|um)$/u;
// An object clause ("Ist unklar, ob er läuft") stands behind the verb as well.
const relativeClause = /,\s+(?:(?:(?:an|in|auf|mit|bei|von|für|über)\s+)?(?:der|die|das|denen|dem|deren|dessen|den|welche\p{L}*)|ob|dass|wie|wann|warum)\s/u;
function verbLast(clause: string, verb: string): string {
  const relative = relativeClause.exec(clause);
  const head = relative ? clause.slice(0, relative.index) : clause;
  const tail = relative ? clause.slice(relative.index) : '';
  const particle = separatedParticle.exec(head);
  return particle ? `${head.slice(0, particle.index)} ${particle[1]}${verb}${tail}` : `${head} ${verb}${tail}`;
}

// "… und öffnen Sie …", "… oder beauftragen Sie …": a further imperative joined to the first.
const nextImperative = /,?\s+(und|oder)\s+([a-zäöüß]+(?:en|ern|eln))\s+Sie\s+/u;

/**
 * "Seien Sie vorsichtig …, und öffnen Sie keine Anhänge" → "Vorsichtig … sein und keine Anhänge öffnen": one action,
 * as editors label it (splitting at "und" was tried and matched fewer of their actions, see docs/extraction.md; round 8
 * tried it again: visible recall +3, false positives +7, and the floors of both splits fell).
 */
function politeClauses(verb: string, rest: string, next$ = nextImperative, infinitive = (v: string) => v): string[] {
  let phrase = '';
  let current = { verb, rest };
  for (;;) {
    const next = next$.exec(current.rest);
    if (!next) break;
    // The comma before "und" closes a relative clause and stays.
    phrase += politeToInfinitive(current.verb, current.rest.slice(0, next.index)) + (next[0].startsWith(',') ? `, ${next[1]} ` : ` ${next[1]} `);
    current = { verb: infinitive(next[2]!), rest: current.rest.slice(next.index + next[0].length) };
  }
  return [phrase + politeToInfinitive(current.verb, current.rest)];
}

// IT firms' blogs say "du": "Prüfe, ob …, und ersetze sie …", "Kontrolliere deine Sicherungen". The verb in the du form
// is known by what follows it, and a label before a dash ("Standardpasswörter ersetzen – Prüfe, …") gives way to it.
const duImperative =
  /^(?:[^–—:]{3,60}\s[–—:]\s+)?(?:Bitte\s+)?([A-ZÄÖÜ][a-zäöüß]{2,}e)(?=,\s+(?:ob|dass|wie|welche\p{L}*|wer)\s|\s+(?:die|den|das|dem|deine?\p{L}*|dich|dir|alle\p{L}*|regelmäßig|sofort|umgehend|immer|nie|keine?\p{L}*|jetzt|unbedingt|zuerst)\s)/u;
const notDuVerbs = /^(?:Ohne|Gerade|Bitte|Sämtliche|Jene|Große|Kleine|Ganze|Erste|Letzte|Nächste|Gleiche|Eigene|Aktuelle|Wichtige|Diese|Jede|Alle|Keine|Eine|Welche|Solche|Manche|Einige|Viele|Meine|Deine|Seine|Ihre|Unsere|Beide|Andere|Weitere|Neue|Alte|Gute|Gerne|Heute|Ende|Mitte|Hilfe|Lücke|Grenze|Woche|Seite|Stelle|Frage|Liste|Regel|Rolle|Lage|Sache|Summe|Reihe|Nähe|Folge|Ausgabe|Aufgabe|Angabe|Behörde|Firme)$/u;
const nextDuImperative =
  /,?\s+(und|oder)\s+(?!(?:sämtliche|alle|keine|diese|jede|welche|solche|eine|seine|ihre|deine|meine|unsere|neue|andere|weitere|einige|viele|beide|große|kleine|ganze|eigene|aktuelle|wichtige)\s)([a-zäöüß]{2,}e)\s+(?=\S)/u;
// "ändere" → "ändern", "prüfe" → "prüfen", "kontrolliere" → "kontrollieren".
const duToInfinitive = (v: string) => (/[^i]e[lr]e$/.test(v.toLowerCase()) ? `${v.toLowerCase().slice(0, -1)}n` : `${v.toLowerCase()}n`);

// Without a dash or colon, duImperative's optional label cannot match and the verb starts the sentence (after "Bitte"):
// this test is far cheaper than the label's backtracking over up to 60 characters of every sentence.
const mayBeDuImperative = (s: string) => /[–—:]/.test(s) || /^(?:Bitte\s+)?[A-ZÄÖÜ][a-zäöüß]{2,}e[,\s]/u.test(s);

// familiar's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const familiarPattern1 = /(?<!\p{L})(?:du|dein\p{L}*|dich|dir)(?!\p{L})/u;
const familiarPattern2 = /(?<!\p{L})(?:dein\p{L}*|dich|dir)(?!\p{L})/gu;

export function familiar(s: string): string[] | null {
  const m = mayBeDuImperative(s) ? duImperative.exec(s) : null;
  if (!m || notDuVerbs.test(m[1]!)) return null;
  // A noun may stand where the verb would ("Schwachstelle die …"): without "du" in the sentence, only ", ob …" after
  // the verb or a second du-form verb make it an imperative.
  const rest0 = s.slice(m[0].length);
  if (!familiarPattern1.test(s) && !/^,\s/.test(rest0) && !nextDuImperative.test(rest0)) return null;
  const rest = rest0.replace(/^,?\s+/, '').replace(/[.!]$/, '');
  // The practice is addressed with "Sie" everywhere else: "deine Backups" → "Ihre Backups".
  const sie = (w: string) => ({ dich: 'sich', dir: 'sich' })[w] ?? w.replace(/^dein/, 'Ihr');
  return politeClauses(duToInfinitive(m[1]!), rest, nextDuImperative, duToInfinitive).map((a) => capitalize(a.replace(familiarPattern2, sie)));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
