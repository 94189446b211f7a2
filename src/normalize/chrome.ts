// What a web page puts around a notice, as shapes and word lists: a text copied from the browser carries its
// navigation, breadcrumbs, banners, share rows, bylines, related-article lists and footers. Data, not per-site rules.

// A byline that names its author after "written by", with the date behind a comma.
const authorLine = /^(?:written|posted|published|geschrieben|verfasst|erstellt)\s+(?:by|von)\s+(?!\d)[\p{L}.'&-]+(?:\s+[\p{L}.'&-]+){0,5}(?:,\s*[\p{L}\d.]+(?:\s+[\p{L}\d.]+){0,3})?$/iu;

/** Lines that are one item of a site's menus or buttons ("Suche", "Menü", "Drucken", "Advertisement"). */
const chromeItems = new Set(
  [
    'menü', 'menu', 'hauptmenü', 'navigation', 'suche', 'search', 'login', 'anmelden', 'abmelden', 'registrieren', 'sign in', 'sign up', 'sign in / up',
    'vorlesen', 'drucken', 'print', 'teilen', 'share', 'merken', 'speichern', 'anzeige', 'advertisement', 'werbung', 'zurück', 'weiter', 'schließen',
    'schliessen', 'close', 'newsletter', 'abo', 'kontakt', 'contact', 'impressum', 'imprint', 'datenschutz', 'privacy', 'barrierefreiheit', 'agb',
    'terms', 'startseite', 'home', 'weiterlesen', 'mehr', 'mehr erfahren', 'read more', 'artikel', 'facebook', 'twitter', 'x', 'linkedin', 'xing',
    'instagram', 'youtube', 'whatsapp', 'e-mail', 'email', 'mail', 'rss', 'sitemap', 'english', 'deutsch', 'leichte sprache', 'gebärdensprache',
    'nach oben', 'top', 'zur übersicht', 'zurück zur übersicht', 'alle meldungen', 'alle meldungen anzeigen', 'kommentare', 'comments', 'pdf',
    'drucken teilen', 'inhalt', 'tags', 'schlagworte', 'themen', 'downloads', 'presse', 'karriere', 'jobs', 'abonnieren',
  ],
);

/** A whole line that is never part of a notice, whatever the site. */
const chromeLines = [
  // skip links, script and table-of-contents notices
  /^(?:zum inhalt(?: springen)?|direkt zum inhalt|zur navigation|zur suche|zum hauptinhalt|skip to (?:main )?content|springe zum inhalt|jump to content)$/i,
  /^(?:klicken, um )?(?:zum|zur|direkt zum|nach)\s.{0,40}springen$/i,
  /\b(?:enable|aktivieren Sie)\s+javascript\b|^javascript (?:ist )?(?:deaktiviert|disabled)/i,
  /^(?:table of contents|inhaltsverzeichnis|inhalt(?:sübersicht)?|on this page|auf dieser seite)$/i,
  // cookie banners
  /\bcookies?\b.*\b(?:verwende|nutz|setz|akzeptier|einstellung|zustimm|einwillig|use|accept|consent)|\b(?:verwende|nutz|akzeptier)\w*\b.*\bcookies?\b/i,
  // bylines, reading time, picture credits
  /^(?:von|by)\s+(?!\d)[\p{L}.' -]{2,50}$/iu,
  // "Written by Lancom Technology, June 2022": the author may be a firm whose name is a product's.
  authorLine,
  /^(?:autor(?:in)?|author|text|foto|fotos|bild|bildquelle|quelle|redaktion|symbolbild|credit)\s*:/i,
  // a picture's caption ending in its credit: "Pixabay Keyboard PCVirus (Foto: Pixabay)", "Symbolbild (© dpa)"
  /^.{0,80}\((?:foto|fotos|bild|bildquelle|quelle|symbolbild|©)\s*:?\s*[^()]{1,50}\)$/i,
  /\b(?:lesezeit|lesedauer|min(?:\.|uten)?\s+(?:lesezeit|read)|minute read)\b/i,
  /^(?:veröffentlicht|aktualisiert|published|updated|erstellt)(?:\s+am)?\s*:?\s*(?:\|\s*(?:aktualisiert|updated)\s*:?\s*)?$/i,
  // share, print and subscription rows, logos, bracketed buttons, ads
  /^(?:teilen|share(?: on| this)?|drucken|merken|empfehlen|artikel (?:teilen|drucken|merken)|seite (?:teilen|drucken))\b.{0,60}$/i,
  /\b(?:jetzt|kostenlos)\b.{0,30}\babonnieren\b|\bwerbefrei\b|^(?:anzeige|advertisement|sponsored)\b/i,
  /^(?:logo|image widget|bild:)\b.{0,40}$/i,
  /^\[[^\]]{1,30}\]$/,
  // phone and contact lines of the site's header
  /^(?:tel\.?:?\s*)?\+?\d[\d\s/()-]{6,}\d(?:\s{2,}.{0,30})?$/i,
  /^(?:sie (?:sind|befinden sich)(?: hier)?|you are here)\s*:/i,
  /^(?:«|‹|<)\s*(?:zurück|vorherige|previous)|(?:nächste|next)\s*(?:»|›|>)$/i,
  /^\s*©|^copyright\b/i,
];

/**
 * A pointer to another article or to the site's product pages, with that page's headline or names behind the colon
 * ("Siehe auch: FRITZ!Box-Update schließt Lücke", "Lesen Sie auch: …", "Passende Produkte: CGM ALBIS, CGM M1 PRO",
 * "Video: So aktualisieren Sie Ihre FRITZ!Box"), the page's tags ("Tags: Windows 10, FRITZ!Box, Phishing"), or a
 * line that links a topic page ("Mehr Infos zu Windows 10", "Alle Artikel zu CGM ALBIS"): what it names belongs to
 * other pages, wherever it stands.
 */
const pointer =
  /^(?:[»›>→▸•*–-]\s*)?(?:siehe auch|lesen sie (?:auch|dazu|hierzu|mehr)|lies auch|lesetipps?|mehr dazu|mehr zum thema|zum thema|passend(?: dazu| zum thema)|(?:auch|ebenfalls) (?:interessant|lesenswert)|weiterlesen|(?:passende|ähnliche|weitere|verwandte|unsere) produkte|produkte zum thema|see also|read also|also read|read more|related(?: articles?| stories| story| posts?| products)?|more on this|you (?:may|might) also like|tags|schlagw(?:ö|o)rt(?:e|er)?|stichw(?:ö|o)rt(?:e|er)?|kategorien?|keywords|topics|filed under|video|podcast|dossier|bildergalerie|galerie|infografik)\s*:\s*\S|^(?:[»›>→▸•*–-]\s*)?(?:mehr\s+infos?\s+(?:zu|zum|zur|über)|alle\s+(?:artikel|beiträge|meldungen|news|nachrichten|themen)\s+(?:zu|zum|zur|über)|more\s+(?:news|articles|stories)\s+(?:on|about))\s+\S[^.!?]*$/iu;

/** "Written by Lancom Technology, June 2022": a page's byline, read for its date before it goes. */
export function isBylineLine(raw: string): boolean {
  return authorLine.test(raw.trim());
}

/** A line that points to other pages (see `pointer`): short, and not running text of the notice. */
export function isPointerLine(raw: string): boolean {
  const line = raw.trim();
  return line.length <= 200 && pointer.test(line);
}

// The headings of a box of other articles that news sites set into the middle of an article.
const inlineBox = /^(?:mehr zum thema|mehr zu diesem thema|lesen sie auch|auch interessant|siehe auch|das könnte sie (?:auch )?interessieren|passend dazu|zum thema)\s*:?$/iu;

/** A heading after which only related articles, comments, press contacts or the footer follow. */
const tailHeadings =
  /^(?:das könnte sie (?:auch )?interessieren|(?:das|dies) (?:könnte|dürfte) sie auch interessieren|mehr zum thema|mehr zu diesem thema|verwandte (?:artikel|themen|meldungen|beiträge)|ähnliche (?:artikel|beiträge|meldungen)|weitere (?:artikel|meldungen|nachrichten|beiträge|news)|auch interessant|lesen sie auch|siehe auch|see also|(?:passende|ähnliche|verwandte|weitere) produkte|related products|related(?: articles| stories| posts| content)?|more (?:from|on) |you may also like|read next|pressekontakt|presse-kontakt|medienkontakt|kontakt für (?:die )?(?:presse|medien)|ihr(?:e)? ansprechpartner(?:in)?|diskutieren sie mit|kommentare?(?: \(\d+\))?|leserkommentare|comments?|über (?:die|den|das|uns)\s+\S+$|(?:über|about)\s+(?!(?:die|der|das|den|dem|diese[rsmn]?|the|this|these)\s)\S+(?:\s+\S+){0,2}$|zur person$|zurück zur übersicht|alle meldungen anzeigen)\b/iu;

// More headings of a list of other articles, whole lines only ("Zum Thema" also starts prose): editors' picks, most read,
// latest, further links. Not "Aktuelles" or "News", which also head the notice itself on association pages.
const otherArticles =
  /^(?:zum thema|passend dazu|mehr zu (?:diesem|dem) thema|empfehlungen der redaktion|redaktionsempfehlungen?|meistgelesen(?:e (?:artikel|beiträge|meldungen))?|meist gelesen|beliebte (?:artikel|beiträge|themen)|(?:aktuelle|neueste|letzte|neue) (?:meldungen|beiträge|artikel|nachrichten|news)|weiterführende (?:links|informationen|artikel)|links zum thema|(?:ebenfalls|auch) (?:interessant|lesenswert)|ähnliche (?:nachrichten|news|themen)|mehr aus (?:dem|der|diesem|dieser) \S+|mehr (?:nachrichten|news|artikel|meldungen)|top-?(?:artikel|themen|news)|zuletzt veröffentlicht|das neueste|most (?:read|popular)|popular (?:posts|articles)|trending|related|you might also like|recommended(?: for you| reading)?|latest (?:news|posts|articles)|unsere (?:produkte|lösungen)|produkte und lösungen|our (?:products|solutions))\s*:?$/iu;

/** A whole line or sentence that heads a list of other articles (`otherArticles`, and the tail headings above). */
export function isOtherArticlesHeading(raw: string): boolean {
  const line = raw.trim();
  return line.length <= 60 && (otherArticles.test(line) || (tailHeadings.test(line) && !/^(?:über|about|kommentar|comment|pressekontakt|presse-kontakt|medienkontakt|kontakt|ihr)/iu.test(line)));
}

const datedEntry = /^\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\s+[-–—|]\s+\S/;

const separators = /\s{2,}|\s[|·•]\s|\s\|\s?|\s?\|\s/;
const breadcrumb = /\s(?:>|›|»|\/)\s/;
// What every match of `separators` or of a semicolon between items holds: two whitespace characters in a row, or one of
// these characters.
const maySeparate = /\s\s|[|·•;]/;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

// isProse's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const isProsePattern1 = /\p{Ll}[.!?] \p{Lu}/u;

/** A paragraph of running text: a full sentence or a long line. */
export function isProse(line: string): boolean {
  return line.length >= 160 || (line.length >= 40 && /[.…:]["“”»«]?$/u.test(line)) || isProsePattern1.test(line);
}

const isBullet = (line: string) => /^(?:[-*•–·›]|\d{1,2}[.)])\s/.test(line);

/** A row of menu items, a breadcrumb trail, a share row or a footer line: chrome by its shape alone. */
export function isChromeLine(raw: string): boolean {
  const line = raw.trim();
  if (line === '') return false;
  if (chromeItems.has(line.toLowerCase().replace(/[:.]$/, ''))) return true;
  if (chromeLines.some((p) => p.test(line)) || isPointerLine(line)) return true;
  if (line.length <= 160 && !/[.!?]$/.test(line)) {
    if (isMenuLine(line)) return true;
    const items = line.split(separators).map((s) => s.trim()).filter(Boolean);
    if (items.length >= 2 && items.filter((i) => chromeItems.has(i.toLowerCase().replace(/:$/, ''))).length * 2 >= items.length) return true;
    // "Startseite › Themen › Cyberattacke", "Blog > News"
    const crumbs = line.split(breadcrumb);
    if (crumbs.length >= 2 && !isBullet(line) && crumbs.every((c) => words(c) <= 6 && !/[.:!?]$/.test(c.trim()))) return true;
  }
  return false;
}

/**
 * "News   Archiv   Medizin   Politik", "Zahnärzte · Patienten · Presse", "CGM ALBIS · CGM M1 PRO · Sonstige": three or
 * more short items between separators, none of them a version.
 */
export function isMenuLine(raw: string): boolean {
  const line = raw.trim();
  if (line.length > 160 || /[.!?]$/.test(line)) return false;
  // Without a separator or a semicolon the line is one item (most lines of a page: a test spares them the split).
  if (!maySeparate.test(line)) return false;
  // A row of topics may put a semicolon between two of them ("Newsletterbeitrag   Digitalisierung; Meine Praxis").
  const items = line.split(separators).flatMap((s) => s.split(/;\s+/u)).map((s) => s.trim()).filter(Boolean);
  return items.length >= 3 && items.every((i) => words(i) <= 5) && !items.some((i) => /\d+\.\d+(?!\.\d{4})/.test(i) && !/\d{1,2}\.\d{1,2}\.\d{4}/.test(i));
}

// A table of contents: its heading, then numbered section titles ("1.1.1 Update via USB-Stick").
const contentsHeading = /^(?:Inhalt|Inhaltsverzeichnis|Inhaltsübersicht|Auf dieser Seite|Contents|Table of contents|On this page)\s*:?$/iu;
const sectionNumber = /^\d+(?:\.\d+)*\.?\s+\S/u;

/** The lines of a table of contents above the first paragraph: section titles, not the notice's headline. */
function contentsLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  lines.forEach((line, i) => {
    if (!contentsHeading.test(line)) return;
    out.add(i);
    for (let j = i + 1; j < lines.length && sectionNumber.test(lines[j]!); j++) out.add(j);
  });
  return out;
}

/** Runs of three or more short lines without sentence punctuation: a menu copied one item per line. */
function menuRuns(lines: string[]): Set<number> {
  const out = new Set<number>();
  const short = (l: string) => words(l) <= 3 && !/[.:!?…]$/.test(l) && !isBullet(l) && !/\d+\.\d+/.test(l);
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && short(lines[j]!)) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) out.add(k);
    i = Math.max(j, i + 1);
  }
  return out;
}

// "Sehr geehrte Kundinnen und Kunden,", "Liebe Mitglieder,": a letter's salutation opens the text, it does not head it.
const salutation = /^(?:Sehr\s+geehrte|Liebe|Lieber|Hallo|Guten\s+Tag|Dear|Hello)\b[^.!?:]{0,80},?$/u;

// "What's Happening?", "Do you own one of the following products?", "Nutzen Sie eines dieser Geräte?": a section's label
// or a question to the reader, which opens a list or a paragraph rather than heading the notice.
function readerQuestion(line: string, n: number): boolean {
  return line.endsWith('?') && (n <= 3 || /(?<!\p{L})(?:you|your|Sie|Ihr\p{L}*)(?!\p{L})/u.test(line));
}

/** A line that reads like a headline: a few words, not a menu item, not a date line or a sentence of prose. */
function headlineScore(line: string): number {
  const n = words(line);
  if (n < 2 || line.length > 200 || isChromeLine(line) || salutation.test(line) || readerQuestion(line, n)) return 0;
  return line.length;
}

/** The title and its index, the body lines, and how many of the given lines belong to the notice (before related lists and footers). */
export type TextNotice = { title: string; lines: string[]; titleAt: number; end: number };

/**
 * Finds the notice in a text copied from a web page: the title is the longest headline among the last lines before
 * the first paragraph (the site name, the section and the menu come before it); chrome lines go, and so does
 * everything after a related-articles, comments, press-contact or footer heading. `dated` tells date lines, which the
 * date finder has already read and which are not content.
 */
export function stripChrome(all: string[], dated: (line: string) => boolean = () => false): TextNotice {
  const lines = all.map((l) => l.trim()).filter((l) => l !== '');
  let first = lines.findIndex((l) => isProse(l) || isBullet(l));
  if (first === -1) first = Math.min(lines.length, 1);
  const menus = menuRuns(lines.slice(0, first));
  for (const i of contentsLines(lines.slice(0, first))) menus.add(i);
  const candidates: number[] = [];
  // A date line ("Dienstag, 9. November 2021") is rarely the headline, but a headline may carry a date.
  // The headline usually stands right before the body: the nearest candidate counts half again.
  // A headline right above its date line ("Informationen zu Windows 10" / "veröffentlicht am 27. Oktober 2015") is the
  // notice's, whatever stands above it; the copy's first line is the site's name more often than not.
  const score = (i: number) =>
    (headlineScore(lines[i]!) / (dated(lines[i]!) ? 4 : 1)) *
    (i === candidates[candidates.length - 1] ? 1.5 : 1) *
    (!dated(lines[i]!) && i + 1 < first && dated(lines[i + 1]!) ? 2 : 1) *
    (i === 0 && candidates.length > 1 ? 0.5 : 1);
  for (let i = 0; i < first; i++) if (!menus.has(i) && headlineScore(lines[i]!) > 0) candidates.push(i);
  const last = candidates.slice(-3);
  let titleAt = last.reduce((best, i) => (best === -1 || score(i) > score(best) ? i : best), -1);
  if (titleAt === -1) titleAt = first < lines.length && first > 0 && !salutation.test(lines[first - 1]!) ? first - 1 : -1;
  // A copy that starts with its first paragraph has no headline: its first sentence stands in for one.
  const title = titleAt >= 0 ? lines[titleAt]! : leadSentence(lines.find((l) => !salutation.test(l)) ?? '');
  const body: string[] = [];
  const tailMenus = menuRuns(lines);
  // On a list of dated entries ("14.03.2024 - Sicherheitsupdate für …", the TI-Status page), the notice is the entry
  // whose heading is the title; the next entry heading starts another notice.
  const entries = titleAt >= 0 && datedEntry.test(lines[titleAt]!);
  let end = lines.length;
  for (let i = Math.max(titleAt + 1, 0); i < lines.length; i++) {
    const line = lines[i]!;
    // "MEHR ZUM THEMA" and three teaser headlines in the middle of an article, its prose going on below: a box of
    // other articles set into the notice. The box goes; the notice does not end there.
    const resumes = i >= first && body.length > 0 && inlineBox.test(line) ? lines.slice(i + 1, i + 7).findIndex((l) => l.length >= 160) : -1;
    if (resumes >= 0) {
      i += resumes;
      continue;
    }
    if (
      (i >= first && body.length > 0 && ((tailHeadings.test(line) && line.length <= 80) || (otherArticles.test(line) && !lines.slice(i + 1, i + 4).some((l) => l.length >= 160)))) ||
      (i > first && /^\s*©|^copyright\b/i.test(line)) ||
      (entries && body.length > 0 && datedEntry.test(line) && line.length <= 160)
    ) {
      end = i;
      break;
    }
    if (isChromeLine(line) || (i > first && tailMenus.has(i) && !lines.slice(i).some(isProse)) || (i < first && menus.has(i))) continue;
    if (dated(line) && !isProse(line)) continue;
    body.push(line);
  }
  return { title, lines: body, titleAt, end };
}

const sentenceEnd = /[.!?](?=\s+\p{Lu}|\s*$)/u;

/** The first sentence of a paragraph, at most about 140 characters (cut at a word, with "…"), as a stand-in headline. */
function leadSentence(paragraph: string): string {
  if (!isProse(paragraph)) return paragraph;
  const end = sentenceEnd.exec(paragraph);
  const sentence = end ? paragraph.slice(0, end.index + 1) : paragraph;
  if (sentence.length <= 140) return sentence;
  const cut = sentence.lastIndexOf(' ', 137);
  return `${sentence.slice(0, cut > 60 ? cut : 137)} …`;
}
