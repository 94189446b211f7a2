// A sentence often holds its instruction in one clause of it, in an order the action shapes do not read: behind a
// label ("Update erforderlich: Zeigen Sie …"), after a semicolon ("…; bitte aktualisieren Sie …"), or in a
// dass-clause after a verb of saying, whose verb stands last ("Die KV weist darauf hin, dass Praxen … ändern sollten").
// Each function returns that clause as a sentence of its own, for the action shapes to read again, or null.

// "Update erforderlich:", "Wichtig für Praxen:": a short label without a verb of its own in front of a full sentence.
const label = /^([^:,.;!?]{2,40}):\s+(?=[„"]?\p{Lu})/u;
const labelVerb = /(?<!\p{L})(?:ist|sind|war|waren|wird|werden|wurde|wurden|hat|haben|kann|können|muss|müssen|soll|sollen|sollte|sollten|gibt|gilt|heißt|lautet)(?!\p{L})/u;

/** "Update erforderlich: Zeigen Sie …" → "Zeigen Sie …": the sentence behind a short label. */
export function behindLabel(s: string): string | null {
  const m = s.includes(':') ? label.exec(s) : null;
  if (!m || m[1]!.trim().split(/\s+/).length > 5 || labelVerb.test(m[1]!)) return null;
  const rest = s.slice(m[0].length);
  return rest.split(/\s+/).length >= 4 ? rest : null;
}

/** "Die Firmware erscheint am Montag; bitte spielen Sie sie sofort ein." → the clause after the last semicolon. */
/**
 * "In diesem Fall muss DSM 4.3 neu installiert werden; nur dann entfernt …": the instruction before the first semicolon,
 * with the reason after it.
 */
export function beforeSemicolon(s: string): string | null {
  const at = s.indexOf('; ');
  if (at < 0) return null;
  const head = s.slice(0, at).trim();
  return head.split(/\s+/).length >= 3 ? `${head}.` : null;
}

export function afterSemicolon(s: string): string | null {
  const at = s.lastIndexOf('; ');
  if (at < 0) return null;
  const rest = s.slice(at + 2).trim();
  return rest.split(/\s+/).length >= 3 ? rest.charAt(0).toUpperCase() + rest.slice(1) : null;
}

/**
 * "Alle Komponenten sollten mit aktueller Firmware laufen, und Updates sollten Sie immer sofort einspielen": a second
 * main clause after ", und" with a modal and the reader of its own.
 */
// A pronoun for its object points back into the first clause, which the step cannot carry along.
const secondMainClause = /,\s+(?:und|aber|doch)\s+((?:[^,]*?\s)?(?:sollten|müssen|sollte|muss)\s+(?:Sie|Praxen|Praxisinhaber\p{L}*)\s(?!(?:daher\s+|deshalb\s+|also\s+)?(?:es|sie|ihn|ihm|diese[nsr]?|das|dies)\s)[^,]+?)[.!]?$/u;
export function afterAnd(s: string): string | null {
  const m = secondMainClause.exec(s);
  return m ? m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1) : null;
}

// "… betont, dass …", "… weist darauf hin, dass …", "… erinnert daran, dass …": the saying, then the clause.
const sayingThat =
  /^(?:[^,]{0,80}?\s)?(?:betont|betonte|betonen|unterstreicht|erinnert|erinnerte|weist|wies|macht|machte|rät|empfiehlt|mahnt|appelliert|bittet|schreibt|erklärt|erklärte|hebt|heißt\s+es)(?:\s+(?:daher|deshalb|nochmals|erneut|ausdrücklich|eindringlich|(?:alle\s+)?(?:Praxen|Mitglieder|Kunden)))*(?:\s+(?:darauf|daran|dazu)(?:\s+(?:hin|aufmerksam))?|\s+hervor)?,\s+dass\s+(.+?)[.!]?$/u;
// The dass-clause's verbs at its end: "… ändern sollten", "… eingegeben werden sollen".
const finalModal = /^(.+?)\s+(sollten|sollte|sollen|soll|müssen|muss)$/u;
// The subject at the front of the clause: the practices, or what a passive is about.
const subjectFront =
  /^((?:(?:alle|die|sämtliche)\s+)?(?:Praxen|Arztpraxen|Zahnarztpraxen|Praxisteams?|Ärztinnen\s+und\s+Ärzte|Ärzte|Nutzer(?:innen)?|Anwender(?:innen)?|Kunden|Mitglieder|Sie|man)|(?:\p{Ll}+\s+){0,2}\p{Lu}[\p{L}-]+(?:\s+(?:der|des)\s+\p{Lu}[\p{L}-]+)?)\s+(.+)$/u;

/**
 * "Die Bank betont, dass Zugangsdaten nur auf ihrer Website eingegeben werden sollen" → "Zugangsdaten sollen nur auf
 * ihrer Website eingegeben werden": the dass-clause in the order of a main clause, its modal second.
 */
export function thatClauseAsMain(s: string): string | null {
  if (!s.includes('dass ')) return null;
  const m = sayingThat.exec(s);
  // "…, dass die Datei manuell eingespielt werden muss, damit die Störung behoben wird": the purpose behind goes.
  const clause = m?.[1]!.replace(/,\s+(?:damit|um)\s[^,]+$/u, '');
  if (!m || /,\s/u.test(clause!)) return null;
  const verbs = finalModal.exec(clause!);
  if (!verbs) return null;
  const parts = subjectFront.exec(verbs[1]!);
  if (!parts) return null;
  const subject = parts[1]!;
  return `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${verbs[2]} ${parts[2]}`;
}

// "Zuerst abgleichen, ob …", "Anschließend den Papierkorb leeren.": steps told in prose, one sentence each, read like
// the items of a list. A modal or auxiliary after the order word makes a statement ("Danach wollen die Täter …").
const orderWord = /^(?:Zuerst|Zunächst|Danach|Anschließend|Dann|Als\s+Nächstes|Im\s+nächsten\s+Schritt|Im\s+Anschluss|Schließlich|Abschließend|Zum\s+Schluss)\s+(\p{Ll}+)(?=[\s,])/u;
const auxiliary = /^(?:wollen|will|können|kann|könnte|könnten|würde|würden|müsste|müssten|werden|wird|wurde|wurden|müssen|muss|dürfen|darf|sollen|soll|sollte|sollten|möchten|lassen|lässt|gilt|heißt|haben|hat|hatte|sind|ist|war|waren|geht|gehen|folgt|folgen|kommt|kommen)$/u;

/** A prose sentence that is one step of a sequence, to be read as a list item. */
export function sequenceStep(s: string): boolean {
  const m = orderWord.exec(s);
  return m !== null && !auxiliary.test(m[1]!);
}

// afterDash's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const afterDashPattern1 = /\s[–—]\s+(\p{Ll}+\s+Sie\s[^–—]+)$/u;

/** "Die Mail ist gefälscht – löschen Sie sie sofort." → "Löschen Sie sie sofort.": an imperative after the last dash. */
export function afterDash(s: string): string | null {
  const m = s.includes('–') || s.includes('—') ? afterDashPattern1.exec(s) : null;
  return m ? m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1) : null;
}

