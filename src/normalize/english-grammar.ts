// German grammar for English advice carried over word by word (english-actions.ts): nouns that English writes side by
// side become one German compound ("network devices" → "Netzwerkgeräte", "firewall rules" → "Firewall-Regeln"), a
// plural after "on", "in", "from", "with" or "at" takes the dative ("on all network devices" → "auf allen
// Netzwerkgeräten"), and an adverb of time stays an adverb unless a noun follows ("Daten täglich sichern", "tägliche
// Backups"). Only words the table wrote are touched; names and versions stay as written.

// German nouns that stand first in a compound, in the form they take there ("Verwaltungs-", "Geräte-").
const germanFirstParts: Record<string, string> = {
  Netzwerk: 'Netzwerk', Standard: 'Standard', Administrator: 'Administrator', Benutzer: 'Benutzer', Patienten: 'Patienten',
  Telefon: 'Telefon', System: 'System', Speicher: 'Speicher', Team: 'Team', Verwaltung: 'Verwaltungs', Zugriff: 'Zugriffs',
  Fernzugriff: 'Fernzugriffs', Passwort: 'Passwort', Konto: 'Konto', Zahlung: 'Zahlungs', Risiko: 'Risiko',
  Sicherung: 'Sicherungs', Gerät: 'Geräte', Anwendung: 'Anwendungs', Dienst: 'Dienst', Bank: 'Bank', Anmelde: 'Anmelde',
  Fern: 'Fern', Gast: 'Gast', Virenschutz: 'Virenschutz', Praxis: 'Praxis', Bildschirm: 'Bildschirm', Bild: 'Bild', Datenbank: 'Datenbank',
  Makro: 'Makro', Portweiterleitung: 'Portweiterleitungs', Schulung: 'Schulungs',
  Hersteller: 'Hersteller', Anbieter: 'Anbieter', Notfall: 'Notfall', Wartung: 'Wartungs', Verschlüsselung: 'Verschlüsselungs',
  Wiederherstellung: 'Wiederherstellungs', Überwachung: 'Überwachungs', Erkennung: 'Erkennungs', Daten: 'Daten', Datei: 'Datei',
  Drucker: 'Drucker', Sitzung: 'Sitzungs', Einschränkung: 'Einschränkungs', Richtlinie: 'Richtlinien', Netzwerke: 'Netzwerk', Mitarbeitende: 'Mitarbeiter', Benutzername: 'Benutzernamen', Absender: 'Absender',
};
// English loan words in German join with a hyphen: "Firewall-Regeln", "E-Mail-Anhänge", "Firmware-Update".
const loanFirstParts = new Set(['Firewall', 'Router', 'Server', 'E-Mail', 'Backup', 'Update', 'Firmware', 'Software', 'Browser', 'Cloud', 'Portal', 'Phishing', 'WLAN', 'Office', 'Website', 'App', 'Token', 'Client', 'Host', 'Domain', 'Spam', 'Support', 'Helpdesk', 'Desktop', 'Laptop', 'Smartphone', 'Tablet']);
// Built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const capitalised = /^\p{Lu}/u;
const lowerCase = /^\p{Ll}/u;
// "RDP-Zugriff", "IT-Techniker", "ZLD-Firmware": a short acronym before a German noun.
const acronym = /^[A-Z][A-Z0-9]{1,5}$/u;

/**
 * How `word`, whose last part is the noun `part` as the table wrote it, stands first in a compound: "Verwaltung" →
 * "Verwaltungs", "Firewall" → "Firewall-", a compound that grows keeps what it has ("Firewall-Verwaltungs").
 */
function firstForm(word: string, part: string): { form: string; hyphen: boolean } | null {
  const own = germanFirstParts[part];
  if (own !== undefined) {
    const before = word.slice(0, word.length - part.length);
    // Joined without a hyphen, the part was written in lower case: "Netzwerkgeräte" ends in "geräte".
    const joined = before !== '' && !before.endsWith('-');
    return { form: before + (joined ? own.charAt(0).toLowerCase() + own.slice(1) : own), hyphen: false };
  }
  if (loanFirstParts.has(part) || (word === part && acronym.test(word))) return { form: word, hyphen: true };
  return null;
}

/** Joins each noun the table wrote (`nouns`) to a noun before it that can stand first in a compound. */
function compounds(text: string, nouns: Set<string>): string {
  const out: string[] = [];
  // The last word as the table wrote it, so that a compound knows the noun it ends in.
  let part = '';
  for (const token of text.split(' ')) {
    const prev = out.at(-1);
    // A noun with the dative's "-n" ("Geräten") joins as well.
    const noun = nouns.has(token) || (token.endsWith('n') && nouns.has(token.slice(0, -1)));
    const first = prev !== undefined && noun ? firstForm(prev, part) : null;
    // An acronym after a name the table left as it was is part of that name: "QNAP NAS" stays.
    const inName = prev !== undefined && acronym.test(prev) && out.length >= 2 && capitalised.test(out.at(-2)!) && !nouns.has(out.at(-2)!);
    if (first && !inName) {
      const hyphen = first.hyphen || token.includes('-') || acronym.test(token);
      out[out.length - 1] = hyphen ? `${first.form}-${token}` : `${first.form}${token.charAt(0).toLowerCase()}${token.slice(1)}`;
    } else {
      out.push(token);
    }
    part = nouns.has(token) || !token.endsWith('n') ? token : token.slice(0, -1);
  }
  return out.join(' ');
}

// "täglich Backups" → "tägliche Backups"; "Daten täglich sichern" stays.
const adverbBeforeNoun = /(?<!\p{L})(täglich|wöchentlich|monatlich|jährlich)\s+(?=\p{Lu})/gu;

// "alle unbekannte Konten" → "alle unbekannten Konten": after "alle" an adjective ends in "-en".
const afterAll = /(?<!\p{L})([Aa]lle)((?:\s+\p{Ll}+e)+)(?=\s+\p{Lu})/gu;

/** The German grammar of a phrase translated word by word, with the dative marked before (see `markDative`). */
export function germanGrammar(text: string, nouns: Set<string>): string {
  return compounds(dativeAgreement(text), nouns)
    .replace(/\s*\u0003\s*/gu, ' ')
    .trim()
    .replace(adverbBeforeNoun, '$1e ')
    .replace(afterAll, (m, all: string, adjectives: string) => all + adjectives.replace(/e(?=\s|$)/gu, 'en'));
}

// English plural after a preposition that takes the dative in German, with at most one determiner and two words in
// between: "on all network devices", "from your main systems", "with unknown senders". Words in -ss, -us, -is are no
// plurals ("access", "status", "analysis").
// "zu" is the German one a rule has already written ("Zutritt zu Servern").
const dativePlural = /\b([Oo]n|[Ii]n|[Ff]rom|[Ww]ith|[Aa]t|zu)(\s+(?:(?:[Aa]ll|the|your|their|its|our)\s+)?(?:[A-Za-z][A-Za-z-]*\s+){0,2}?)([a-z][a-z-]*[^suy\s]s)(?=[\s,.;:)]|$)/gu;
const notPlural = new Set(['this', 'its', 'has', 'was', 'is', 'as', 'us', 'perhaps', 'sometimes', 'whereas', 'thus', 'unless', 'towards', 'besides', 'afterwards', 'always']);
/** What the table writes for a determiner: no word, but a border no compound crosses; `germanGrammar` takes it away. */
export const BOUNDARY = '\u0003';

/** The mark `markDative` puts behind a plural noun; `germanGrammar` takes it away. */
export const DATIVE = '\u0002';

/** Marks, in English, a plural after "on", "in", "from", "with", "at" (or a German "zu"): in German it takes the dative. */
export function markDative(english: string): string {
  return english.replace(dativePlural, (m, prep: string, between: string, noun: string) =>
    notPlural.has(noun.toLowerCase()) || between.split(/\s+/u).some((w) => notPlural.has(w.toLowerCase())) ? m : `${prep}${between}${noun}${DATIVE}`,
  );
}

/** A marked word as the table translated it: "Geräte" → "Geräten", "Computer" → "Computern"; "Konten" stays. */
export function endDative(german: string): string {
  return /(?:e|er|el)$/u.test(german) ? `${german}n` : german;
}

// The words before a marked noun that agree with it: "alle", adjectives in -e, and nouns that will join it.
const agreeing = /^(?:alle|\p{Ll}+e|\p{Lu}[\p{L}-]*)$/u;

/** "auf alle mobile Geräten" → "auf allen mobilen Geräten": the words before a marked noun take its case. */
function dativeAgreement(text: string): string {
  const tokens = text.split(' ');
  tokens.forEach((token, i) => {
    // Only a noun has words before it that agree: "at all times" became "jederzeit".
    if (!token.endsWith(DATIVE) || !capitalised.test(token)) return;
    // A determiner's border ("on all your devices") is passed over.
    for (let j = i - 1, seen = 0; j >= 0 && seen < 3 && (tokens[j] === BOUNDARY || agreeing.test(tokens[j]!)); j--) {
      if (tokens[j] === BOUNDARY) continue;
      seen++;
      if (lowerCase.test(tokens[j]!)) tokens[j] += 'n';
    }
  });
  return tokens.join(' ').replaceAll(DATIVE, '');
}
