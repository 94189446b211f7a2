// Advice told as a recommendation: "Es wird empfohlen, X zu ändern", "Das BSI rät dringend, X einzuspielen", nominal
// advice ("empfiehlt ein sofortiges Update"), what a practice can check ("können Praxen selbst prüfen") and what one
// does best ("löscht man am besten"). Each returns the infinitive or noun phrase a practice can tick off, or null.
import { cueTest } from './cue-words.js';
import { addressedToOthers, attackDemand, othersNamed } from './reported-speech.js';
import { stepOfNounPhrase } from './nominal-steps.js';
import { condition } from './polite-imperatives.js';
import { finiteVerb, isInfinitive, isParticiple, participleToInfinitive, particles, zuInfinitive } from './verbs.js';

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

// canCheck ends in checkVerb: a sentence without one of these is no match (cue-words.ts).
const namesCheck = cueTest(['prüfen', 'kontrollieren']);

// selfCheck's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const selfCheckPattern1 = /(?<!\p{L})(?:nicht|kaum|schwer|kein\p{L}*)\s/u;
const selfCheckPattern2 = /^(?:Die|Der|Das|Den|Ihr\p{L}*|Alle|Diese\p{L}*)\s[^,]{0,60}$/u;
const selfCheckPattern3 = /^(?:Ob|Wann|Wie|Welche\p{L}*|Was|Wer)\s/u;
const selfCheckPattern4 = /^(?:Das|Dies|Es|Was|Wie|Wer|Ob)(?!\p{L})/u;

export function selfCheck(s: string): string | null {
  if ((!s.includes('könn') && !s.includes('kann') && !s.includes(' sich ')) || !namesCheck(s)) return null;
  const m = canCheck.exec(s);
  // "lässt sich nicht prüfen", "können Praxen kaum kontrollieren": what cannot be done.
  if (!m || selfCheckPattern1.test(m[3] ?? '')) return null;
  const verb = /(prüfen|überprüfen|kontrollieren|nachprüfen)(?=,|;|[.!]?$)/u.exec(s)![1]!;
  const [, lead, object, rest, clause] = m;
  // "Die Version lässt sich … prüfen": what is in front of "lässt sich" is the object only when it is a noun phrase.
  if (object && /(?:lässt|lassen)\s+sich\s/u.test(s) && !selfCheckPattern2.test(object)) return null;
  // Only a question in front is what to check ("Ob …", "Wann …"); another clause is a condition ("Wenn …").
  const front = lead && selfCheckPattern3.test(lead) ? `, ${lead.charAt(0).toLowerCase()}${lead.slice(1)}` : lead && /^(?:Wenn|Falls|Sofern|Sobald)\s/u.test(lead) ? `, ${lead.charAt(0).toLowerCase()}${lead.slice(1)}` : lead ? null : '';
  if (front === null || (object && selfCheckPattern4.test(object))) return null;
  return capitalize(`${object ? `${object} ` : ''}${rest ?? ''}${verb}${clause ?? ''}${front}`.replace(/\s+/g, ' ').trim());
}

// "Eine solche Mail löscht man am besten einfach": advice as what one does best, the object in front.
const doneBest = /^(\p{Lu}[^,]*?)\s+(\p{Ll}+t)\s+man\s+(?:am\s+besten|besser|lieber)(?:\s+(.*?))?[.!]?$/u;
// Every match holds one of these words, most sentences none (cue-words.ts).
const mayBeDoneBest = cueTest(['besten', 'besser', 'lieber']);

// bestDone's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const bestDonePattern1 = /^(?:Das|Dies|Es|Was|Wie|Wer|Wo|Man)(?!\p{L})/u;

export function bestDone(s: string): string | null {
  const m = mayBeDoneBest(s) ? doneBest.exec(s) : null;
  if (!m || bestDonePattern1.test(m[1]!)) return null;
  const rest = (m[3] ?? '').split(/\s+/u).filter(Boolean);
  const particle = rest.length > 0 && particles.has(rest[rest.length - 1]!) ? rest.pop()! : '';
  return capitalize(`${m[1]} ${[...rest, particle + participleToInfinitive(m[2]!)].join(' ')}`);
}


const advise =
  /\b(?:rät|raten|riet|abgeraten|abzuraten|abraten|empfiehlt|empfehlen|empfahl|empfohlen|[Ee]mpfehlung|fordert|fordern|forderte|forderten|aufgefordert|aufgerufen|ruft|rufen|rief|riefen|angehalten|gebeten|bittet|bitten|bat|baten|appelliert|appellieren|appellierte|lohnt(?=\s+sich)|gilt(?=\s+es\s*,|,)|Schritt(?=\s+(?:ist|wäre|sollte|besteht))|[Hh]ilfreich(?=\s+(?:ist|sind))|sichersten(?=\s+ist)|(?<=(?:beste|wirksamste|einzige|effektivste|sicherste|wichtigste|zuverlässigste)\s+)(?:Schutz|Schutzmaßnahme|Maßnahme|Mittel)(?=(?:\s+(?:gegen|vor)\s+[^,]{1,40}?)?\s+(?:ist|bleibt)(?:\s+es)?\s*,)|(?<=(?:gute|kluge|sehr\s+gute)\s+)Idee(?=\s*,|\s+(?:ist|wäre)\s+es\s*,)|(?<=gut\s+)beraten(?=\s*,)|[Rr]at|geraten|ratsam|sinnvoll|empfehlenswert|wichtig|angeraten|geboten|unerlässlich|Abhilfe|gehört|gehören|[Aa]ufgabe|[Pp]flicht|Ratsam|Sinnvoll|Empfehlenswert|Wichtig|Empfohlen|Angeraten|Geboten|Unerlässlich|Wichtigste)\b/u;
// Each word of advise contains one of these (cue-words.ts).
const mayAdvise = cueTest([
  'rät', 'rat', 'Rat', 'riet', 'rief', 'bat', 'empf', 'Empf', 'ford', 'ruf', 'angehalten', 'gebeten', 'bitte', 'appell', 'lohnt', 'gilt', 'Schritt', 'ilfreich', 'sichersten', 'Schutz', 'aßnahme', 'Mittel',
  'Idee', 'beraten', 'sinnvoll', 'Sinnvoll', 'wichtig', 'Wichtig', 'geboten', 'Geboten', 'unerlässlich', 'Unerlässlich', 'Abhilfe', 'gehör', 'ufgabe', 'flicht',
]);
const zuForm = /(?:^|\s)(?:zu\s+(\p{Ll}+)|(\p{Ll}+?zu\p{Ll}{3,}))(?=[\s,.!;:]|$)/gu;
// "nicht nötig, … zu ändern", "Wichtig ist nicht, …": no advice.
// "nicht mehr möglich oder sinnvoll, … zu erstellen": the negation reaches over a second adjective joined to the first.
// "Es gibt weder einen Grund noch eine rechtliche Pflicht, … zu reagieren": "weder … noch" too.
const negated = /(?<!\w)(?:nicht|kein\w*|weder\s+(?:\S+\s+){0,6}?noch)\s+(?:\S+\s+){0,2}(?:(?:oder|und)\s+)?$/u;
// "Geräte, bei denen es sinnvoll ist, …": advice words in a relative clause say which things are meant.
const inRelativeClause = /,\s+(?:(?:von|mit|bei|an|auf|in|für|über|aus|zu)\s+)?(?:denen|deren|dessen|welche\p{L}*)\s+(?:[^\s,]+\s+){0,5}$/u;
const nextZu = /^\s*(,|,?\s*und|,?\s*sowie)\s+(.*?)\s*(?:zu\s+(\p{Ll}+)|(\p{Ll}+?zu\p{Ll}{3,}))(?=[\s,.!;:]|$)/u;

// Whom advice without a comma is for, and its adverbs: "empfiehlt allen Praxen dringend …", "rät den Kunden …".
const adviceAddressee =
  /^\s*(?:(?:daher|deshalb|dringend|ausdrücklich|zudem|außerdem|nun|jetzt|allen|Ihnen|uns|(?:(?:den|allen|seinen|ihren|unseren)\s+)?(?:Praxen|Kunden|Nutzern|Anwendern|Betreibern|Administratoren|\p{L}+(?:ern|innen))(?:\s+(?:von|der|des)\s+[\p{L}-]+)?)\s+)*/u;

// listStart's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const listStartPattern1 = /^(?:(?:ein|eine|einen|die|der|das|den)\s+)?\p{Ll}+(?:e|en|es|er|em)$/u;
const listStartPattern2 = /(?:\p{Lu}[\p{L}-]*|\d)$/u;

// "ein neues, sicheres Passwort zu vergeben", "die Windows-Passwörter, das Passwort der Firewall sowie das des
// Konnektors zu ändern": commas inside the object. Segments before the last comma belong to it while they are a lone
// adjective, or a noun phrase of a list the object closes with "und", "oder" or "sowie"; the first segment after the
// advising verb (whom it is told to) never does.
function listStart(before: string, start: number): number {
  const list = /\s(?:und|oder|sowie)\s/u.test(before.slice(start));
  for (;;) {
    const previous = before.lastIndexOf(',', start - 2);
    if (previous === -1) return start;
    const segment = before.slice(previous + 1, start - 1).trim();
    const adjective = listStartPattern1.test(segment);
    const item = list && segment.split(/\s+/).length <= 6 && !finiteVerb.test(segment) && listStartPattern2.test(segment);
    if (!adjective && !item) return start;
    start = previous + 1;
  }
}

// recommended's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const recommendedPattern1 = /(?<!\p{L})(?:hat|haben|hatte|hatten)\s+([^,]*)$/u;
const recommendedPattern2 = /(?<!\p{L})ab\s*,$/u;
const recommendedPattern3 = /^\s+(?:[–—]\s+)?(und|oder|sowie)\s+(.*?)\s*(?:zu\s+(\p{Ll}+)|(\p{Ll}+?zu\p{Ll}{3,}))(?=[\s,.!;:]|$)/u;

/** "Es wird empfohlen, X zu ändern", "Das BSI rät dringend, X einzuspielen", "ruft die Betreiber auf, X einzusetzen, Y einzuspielen und Z zu konfigurieren". */
export function recommended(s: string): string[] | null {
  const a = mayAdvise(s) ? advise.exec(s) : null;
  if (!a || /^(?:Wir|Ich)\s+bitten\s+(?:um|Sie\s+um)\b/i.test(s) || negated.test(s.slice(0, a.index)) || inRelativeClause.test(s.slice(0, a.index))) return null;
  const after = s.slice(a.index + a[0].length);
  // "fordert die Politik auf, …", "hat die gematik aufgefordert, …": a demand on others, not advice to practices.
  if (addressedToOthers(after.split(',')[0]!, recommendedPattern1.exec(s.slice(0, a.index))?.[1] ?? '')) return null;
  // "In der E-Mail werden die Empfänger aufgefordert, …", "Die Betrüger bitten darum, …": the attack's demand, described.
  if (attackDemand(a[0], s.slice(0, a.index), after)) return null;
  // "Hersteller sind aufgerufen, …", "Die gematik wurde gebeten, …": a passive demand on others names them in front.
  if (/^(?:aufgefordert|aufgerufen|gebeten|angehalten|gefordert)$/u.test(a[0]) && addressedToOthers(s.slice(0, a.index).split(/,\s/u).pop()!, '')) return null;
  // "Sollten Sie eine derartige E-Mail erhalten, empfehlen wir, …": a condition in front holds for every step.
  const asked = leadingCondition.exec(s);
  const when = asked ? condition(asked[1], asked[2]) : '';
  const found = adviceSteps(after, a[0], s.slice(0, a.index));
  return found && when ? found.map((step) => `${step}${when}`) : found;
}

// "Sollten Sie …, empfehlen wir", "„Wenn Sie …, raten wir": a condition, its verb first or after its conjunction.
const leadingCondition = /^[„"“]?(Sollten?|Wenn|Falls|Sofern|Sobald)\s+([^,]+),\s+(?:(?:empfehlen|raten|bitten)\s+wir|(?:empfiehlt|rät)\s)/u;

function adviceSteps(after: string, word: string, front: string): string[] | null {
  for (const m of after.matchAll(zuForm)) {
    const verb = m[1] ?? zuInfinitive(m[2]!);
    if (verb === m[2]) continue; // "zuvor", "zusätzlich": not an infinitive with zu
    const before = after.slice(0, m.index);
    const immediate = /^\s*(?:(?:dringend|daher|ausdrücklich|deshalb|auf|an|Ihnen|allen|uns|nochmals|erneut)\s*)*,/.exec(before);
    let start = immediate ? immediate[0].length : before.lastIndexOf(',') + 1;
    // "Secunet empfiehlt die Deregistrierung … zu vermeiden", "Wir empfehlen allen die Firmware … zu prüfen": the comma
    // before the infinitive is optional; whom the advice is for goes.
    if (start === 0 && /^(?:rät|raten|riet|empfiehlt|empfehlen|empfahl)$/u.test(word) && !finiteVerb.test(before) && !othersNamed(before)) start = adviceAddressee.exec(before)![0].length;
    if (start === 0) continue;
    if (!immediate) start = listStart(before, start);
    const object = before.slice(start).trim();
    // "rufen in der Praxis an, um solche Angaben zu erfragen": a purpose, not the advice.
    if (/^(?:um|ohne|statt|anstatt)\s/u.test(object)) continue;
    // "rät dringend davon ab, diese E-Mails zu öffnen": advice against; the action is not to.
    const not = /^ab/.test(word) || recommendedPattern2.test(before.slice(0, start).trim()) ? 'nicht ' : '';
    let tail = after.slice(m.index! + m[0].length).replace(/[.!;:]+$/, '');
    // "… einzusetzen, … einzuspielen und … zu konfigurieren": three or more infinitives are as many actions.
    const list = [`${object} ${not}${verb}`];
    let rest = tail;
    for (let n = nextZu.exec(rest); n; n = nextZu.exec(rest)) {
      if (/\s(?:die|der|das|den|dem|welche\w*|wenn|falls|ob|dass|damit|um)\s/.test(` ${n[2]} `) && n[1] === ',') break;
      // "… darauf hinzuweisen, wachsam zu sein": the infinitive after a forward-pointing "darauf" is that step's object.
      if (n[1] === ',' && pointsForward.test(list[list.length - 1]!)) list[list.length - 1] += `, ${n[0].replace(/^\s*,\s*/u, '').trim()}`;
      else list.push(`${n[2]} ${not}${n[3] ?? zuInfinitive(n[4]!)}`);
      rest = rest.slice(n[0].length);
    }
    if (list.length >= 3) return list.map((x) => capitalize(x.replace(/\s+/g, ' ').trim()));
    // "… umzustellen oder die Geräte zu ersetzen": a second infinitive joined to the first.
    const joined = recommendedPattern3.exec(tail);
    let second = '';
    if (joined) {
      second = ` ${joined[1]} ${joined[2] ? `${joined[2]} ` : ''}${not}${joined[3] ?? zuInfinitive(joined[4]!)}`;
      tail = tail.slice(joined[0].length);
    }
    // A condition after the comma stays; a purpose ("…, um alle Angebote nutzen zu können") is no part of the step.
    const kept = tail.startsWith(',') && !/^,\s+(?:um|damit|sodass)\s/u.test(tail) ? tail : '';
    return [capitalize(`${object} ${not}${verb}${second}${kept}`.replace(/\s+/g, ' ').trim())];
  }
  // "Ganz wichtig ist auch, dass Sie die empfohlenen Updates installieren": the advice in a dass-clause addressed to the
  // practice, whose verb already has the infinitive's form.
  const that = adviceAdjective.test(word) || /^(?:empfiehlt|empfehlen)$/u.test(word) ? adviceThat.exec(after) : null;
  if (that && isInfinitive(that[2]!) && !/,\s/u.test(that[1]!)) return [capitalize(`${that[1]} ${that[2]}`)];
  // "Es sei wichtig, dass das Sicherheits-Update schnellstmöglich eingespielt wird": the same advice as a passive.
  const done = adviceAdjective.test(word) ? passiveThat.exec(after) : null;
  // What is done to people ("dass die Praxen informiert werden") is not done by the practice.
  if (done && isParticiple(done[2]!) && !/^(?:informiert|benachrichtigt|kontaktiert|angeschrieben|unterstützt|entschädigt)$/u.test(done[2]!) && !/,\s|(?<!\p{L})(?:Sie|wir|uns)(?!\p{L})/u.test(done[1]!) && !othersNamed(done[1]!))
    return [capitalize(`${done[1]!.replace(/^([Dd])er\s/u, '$1en ')} ${participleToInfinitive(done[2]!)}`)];
  return null;
}

const adviceAdjective = /^(?:wichtig|Wichtig|ratsam|Ratsam|sinnvoll|Sinnvoll|empfehlenswert|Empfehlenswert|unerlässlich|Unerlässlich|Wichtigste)$/u;
const pointsForward = /(?<!\p{L})da(?:r)?(?:auf|an|für|vor|zu|rüber|von)\s+(?:\p{Ll}+\s+)?\p{Ll}+$/u;
const passiveThat = /^[^,]{0,40},\s+dass\s+((?:der|die|das|alle|sämtliche|Ihr\p{L}*)\s.+?)\s+(\p{Ll}+)\s+(?:wird|werden)[.!]?$/u;
const adviceThat = /^[^,]{0,40},\s+dass\s+(?:Sie|Praxen|Ärzt\p{L}*|Zahnärzt\p{L}*|Praxisteams?|alle\s+Mitarbeit\p{L}*)\s+(.+?)\s+(\p{Ll}+)[.!]?$/u;

// "empfiehlt sich der Umstieg auf …", "Das BSI empfiehlt ein sofortiges Update", "rät zu einem Passwortwechsel",
// "Dringend empfohlen wird ein Update auf …", "Sinnvoll ist zudem eine Zwei-Faktor-Authentifizierung", and the means of
// protection as subject ("Den besten Schutz bieten regelmäßige Backups", "Der beste Schutz ist …", "Dabei helfen
// regelmäßige Updates des Betriebssystems"): the advice is a
// noun phrase, kept as one (as verbless list items are); a condition with its verb first goes behind it.
const nominalAdvice =
  /(?<!\p{L})(?:empfiehlt|empfehlen|empfahl)\s+(?:sich\s+)?(?:(?:daher|deshalb|dringend|ausdrücklich|außerdem|Praxen|Ihnen)\s+)*((?:der|die|das|den|ein|eine|einen)\s(?:[^,.;:]|\.(?=\d))+)|(?<!\p{L})(?:rät|raten|riet)\s+(?:(?:daher|deshalb|dringend|ausdrücklich|Praxen|allen\s+Praxen)\s+)*(?:zum|zur|zu\s+(?:einem|einer|dem|der)|zu(?=\s+(?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]*(?:s|en|n)(?!\p{L})))\s+((?:[^,.;:]|\.(?=\d))+)|^(?:(?:Dringend|Daher|Deshalb|Zudem|Außerdem)\s+)?(?:empfohlen|geraten|angeraten)\s+(?:wird|werden)\s+(?:(?:daher|deshalb|dringend|zudem|außerdem|ausdrücklich)\s+)*((?:der|die|das|ein|eine|einen)\s+(?:\p{Ll}+\s+)?\p{Lu}(?:[^,.;:]|\.(?=\d))+)|^(?:Sinnvoll|Ratsam|Empfehlenswert|Hilfreich|Zu\s+empfehlen)\s+(?:ist|sind)\s+(?:(?:zudem|außerdem|auch|daher|deshalb|dabei|hier|jedoch|vor\s+allem)\s+)*((?:(?:der|die|das|ein|eine|einen)\s+(?:\p{Ll}+\s+)?|regelmäßige\p{L}*\s+)\p{Lu}(?:[^,.;:–—]|\.(?=\d))+)|^(?:(?:Den\s+)?(?:[Bb]esten|[Ww]irksamen|[Ww]irksamsten|[Ee]ffektiven|[Zz]uverlässigen|[Gg]uten)\s+Schutz(?:\s+(?:für|vor|gegen)\s+[^,.]{1,40}?)?\s+(?:bieten|bietet)|Der\s+beste\s+Schutz\s+(?:ist|sind|bietet|bieten)|Die\s+(?:Basis|Grundlage)\s+(?:für|eines|einer)\s+(?:\p{L}+\s+){0,3}?(?:Schutz\p{L}*|\p{L}*Sicherheit)\s+(?:ist|sind|sei|seien))\s+(?:(?:vor\s+allem|insbesondere|zum\s+Beispiel|etwa|auch|noch\s+immer|immer\s+noch|nach\s+wie\s+vor|(?:nach\s+(?:Ansicht|Angaben|Einschätzung)|laut)\s+(?:der|des|von)?\s*\p{L}+)\s+)*((?:[^,.;:–—]|\.(?=\d))+)|^(?:Dabei|Dagegen|Hierbei|Hiergegen)\s+(?:helfen|hilft)\s+(?:(?:vor\s+allem|insbesondere|zum\s+Beispiel|etwa|auch)\s+)*((?:regelmäßige\p{L}*\s+|(?:der|die|das|ein|eine)\s+(?:\p{Ll}+\s+)?)\p{Lu}(?:[^,.;:–—]|\.(?=\d)|,\s+(?=(?:des|der|aller|eines|einer)\s))+)/u;

// Every match of nominalAdvice contains one of these (cue-words.ts).
const mayBeNominal = cueTest(['empf', 'rät', 'raten', 'riet', 'Sinnvoll', 'Ratsam', 'Empfehlenswert', 'Hilfreich', 'Schutz', 'helfen', 'hilft', 'Basis', 'Grundlage']);

// nominallyAdvised's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const nominallyAdvisedPattern1 = /^[^:,.]{1,40}:\s+(?=\p{Lu})/u;
const nominallyAdvisedPattern2 = /(?:\s+(?:daher|deshalb|zudem|außerdem|auch|dringend|ausdrücklich|[„"“]\p{L}+[“"”]))+$/u;
const nominallyAdvisedPattern3 = /^(?:den|der)\s+\p{L}+(?:ern|ten|en|innen)$/u;
const nominallyAdvisedPattern4 = /,\s[^.]*(?<!\p{L})zu\s+\p{Ll}|,\s[^.]*\p{Ll}zu\p{Ll}{3,}/u;
const nominallyAdvisedPattern5 = /(?<!\p{L})zu\s+\p{Ll}|\p{Ll}zu\p{Ll}{2,}(?:en|ern|eln)$/u;

// "rät (dringend) von einer weiteren Verwendung von Windows 7 ab": advice against a deed named as a noun. The step is
// doing without it, "auf eine weitere Verwendung von Windows 7 verzichten": the dative after "von" turns accusative,
// which needs the noun's gender; only nouns whose gender their ending tells are taken.
const againstDeed =
  /(?<!\p{L})(?:rät|raten|riet|rieten)\s+(?:(?:daher|deshalb|dringend|eindringlich|ausdrücklich|grundsätzlich|allen\s+Praxen|Praxen|Ihnen)\s+)*(?:von\s+(einer|der|dem|einem)|vom)\s+((?:\p{Ll}+en\s+)?)(\p{Lu}[\p{L}-]*)(\s+[^,.;!?]*?)?\s+ab(?:[.!]|$)/u;
const feminineNoun = /(?:ung|ion|gabe|nahme|tät|heit|keit)$/u;
const neuterInfinitive = /\p{Ll}(?:en|ern|eln)$/u;

/** Advice against a deed named as a noun, as "auf … verzichten"; null for any other sentence. */
export function advisedAgainst(sentence: string): string | null {
  // Every match holds one of the advising verbs as written (no i flag): most sentences none.
  const m = sentence.includes('rät') || sentence.includes('raten') || sentence.includes('riet') ? againstDeed.exec(sentence) : null;
  if (!m) return null;
  const [, written, adjective, noun, rest] = m;
  const article = written ?? 'dem';
  const feminine = feminineNoun.test(noun!);
  const neuter = !feminine && neuterInfinitive.test(noun!);
  if (!feminine && !neuter) return null;
  const accusative = { einer: 'eine', der: 'die', dem: 'das', einem: 'ein' }[article!]!;
  if ((feminine && !['einer', 'der'].includes(article!)) || (neuter && !['dem', 'einem'].includes(article!))) return null;
  const adj = adjective!.trim() ? `${adjective!.trim().replace(/en$/u, accusative === 'ein' ? 'es' : 'e')} ` : '';
  return `Auf ${accusative} ${adj}${noun}${rest ?? ''} verzichten`.replace(/\s+/gu, ' ');
}

// "Regelmäßige Backups sind unerlässlich", "Grundsätzlich sind Sicherheitsupdates unabdingbar": a thing practices make
// or install, called indispensable. Only heads that give a step (nominal-steps.ts) count.
const indispensable =
  /^(?:(?:Grundsätzlich|Daher|Deshalb|Zudem|Außerdem|Auch)\s+)?(?:(?:sind|ist)\s+((?:\p{Ll}+e\s+)?\p{Lu}[\p{L}-]+)\s+(?:\p{Ll}+\s+)?(?:unerlässlich|unabdingbar|ein\s+Muss|Pflicht)|((?:\p{Lu}\p{Ll}+e\s+)?\p{Lu}[\p{L}-]+)\s+(?:sind|ist)\s+(?:\p{Ll}+\s+)?(?:unerlässlich|unabdingbar|ein\s+Muss|Pflicht|das\s+A\s+und\s+O))(?=[\s,.!]|$)/u;

export function nominallyAdvised(sentence: string): string[] | null {
  const against = advisedAgainst(sentence);
  if (against) return [against];
  const needed = sentence.includes('unerlässlich') || sentence.includes('unabdingbar') || sentence.includes('Muss') || sentence.includes('Pflicht') || sentence.includes('A und O') ? indispensable.exec(sentence) : null;
  const thing = needed ? (needed[1] ?? needed[2])! : null;
  if (thing && stepOfNounPhrase(thing)) return [capitalize(thing)];
  // "Datensicherung: Wirksamen Schutz bieten …": a heading kept in front of its paragraph is no part of the advice.
  const colon = sentence.indexOf(': ');
  const s = colon > 0 && colon <= 40 ? sentence.replace(nominallyAdvisedPattern1, '') : sentence;
  const m = mayBeNominal(s) ? nominalAdvice.exec(s) : null;
  // Adverbs and quotes that trail the phrase are not part of it ("empfiehlt das Update zudem „dringend“").
  // "rät zu regelmäßigen Updates": a plural after a bare "zu" is dative; the step takes the accusative ("regelmäßige").
  const bareZu = m?.[2] !== undefined && /(?<!\p{L})zu\s+$/u.test(s.slice(0, m.index + m[0].length - m[2].length));
  const phrase = (m?.[1] ?? (bareZu ? m?.[2]?.replace(/^(\p{Ll}+)en(?=\s+\p{Lu})/u, '$1e') : m?.[2]) ?? m?.[3] ?? m?.[4] ?? m?.[5] ?? m?.[6])?.trim().replace(nominallyAdvisedPattern2, '');
  // "empfehlen den Anwendern daher, … zu aktualisieren": whom it is told to; the advice is the infinitive after it.
  if (m && (nominallyAdvisedPattern3.test(phrase ?? '') || nominallyAdvisedPattern4.test(s.slice(m.index + m[0].length)))) return null;
  if (!phrase || phrase.split(/\s+/).length > 12 || (phrase.split(/\s+/).length < 3 && !stepOfNounPhrase(phrase)) || finiteVerb.test(phrase) || nominallyAdvisedPattern5.test(phrase) || othersNamed(phrase) || /^(?:Wir|Ich)\b/.test(s)) return null;
  const asked = /^(Ist|Sind|Hat|Haben|Wird|Werden)\s+([^,]+),/u.exec(s);
  return [capitalize(`${phrase}${asked ? `, falls ${asked[2]} ${asked[1]!.toLowerCase()}` : ''}`)];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
