import type { Severity } from '../advisories/advisories.table.js';
import type { Sentence } from './sentences.js';

// Wording as notices use it (DOMAIN §4), strongest first; "kritisch" counts only about the flaw itself,
// not in "kritisch prüfen" or "kritische Konnektor-Versionen".
// (?<!\w) stands for a \b before a word: the same meaning, but V8 runs \b under the i and u flags as a slow check at
// every position of every sentence.
// An advisory's own rating under a label ("Severity: Important", "Schweregrad: hoch", "rated the severity as
// 'Moderate'", "CVSS-Einstufung: kritisch", "Priority: Critical"); a heading folded into its paragraph leaves the same shape.
const rated = (words: string) =>
  new RegExp(
    `(?<!\\w)(?:(?:severity|schweregrad|kritikalität|risiko(?:stufe|bewertung|einstufung)|einstufung|bedrohungsstufe|gefährdungsstufe)(?:\\s+(?:rating|level))?\\s*(?:[:=]\\s*|\\s(?:is|as|of|als|ist)\\s+|\\s)|risiko\\s*(?::\\s*|\\s(?:ist|als)\\s+)|(?:priority|priorität)\\s*:\\s*)['"„‚‘]?(?:${words})(?!\\w)`,
    'iu',
  );
// Checked before the wording: a vendor's rating says more than its urgency words.
const ratingWords = {
  kritisch: 'critical|kritisch|höchstkritisch',
  hoch: 'high|hoch|important|wichtig|schwerwiegend',
  mittel: 'medium|moderate|mittel',
  niedrig: 'low|niedrig|gering',
};
// Any of the four ratings: the same label with the words of all four. A sentence it does not match matches none of
// them (each rating's words are among these), so one test per sentence picks the few sentences the four are tried on.
const anyRating = rated(Object.values(ratingWords).join('|'));
const ratings: { severity: Severity; pattern: RegExp }[] = [
  { severity: 'kritisch', pattern: rated(ratingWords.kritisch) },
  { severity: 'hoch', pattern: rated(ratingWords.hoch) },
  { severity: 'mittel', pattern: rated(ratingWords.mittel) },
  { severity: 'niedrig', pattern: rated(ratingWords.niedrig) },
];

const rules: { severity: Severity; pattern: RegExp; advice?: boolean }[] = [
  {
    severity: 'kritisch',
    pattern:
      /(?<!\w)(?:höchst)?kritisch\w*,?\s+(?:(?!(?:ob|dass|wie|und|oder|wenn|weil|die|der|das|den|dem|des|ein|eine|einen|einer|im|in|mit|von|auf|für|zu|zur|zum|ist|sind|wird|werden|sich)\s)\p{Ll}+\s+){0,2}?(?:[\p{L}\d]+-)*(?:Schwachstelle|Sicherheitslücke|Lücke|Sicherheitsrisiko|Sicherheitsproblem|Fehler|Bedrohung|Sicherheitsupdate|Sicherheitswarnung|Angriffs?|Konstellation)\w*|(?<!\w)als\s+["„“‚‘'»«]?(?:höchst)?kritisch\b|(?<!\w)(?:ist|sind|gilt)\s+(?:als\s+)?["„“‚‘'»«]?(?:höchst)?kritisch\b|Warnstufe\s+Rot|Bedrohungslage\b[^.]{0,60}?\b(?:auf\s+)?rot\b|Schweregrad:?\s+kritisch|(?<!\w)(?<!(?:no\s+longer|not|never|neither|no|without|stop|stops|end|ends|cease|ceases)\s+(?:[\w-]+\s+){0,3})critical(?:-severity)?\s+(?:vulnerabilit(?:y|ies)|severity|flaws?|security|zero-day|bugs?|hole|issue|remote\s+code|RCE|patch(?:es)?|(?:firmware\s+)?updates?|hotfix(?:es)?|fix(?:es)?|(?:(?!(?:has|have|had|is|are|was|were|with|in|of|on|to|for|that|which|and|or|the|a|an)\s)[\w-]+\s+){1,3}?(?:vulnerabilit(?:y|ies)|flaws?|bugs?|hole|weakness(?:es)?))|(?<!\w)rated\s+critical\b|(?<!\w)severity:?\s+critical\b|\((?:critical|kritisch)\)/iu,
  },
  {
    severity: 'hoch',
    // "rät dringend davon ab, die Anhänge zu öffnen", "warnt dringend vor …": urgent advice against, not a rating of a flaw.
    pattern:
      /(?<!\w)(?<!(?:warnt|warnen)\s+)dringend\w*(?!\s+(?:davon\s+)?ab(?!\p{L})|\s+vor(?!\p{L}))|(?<!\w)(?:noch\s+)?gravierend(?!er\s*:)\w*|(?<!\w)erhebliche[sn]?\s+(?:Sicherheits)?risiko|(?<!\w)schwerwiegend\w*\s+(?:[\p{L}-]+\s+)?(?:Sicherheits|IT-Sicherheits)?(?:lücke|schwachstelle|problem|fehler|bug|risiko|vorfall|angriff)\w*|(?<!\w)als\s+["„“‚‘'»«]?hoch\b|Schweregrad:?\s+hoch|Warnstufe\s+Orange|(?<!\w)hohe[sn]?\s+(?:Sicherheits)?risiko|akute[rn]?\s+Handlungsbedarf|(?<!\w)high\s+severity|(?<!\w)(?:at|a|of)\s+high\s+risk\b|(?<!\w)rated\s+high\b|(?<!\w)as\s+soon\s+as\s+possible\b/iu,
  },
  {
    // "sofort", "umgehend": how fast the practice should act; about what a vendor did ("haben umgehend
    // Gegenmaßnahmen eingeleitet", "We immediately started") they say nothing about the flaw.
    severity: 'hoch',
    pattern: /(?<!ab\s)(?<!nicht\s)(?<!\w)sofort\b(?!-)|(?<!\w)unverzüglich\w*|(?<!\w)umgehend\w*|(?<!\w)schnellstmöglich\w*|(?<!\w)so\s+schnell\s+wie\s+(?:irgend\s+)?möglich\b|(?<!\w)schnellstens\b|(?<!\w)immediately\b|(?<!\w)urgent(?:ly)?\b/iu,
    advice: true,
  },
  { severity: 'mittel', pattern: /(?<!\w)vorsorglich\w*/iu, advice: true },
  {
    severity: 'mittel',
    // "Praxen sollten … aktualisieren": advice to practices without a word of urgency.
    pattern:
      /(?<!\w)(?:zeitnah(?!e[nrs]?\s+\p{Lu})(?!\w*\s+(?:erscheinen|erscheint|veröffentlicht|veröffentlichen|bereitgestellt|bereitstellen|ausgeliefert|ausliefern|folgen|folgt|nachgereicht|verfügbar)\b)\w*|als\s+["„“‚‘'»«]?mittel\b|medium\s+severity|rated\s+(?:medium|moderate))\b|(?<!\p{L})(?:Praxen|Praxisteams|Ärzt\p{L}*|Zahnärzt\p{L}*|Psychotherapeut\p{L}*|Anwender\p{L}*|Kunden|Sie)\s+sollten(?!\p{L})[^.]*?(?<![\p{L}\p{N}_])(?:aktualisieren|einspielen|installieren|ändern)\b/iu,
  },
  // "zeitnahe Sicherheitsupdates" in a list of what the guideline requires names a general duty; said of this notice's
  // step ("Eine zeitnahe Aktualisierung wird empfohlen") it rates it.
  // An appointment offered "zeitnah" ("vereinbaren Sie einen zeitnahen Termin") is a contact line.
  { severity: 'mittel', pattern: /(?<!\w)zeitnahe[nrs]?\s+(?!Termin)\p{Lu}/u, advice: true },
  { severity: 'niedrig', pattern: /(?<!\w)(?:zur\s+Information|informativ|geringe[sn]?\s+Risiko|als\s+["„“‚‘'»«]?niedrig\b|low\s+severity)\b/iu },
];
// A sentence that tells the reader what to do: a modal, a recommendation, "bitte", "Sie", an infinitive with "zu".
const advice =
  /(?<!\w)(?:sollt?e[nt]?|soll|muss|müss(?:en|ten|t)|empf(?:iehlt|ehlen|ohlen|ahl|ehlung)\w*|rät|raten|geraten|bitte|erforderlich|notwendig|nötig|should|must|recommend\w*|advis\w*|urge[sd]?|encourag\w*|please)(?!\w)|(?<!\w)zu\s+\p{Ll}{3,}n(?!\p{L})|(?<!\p{L})(?:ein|auf|um|an|ab|aus|zurück|vor|nach|her|fest|frei|durch|mit|weg|zu)zu\p{Ll}{2,}n(?!\p{L})/iu;
const addressed = /(?<=\S\s+)Sie\b|^\p{Lu}\p{Ll}+(?:en|ern|eln)\s+Sie\b/u;

// "den Vorfall unverzüglich … dem ULD melden": the legal duty to report a breach, not the urgency of a flaw.
const reportingDuty = /(?<!\p{L})(?:melden|zu\s+melden|meldepflichtig\p{L}*|Meldepflicht|anzuzeigen|benachrichtigen|72\s+Stunden)(?!\p{L})/iu;
const fixing = /aktualisier|update|einspiel|installier|patch|ändern|wechseln|trennen|abschalten|deaktivier/iu;

// "Update your device to the latest firmware immediately.": an English imperative of a fix addresses the reader.
const englishImperative = /^(?:please\s+)?(?:update|upgrade|patch|install|apply|disable|change|reset|restrict|block|remove|disconnect|isolate|shut\s+down|turn\s+off|switch\s+off)\s+(?:the|your|all|any|to|it|them|this|these|affected|\p{Lu})/iu;

function addressesReader(text: string): boolean {
  return (advice.test(text) || addressed.test(text) || englishImperative.test(text)) && !(reportingDuty.test(text) && !fixing.test(text));
}

const cvssScore = /\bCVSS(?:[\s-]*(?:v?[23](?:\.\d)?|Score|Basiswert|Base\s*Score|Wert))*[\s:(]*(?:von\s+)?(\d{1,2}[.,]\d)\b/i;
// An advisory's rating with its score out of ten ("Critical 9.3 / 10", "Hoch 7,5/10").
const ratedScore = /(?<!\w)(?:critical|high|medium|moderate|low|kritisch|hoch|mittel|niedrig)\s*\(?(\d{1,2}[.,]\d)\s*\/\s*10\b/i;

const rank: Record<Severity, number> = { unbekannt: 0, niedrig: 1, mittel: 2, hoch: 3, kritisch: 4 };

/** Severity only from what the notice says (its words or a CVSS score); without them it stays `unbekannt`. */
export function findSeverity(sentences: Sentence[]): { severity: Severity; evidence: string | null } {
  // The ratings can only match where anyRating does; the order of the sentences, and so the first match, is kept.
  const mayRate = sentences.filter((s) => anyRating.test(s.text));
  let best: { severity: Severity; evidence: string | null } = firstRule(ratings, mayRate) ?? firstRule(rules, sentences) ?? { severity: 'unbekannt', evidence: null };
  for (const s of sentences) {
    // A rated score is "… / 10": without a slash only the CVSS pattern can match.
    const m = cvssScore.exec(s.text) ?? (s.text.includes('/') ? ratedScore.exec(s.text) : null);
    if (!m) continue;
    const score = Number(m[1]!.replace(',', '.'));
    const severity: Severity = score >= 9 ? 'kritisch' : score >= 7 ? 'hoch' : score >= 4 ? 'mittel' : 'niedrig';
    if (score <= 10 && rank[severity] > rank[best.severity]) best = { severity, evidence: s.text };
  }
  return best;
}

/** CVE ids exactly as written in the text, in order, without repeats. */
export function findCves(text: string): string[] {
  return [...new Set([...text.matchAll(/\bCVE-\d{4}-\d{4,7}\b/gi)].map((m) => m[0].toUpperCase()))];
}

// What a fake mail claims or how it presses its readers ("behaupten, eine dringende Sicherheitsaktualisierung sei
// erforderlich", "E-Mails mit dringenden Handlungsaufforderungen") rates no flaw of the notice's.
const lure = /(?<!\p{L})(?:behaupte\p{L}*|angeblich\p{L}*|vorgeblich\p{L}*|vermeintlich\p{L}*|vorgaukel\p{L}*|vorgetäuscht\p{L}*|Handlungsaufforderung\p{L}*|Druck\s+(?:auf|aus))(?!\p{L})/iu;

/** The first rule, in order, that some sentence meets (advice rules only in a sentence addressed to the reader). */
function firstRule(list: { severity: Severity; pattern: RegExp; advice?: boolean }[], sentences: Sentence[]): { severity: Severity; evidence: string } | null {
  for (const rule of list) {
    const sentence = sentences.find((s) => rule.pattern.test(s.text) && (!rule.advice || addressesReader(s.text)) && (list === ratings || !lure.test(s.text)));
    if (sentence) return { severity: rule.severity, evidence: sentence.text };
  }
  return null;
}
