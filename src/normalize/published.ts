import { isProse } from './chrome.js';
import { date, isGerman, toDate } from './date-shapes.js';

// A weekday before a date: "Dienstag, 9. November 2021", "Veröffentlicht am Di., 12.03.2024".
const weekday = '(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mo|Di|Mi|Do|Fr|Sa|So)';
// Where a cue may stand: at the start of a line or of one of its fields ("Autor: KV Berlin | Erstellt am: …"), or
// after the adverbs of a page's own stamp. A cue verb inside a sentence ("The fix was released on …") dates an event.
const label = String.raw`(?:^|[|·•–—:,;(\[]|\s-|\s{2})\s*(?:(?:zuletzt|erstmals|originally|first|last|this\s+(?:article|page|post|story|advisory)\s+was)\s+)?`;
// Words by which a page dates its first publication: "Veröffentlicht am", "Erstellt:", "Eingestellt am", "Datum:",
// "Veröffentlichungsdatum:", "Published", "Posted by X on", "Release date:", "published this advisory".
const publishedCue = new RegExp(
  [
    `${label}(?:Veröffentlicht|Veröffentlichung|Erstellt|Erschienen|Eingestellt|Publiziert|Herausgegeben|Published|Posted|Released?|Issued|Created)(?:\\s+(?:am|on|at))?\\s*[:.,|·-]?\\s*(?:${weekday}\\.?,\\s*(?:den\\s+)?)?$`,
    String.raw`${label}(?:Veröffentlicht|Erstellt|Published|Posted)\s+(?:von|by)\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}\s+(?:am|on)\s*$`,
    `${label}(?<!\\p{L})(?:(?:Veröffentlichungs|Erscheinungs|Erstellungs|Publikations|Ausgabe)?datum|Datum(?:\\s+der\\s+Veröffentlichung)?|(?:Publication|Release|Issue|Publish(?:ed)?)\\s+date|Date(?:\\s+published)?)\\s*(?::|vom|am)?\\s*(?:\\p{L}+,\\s*)?$`,
    '\\bpublished this (?:advisory|article)\\s*(?:on\\s*)?$',
    // "Pressemitteilung vom …", "Rundschreiben an alle Mitglieder der KV Hessen vom …": the notice's own document line.
    '^.{0,80}\\bvom\\s*$',
    // "Nr. 10 / 29. Juni 2023", a double issue "zm113 Nr. 15-16, 16.08.2023"
    '\\bNr\\.\\s*\\d+(?:-\\d+)?\\s*[/,·|]\\s*$',
    // "Version 1.0, 08.11.2021", "Version 1.0 · Eltville & Bamberg, 08.11.2021"
    '\\bVersion\\s+[\\d.]+\\s*[,·]\\s*(?:[\\p{L}&. -]{2,40},\\s*)?$',
    `^\\s*${weekday}\\.?,?\\s*(?:den\\s+)?$`,
  ].join('|'),
  'iu',
);
// A line whose document noun leads the "vom" cue: the notice names itself ("Praxisinfo vom", "Gemeinsame
// Pressemitteilung von KBV und gematik vom"), not a warning it cites or an attack it reports ("Cyberangriff vom").
const ownDocument =
  /^\s*(?:(?!(?:Zur|Zum|Zu|Die|Der|Das|Den|Dem|Des|Eine?|Laut|Gemäß|Mit|Siehe|Nach|Unser\p{L}*|Ihr\p{L}*|Sein\p{L}*|In|Im|Auf|Aus|Hinweise?)\s)\p{Lu}\p{L}+\s+)?[\p{L}-]*(?:Pressemitteilung|Presseinformation|Pressemeldung|Rundschreiben|Mitteilung|Information|Info|Newsletter|Nachricht|Meldung|Beitrag|Artikel|Stellungnahme|Bekanntmachung|Rundbrief|Rundmail|Ausgabe|News|Aktuelles|Eintrag)(?:en|n|s)?\b(?!\s+(?:zum|zur|zu|über|wegen|bezüglich|nach|auf)\b)/iu;
// Words by which a page dates a later state of itself: "Stand:", "zuletzt aktualisiert am", "Letzte Änderung:",
// "Update 14.03.2024:" at the head of a line, "Last updated". Alone they date the notice; beside a first publication,
// that wins.
const updatedCue = new RegExp(
  [
    `${label}(?:Aktualisiert|Aktualisierung(?:sdatum)?|Letzte Aktualisierung|Letzte Änderung|Geändert|Änderungsdatum|Updated|Last updated|Modified|Last modified|Revised)(?:\\s+(?:am|on|at))?\\s*[:.,|·-]?\\s*(?:${weekday}\\.?,\\s*(?:den\\s+)?)?$`,
    `${label}(?<!\\p{L})Stand(?:\\s+(?:der|dieser)\\s+(?:Information(?:en)?|Seite|Meldung|Informationen))?\\s*(?::|vom|am)?\\s*(?:\\p{L}+,\\s*)?$`,
    '^\\s*\\[?\\s*(?:Update|Nachtrag)(?:\\s+(?:vom|am|on|from))?\\s*:?\\s*$',
  ].join('|'),
  'iu',
);
// "Ausdruck vom" (printed), "Störung vom", "Sitzung vom": the date of something else. "Stand Am 03.05.": two lines run together.
const notCue = /(?:Ausdruck|Druck|gedruckt|Sitzung|Veranstaltung|Termin|Störung|Wartung|Ausfall|Frist|Schreiben an Sie|Gesetz|Urteil|Beschluss)\b[^\d]*\bvom\s*$|\b(?:Stand|Datum)\s+Am\s*$/u;
// The lines of an event's box ("Datum: … / Uhrzeit: … / Ort: …"): there "Datum" is the event's day.
const eventBox = /^(?:Uhrzeit|Zeit|Ort|Veranstaltungsort|Beginn|Referent(?:in|en)?|Anmeldeschluss|Anmeldung|Time|Location|Venue)\s*:/iu;
const initialRelease =
  /(?<!\p{L})(?:first\s+(?:version|published|release|publication)|initial\s+(?:release|publication|version|statement)|originally\s+published|Erstveröffentlichung|erstmals\s+veröffentlicht|Erstfassung|erste\s+(?:Fassung|Version)\s+(?:dieser|der)\s+(?:Meldung|Warnung|Information))(?!\p{L})/iu;
// A deadline, an event or a period is not the date of the notice.
const notPublished = /\b(?:bis|ab|seit|zum|Frist|gültig|endet|Termin|Ende|until|from|by|before|after|since|zwischen|und)\s*$/iu;
// "am", "on": an event ("Störung am 12.12.2024"), unless a cue names it the date of the page ("veröffentlicht am").
const eventDay = /\b(?:am|on)\s*$/iu;
const time = String.raw`(?:(?:um|at)\s+)?(?:\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h|AM|PM|MEZ|MESZ|CET|CEST|UTC|GMT|EST|EDT|PST|PDT|ET|PT)){0,2}|\d{1,2}\s*Uhr)`;
// What may follow a date that stands on its own: a time, an issue number, a separator before more text.
const after = new RegExp(String.raw`^(?:[\s,]*(?:${time}|\(\d+\)|\d{1,3}))*\s*(?:$|[·|•]|[-–—]\s|\.\s|,\s*(?:Uhr|\d))`, 'iu');
// A byline around a date: "By Sergiu Gatlan · March 12, 2024", "12.03.2024 10:15 Uhr Von Dirk Knop".
const name = String.raw`\p{Lu}[\p{L}.'-]*(?:\s+(?:von\s+|van\s+|de\s+)?\p{Lu}[\p{L}.'-]*){0,3}`;
const bylineBefore = new RegExp(String.raw`^\s*(?:[Vv]on|VON|[Bb]y|BY)\s+${name}\s*(?:[·|•,–—-]|\/\/)?\s*$`, 'u');
const bylineAfter = new RegExp(String.raw`^(?:[\s,]*${time})*[\s,|·•–—-]*(?:[Vv]on|[Bb]y)\s+${name}$`, 'u');
// A rubric before a date: "Pressemitteilung | 12.03.2024", "zm online – 12.03.2024", "KV-Nachrichten 12.03.2024".
const rubricBefore =
  /^\s*(?:[\p{L}-]+\s+)?[\p{L}-]*(?:Pressemitteilung|Presseinformation|Pressemeldung|News|Nachricht(?:en)?|Meldung(?:en)?|Aktuelles|Aktuell|Beitrag|Artikel|Mitteilung(?:en)?|Praxisinfo|Rundschreiben|Newsletter|Press\s+Release|online|Blog)\s*(?:[|·•:–—-]\s*)?$/iu;
// A place or publisher before a date: "Münster, 21. September 2017", "APOTHEKE ADHOC, 15.12.2021 08:12 Uhr".
const dateline = /[\p{L}\p{N})”“"&./ -]{2,60},\s*$/u;

// Words that stand where a dateline's place would ("Update – 3.3.2025", "Frist – …"): stamps, events and periods.
const notPlace = /^\s*(?:Update|Nachtrag|Stand|Aktualisier\p{L}*|Änderung|Version|Frist|Termin|Beginn|Ende|Start|Statement|Initial|Erst\p{L}*|Last|First|Updated|Revised)(?!\p{L})/iu;

type Kind = 'published' | 'updated' | 'plain';
type Found = { date: Date; kind: Kind };

/**
 * The publication date a notice states for itself, or null. In its head (the lines before its second paragraph of
 * prose, at most 15): a date line ("Dienstag, 9. November 2021", "Münster, 21. September 2017"), a date after a
 * cue ("Veröffentlicht am …", "Pressemitteilung vom …", "Nr. 10 / 29. Juni 2023", "Published February 13, 2024"), or a
 * date leading a line ("16.12.2021 - Eine jüngst …"); never one that merely ends a headline. An update stamp ("Stand:",
 * "Aktualisiert am") counts only when no other date of the head, no later than it, dates the first publication. Elsewhere only a revision history's
 * first entry, or a short line that dates the page ("Erstellt am: 06.06.2019", "Stand: 03.05.2023"). Dates in the body
 * are events, and deadlines ("bis", "ab", "gültig") are never publication dates.
 */
export function statedDate(all: string[], { tail = true }: { tail?: boolean } = {}): Date | null {
  const lines = all.filter((l) => l.trim() !== '');
  const dayFirst = isGerman(lines);
  const events = lines.slice(0, 40).some((l) => eventBox.test(l.trim()));
  let proseSeen = 0;
  let update: Date | null = null;
  // Two or more list items that start with a date are a list of other articles, not the notice's own line.
  const datedItems = lines.slice(0, 40).filter((l) => /^\s*[•-]\s*\d{1,2}\.\d{1,2}\.\d{2,4}\s*[–—-]\s/u.test(l)).length > 1;
  for (let i = 0; i < lines.length && i < 15 && proseSeen < 2; i++) {
    const line = lines[i]!.trim();
    const found = headDate(line, dayFirst, events, datedItems);
    if (found) {
      if (found.kind !== 'updated') {
        // A first publication comes before its update; a later day beside an update stamp is an event.
        if (!update || found.date <= update) return found.date;
      } else update ??= found.date;
    }
    if (isProse(line)) proseSeen++;
  }
  if (update) return update;
  if (!tail) return null;
  // A revision history dates the notice by its first entry ("19 January 2020: First version of this news item published").
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length > 160 || !initialRelease.test(line)) continue;
    const m = [...line.matchAll(date)];
    if (m.length === 1) return toDate(m[0]!, dayFirst);
  }
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length > 100) continue;
    for (const m of line.matchAll(date)) {
      const before = line.slice(0, m.index);
      if (notPublished.test(before)) continue;
      const kind = stampKind(before, line.slice(m.index + m[0].length));
      if (kind === 'published') return toDate(m, dayFirst);
      if (kind === 'updated') update ??= toDate(m, dayFirst);
    }
  }
  return update;
}

/** What a cue in front of a date makes of it in a page's byline or footer, wherever that stands. */
function stampKind(before: string, rest: string): Kind | null {
  if (!/^\s*$|^\s*[|·•–—,(]/u.test(rest) && !after.test(rest) && !bylineAfter.test(rest)) return null;
  if (/(?:Veröffentlicht|Erstellt|Eingestellt|Published|Posted)\b/iu.test(before) && publishedCue.test(before)) return 'published';
  if (updatedCue.test(before)) return 'updated';
  return null;
}

// "Page updated 6/19/2024", "Seite zuletzt aktualisiert am …": the page's own stamp, in its footer.
const pageStampCue = /^(?:(?:this\s+)?(?:page|seite|site|article|artikel)\s+(?:zuletzt\s+|last\s+)?(?:updated|modified|aktualisiert|geändert)|last\s+(?:updated|modified)|zuletzt\s+(?:aktualisiert|geändert))(?:\s+(?:am|on))?\s*:?\s*$/iu;

/** The date a page's footer gives the page itself ("Page updated 6/19/2024"), read below related lists too. */
export function pageStamp(lines: string[]): Date | null {
  const dayFirst = isGerman(lines);
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length > 80) continue;
    for (const m of line.matchAll(date)) if (pageStampCue.test(line.slice(0, m.index))) return toDate(m, dayFirst);
  }
  return null;
}

/** Whether a short line dates the notice ("Dienstag, 9. November 2021", "Autor: KV Berlin | Erstellt am: 06.06.2019"). */
export function isDateLine(line: string): boolean {
  const l = line.trim();
  return l.length <= 100 && (headDate(l, false, false) !== null || statedDate([l]) !== null);
}

// headDate's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const headDatePattern1 = /^\s+\p{Lu}[\p{L}-]*(?:,?\s+[\p{L}-]+){0,3}\s*$/u;
const headDatePattern2 = /(?::|\b\p{Ll}+)\s*$/u;
const headDatePattern3 = /^[\p{Lu}][\p{L} ./-]{1,30},\s*$/u;
const headDatePattern4 = /^\s*\p{Lu}[\p{L}.-]+(?:\s+(?:an\s+der\s+|am\s+|a\.\s*)?\p{Lu}[\p{L}.-]+){0,2}\s+[–—-]\s*$/u;
const headDatePattern5 = /^\p{Lu}{2,}(?:[ -]\p{Lu}{2,}){0,2},\s*[\p{L}.]{2,12}\s+[-–—]\s*$/u;

/** A date that the line gives as its own: led by a cue, standing at the line's start or end, or after a place. */
function headDate(line: string, dayFirst: boolean, events: boolean, datedItems = false): Found | null {
  const found = (m: RegExpMatchArray, kind: Kind): Found | null => {
    const d = toDate(m, dayFirst);
    return d ? { date: d, kind } : null;
  };
  for (const m of line.matchAll(date)) {
    const before = line.slice(0, m.index);
    const rest = line.slice(m.index + m[0].length);
    if (notPublished.test(before)) continue;
    const alone = after.test(rest);
    const short = line.length <= 120;
    // "• Guidance for investigating … - Microsoft Security Blog - Published 24/03/23": a list item citing another page.
    const cited = /^•\s/.test(line) && before.replace(/^•\s*/, '').split(/\s+/).length > 4;
    if ((short || before.length <= 40) && !cited && !notCue.test(before)) {
      const vom = /\bvom\s*$/iu.test(before);
      const own = !vom || (ownDocument.test(before) && (alone || /^\s*:/.test(rest)));
      // In an event box a bare "Datum" is the event's; "Veröffentlichungsdatum" still names the notice's own day.
      if (publishedCue.test(before) && own && !(events && /(?<!(?:Veröffentlichungs|Erscheinungs|Publikations)|Publication\s|Release\s)(?:datum|date)\W*$/iu.test(before))) return found(m, 'published');
      if (updatedCue.test(before)) return found(m, 'updated');
    }
    if (eventDay.test(before)) continue;
    if (before.trim() === '' && alone) return found(m, 'plain');
    if (short && ((before.trim() === '' && bylineAfter.test(rest)) || (alone && (bylineBefore.test(before) || rubricBefore.test(before))))) return found(m, 'plain');
    // A row of short fields with the date as one of them: "Praxis-IT | 12.03.2024 | 3 Min.", "Redaktion · 12.03.2024".
    if (short && alone && /\s[|·•]\s*$/u.test(before) && before.split(/\s[|·•]\s/u).every((f) => f.trim().split(/\s+/).length <= 4 && !/[.!?:]$/.test(f.trim()))) return found(m, 'plain');
    // A date line with its rubrics: "01.09.2017 KVNO aktuell", "12.03.2024 Pressemitteilung", "06.08.2018 KVNO aktuell, Praxisinfos".
    if (before.trim() === '' && line.length <= 60 && headDatePattern1.test(rest)) return found(m, 'plain');
    // After a place or publisher ("Münster, 21. September 2017"). A date merely ending a headline is not taken: it
    // is as often the date of the event the headline reports as the date of the notice.
    if (short && alone && !headDatePattern2.test(before) && dateline.test(before) && /^\s*$/.test(rest.replace(/[\s,(]*\d{1,2}[:.]\d{2}.*$|\s*\(\d+\)\s*$/u, ''))) return found(m, 'plain');
    // "Bonn, 14.08.2019. Das BSI …", "Eltville, 08.11.2021 – Die …": a dateline before the first sentence.
    if (headDatePattern3.test(before) && /^\s*[-–—.]\s/u.test(rest)) return found(m, 'plain');
    // A place and a dash as a line of its own: "Flintbek — 16 / 06 / 2022", "Berlin – 12.03.2024".
    // Not a cue word in the place's stead: "Update – March 3, 2025" is a later state, told by the cues above.
    // "Berlin - 11.04.2014, 11:20 Uhr": with its time of day.
    if (short && headDatePattern4.test(before) && rest.replace(/^[\s,]*\d{1,2}[:.]\d{2}(?:\s*Uhr)?\s*$/u, '').trim() === '' && !notPlace.test(before)) return found(m, 'plain');
    // "• 03.05.2025 – Phishingangriffe …": the notice's headline as a dated list item, when no other item is dated.
    if (/^\s*[•-]\s*$/u.test(before) && /^\s*[–—-]\s+\p{Lu}/u.test(rest) && !datedItems) return found(m, 'plain');
    // A press release's dateline: "BELLEVUE, Wash. - January 15, 2018 - On January 4, …".
    if (headDatePattern5.test(before) && /^\s*[-–—]\s/u.test(rest)) return found(m, 'plain');
  }
  return null;
}
