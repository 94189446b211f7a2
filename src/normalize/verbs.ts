// German verb forms an instruction comes in, turned into the infinitive a practice can tick off.

/** Separable prefixes that an imperative leaves at the end ("Spielen Sie das Update ein"). */
export const particles = new Set([
  'ein', 'an', 'ab', 'aus', 'auf', 'zu', 'durch', 'nach', 'vor', 'um', 'zurück', 'mit', 'weg', 'fest', 'her', 'hin', 'vorbei',
  'zusammen', 'herunter', 'hoch', 'hinzu', 'fort', 'weiter', 'frei', 'los', 'bereit', 'heraus', 'hinein', 'raus', 'rein', 'nach', 'über', 'unter', 'wieder', 'sicher',
]);

// Particles that are also adverbs: joined only to the verbs they form ("Stellen Sie sicher" → "sicherstellen"); with any
// other verb they stay an adverb ("Notieren Sie das Passwort sicher" → "Das Passwort sicher notieren").
const particleOnlyFor: Record<string, string[]> = { sicher: ['stellen', 'gehen'] };
const joins = (particle: string, verb: string) => particleOnlyFor[particle]?.includes(verb.toLowerCase()) ?? true;

// Prefixes written apart from the verb ("neu starten").
const apart = new Set(['neu']);

const irregular: Record<string, string> = { seien: 'sein' };

// Participles whose stem vowel differs from the infinitive's ("verbunden" → "verbinden"); the rest are regular.
const strongParticiples: Record<string, string> = {
  verbunden: 'verbinden', geschlossen: 'schließen', genommen: 'nehmen', geschrieben: 'schreiben', gestohlen: 'stehlen',
  getroffen: 'treffen', vermieden: 'vermeiden', geworfen: 'werfen', gezogen: 'ziehen', gestrichen: 'streichen',
  bekommen: 'bekommen', unterlassen: 'unterlassen', verboten: 'verbieten', gesprochen: 'sprechen', gebeten: 'bitten',
  gefunden: 'finden', geblieben: 'bleiben', gewiesen: 'weisen', verwiesen: 'verweisen', gestiegen: 'steigen',
  vergeben: 'vergeben', gesucht: 'suchen', gebracht: 'bringen', gedacht: 'denken', gewusst: 'wissen', gekannt: 'kennen',
  behoben: 'beheben', gehoben: 'heben', verschoben: 'verschieben', geschoben: 'schieben', entzogen: 'entziehen', gelesen: 'lesen',
  gegeben: 'geben', gelassen: 'lassen', gehalten: 'halten', getan: 'tun',
};

const clauseComma =
  /,\s+(?=(?:(?:von|mit|bei|an|auf|in|für|über|aus)\s+(?:der|dem|denen|deren|dessen|welche\w*)\s|die|der|das|den|dem|deren|dessen|welche\w*|wer|wem|wen|was|wann|warum|weshalb|wofür|womit|worauf|wodurch|woran|wohin|wenn|falls|ob|dass|sobald|damit|um|wo|wie|besonders|insbesondere|zum|etwa|bevor|nachdem|sofern|solange|weil|da|sodass|auch|bis|and|which|if|so|then)\b|z\.\s?B\.)/i;

// A relative clause closed by a comma inside the object: ", die den Fehler behebt, ".
const relativeClause = String.raw`,\s+(?:(?:von|mit|bei|an|auf|in|für|über|aus|zu)\s+)?(?:die|der|das|den|dem|denen|deren|dessen|welche\p{L}*)\s[^,]+,\s+`;
// … then a particle of the verb ("…, noch heute ein"), or the rest of the object before the end (", die …, besonders
// misstrauisch").
const lateParticle = new RegExp(String.raw`^(${relativeClause})([^,–—]*?)\s(\p{Ll}+)(?=,|$|\s[–—]\s)`, 'u');
const relativeThenRest = new RegExp(String.raw`^(${relativeClause})([^,–—]+?)(?=[.!]?$|\s[–—]\s)`, 'u');


// politeToInfinitive's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
// A colon before a sentence or an address ends the instruction: "Laden Sie die Firmware herunter: https://…".
const politeToInfinitivePattern1 = /:\s+(?=\p{Lu}|https?:\/\/|www\.)/u;
const politeToInfinitivePattern2 = /\s(\p{Ll}+)\s[–—]\s/u;

/** "Spielen Sie Updates regelmäßig ein" → "Updates regelmäßig einspielen"; a trailing clause stays behind the verb. */
export function politeToInfinitive(imperative: string, rest: string): string {
  let verb = irregular[imperative.toLowerCase()] ?? imperative.toLowerCase();
  // "Prüfen Sie, ob …": the verb leads its object clause.
  if (/^(?:ob|dass|welche[rsn]?|wie|wann|was)\b/i.test(rest)) return `${verb}, ${rest}`;
  // "setzen Sie die Schritte um; in aller Regel bedeutet das …": a semicolon ends the instruction, and so does a colon
  // before a sentence that explains it ("Klicken Sie ihn nicht an: Er führt auf …").
  rest = rest.split(/;\s/u)[0]!;
  const colon = politeToInfinitivePattern1.exec(rest);
  // Not inside a quotation: "den Schalter „Laufzeitverlängerung: Erneuerte ID verwenden“ aktivieren".
  if (colon && !/[„“"«»][^„“”"«»]*$/u.test(rest.slice(0, colon.index).replace(/„[^„“”"]*[“”"]|"[^"]*"|»[^«]*«/gu, ''))) rest = rest.slice(0, colon.index);
  // Only a comma before a clause ends the object; "durch eigene, starke Passwörter" is one phrase. A dash after a particle
  // or an infinitive ends it too: "Führen Sie das Upgrade durch – am besten mit Ihrem Dienstleister", "Lassen Sie die
  // Geräte aktualisieren – den Kartenleser auf 3.9.1" keep particle and verb before the dash.
  const dash = politeToInfinitivePattern2.exec(rest);
  // "Schulen Sie Ihre Mitarbeitenden darin, Phishing zu erkennen": the comma after "darin", "dazu" … opens the
  // infinitive clause the verb stands before.
  const daClause = /\s(?:darin|dazu|darauf|daran|dabei|damit|davor|dafür)(?=,\s+[^,]*(?:\szu\s+\p{Ll}+|\s\p{Ll}+zu\p{Ll}{3,})[.!]?$)/u.exec(rest);
  const comma = firstOf(
    firstOf(rest.search(clauseComma), daClause ? daClause.index + daClause[0].length : -1),
    dash && (particles.has(dash[1]!) || isInfinitive(dash[1]!)) ? dash.index + dash[1]!.length + 1 : -1,
  );
  let main = (comma === -1 ? rest : rest.slice(0, comma)).trim();
  const tail = comma === -1 ? '' : rest.slice(comma);
  // "Spielen Sie die Datei, die den Fehler behebt, noch heute ein": the particle stands after a relative clause.
  const late = tail && !particles.has(main.split(' ').pop()!.toLowerCase()) ? lateParticle.exec(tail) : null;
  if (late && particles.has(late[3]!)) return `${main}${late[1]}${late[2]} ${late[3]}${verb}${tail.slice(late[0].length)}`.replace(/\s+/g, ' ').trim();
  // "Seien Sie bei E-Mails, die zu Eile drängen, besonders misstrauisch": the rest of the object after the relative
  // clause, and then the verb.
  const rest2 = tail ? relativeThenRest.exec(tail) : null;
  const after = rest2?.[2]!.trim();
  if (rest2 && after && after.split(/\s+/u).length <= 4 && !/(?<!\p{L})(?:Sie|und|oder|sowie|aber|dann|um|damit|wenn|falls)(?!\p{L})/u.test(after) && !finiteVerb.test(after))
    return `${main}${rest2[1]}${after} ${verb}${tail.slice(rest2[0].length)}`.replace(/\s+/g, ' ').trim();
  const words = main.split(' ');
  const last = words[words.length - 1]!.toLowerCase();
  // "Legen Sie auf": the particle may be all there is.
  if (particles.has(last) && joins(last, verb)) {
    words.pop();
    verb = last + verb;
    main = words.join(' ');
  } else if (apart.has(last) && words.length > 1) {
    words.pop();
    verb = `${last} ${verb}`;
    main = words.join(' ');
  }
  return `${main} ${verb}${tail}`.replace(/\s+/g, ' ').trim();
}

const firstOf = (a: number, b: number) => (a === -1 ? b : b === -1 ? a : Math.min(a, b));

// zuInfinitive's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const zuInfinitivePattern1 = /^(\p{Ll}+?)zu(\p{Ll}{3,})$/u;

/** "einzuspielen" → "einspielen", "zu ändern" → "ändern". */
export function zuInfinitive(word: string): string {
  const m = zuInfinitivePattern1.exec(word);
  return m && particles.has(m[1]!) ? m[1]! + m[2]! : word;
}

// withoutZu's patterns, built once: a verb that ends a clause (before "und", a comma or the end).
const zuBeforeVerb = /(?<!\p{L})zu\s+(\p{Ll}+)(?=\s+(?:und|oder|sowie)\s|,|[.!;]?$)/gu;
const zuInsideVerb = /(?<!\p{L})\p{Ll}+zu\p{Ll}{3,}(?=\s+(?:und|oder|sowie)\s|,|[.!;]?$)/gu;

/** A phrase in its zu-form as a step: "das Team zu schulen und Updates einzuspielen" → "das Team schulen und Updates einspielen". */
export function withoutZu(phrase: string): string {
  return phrase.replace(zuBeforeVerb, '$1').replace(zuInsideVerb, (w) => zuInfinitive(w));
}

/** Past participle to infinitive, for passive instructions: "erneuert" → "erneuern", "eingespielt" → "einspielen". */
const ownGe = /^ge(?:währleist|nehmig|fährd|stalt|wöhn|statt)/;

export function participleToInfinitive(word: string): string {
  if (/iert$/.test(word)) return word.replace(/iert$/, 'ieren');
  for (const [participle, infinitive] of Object.entries(strongParticiples)) {
    if (word.endsWith(participle)) return word.slice(0, word.length - participle.length) + infinitive;
  }
  let prefix = '';
  let stem = word;
  for (const p of particles) {
    if (stem.startsWith(`${p}ge`) && stem.length > p.length + 4) {
      prefix = p;
      stem = stem.slice(p.length);
      break;
    }
  }
  // "gewährleistet" is "gewährleisten": a verb whose own stem begins with "ge" takes no second one in its participle.
  if (stem.startsWith('ge') && stem.length > 5 && !ownGe.test(stem)) stem = stem.slice(2);
  // A strong participle ends like its infinitive ("geladen" → "laden", "herausgegeben" → "herausgeben").
  if (/en$/.test(stem)) return prefix + stem;
  stem = stem.replace(/e?t$/, '');
  // "änder-n", "erneuer-n", but "spiel-en".
  return prefix + stem + (/(?:er|el)$/.test(stem) && !/ie[lr]$/.test(stem) ? 'n' : 'en');
}

// Words that end like an infinitive but are articles, pronouns or nouns in lower case.
const notVerbs = new Set(['allen', 'diesen', 'einen', 'ihren', 'unseren', 'seinen', 'keinen', 'jenen', 'den', 'denen', 'wegen', 'oben', 'unten', 'neben', 'eben', 'zwischen', 'gegen', 'morgen', 'übrigen', 'anderen', 'weiteren', 'folgenden']);

// isParticiple's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const isParticiplePattern1 = /^\p{Ll}*?ge\p{Ll}{2,}(?:t|en)$|^\p{Ll}+iert$/u;

/** A past participle ("eingespielt", "aktualisiert", "verbunden"), as in "… verbunden sein". */
export function isParticiple(word: string): boolean {
  return isParticiplePattern1.test(word) || Object.keys(strongParticiples).some((p) => word.endsWith(p));
}

// isInfinitive's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const isInfinitivePattern1 = /^\p{Ll}+(?:en|ern|eln)$|^(?:tun|sein)$/u;

/** The word that ends a German instruction's main clause: an infinitive ("aktualisieren", "tun", "sein"). */
export function isInfinitive(word: string): boolean {
  return isInfinitivePattern1.test(word) && !notVerbs.has(word);
}

/** Splits at the first comma after which the main clause has ended with an infinitive; null when it never does. */
export function mainClause(text: string): { main: string; tail: string } | null {
  const parts = text.split(/(?=,\s|\s[–—]\s)/u);
  let main = '';
  for (let i = 0; i < parts.length; i++) {
    main += parts[i];
    const last = main.replace(/[.!;:]+$/, '').trim().split(/\s+/).pop() ?? '';
    if (isInfinitive(last)) return { main: main.replace(/[.!;:]+$/, '').trim(), tail: parts.slice(i + 1).join('').replace(/[.!;:]+$/, '') };
  }
  return null;
}

// A list item with a finite verb or a pronoun for subject is a sentence of its own, not a noun phrase.
export const finiteVerb =
  /^(?:Er|Sie|Es|Wir|Ich|Man|So|Meist|Dann|Auch|Und|Aber|Manche|Viele|Hier|Dort|Dies|Das\s+\p{Ll})\b|(?<!\p{L})(?:ist|sind|war|waren|wird|werden|wurde|wurden|kann|können|hat|haben|gibt|muss|müssen|soll|sollen|sollte|sollten|darf|dürfen|lässt|bleibt|melden|meldet|sinkt|steigt|geht|kommt|erhalten|erhält|bietet|steht|stehen)(?!\p{L})/u;
