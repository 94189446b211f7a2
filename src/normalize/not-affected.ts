// Sentences that say a product is not affected: the products named in them are not what the notice is about.

// "nicht betroffen", also with the cause between ("sind nicht von der Log4j-Schwachstelle betroffen"), but not "nicht
// nur X, sondern auch Y betroffen" or "nicht aktualisierte Geräte sind anfällig"; "besteht keine Gefahr".
const statedUnaffected =
  /\bnicht\s+(?!nur\b|mehr\b|[a-zäöüß]+(?:te|ten|ter|tes|tem|ene|enen|ener)\s)(?:[^\s,.;:]+\s+){0,5}?(?:betroffen|beeinträchtigt|anfällig|verwundbar|gefährdet)\b|\bkeine\s+Gefahr\s+(?:für|besteht)\b|\bbesteht\s+(?:[a-zäöüß]+\s+){0,3}?keine\s+Gefahr\b|\bkein(?:e)?\s+(?:Update|Aktualisierung|Maßnahme)\s+(?:nötig|erforderlich|notwendig)\b|\bkeine\s+(?:Probleme|Auffälligkeiten|Einschränkungen)\s+(?:festgestellt|bekannt|gefunden)|\bkein\s+Handlungsbedarf\b|\bnot\s+(?:directly\s+)?(?:affected|vulnerable|impacted)\b|\bunaffected\b/i;

// The same said with a verb: "Die Lücke betrifft nicht die Digitalisierungsbox" (not "betrifft nicht nur …"), "This
// does not affect Microsoft 365", "Für Anwender von x.concept ändert sich nichts", "Die Kartenterminals müssen nicht
// aktualisiert werden", "Die SMC-B muss danach nicht neu freigeschaltet werden", "Praxen, die Microsoft 365 nutzen, müssen
// nichts tun", "können weiterhin genutzt werden", "Customers of Microsoft 365 are protected automatically", "are not at
// risk", "gilt nicht für", "does not apply to", "need not take any action", "ist davon ausgenommen", "Wer ein Cherry ST-1506 nutzt, braucht kein Update", "Praxen mit anderen Konnektoren können normal arbeiten"
// (a deadline, "noch bis Ende Juni", says the opposite: the thing is affected, only later).
const verbUnaffected =
  /\bbetr(?:ifft|effen)\s+(?:jedoch\s+|aber\s+|allerdings\s+)?(?:nicht(?!\s+nur\b)|keine[nrs]?)\b|\b(?:does|do|did)(?:\s+not|n['’]t)\s+affect\b|(?<!\S)ändert\s+sich\s+(?:\S+\s+){0,2}?nichts\b|(?<![\wäöüß])(?:muss|müssen|brauchen|braucht)\s+(?:\S+\s+){0,2}?nichts\s+(?:weiter\s+|zu\s+)*(?:tun|unternehmen)\b|\bno\s+action\s+(?:is\s+)?(?:required|needed)\b|(?<![\wäöüß])(?:braucht|brauchen|benötigt|benötigen)\s+(?:\S+\s+){0,2}?kein(?:e|en)?\s+(?:Update|Aktualisierung|neue\s+Firmware|Austausch|Tausch)\b|(?<![\wäöüß])(?:können|kann|arbeiten|arbeitet|funktionieren|funktioniert|laufen|läuft)\s+(?:(?!nicht\b|kaum\b|nur\b)\S+\s+){0,2}?(?:normal|uneingeschränkt|störungsfrei|wie\s+gewohnt)(?:\s+weiter)?(?:\s+(?:arbeiten|genutzt\s+werden))?(?=[\s.,;:!?]|$)|\b(?:work|works|working)\s+normally\b|(?<![\wäöüß])gilt\s+(?:\S+\s+){0,2}?nicht\s+für\b|\b(?:does|do)(?:\s+not|n['’]t)\s+apply\s+to\b|\bneed\s+not\s+(?:\S+\s+){0,2}?(?:act|take)\b|\b(?:do|does)(?:\s+not|n['’]t)\s+need\s+to\s+(?:act|take\s+(?:any\s+)?action|do\s+anything)\b|(?<![\wäöüß])(?:ist|sind)\s+(?:davon\s+)?ausgenommen\b|\bnot\s+at\s+risk\b|\b(?:is|are)\s+(?:already\s+|automatically\s+)*protected\b|\bremains?\s+(?:safe|unaffected)\b|\b(?:ist|sind)\s+(?:bereits\s+|automatisch\s+)*geschützt\b|(?<![\wäöüß])(?:muss|müssen|brauchen|braucht)\s+(?:\S+\s+){0,3}?nicht\s+(?:\S+\s+){0,2}?(?:aktualisiert|upgedatet|getauscht|ausgetauscht|ersetzt|freigeschaltet|neu\s+gestartet)\s+(?:zu\s+)?werden\b|(?<![\wäöüß])(?:kann|können|darf|dürfen)\s+(?:\S+\s+){0,3}?weiterhin\s+(?!(?:\S+\s+)?(?:bis|noch)\b)(?:\S+\s+){0,3}?(?:genutzt|verwendet|eingesetzt|betrieben)\s+werden\b/i;

// A product that does not use the library or component with the hole: "TeamViewer verwendet die Bibliothek nicht",
// "CGM ALBIS setzt Log4j nicht ein", "nutzt keine Java-Komponente", "AnyDesk does not use Log4j".
const libraryWord = String.raw`(?:Bibliothek|Komponente|Java|Log4j|Log4Shell|Library)`;
const libraryUnused = new RegExp(
  String.raw`(?<![\wäöüß])(?:verwendet|verwenden|nutzt|nutzen|benutzt|benutzen|setzt|setzen|enthält|enthalten)\s+(?:(?:\S+\s+){0,3}?(?:nicht|keine?[nrs]?)\s+(?:\S+\s+){0,2}?\S*${libraryWord}|(?:\S+\s+){0,3}?\S*${libraryWord}\S*\s+(?:\S+\s+){0,2}?nicht(?!\s+nur\b))|\b(?:does|do)(?:\s+not|n['’]t)\s+(?:use|include|contain|ship)\s+(?:\S+\s+){0,2}?\S*${libraryWord}`,
  'i',
);

// No problems known for a product: "keine Berichte über solche Ausfälle bekannt", "no reports of ESD problems are known
// for …", "there have been no reports of failures with …" (not attacks or exploits not yet seen: "Angriffe sind bisher
// keine bekannt" says nothing of whether the product is affected).
const noProblemsKnown =
  /\bkeine\s+(?:\S+\s+){0,2}?(?:Berichte|Meldungen|Hinweise)\s+(?:über|auf|zu)\s+(?:\S+\s+){0,2}?\S*(?:Probleme|Ausfälle|Abstürze|Störungen|Fehler)\b|\bkeine\s+(?:\S+\s+){0,2}?\S*(?:Ausfälle|Abstürze|Störungen)\s+(?:\S+\s+){0,3}?(?:bekannt|gemeldet|festgestellt|beobachtet)\b|\bno\s+(?:reports?\s+of\s+)?(?:\S+\s+){0,2}?(?:problems|issues|failures|malfunctions)\b[^;!?]{0,100}?\b(?:known|reported|found|observed)\b|\bthere\s+(?:have|has)\s+(?:so\s+far\s+)?been\s+no\s+reports?\s+of\s+(?:\S+\s+){0,2}?(?:problems|issues|failures|malfunctions)\b/i;

// Said to be safe or left untouched: "Windows 10 und Windows 11 sind sicher", "Windows 11 is safe", "bleibt von der Lücke
// unberührt", "bleibt verschont" (not a purpose: "Damit die FRITZ!Box sicher ist, …").
const statedSafe =
  /^(?!.*\b(?:damit|so\s+dass|sodass|um|so\s+that|to\s+keep|to\s+make)\b)[^,;:]*?\b(?:(?:ist|sind|bleibt|bleiben)\s+(?:(?!Sie\b|nicht\b|nie\b|kaum\b|keineswegs\b|noch\b)\S+\s+){0,4}?(?:sicher|unberührt|verschont|unbeeinträchtigt)|(?:is|are|remains?)\s+(?:still\s+)?safe)(?=[\s.,;:!?]|$)/i;

/** Whether a sentence says that what it names is not affected (so its products do not count). */
export function saysNotAffected(text: string): boolean {
  return statedUnaffected.test(text) || verbUnaffected.test(text) || libraryUnused.test(text) || noProblemsKnown.test(text) || statedSafe.test(text);
}

// A lead or heading of a list of what is not affected: "Nicht betroffen sind:", "Nicht betroffene Produkte", "The
// following products are not affected:", "Unaffected products".
const unaffectedHeading =
  /^(?:nicht\s+betroffen\p{L}*(?:\s+\p{L}+){0,2}|(?:products|versions|models|devices)\s+not\s+affected|not\s+affected(?:\s+(?:products|versions|models|devices))?|unaffected(?:\s+(?:products|versions|models|devices))?)\s*:?$/iu;

/**
 * Whether a sentence says what is not affected, or is an item of a list that such a sentence opens with a colon or
 * heads ("Nicht betroffen sind:" followed by "• ORGA Neo", "• Cherry ST-1506"): short items up to the next prose. Read
 * only for the sentences asked about (those that name a product), walking back to the list's lead.
 */
export function unaffectedSentences<T extends { text: string; bullet: boolean }>(sentences: T[]): { has: (sentence: T) => boolean } {
  const at = new Map<T, number>();
  sentences.forEach((s, i) => at.set(s, i));
  const item = (s: T) => s.bullet || (s.text.trim().length <= 60 && !/[.!?]$/.test(s.text.trim()));
  const lead = (s: T) => {
    const text = s.text.trim();
    return unaffectedHeading.test(text) || (/:$/.test(text) && saysNotAffected(text));
  };
  return {
    has: (sentence: T) => {
      if (saysNotAffected(sentence.text) || unaffectedHeading.test(sentence.text.trim())) return true;
      if (!item(sentence)) return false;
      for (let j = (at.get(sentence) ?? 0) - 1; j >= 0; j--) {
        if (lead(sentences[j]!)) return true;
        if (!item(sentences[j]!)) return false;
      }
      return false;
    },
  };
}
