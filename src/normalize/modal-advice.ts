// Advice given with a modal or as a duty: "Praxen sollten … einspielen", "Die Kennwörter sollten erneuert werden",
// "Geändert werden müssen die Kennwörter", "Veraltete Software ist zu ersetzen". Each returns the infinitive phrase
// a practice can tick off, or null when the sentence reports, plans or asks something of others.
import { attributionFront, claimedByAttack, isStatistic, othersNamed, reportsEvent } from './reported-speech.js';
import { cueTest } from './cue-words.js';
import { stepOfNounPhrase, verbOfDeed } from './nominal-steps.js';
import { condition } from './polite-imperatives.js';
import { finiteVerb, isParticiple, mainClause, participleToInfinitive, withoutZu, zuInfinitive } from './verbs.js';

// The thing "Wer …" does something with, in the accusative, and the rest of the clause: "eine solche Nachricht
// bekommt", "das Passwort auch anderswo verwendet".
const namedThing = /^((?:eine|ein|einen|solche|diese|diesen|dieses|die|den|das)\s+(?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]*)\s+([^,]+)$/u;
const received = /^(?:bekommt|erhält|bekommen\s+hat|erhalten\s+hat|im\s+Postfach\s+hat|findet)$/u;

// Practices named in the plural with a relative clause: "Praxen, die …", "Zahnärzte, die …".
const practicesMeant =
  /^(?:(?:(?:Alle|Betroffene|Diejenigen|Die|Alle\s+die)\s+)?(?:Praxen|Arztpraxen|Zahnarztpraxen|Ärzte|Zahnärzte|Ärztinnen\s+und\s+Ärzte|Psychotherapeuten|Vertragsärzte|Praxisinhaber|Praxisteams)|Alle|Diejenigen),\s+die\s+(.+)$/u;

// "Gespeichert werden sollte die Sicherung auf einem externen Datenträger", "Geändert werden müssen vor allem die
// Kennwörter": a passive instruction with its participle in front; a bare pronoun for object points back and goes.
const fronted = /^(\p{Lu}\p{Ll}+)\s+werden\s+(?:sollte|sollten|muss|müssen)\s+(?:(?:sie|es|er|diese[sr]?)\s+)?(?:vor\s+allem\s+|unbedingt\s+|zudem\s+|auch\s+)?(.+?)[.!]?$/u;
export function frontedPassive(s: string): string | null {
  if (!s.includes(' werden ')) return null;
  const m = fronted.exec(s);
  if (!m || !isParticiple(m[1]!.toLowerCase()) || finiteVerb.test(m[2]!)) return null;
  return capitalize(`${m[2]!} ${participleToInfinitive(m[1]!.toLowerCase())}`);
}

const question = /^(?:Und\s+)?(?:Worauf|Was|Wie|Welche\p{L}*|Wann|Wo|Warum|Weshalb|Womit|Wofür|Wozu|Woran|Wer)$|^(?:Und\s+)?(?:Worauf|Was|Wie|Welche\p{L}*|Wann|Warum|Weshalb|Womit|Wofür|Wozu|Woran)\s/u;
// "einige Regeln beachten, zum Beispiel …", "Grundregeln befolgen: etwa …": rules pointed at, then given as examples.
const followRules = String.raw`(?:Regeln|Grundregeln|Hinweise|Tipps|Punkte|Empfehlungen|Vorsichtsmaßnahmen)\s+(?:beachten|befolgen|einhalten|berücksichtigen)`;
const forExample = String.raw`(?:zum\s+Beispiel|z\.\s?B\.|etwa|beispielsweise|insbesondere|wie)\s+`;
const pointsAtRules = new RegExp(`(?<!\\p{L})${followRules}$`, 'u');
const rulesThenExamples = new RegExp(`${followRules}:\\s+(?:${forExample})?(.+)$`, 'u');
const examplesGiven = new RegExp(`^,\\s+${forExample}(.+)$`, 'u');
// One label or two ("Schritt 2: Kontakt zum IT-Service aufnehmen: Ist …").
const labelled = /^(?:[^:,]{3,80}:\s+(?=\p{Lu})){1,2}/u;
// Reported advice keeps its subjunctive: "Stattdessen solle man das LKA einschalten".
// "darf/dürfen" only forbids or restricts: with a negation or "nur" behind it (`restricted`); without, it permits.
const modalVerb = /\b(sollten|sollen|sollte|solle|solltest|soll|müssen|muss|müsse|musst|dürfen|darf)\s+/u;
const restricted = /(?<!\p{L})(?:nicht|nie|niemals|kein\p{L}*|weder|nur|ausschließlich)(?!\p{L})/u;
// Every modal verb above contains one of these (cue-words.ts).
const mayHoldModal = cueTest(['soll', 'müss', 'muss', 'darf', 'dürf']);
const circumstancePhrase =
  /^(?:(?:Gleich|Direkt|Unmittelbar|Kurz|Noch|Schon|Bereits|Erst)\s+(?:nach|vor|bei|beim|mit|ab|bis|zur|zum|im|in|während)\s|(?:Bei|Beim|Im|In|Vor|Für|Mit|Ab|Bis|Zur|Zum|Auf|Unter|Während|Spätestens|Sicherheitshalber|Vorsorglich|Grundsätzlich|Möglichst)\b)/u;
const subjects = /^(?:alle\s+)?(?:(?:die|Ihre)\s+(?:IT-Dienstleister|Dienstleister|IT-Betreuer|Systembetreuer)(?:\s+der\s+(?:betroffenen\s+)?Praxen)?|\p{Lu}\p{Ll}+praxen|Admins|IT-Verantwortliche|Verantwortliche|Praxen|Arztpraxen|Zahnarztpraxen|Kunden|Kundinnen(?:\s+und\s+Kunden)?|Nutzer(?:innen)?(?:\s+und\s+Nutzer)?|Anwender(?:innen)?(?:\s+und\s+Anwender)?|Betreiber(?:innen)?|Administrator(?:en|innen)|(?:\p{Lu}\p{Ll}+ärzt|Ärzt)(?:e|innen)(?:\s+und\s+(?:\p{Lu}\p{Ll}+ärzt|Ärzt)e)?|Sie|Praxisinhaber(?:innen)?|Praxisteams?|(?:das\s+)?Praxisteam|(?:die\s+)?Teams|(?:die\s+|Ihre\s+)?(?:Praxis)?[Mm]itarbeit(?:er(?:innen)?(?:\s+und\s+(?:Praxis)?[Mm]itarbeiter)?|ende)(?:\s+der\s+Praxis)?(?!\s+(?:der|des|von)\s)|(?:das\s+|Ihr\s+)?Praxispersonal|Einrichtungen|Leistungserbringer(?:innen)?|man|du|(?:die|jede)\s+(?:\p{Lu}\p{Ll}+)?[Pp]raxis)\s+/u;
// Of the subjects above, the practice's staff.
const staff = /[Mm]itarbeit|Praxis(?:personal|team)/u;
const adverbs = /^(?:Danach|Anschließend|Zudem|Auch|Außerdem|Daher|Deshalb|Demnach|Demzufolge|Folglich|Somit|Dann|Jetzt|Nun|Zusätzlich|Ebenso|Vorsorglich|Insbesondere|Darüber hinaus|Bis dahin|Grundsätzlich|Generell|Unbedingt|Stattdessen|Vielmehr|Stets|Immer)$/u;
const practiceSubject = /(?<!\p{L})(?:Admins|\p{L}*Verantwortliche\p{L}*|Betroffene|\p{L}*[Zz]ahnärzt(?:e|en|in|innen)(?!\p{L})|\p{L}*-?[Pp]sychotherapeut(?:en|in|innen)?(?!\p{L})|Teams?|[Mm]an|Praxen|Praxis(?:teams?|inhaber\p{L}*|personal|leitung\p{L}*|mitarbeit\p{L}*|ärzt\p{L}*)?(?!\p{L})|\p{Lu}\p{Ll}+prax(?:is|en)(?!\p{L})|(?:IT-)?Dienstleister\p{L}*|IT-Betreuer\p{L}*|Systembetreuer\p{L}*|DVO|\w*[Kk]und(?:en|innen)|\w*[Nn]utzer\w*|\w*[Aa]nwender\w*|Betreiber\w*|Administrator\w*|Ärzt\w*|\p{L}+ärzt(?:e|en|in|innen)(?!\p{L})|Sie|[Dd]u|Wer|Leistungserbringer\w*|Einrichtungen|Mitarbeit\w*|Inhaber\w*)\b/u;
// The practices as those whom a vendor informs or contacts.
const informedParty = /(?<!\p{L})(?:\p{L}*[Kk]und(?:en|innen)|Praxen|Arztpraxen|\p{L}*[Nn]utzer\p{L}*|\p{L}*[Aa]nwender\p{L}*|Ärzt\p{L}*|Leistungserbringer\p{L}*|Mitglieder|Betroffenen?)(?!\p{L})/u;
// A passive's agent that is not the practice or its service provider.
const otherAgent =
  /(?<!\p{L})(?:von|durch)\s+(?:der|dem|den|die)\s+(?:gematik|Herstellern?|Anbietern?|Softwarehaus|Softwarehäusern|KBV|KZBV|KVen|Kassenärztlichen|Krankenkassen?|Kassen|BSI|Unternehmen|Betreibern?\s+der\s+TI)(?!\p{L})/u;
// A passive that counts ("rund 30.000 Konnektoren", "mehr als 300 Geräte") or names its source ("nach Angaben der
// gematik") reports a plan or an event.
// "eine weitere große Zahl von Karten", "zahlreiche Konnektoren": a quantity without a number counts too.
const reportedPassive =
  /(?<!\p{L})(?:(?:rund|etwa|ca\.|circa|mehr\s+als|über|fast|knapp|bis\s+zu|insgesamt)\s+\d|\d{1,3}(?:\.\d{3})+\s+\p{Lu}|nach\s+Angaben|laut\s+\p{Lu}|\p{L}+\s+zufolge|(?:große|hohe|weitere|erhebliche)\s+(?:Zahl|Anzahl|Menge)\s+(?:von|an)|(?:zahlreiche|tausende|Tausende|hunderte|Hunderte|Zehntausende)\s+\p{Lu})/u;
// "Weitere Informationen für die Praxen sollen ab Februar folgen": practices named behind a preposition are not the
// subject.
const attribute = /(?<!\p{L})(?:für|von|bei|an|mit|aus|zu|über)\s+(?:(?:die|den|der|dem|des|alle|allen|ihre|ihren|Ihre|Ihren)\s+)?\S+/gu;
const withoutAttributes = (clause: string) => clause.replace(attribute, ' ');
const delegate = /^((?:Ihr|Ihre|der|Der|die|Die)\s+(?:DVO|Dienstleister(?:\s+vor\s+Ort)?|IT-Dienstleister|IT-Betreuer|Techniker|Servicepartner|IT-Servicepartner|Systembetreuer))$/u;
const notPractices = /(?<!\w)(?:wir|Hersteller\w*|Anbieter\w*|Softwarehäuser|Krankenkassen|Kassen|gematik|KBV|KZBV|BSI|Unternehmen|Ministerium|Bundestag|Gesetz\w*|Apothek\w*|es|er)\s*$/iu;

// modal's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const modalPattern1 = /(?<!\p{L})(?:nichts?|keine\p{L}*)(?!\p{L})/u;
// A forecast ("Voraussichtlich ab dem 27. Oktober sollen Updates … verteilt werden", "in Kürze") or a means ("Konkret
// sollen damit Geräte geschützt werden") makes "sollen" a plan or a purpose, too.
const modalPattern2 = /(?<!\p{L})(?:[Kk]ünftig|[Zz]ukünftig|in\s+Zukunft|perspektivisch|langfristig|[Vv]oraussichtlich|demnächst|[Ii]n\s+Kürze|(?<=soll(?:en)?\s+)damit)(?!\p{L})/u;
// "Erscheint beim Aufruf des Dashboards eine Warnmeldung, …": a phrase of place or time may stand before the subject.
const modalPattern3 = /^(\p{Lu}\p{Ll}+(?:t|en))\s+((?:(?:beim|bei|im|am|nach|während|dabei|dann|plötzlich|hier|dort)\s+[^,]*?\s)?(?:sich\s+)?(?:es|der|die|das|ein\p{L}*|Ihr\p{L}*|jemand|kein\p{L}*)(?:(?:\s|,\s).*)?)$/u;
const modalPattern4 = /^\p{Lu}/u;
const modalPattern5 = /^((?:\p{L}+\s+){0,2}\p{L}+,\s+(?:die|der|deren|dessen|(?:bei|in|auf)\s+denen)\s+.+)$/u;
const modalPattern6 = /(?<!\p{L})ihr(?=(?:e|en|em|er|es)?(?!\p{L}))/gu;
const modalPattern7 = /\s\p{Ll}+\s+werden(?:[\s,.!]|$)/u;
const modalPattern8 = /^(.*?)\s*(\p{Ll}+)\s+sein$/u;
const modalPattern9 = /^(.*?)\s*(\p{Ll}+)\s+werden$/u;
const modalPattern10 = /(\p{Ll}+)(\s+(?:und|oder|noch|sowie))$/u;
const participleBeforeAnd = /(?<!\p{L})\p{Ll}+(?=\s+(?:und|oder|sowie)\s)/gu;
const modalPattern11 = /(?<!\p{L})(?:von|durch)\s+(?:einem|einer|einen|Ihrem|Ihrer|Ihren|dem|der|den)\s+(?:Fachmann|Fachleuten|Fachfirma|Dienstleister|IT-Dienstleister|DVO|Techniker|IT-Betreuer|Servicepartner)\b/u;

// The modal the advice hangs on: "darf/dürfen" only where a negation or "nur" restricts it; a permission before the
// advice ("Praxen dürfen die Software weiter nutzen, sollten aber …") gives way to the modal after it.
const modalVerbs = new RegExp(modalVerb.source, 'gu');
const allegedly = /(?<!\p{L})angeblich(?!\p{L})/u;
function firstModal(s: string): RegExpExecArray | null {
  modalVerbs.lastIndex = 0;
  for (let m = modalVerbs.exec(s); m; m = modalVerbs.exec(s)) {
    // "soll" is mostly a plan or a claim ("Das Update soll im Mai erscheinen"); after "Wer …," it is advice.
    // Not a claim ("soll angeblich"), nor a state it will be in ("soll danach nur noch zwei Ports offen haben").
    if (m[1] === 'soll' && (!/^Wer\s[^,]+,\s+soll\s/u.test(s) || allegedly.test(s) || stateVerb.test(s.slice(m.index).split(/\s[–—]\s|[.!;]/u)[0]!))) continue;
    if (!/^(?:dürfen|darf)$/u.test(m[1]!) || restricted.test(s.slice(m.index + m[0].length).split(/,\s/u)[0]!)) return m;
  }
  return null;
}

// "Auf keinen Fall sollten sie die verlangten Downloads starten", "Links sollten sie nicht anklicken": a report on
// practices names them "sie" behind a plural modal. Not before a passive ("Dann sollten sie gelöscht werden": the
// mails), and not where the singular "sollte sie" may be a mail or a device.
const sieSubject = /^sie\s+(?!(?:sich\s+)?(?:bitte\s+)?(?:nicht\s+)?\p{Ll}+\s+(?:werden|worden|sein)(?:[\s,.!]|$))/u;
// "Damit sollten sie keinen Erfolg haben": a state is no step, and "damit", "dann" … are no object in front.
const stateVerb = /\s(?:haben|sein|bleiben|werden|worden|gelingen|können)[.!]?$/u;
const thingVerb = /(?<!\p{L})(?:liegen|lauten|heißen|enthalten|stehen)$/u;
const pronominalAdverb = /^(?:Da\p{Ll}*|Dann|Dort|Hier|So|Trotzdem|Deshalb|Deswegen|Also|Doch|Nun|Jetzt|Sonst|Somit|Womit|Wobei)$/u;
function readersAsSie(verb: string, after: string): RegExpExecArray | null {
  if (!/^(?:sollten|sollen|müssen|dürfen)$/u.test(verb) || stateVerb.test(after.split(/,\s/u)[0]!)) return null;
  return sieSubject.exec(after);
}

/** "Praxen sollten … einspielen", "Zudem sollten Praxen … prüfen", "Die Kennwörter sollten erneuert werden". */
export function modal(s: string): string | null {
  const m = mayHoldModal(s) ? firstModal(s) : null;
  if (!m) return null;
  // "Ein Job für IT-Dienstleister: Kümmert sich …, sollte …": a heading kept in front of its paragraph behind a colon
  // labels the sentence; the sentence starts after it.
  const raw = s.slice(0, m.index).trim().replace(labelled, (label) => (finiteVerb.test(label) ? label : ''));
  // "Der Fehler entstand zentral in der TI, muss aber in jeder Praxis behoben werden": the clause after the comma shares
  // the first clause's subject; read it with that subject in front.
  const sharedSubject = /^((?:Der|Die|Das)\s+(?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]*)\s+\p{Ll}+\s[^,]*,$/u.exec(raw);
  const contrast = sharedSubject ? /^(?:aber|jedoch|dennoch|trotzdem)\s+(.+)$/u.exec(s.slice(m.index + m[0].length)) : null;
  if (sharedSubject && contrast) return modal(`${sharedSubject[1]} ${m[1]} ${contrast[1]}`);
  // "Worauf sollten Praxen achten", "Wer sollte handeln": a question, with or without its question mark.
  if (question.test(raw)) return null;
  // "Angeblich muss man …", "In der Mail heißt es, man solle …": what a scam claims.
  if (claimedByAttack(raw)) return null;
  // "Da es ständig neue Viren gibt, sollten Sie …": a reason in front says why, not who or when.
  // "Um die Praxis zu schützen, sollten Sie …": so does a purpose.
  let before = raw.replace(/,$/, '').replace(/^(?:(?:Da|Weil|Zumal|Damit)\s[^,]*|Um\s[^,]*\szu\s\p{Ll}+|Um\s[^,]*\s\p{Ll}+zu\p{Ll}+)$/u, '');
  let after = s.slice(m.index + m[0].length);
  // "…, dass Sie eine Software benutzen müssen (z. B. …), dürfen Sie …": a modal at the end of a subordinate clause
  // has its verb in front; what follows it is another clause, not the advice.
  if (/^[(,;–—]/u.test(after.trim())) return null;
  // "Als Praxisinhaber solltest du …": the reader named in front, "du" behind the verb.
  if (/^(?:solltest|musst)$/u.test(m[1]!) && /^du\s/u.test(after) && before !== '' && !/^(?:Doch|Dann|Auch|Zudem|Außerdem|Daher|Deshalb|Jetzt|Nun)$/u.test(before)) after = after.slice(3);
  // "… sollten derzeit aufpassen: Dreiste Betrüger versuchen …": a colon after the verb opens the reason, a sentence
  // of its own.
  const reason = /^([^:]*\s\p{Ll}+(?:en|ern|eln)):\s+(\p{Lu}.*)$/u.exec(after);
  const explains = reason !== null && (finiteVerb.test(reason[2]!) || (reason[2]!.split(/\s+/u).length >= 6 && !/^Folgende|:\s*$/u.test(reason[2]!)));
  if (explains && /(?:aufpassen|achten|sein|bleiben)$/u.test(reason[1]!) && !/Folgende/u.test(reason[1]!)) after = reason[1]!;
  // "Es sollte sichergestellt werden, dass …": an "es" that only stands for the object clause after the passive.
  if (/^(?:Es|Zudem\s+es|Dabei\s+es)$/u.test(before) && /^\S+\s+werden,\s+(?:dass|ob)\s/u.test(after)) before = '';
  // "Es sollten keine privaten Geräte angeschlossen werden": an impersonal passive names its object behind the modal,
  // which must be a thing, not a phrase of time or place ("Es sollte in wenigen Tagen behoben werden").
  const impersonal = /^Es$/u.test(before) && /^(?!(?:in|im|am|an|bis|ab|nach|vor|bei|mit|zu|zum|zur|dann|bald|schon|noch|wieder)\s)[^,]*?\p{Lu}\p{Ll}+[^,]*\s\p{Ll}+\s+werden[.!]?$/u.test(after);
  if (impersonal) before = '';
  // "Ob eine Fehlerbehebung aus der Ferne infrage kommt, müssen Praxen mit ihrem Dienstleister klären": the object
  // clause in front; it follows the step.
  const whether = /^Ob\s+([^,]+),$/u.exec(raw);
  if (whether) before = '';
  if (/^(?:müssen|muss|musst)$/.test(m[1]!) && modalPattern1.test(after)) return null; // "müssen nicht": need not
  // "Künftig sollen Hersteller verpflichtet werden, …": "sollen" with the future announces a plan.
  if (/^(?:soll|sollen)$/u.test(m[1]!) && modalPattern2.test(s)) return null;
  // "Ist ein Update nicht möglich, sollten Administratoren …": a leading condition, then the subject.
  // "Kommt es zu einer Datenpanne, müssen Sie …": any finite verb first with its subject is a condition too.
  const leading =
    raw.endsWith(',') && !/^Wer\b/.test(raw)
      ? (/^(Wenn|Falls|Sofern|Sollten?|Ist|Sind|Hat|Haben|Solange|Bis|Bevor|Nachdem|Sobald)\s+(.*)$/u.exec(before) ??
        modalPattern3.exec(before.replace(/\s*[–—]$/u, '')))
      : null;
  // "Bei der Internetnutzung sollten Praxen …", "Im Zweifel sollten Anhänge …": a short phrase of time, place or
  // circumstance in front, the subject (or a passive's object) behind the verb. It stays in front of the action.
  // "Laut KV sollten Praxen …": the source goes; the practice must still be the subject behind the verb.
  const source = !leading && attributionFront.test(before);
  if (source) before = '';
  // "Im Falle einer Straftat, insbesondere wenn Patientendaten betroffen sind, sollten Sie …": a clause that narrows the
  // circumstance belongs to it.
  const narrowed = !leading && !source ? /^([^,]+),\s+(?:insbesondere|vor\s+allem|gerade|besonders)\s+(?:wenn|falls|bei|sofern)\s[^,]+$/u.exec(before) : null;
  const phrase = narrowed ? narrowed[1]! : before;
  const circumstance = !leading && !source && circumstancePhrase.test(phrase) && phrase.split(/\s+/).length <= 6 && !phrase.includes(',') ? before : '';
  // "Portweiterleitungen sollten Sie sorgfältig überprüfen": the object in front, the practice behind the verb.
  const objectFirst =
    !leading && !circumstance && !adverbs.test(before) && before !== '' && !before.includes(',') && modalPattern4.test(before) && before.split(/\s+/).length <= 8 &&
    !practiceSubject.test(before) && !notPractices.test(before) && !/^(?:Das|Dies|Dieses|Es|Alles|Das\s+alles|Folgendes|Was)$/u.test(before) && (subjects.test(after) || (!pronominalAdverb.test(before) && readersAsSie(m[1]!, after) !== null))
      ? before
      : '';
  if (objectFirst) before = '';
  const inverted = before === '' || adverbs.test(before) || leading !== null || circumstance !== '';
  let suffix = whether ? `, ob ${whether[1]}` : '';
  if (leading) {
    suffix = condition(leading[1], leading[2]);
    before = '';
  }
  // "Wer das Passwort auch anderswo verwendet, sollte es dort ändern", "Praxen, die X nicht selbst betreuen, sollten …":
  // who is meant is the condition of the action.
  // "Wer X, sollte" becomes "…, falls man X"; "Praxen, die X, sollten" keeps the practices meant in front.
  const who = /^Wer\s+(.+)$/u.exec(before);
  const relative = who ? null : modalPattern5.exec(before);
  if (who && !leading) suffix = `, falls man ${who[1]!.trim()}`;
  // "Praxen, die betroffen sind, sollten …": the practices are the reader, and the third person plural is the form of
  // "Sie", so who is meant becomes the condition "falls Sie betroffen sind", their "ihr" the reader's "Ihr".
  // A pronoun in the advice that points into the relative clause ("…, die den Kartenleser nicht benutzt haben, sollten
  // ihn neu starten") needs that clause in front: then it stays as it was.
  const readers = relative && !leading && !/^(?:ihn|ihm|sie|es|ihnen|diesen|dieses|diese)\s/u.test(after) ? practicesMeant.exec(relative[1]!.trim()) : null;
  const addressed = (text: string) => (readers ? text.replace(modalPattern6, 'Ihr') : text);
  if (readers) suffix = `, falls Sie ${addressed(readers[1]!)}`;
  const meant = relative && !leading && !readers ? `${relative[1]!.trim()}: ` : '';
  let subjectless = false;
  if (inverted) {
    // "Ist unklar, ob die Praxis betroffen ist, sollte sie sich an ihren IT-Servicepartner wenden": a "sie" before
    // "sich", after a condition that names the practice, is the practice.
    const she = leading && /(?<!\p{L})(?:die\s+Praxis|Praxen)(?!\p{L})/u.test(leading[2] ?? '') ? /^sie\s+(?=sich\s)/u.exec(after) : null;
    // After a condition only one that names the practice makes "sie" the practice (`she` above).
    let subject = she ?? subjects.exec(after) ?? (leading ? null : readersAsSie(m[1]!, after));
    // "Deshalb sollten die Mitarbeiter geschult werden": the staff are the passive's object, the practice trains them.
    if (subject && staff.test(subject[0]) && /\s(?:werden|worden)[.!]?$/u.test(after.split(/,\s/u)[0]!)) subject = null;
    if (she) after = after.replace(modalPattern6, 'Ihr');
    // Without a practice for subject only a passive is an instruction: "Im Zweifel sollten Anhänge nicht geöffnet werden",
    // "Es muss geprüft werden, ob …" (the participle right behind the modal).
    if (!subject && !modalPattern7.test(` ${after}`)) return null;
    if (subject) after = after.slice(subject[0].length);
    else subjectless = true;
  } else if (notPractices.test(before) || /^(?:Wir|Die Hersteller)\b/.test(before)) return null;
  const found = mainClause(after);
  if (!found) return null;
  // "…, um weitere Schäden zu vermeiden": a purpose after the step is no part of it; a condition stays.
  // "…, und je nach Einsatz zählen außerdem …": a main clause joined after a comma says something else.
  let clause = /^,\s+(?:um|damit)\s|^,\s+(?:und|aber|doch|denn|sondern)\s+(?!(?:zu\s|\p{Ll}+zu\p{Ll}{3,}))[^,]*\s(?:zählen|zählt|ist|sind|gibt|gilt|hat|haben|wird|werden|kann|können)\s/u.test(found.tail) ? { ...found, tail: '' } : found;
  // "… einige Regeln beachten, zum Beispiel X zu wählen und Y zu ändern, wenn …": the rules pointed at are given as
  // examples; they are the steps.
  // "… ein paar Grundregeln befolgen: etwa X kombinieren und Y wechseln, wenn …": the same after a colon.
  const listed = rulesThenExamples.exec(`${clause.main}${clause.tail}`);
  const examples = listed ? [listed[0], listed[1]!] : pointsAtRules.test(clause.main) ? examplesGiven.exec(clause.tail) : null;
  if (examples && (listed || /(?<!\p{L})zu\s+\p{Ll}+|\p{Ll}zu\p{Ll}{3,}/u.test(examples[1]!))) {
    clause = { main: withoutZu(examples[1]!), tail: '' };
  }
  let { main } = clause;
  // "Sie müssen direkt im Stammverzeichnis liegen": only things lie somewhere or are called something; the "Sie" is
  // the files of the sentence before, not the reader.
  if (!inverted && /^Sie$/u.test(before) && thingVerb.test(main)) return null;
  // "Praxiscomputer sollten nicht mit dem Internet verbunden sein": a state of a thing, asked for like a passive.
  const state = !inverted && !practiceSubject.test(before) ? modalPattern8.exec(main) : null;
  // "aktualisiert werden", "vereinbart werden" are passives (a participle ends in -t or -en); "aktiv werden",
  // "vorsichtig werden" become something.
  const werden = modalPattern9.exec(main);
  const passive = (werden && (isParticiple(werden[2]!) || /(?:t|en)$/u.test(werden[2]!)) ? werden : null) ?? (state && isParticiple(state[2]!) ? state : null);
  // "Ihr DVO muss die Firmware manuell einspielen": the practice has it done.
  const agent = !passive && !inverted ? delegate.exec(before) : null;
  if (agent) return capitalize(`${main.replace(/\s+(\p{Ll}+)$/u, ` durch ${agent[1]!.replace(/^Ihr\b/, 'Ihren').replace(/^(?:der|Der)\b/, 'den')} $1 lassen`)}${clause.tail}${suffix}`);
  // An active instruction needs a practice as its subject; "alle anderen (Geräte) müssen …" only describes.
  // The subject is in the clause before the modal ("…, aber merken kann man es sich nicht – also muss wieder der Name
  // herhalten": "man" is another clause's); "Wer …" and "Praxen, die …" are whole.
  const subjectClause = who || relative ? before : before.split(/,\s|\s[–—]\s|;\s/u).pop()!;
  // "Alle, die Outlook 2016 einsetzen, sollten …": the readers meant (`readers`) are the practice.
  if (!passive && !inverted && !readers && !practiceSubject.test(withoutAttributes(subjectClause))) return ruleOfThing(subjectClause, m[1]!, main, clause.tail);
  // "Mehr als 300 Praxen sollen betroffen sein", "Die Täter sollen Daten erbeutet haben": a statistic or a report.
  if ((!inverted && isStatistic(subjectClause)) || reportsEvent(m[1]!, main, isParticiple)) return null;
  if (passive) {
    // The practices meant are then the passive's object, named there ("Praxen, die …, sollten geschult werden").
    if (readers) suffix = '';
    if (inverted && !subjectless) return null;
    // "In der TI dürfen Kartenterminals nur … betrieben werden", "Meldet die Praxis …, dürfen die Informationen nicht …
    // verwendet werden": with its object behind, a restriction states a rule or a legal consequence; only the
    // impersonal "Es dürfen keine … werden" and a thing in front ("Passwörter dürfen nicht …") forbid a step.
    if (/^(?:dürfen|darf)$/u.test(m[1]!) && inverted && !impersonal) return null;
    if (source) return null;
    // A phrase in front is a circumstance, unless it belongs to an adjective of the object: "Vom Hersteller
    // voreingestellte Passwörter dürfen niemals übernommen werden".
    if (!inverted && /^(?:Nach|In|Bei|Für|Laut|Gemäß|Mit|Ab|Seit|Bis|Aus|Von|Zu|Im|Am|Vom|Zum)\b/.test(before) && !/^(?:Vom|Von|Im|Mit)\s+\p{L}+\s+\p{Ll}+(?:te|ten|ene|enen)\s+\p{Lu}/u.test(before)) return null;
    // "…, ohne in die Praxis zu kommen – das sollte mit ihm abgestimmt werden": the object is what follows the dash, and
    // a bare pronoun there points back at a sentence the action cannot carry along.
    const object = inverted ? '' : before.split(/\s[–—]\s|;\s/u).pop()!.replace(/^(?:Auch|Zudem|Außerdem|Daher)\s+/, '').replace(/\s+(?:allerdings|jedoch|aber|auch)$/u, '');
    if (/^(?:das|dies|es|sie|die|der|den|diese[srn]?|jene[srn]?)$/iu.test(object)) return null;
    // "…sind maximal fünf Jahre gültig und müssen … ausgetauscht werden": the second predicate of a statement.
    // "Die Zertifikate laufen … ab bzw. dürfen danach nicht mehr genutzt werden": a verb after the noun says so too.
    const second = /\s(?:und|oder|bzw\.)$/u.test(object) ? object.replace(/\s(?:und|oder|bzw\.)$/u, '') : null;
    if (second !== null && (finiteVerb.test(second) || (/^(?:dürfen|darf)$/u.test(m[1]!) && /\p{Lu}[\p{L}-]*\s+(?!(?:der|die|das|des|dem|den|ein\p{L}*|und|oder|für|von|vom|mit|im|in|auf|an|am|aus|bei|zur|zum|über|unter|nach|vor|ohne|sowie|gegen)\s)\p{Ll}+(?:en|t)\s/u.test(second)))) return null;
    // "In diesem Jahr müssen nach Angaben der Gematik rund 30.000 Konnektoren getauscht werden": a count or a source
    // reports what will happen.
    if (reportedPassive.test(`${object} ${passive[1] ?? ''}`)) return null;
    // "Die betroffenen Kunden sollen informiert werden": what is done to the practices, not by them; "…von der gematik
    // ausgetauscht werden": done by someone else.
    if (informedParty.test(`${object} ${passive[1] ?? ''}`) && /^(?:informiert|benachrichtigt|kontaktiert|angeschrieben|entschädigt|beliefert)$/u.test(passive[2]!)) return null;
    if (otherAgent.test(passive[1] ?? '')) return null;
    // "Hersteller sollen verpflichtet werden": done to others; "Die Anwender sollen … migriert werden": planned for the
    // practices, not asked of them.
    // An adjective's own phrase in front of the object ("Vom Hersteller voreingestellte Passwörter") names no addressee.
    const named = object.replace(/^(?:Vom|Von|Im|Mit)\s+\p{L}+\s+(?=\p{Ll}+(?:te|ten|ene|enen)\s+\p{Lu})/u, '');
    if (othersNamed(named) || (/^(?:soll|sollen)$/u.test(m[1]!) && informedParty.test(named))) return null;
    // "weder geöffnet noch ausgeführt werden": each participle of the pair; "Der Zugang sollte gesperrt werden" → "Den Zugang sperren".
    // "… zurückgesetzt und danach neu eingerichtet werden": each participle of the passive is a step's verb.
    const head = (passive[1] ?? '')
      .replace(modalPattern10, (m, w: string, j: string) => (isParticiple(w) ? participleToInfinitive(w) + j : m))
      .replace(participleBeforeAnd, (w) => (isParticiple(w) ? participleToInfinitive(w) : w));
    // "Geräte, die noch laufen, austauschen": a relative clause in the object is closed by a comma before the verb.
    const closed = /,\s+(?:die|der|deren|dessen)\s[^,]+$/u.test(object) ? ',' : '';
    main = `${object}${closed} ${head ? `${head} ` : ''}${participleToInfinitive(passive[2]!)}`.trim().replace(/^([Dd])er\s/u, '$1en ');
  } else if (subjectless) return null;
  if (objectFirst) main = `${objectFirst} ${main}`;
  // "von einem Fachmann eingerichtet werden" → "von einem Fachmann einrichten lassen".
  if (passive && modalPattern11.test(main)) main = `${main} lassen`;
  const front = circumstance ? `${circumstance}${narrowed ? ',' : ''} ` : '';
  if (readers) main = addressed(main);
  // "Wer eine solche E-Mail bekommt, sollte sie ungelesen löschen", "Wer das Passwort auch anderswo verwendet, sollte es
  // dort ändern": the pronoun's thing is named in the condition, in the same case; "Sie ungelesen löschen" would read
  // as the reader. The action names it too (the condition stays whole: it may name more, "das Passwort seines
  // Kontos", and holds for every step); having received it is no condition of its own.
  const thing = who && !leading ? namedThing.exec(who[1]!.trim()) : null;
  const pronoun = thing ? /^(?:sie|es|ihn)(?=\s)/u.exec(main.trimStart()) : null;
  if (thing && pronoun) {
    main = `${thing[1]}${main.trimStart().slice(pronoun[0].length)}`;
    if (received.test(thing[2]!)) suffix = '';
  }
  const action = `${front}${main.replace(/^\s*(?:(?:doch|aber|jedoch|daher|deshalb|also|zudem|außerdem|dann)\s+)+/iu, '')}${clause.tail}${suffix}`.replace(/\s+/g, ' ').trim();
  // The practices meant lead, and the action after their colon keeps its lower case.
  // A passive's object may be the things meant themselves ("Geräte, die noch laufen, sollten ausgetauscht werden"):
  // then they are not named twice.
  const result = careTo(meant && !action.startsWith(meant.slice(0, -2)) ? `${capitalize(meant)}${action}` : capitalize(action));
  // IT firms' blogs say "du" ("solltest du deinen Router prüfen"); the practice is addressed with "Sie" everywhere else.
  return m[1] === 'solltest' || m[1] === 'musst' ? result.replace(/(?<!\p{L})(?:[Dd]ein\p{L}*|dich|dir)(?!\p{L})/gu, (w) => (w === 'dich' || w === 'dir' ? 'sich' : w.replace(/^[Dd]ein/u, 'Ihr'))) : result;
}

// "Darauf achten, das Programm aktuell zu halten – denn nur …": the care taken is the step ("Das Programm aktuell
// halten"); a reason after a dash goes, a condition at the end stays.
const takeCare = /^Darauf\s+achten,\s+((?:(?!\s(?:dass|ob|damit|weil|um)\s)[^.!?])+?(?:\szu\s+\p{Ll}+|\s\p{Ll}+zu\p{Ll}{3,}))(?=[\s,.!;:]|$)(?:\s+[–—]\s+(?:denn|weil|da)\s[^,]*)?/u;
function careTo(step: string): string {
  const m = takeCare.exec(step);
  return m ? capitalize(withoutZu(m[1]!)) + step.slice(m[0].length) : step;
}

// necessity's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const necessityPattern1 = /^(.+?)\s+(?:ist|sind)\s+(.*?)\s*(?:zu\s+(\p{Ll}+)|(\p{Ll}+?zu\p{Ll}{3,}))[.!]?$/u;
const necessityPattern2 = /^(?:Das|Dies|Dieses)\s+(?=\p{L}{3,})/u;
const necessityPattern3 = /(?<!\p{L})(?:kaum|schwer|leicht|einfach|gut|problemlos|ohne\s+Weiteres)$|(?<!\p{L})(?:kaum|schwerer|leichter|einfacher|(?:nur\s+)?schwer|leicht)(?!\p{L})/u;

// "Es ist sicherzustellen, dass …", "Es ist unbedingt darauf zu achten, dass …", "Es ist zu prüfen, ob …": the step
// with its object clause. Expecting, assuming, fearing and noting are no deeds.
const impersonalDuty =
  /^Es\s+ist\s+((?:(?:daher|deshalb|zudem|außerdem|auch|ebenfalls|unbedingt|dringend|jetzt|sofort|umgehend|stets|immer|grundsätzlich|zunächst|vorab|regelmäßig)\s+){0,2})((?:da\p{Ll}+|hier\p{Ll}*)\s+)?(?:zu\s+(\p{Ll}+)|(\p{Ll}+?zu\p{Ll}{3,})),\s+((?:dass|ob|welche\p{L}*|wie|wann|wer)\s.+?)[.!]?$/u;
const noDeed = /^(?:erwarten|befürchten|vermuten|hoffen|ausgehen|annehmen|rechnen|beachten|berücksichtigen|bedenken|betonen|erwähnen|bemerken|festhalten|feststellen|sagen|wissen|sehen|lesen|entnehmen)$/u;

function impersonalStep(sentence: string): string | null {
  const m = impersonalDuty.exec(sentence);
  if (!m) return null;
  const verb = m[3] ?? zuInfinitive(m[4]!);
  if (verb === m[4] || noDeed.test(verb)) return null;
  return capitalize(`${m[1]}${m[2] ?? ''}${verb}, ${m[5]}`);
}

/** "Unerwartete Anhänge sind wie Phishing-Mails zu behandeln", "Veraltete Software ist zu ersetzen". */
export function necessity(sentence: string): string | null {
  if (!sentence.includes('zu') || !/\b(?:ist|sind)\s/.test(sentence)) return null;
  if (sentence.startsWith('Es ist ')) return impersonalStep(sentence);
  // "…ist vom Netz zu trennen, um weitere Schäden zu vermeiden": a purpose after the comma goes, a condition or the
  // question to check ("Zunächst ist zu prüfen, ob …") stays behind.
  const after = /,\s+(um|damit|wenn|falls|sobald|bevor|bis|sofern|solange|ob)\s[^,]*[.!]?$/u.exec(sentence);
  const s = after ? sentence.slice(0, after.index) : sentence;
  const tail = after && !/^(?:um|damit)$/u.test(after[1]!) ? sentence.slice(after.index).replace(/[.!]$/u, '') : '';
  const m = necessityPattern1.exec(s);
  // "…, nach denen versucht wird, Viren … zu schleusen": the infinitive belongs to a clause of its own.
  if (!m || /^(?:Es|Das|Dies|Hier|Dieses|Folgendes|Weitere\b)/.test(m[1]!.replace(necessityPattern2, '')) || m[2]!.includes(',')) return null;
  // "kaum zu unterscheiden", "leicht zu fälschen", "immer schwerer von echten Mails zu unterscheiden": what can be done,
  // not what must. "Mails werden verschickt und sind … zu …": the second predicate of a report.
  if (necessityPattern3.test(m[2]!.trim()) || /(?<!\p{L})(?:werden|wird|wurden|wurde)\s.*\s(?:und|oder)$/u.test(m[1]!)) return null;
  const verb = m[3] ?? zuInfinitive(m[4]!);
  if (verb === m[4] || /^(?:finden|erreichen|erwarten|rechnen|sehen|lesen|entnehmen|beachten)$/.test(verb)) return null;
  // "Der Umstieg auf Windows 11 ist dringend zu empfehlen": what is recommended is the deed its subject names; a
  // purpose in front ("Damit Geräte sicher genutzt werden können, …") goes.
  if (/^(?:empfehlen|raten|anraten|befürworten)$/u.test(verb)) {
    // After a clause in front the subject follows the verb: "…, ist der Umstieg auf Windows 11 dringend zu empfehlen".
    const subject = (/,$/u.test(m[1]!) ? m[2]!.replace(/(?:\s+(?:dringend|sehr|daher|deshalb|unbedingt|ausdrücklich|also|jedenfalls))+$/u, '') : m[1]!).replace(/^(?:Damit|Um)\s[^,]*,\s+/u, '');
    return /,/u.test(subject) ? null : (stepOfNounPhrase(capitalize(subject)) ?? null);
  }
  return capitalize(`${m[1]} ${m[2] ? `${m[2]} ` : ''}${verb}${tail}`.replace(/\s+/g, ' ').trim());
}

// "Die Aufbewahrung der Sicherungsbänder sollte außerhalb der Praxis erfolgen", "Die Meldung muss innerhalb von 72
// Stunden erfolgen": a deed named by its noun, done as the predicate says. Its object in a feminine or plural genitive
// ("der", "einer") or a bare plural after "von" takes the accusative unchanged; "des Patches" would need the noun's
// gender and is left alone, as is "soll … erfolgen", which announces a plan.
const deedPredicate =
  /^(?:Die|Eine)\s+(\p{Lu}\p{Ll}{2,}(?:ung|ation))(?:\s+(?:(der|einer)\s+([^,]+?)|von\s+(?!(?:der|dem|den|einem|einer|des)\s)([^,]+?)))?\s+(?:sollte|sollten|muss|müssen)\s+([^,]*?)\s*(?:erfolgen|stattfinden)[.!]?$/u;

/** A deed named by its noun with "sollte/muss … erfolgen" as the infinitive step: "Die Sicherungsbänder außerhalb der Praxis aufbewahren". */
export function deedDone(s: string): string | null {
  if (!s.includes('erfolgen') && !s.includes('stattfinden')) return null;
  // A purpose behind the predicate goes ("…, damit die Daten bei einem Brand nicht verloren gehen"); a condition or a
  // time stays behind the step ("…, sobald die Praxis davon erfährt").
  const plain = s.replace(/,\s+(?:damit|um)\s.*$/u, '');
  const when = /,\s+(?:sobald|wenn|falls|sofern|bevor|nachdem|spätestens\s+wenn)\s[^,]*?(?=[.!]?$)/u.exec(plain);
  const m = deedPredicate.exec(when ? `${plain.slice(0, when.index)}.` : plain);
  if (!m) return null;
  const [, noun, article, genitive, plural, how] = m;
  if (otherAgent.test(how!) || /(?<!\p{L})(?:durch|von)\s+(?:der|dem|den|die)\s/u.test(how!)) return null;
  const verb = verbOfDeed(noun!);
  // A dative plural after "von" loses its -n in the accusative: "von Kennwörtern" → "Kennwörter".
  const object = genitive ? `${article === 'der' ? 'die' : 'eine'} ${genitive}` : plural ? plural.replace(/(\p{Ll}er)n$/u, '$1') : '';
  return capitalize(`${object} ${how} ${verb}${when ? when[0] : ''}`.replace(/\s+/gu, ' ').trim());
}

// "Ein Passwort muss mindestens acht Zeichen lang sein", "Passwörter sollten nie aus Namen bestehen", "Das Passwort
// sollte den aktuellen Standards entsprechen": a rule for a thing the practice sets up, as a check of that rule. Only
// things a practice configures; "Das Update sollte bald verfügbar sein" says when, and stays out.
const configuredThing =
  /^(?:(?:Ein|Eine|Das|Die|Der|Jedes|Jede|Jeder|Alle|Ihr|Ihre)\s+)?(?:\p{Ll}+\s+)?(?:\p{L}+-)?(?:Passw(?:ort|örter)|Kennw(?:ort|örter)|PINs?|Backups?|Datensicherung(?:en)?|Sicherungskopien?|Sicherungen|Virenschutz|Virenscanner|Firewall|Betriebssystem(?:e)?|Rechner|PCs?|Server|Datenträger|WLAN|Benutzerkonten|Zugänge|Zugangsdaten)$/u;
const notRule = /(?<!\p{L})(?:wieder|bald|demnächst|voraussichtlich|morgen|heute|verfügbar|erhältlich|behoben|abgeschlossen|möglich|fertig|ab\s|bis\s)/u;
// The third person singular of the verbs such rules end in; a regular verb takes "-t".
const thirdPerson: Record<string, string> = { sein: 'ist', haben: 'hat', enthalten: 'enthält', entsprechen: 'entspricht', gelten: 'gilt', laufen: 'läuft', aussehen: 'aussieht' };
const ruleVerb = /^(?:sein|haben|enthalten|entsprechen|bestehen|vorkommen|stehen|liegen|lagern|umfassen|aufweisen|verfügen|erfüllen|gelten|bleiben)$/u;

function ruleOfThing(subject: string, modal: string, main: string, tail: string): string | null {
  const thing = subject.trim();
  // "… in keinem Wörterbuch stehen – „R2D2“ ist kaum sicherer": what follows a dash comments on the rule.
  main = main.replace(/\s[–—]\s.*$/u, '');
  if (/^\s*[–—]\s/u.test(tail)) tail = '';
  const words = main.trim().split(/\s+/u);
  const verb = words.pop()!;
  if (!configuredThing.test(thing) || !ruleVerb.test(verb) || words.length === 0 || notRule.test(main) || tail.trim() !== '') return null;
  const singular = /^(?:sollte|muss|darf|solle|müsse)$/u.test(modal);
  const finite = singular ? (thirdPerson[verb] ?? verb.replace(/e?n$/u, 't')) : verb;
  // An article or determiner in front goes small inside the clause; a noun keeps its capital.
  const named = /^(?:Ein|Eine|Das|Die|Der|Jedes|Jede|Jeder|Alle|Ihr|Ihre)\s/u.test(thing) ? `${thing.charAt(0).toLowerCase()}${thing.slice(1)}` : thing;
  return `Sicherstellen, dass ${named} ${words.join(' ')} ${finite}`;
}

// "Moderne Router bieten eine Auto-Update-Funktion, die unbedingt aktiviert sein sollte": the duty sits in a relative
// clause at the end, its subject the thing named before the comma.
// The thing may stand before the participle of its own clause: "Microsoft hat ein Sicherheitsupdate veröffentlicht, das …".
const dutyOfThing =
  /(?:^|\s)((?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]+)(?:\s+(?:veröffentlicht|bereitgestellt|herausgegeben|ausgeliefert|freigegeben|verteilt|angekündigt|vorgestellt))?,\s+(?:die|der|das)\s+((?:\p{Ll}+\s+){0,3}?)(\p{Ll}+)\s+(?:werden|sein)\s+(?:sollte|sollten|muss|müssen)[.!]?$/u;

/** A passive duty in a relative clause as the step on its antecedent: "Auto-Update-Funktion unbedingt aktivieren". */
export function relativeDuty(s: string): string | null {
  if (!/(?:sollten?|muss|müssen)[.!]?$/u.test(s)) return null;
  const m = dutyOfThing.exec(s);
  if (!m || !isParticiple(m[3]!) || informedParty.test(m[1]!) || othersNamed(m[1]!)) return null;
  // "ein Problem, das gelöst werden muss": an abstract thing gives no step a practice could tick off.
  if (/(?:Problem|Frage|Thema|Punkt|Herausforderung|Aufgabe)$/u.test(m[1]!)) return null;
  // The article goes ("eine Auto-Update-Funktion" → "Auto-Update-Funktion").
  const thing = m[1]!.replace(/^(?:eine?|einen|die|der|das|den)\s+/u, '');
  return capitalize(`${thing} ${m[2]}${participleToInfinitive(m[3]!)}`.replace(/\s+/gu, ' '));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
