// Where a notice names a product without it being what the notice is about (LABELS.md): the roles a product takes in
// a sentence besides being affected, as sentence shapes in German and English (the names are found in products.ts).
// The place of an action ("die Passwörter des Konnektors ändern"), the channel of an update ("automatisch über den
// Konnektor eingespielt"), the target of a migration ("Upgrade auf Windows 11", "ob die Software unter Windows 11
// unterstützt wird"), the other side of a comparison, and the shapes of round 7 below.
import { isFakeSender } from './fake-senders.js';
import type { Mention } from './products.js';

const credential = /(?<!\p{L})(?:\p{L}+-)?(?:Passw|Kennw|Zugangsdaten|Anmeldedaten|Admin-?PIN|password|credential)/iu;
const ofPlace = /(?:(?:des|der|am|im|vom|von|für|zum|beim|und|sowie|of|for|on)\s+|,\s*)(?:(?:den|das|die|dem|Ihre[rsmn]?|ihre[rsmn]?|the|your)\s+)?$|(?<!\p{L})(?:Ihre[rsmn]?|ihre[rsmn]?|your)\s+$/u;
// Where a password is to be changed, the place may also be named with "in", "unter", "auf" and a word for its kind:
// "Ändern Sie das Passwort Ihres Praxisrechners unter Windows 10 und in Ihrer Praxissoftware CGM Z1" (but "Passwörter
// werden in CGM Z1 im Klartext gespeichert" tells of a flaw in Z1).
const ofPlaceNamed =
  /(?:(?:des|der|am|im|vom|von|für|zum|beim|und|sowie|in|unter|auf|bei|an|of|for|on)\s+|,\s*)(?:(?:den|das|die|dem|der|Ihre[rsmn]?|ihre[rsmn]?|the|your)\s+)?(?:\p{Lu}\p{Ll}{2,}\s+)?$/u;
const changeCredential = /(?<!\p{L})(?:ändern|ändert|wechseln|erneuern|zurücksetzen|neu\s+vergeben|change|reset)(?!\p{L})/iu;
// Data about a product, not the product: "Betroffen sind … Antragsdaten für Elektronische Heilberufsausweise (eHBA)".
const dataFor = /(?<!\p{L})(?:Antrags|Bestell|Auftrags|Kunden|Personen|Nutzer|Anwender|Bewerbungs)(?:daten)\s+(?:für|zu|zum|zur|for|about)\s+(?:(?:den|die|das|dem|der|Ihre[rsmn]?|ihre[rsmn]?|the|your)\s+)?(?:\p{Lu}\p{Ll}{2,}\s+)?$/u;
const credentialAfter = /^-?(?:Passw|Kennw|Zugangsdaten|Anmeldedaten|PIN)/i;
const updatesThrough = /^\s+(?:für|for)\s+(?:(?:die|the)\s+)?(?:automatische\w*\s+|automatic\s+)?(?:Updates?|Aktualisierung\w*)(?!\p{L})/iu;
const channel = /(?<!\p{L})(?:über|via|per)\s+(?:(?:den|das|die|dem|Ihren|Ihr|Ihre)\s+)?$/iu;
// A relative clause about the channel before the rest of its sentence: "Über den Konnektor, der die Praxis mit der TI
// verbindet, wird die Firmware automatisch übertragen" (not "…, der eine Lücke hat, können Angreifer eindringen").
const clauseAboutIt = /^\s*,\s*(?:der|die|das|welche[rs]?|which|that)\s[^,;.:!?]{1,120},/iu;
const distributedLater = /^[^,;.:!?]{0,100}?(?<!\p{L})(?:eingespielt|installiert|verteilt|geladen|heruntergeladen|bezogen|übertragen|ausgerollt|aktualisiert|distributed|installed|delivered)(?!\p{L})/iu;

function distributedPastClause(rest: string): boolean {
  const clause = clauseAboutIt.exec(rest);
  return clause !== null && !strongFlaw.test(clause[0]) && distributedLater.test(rest.slice(clause[0].length));
}
const distributed = /^\s*(?:\p{L}+\s+){0,2}?(?:eingespielt|installiert|verteilt|geladen|heruntergeladen|bezogen|übertragen|ausgerollt|aktualisiert)(?!\p{L})/iu;
// The tool through which someone gets in, in a warning of fake support calls: "Gewähren Sie niemals Zugriff per
// TeamViewer oder AnyDesk" (the tool has no flaw; an attack on its maker is told otherwise).
const accessThrough = /(?<!\p{L})(?:Zugriff|Zugang|Fernzugriff|Fernzugang|Verbindung|access)\s+(?:\p{L}+\s+){0,2}?(?:per|über|via|mit|through|using)\s+(?:(?:den|das|die|dem|the)\s+)?(?:[\p{L}\p{N}!.-]+\s+(?:oder|und|or|and)\s+)?$/iu;
// … access refused to strangers: "Angreifer erhielten Zugriff über AnyDesk" tells of the tool as the way in, which a
// notice may be about.
const refused = /(?<!\p{L})(?:niemals|nie|keinen?|nicht|unbekannt\p{L}*|fremd\p{L}*|never|unknown)(?!\p{L})/iu;
const migration = /(?<!\p{L})(?:Upgrade|Umstieg|Umstellung|Wechsel|Migration|Umzug|Aktualisierung|umsteigen|umstellen|wechseln|migrieren|upgraden|upgrade|migrate|switch|move|moved|moves|moving)\s+(?:auf|zu|nach|to)\s+(?:(?:das|die|den|dem|the)\s+)?$/iu;
const bracketOpen = /\(\s*$/u;
const useVerbBefore = /(?<!\p{L})(?:nutzt|nutzen|verwendet|verwenden|setzt|setzen|uses|use)\s+(?:(?:das|die|den|the)\s+)?$/iu;
const usedFor = /^\s+(?:(?:dabei|meist|oft|häufig|often|usually)\s+)?(?:für|zur|zum|for)\s+(?:(?:die|den|das|the)\s+)?(?:Fernwartung|Fernzugriff|Fernsteuerung|Fernhilfe|Support|Wartung|remote\s+(?:support|access|maintenance))(?!\p{L})/iu;
const likeFor = /,\s*(?:genau\s+|ebenso\s+)?wie\s+(?:auch\s+)?(?:bei|beim|für)\s+(?:(?:der|dem|den)\s+)?$/iu;
const deviceFor = /(?<!\p{L})[\p{L}-]*(?:Konnektor|Router|Kartenterminal|Terminal|Gerät|Komponente|Hardware|connector|device)\p{L}*\s+(?:\([^)]*\)\s+)?(?:für|for)\s+(?:(?:die|den|das|der|the)\s+)?$/iu;
const runsOn = /(?<!\p{L})(?:läuft|laufen|lauffähig|funktioniert|funktionieren|runs|run|works)\s+(?:(?!nicht\b|not\b)\S+\s+){0,2}?(?:unter|auf|on)\s+(?:(?:dem|der|den|the)\s+)?$/iu;
const fakeLure =
  /(?<!\p{L})(?:(?:gibt|geben|gab|gaben)\s+(?:sich\s+)?(?:\S+\s+){0,2}?vor\s*,|getarnt\s+als|tarn\p{L}*\s+sich\s+als|pretend\p{L}*\s+to\s+be|purport\p{L}*\s+to\s+be|disguised\s+as)\s[^.;:!?]{0,60}$/iu;
const fromBefore = /(?<!\p{L})(?:von|vom|from)\s+(?:(?:der|dem|den|the|Ihre[mr]?|your)\s+)?$/iu;
const toAfter = /^\s+(?:zu|zur|zum|auf|nach|to)(?!\p{L})/iu;
const migrationWord = /(?<!\p{L})(?:Wechsel|Umstieg|Umstellung|Migration|Umzug|gewechselt|umgestiegen|umgestellt|migriert|hochgerüstet|aufgerüstet|aktualisiert|upgegradet|wechseln|umsteigen|umstellen|migrieren|switch\p{L}*|migrat\p{L}*|mov(?:e|ed|es|ing))(?!\p{L})/iu;
const successor = /(?<!\p{L})(?:Nachfolger|Nachfolgemodell|Nachfolgeversion|Nachfolgeprodukt|successor)\s*,?\s+(?:(?:das|die|der|den|dem|the)\s+)?$/iu;
const offersAlso =
  /(?<!\p{L})(?:bietet|bieten|vertreibt|vertreiben|führt|offers|sells)\s+(?:\S+\s+){0,3}?(?:außerdem|auch|zudem|ebenfalls|daneben|weitere\p{L}*|also|other)\s+[^.;:!?]{0,60}$/iu;

/**
 * A name in brackets after a description takes the description's place: "moved to cloud-hosted mail (Microsoft 365)",
 * "Umstieg auf das neue Betriebssystem (Windows 11)": a migration before a description of one to three words.
 */
function describedTarget(before: string): boolean {
  if (!bracketOpen.test(before)) return false;
  const words = before.replace(bracketOpen, '').trimEnd().split(/(?<=\s)(?=\S)/u);
  for (let n = 1; n <= 3 && n < words.length; n++) if (migration.test(words.slice(0, words.length - n).join(''))) return true;
  return false;
}
const towards = /(?<!\p{L})(?:auf|zu)\s+$/iu;
const migrate = /^\s*(?:\p{L}+\s+){0,3}?(?:um(?:zu)?steigen|um(?:zu)?stellen|umgestellt|(?:zu\s+)?wechseln|gewechselt|(?:zu\s+)?migrieren|upgraden|um(?:zu)?ziehen)(?!\p{L})/iu;
const under = /(?<!\p{L})(?:unter|mit)\s+(?:(?:den|das|die|dem|der|Ihre[rsmn]?|ihre[rsmn]?)\s+(?:[\p{L}-]+\s+)?)?$/iu;
// "… ist mit dem Cloud-Speicher OneDrive verknüpft", "Geräte, die mit der FRITZ!Box verbunden sind": what a thing is
// linked to is not affected for that.
const supported = /^\s*(?:\p{L}+\s+){0,3}?(?:unterstützt|lauffähig|kompatibel|funktionier\w*|läuft|laufen|freigegeben|verknüpft|verbunden|gekoppelt)(?!\p{L})/iu;
// A vendor's name that is also its product, as the source of help: "Auch RED Medical bietet eine Seite an, auf der …".
const offersHelp =
  /^\s+(?:bietet|stellt|hält)\s+(?:\p{L}+\s+){0,4}?(?:Seite|Webseite|Website|Anleitung|FAQ|Übersicht|Informationen|Hilfe\p{L}*|Tool|Prüftool|Checkliste|Video|Webinar)(?!\p{L})/iu;
// "erfüllt die Voraussetzungen für NFDM, … und „Kommunikation im Medizinwesen“ (KIM)", "Anbindung an KIM": a standard
// or service the product is made ready for, not one that is affected ("Support für Windows 10 endet" is about Windows).
const capability = /(?<!\p{L})(?:Voraussetzung\p{L}*|Anbindung|prerequisites?)\s+(?:für|von|an|for)\s[^.;!?]{0,120}$/iu;
// The tool a job is done with: "kann das Upgrade per TeamViewer-Fernwartung durchführen", "mittels AnyDesk" (but
// "Angreifer dringen per AnyDesk ein, weil eine Lücke … besteht" tells of a flaw in it).
const instrument = /(?<!\p{L})(?:per|via|mittels|mit\s+Hilfe\s+von)\s+(?:(?:den|das|die|dem|der|einer?|the)\s+)?$/iu;
// A product given as an example of a kind, in a sentence that says nothing of a flaw in it: "Angreifer nutzen
// Fernwartungszugänge wie AnyDesk oder TeamViewer", "die Funktionen Ihres PVS, etwa T2med oder tomedo" (but "Betroffen
// sind PVS wie CGM ALBIS" names affected ones).
const example = /(?<!\p{L})(?:wie|etwa|z\.\s?B\.|zum\s+Beispiel|beispielsweise|such\s+as|e\.\s?g\.)\s+(?:(?:die|der|das|den|dem|the)\s+)?$/iu;
// The example word behind the name, or the address its menu is reached at: "beim Telekom-Router Speedport zum Beispiel
// über die Adresse speedport.ip", "bei der Fritzbox über „http://fritz.box“" (how to log in, not what is affected).
const exampleAfter = /^\s*,?\s*(?:zum\s+Beispiel|beispielsweise|etwa|z\.\s?B\.)(?!\p{L})/iu;
const addressAfter = /^\s*(?:zum\s+Beispiel\s+)?über\s+(?:die\s+Adresse\s+)?[„"“]?(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+/iu;
// An example of the practice's own system: "Ihr PVS, etwa CGM ALBIS oder T2med, wird per Update angepasst" (an update
// of it is routine here; a flaw in it is not: "Ihr Router, etwa die FRITZ!Box 7590, ist betroffen").
const yourExample = /(?<!\p{L})(?:Ihr|Ihre[mnrs]?|your)\s+[\p{L}-]+\s*,?\s*(?:etwa|wie|z\.\s?B\.|zum\s+Beispiel|beispielsweise|such\s+as|e\.\s?g\.)\s+(?:(?:die|der|das|den|dem|the)\s+)?$/iu;
// The topic of an event: "Webinar zu Windows 11", "Schulung zur FRITZ!Box", "a webinar on AnyDesk".
const eventTopic = /(?<!\p{L})(?:Webinar|Online-Seminar|Seminar|Fortbildung|Schulung|Infoveranstaltung|Veranstaltung|Vortrag|Workshop|Sprechstunde|training|session)\p{L}*\s+(?:zu|zum|zur|über|on|about)\s+(?:(?:die|der|das|den|dem|the)\s+)?$/iu;
const strongFlaw = /betroffen|affected|lücke|schwachstelle|vulnerab|angreifbar|anfällig|CVE-|kompromittiert|compromised|exploit|ausgenutzt|angegriffen|attacked/iu;
const flawSaid = /betroffen|affected|lücke|schwachstelle|vulnerab|angreifbar|anfällig|update|patch|firmware|fehler|CVE-|kompromittiert|compromised|exploit|ausgenutzt|angegriffen|attacked|version|\d\.\d|bereit|verfügbar|erschienen|veröffentlicht|released|available|aktualisier|install|einspiel|warn/iu;
// What a product needs to run, under its label: "Systemvoraussetzungen: Windows 10 oder Windows 11", "Supported
// platforms: Windows Server 2019".
const requirements =
  /(?<!\p{L})(?:\p{L}*voraussetzung(?:en)?|(?:system\s+)?requirements?|unterstützte\s+\p{L}+|supported\s+\p{L}+(?:\s+\p{L}+)?|kompatib\p{L}*\s+mit|compatible\s+with|lauffähig\s+(?:unter|auf))\s*:\s*[^.;!?]*$/iu;
// What a device runs beside: "werden häufig zusammen mit der Digitalisierungsbox Premium als Router betrieben".
const companion = /(?<!\p{L})(?:zusammen|gemeinsam)\s+mit\s+(?:(?:der|dem|den|einer?m?|Ihre[rmn]?|the|a)\s+)?$|(?<!\p{L})(?:together|alongside)\s+(?:with\s+)?(?:(?:the|a|your)\s+)?$/iu;
// … or behind: "Many small offices use these devices behind a FRITZ!Box" (not "Geräte hinter der FRITZ!Box sind
// erreichbar", a flaw of the box).
const behind = /(?<!\p{L})(?:behind|hinter)\s+(?:(?:der|dem|einer?m?|the|a|an|your|Ihre[rm]?)\s+)?$/iu;
const useVerb = /(?<!\p{L})(?:betreiben|betrieben|nutzen|genutzt|einsetzen|eingesetzt|use|uses|run|runs|deploy|operate)(?!\p{L})/iu;
const usedAs = /^\s*(?:[\p{L}\p{N}-]+\s+){0,3}?(?:betrieben|eingesetzt|genutzt|verwendet|installiert|verbunden|used|deployed|installed)(?!\p{L})/iu;
// "Statement on TeamViewer's security incident": a name shared by a product and its maker, with an English possessive,
// is the company (its network, its staff, its incident), not the product.
const possessive = /^['’]s(?!\p{L})/u;
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const comparison = /(?<!\p{L})(?:im\s+Gegensatz\s+zu[mr]?|anders\s+als|statt|anstatt|anstelle\s+von|im\s+Vergleich\s+zu|verglichen\s+mit|unlike|compared\s+(?:to|with)|rather\s+than)\s+(?:\S+\s+){0,2}$/iu;

// A precedent: another product's similar case in the past ("Eine ähnliche Lücke hatte im vergangenen Jahr CGM ALBIS
// betroffen", "Wie schon beim Angriff auf die Digitalisierungsbox 2019 …", "Wie bei der Lücke in der Sophos Firewall vor
// zwei Jahren …", "Fortinet had similar problems last year").
// The likeness is of a case (a hole, an attack, a problem), not of a release: "Auch für den RISE Konnektor wurde ein
// ähnliches Update veröffentlicht" names an affected product.
const similar =
  /(?<!\p{L})(?:(?:ähnlich|vergleichbar)\p{L}*\s+(?:wie|\p{L}*(?:Lücke|Schwachstelle|Problem|Angriff|Attacke|Vorfall|Fall|Masche|Fehler|Sicherheitslücke)\p{L}*)|ähnelt\p{L}*|erinnert\s+an|wie\s+(?:schon|bereits|zuvor|damals)|wie\s+(?:schon\s+|bereits\s+)?(?:bei|beim)\s+(?:(?:der|dem|den)\s+)?\p{L}*(?:Lücke|Schwachstelle|Angriff|Attacke|Vorfall|Datenleck|Fehler)|(?:as\s+with|like)\s+the\s+\p{L}*\s*(?:flaw|vulnerability|attack|breach|incident|bug)|similar\s+(?:to|\p{L}*(?:flaw|vulnerabilit|problem|attack|issue|incident|bug|breach|hack|compromise))\p{L}*|reminiscent)(?!\p{L})/iu;
const past =
  /(?<!\p{L})(?:hatte|hatten|war|waren|wurde|wurden|betraf|betrafen|traf|zuletzt|damals|vergangen\p{L}*|Vorjahr\p{L}*|vor\s+(?:\p{L}+|\d+)\s+(?:Jahren|Monaten)|had|was|were|last\s+year|(?:\p{L}+|\d+)\s+(?:years|months)\s+ago|(?:days|weeks|months)\s+after|previously|earlier)(?!\p{L})/iu;
// Everyday care named in passing: "Halten Sie außerdem Windows 10 und Ihren Virenschutz stets aktuell" (a notice
// about the product itself names it before, in its headline or its first sentences).
const routine = /(?<!\p{L})(?:stets|immer|regelmäßig|grundsätzlich|laufend|always|regularly)\s+(?:\p{L}+\s+){0,3}?(?:aktuell|auf\s+dem\s+neuesten\s+Stand|up\s+to\s+date|aktualisier\p{L}*|updaten)(?!\p{L})/iu;
// … beside the things every practice keeps current, which is what makes it hygiene rather than this notice's fix.
const everyday = /(?<!\p{L})(?:Virenschutz|Virenscanner|Antivirus\p{L}*|Betriebssystem\p{L}*|Browser|Programme|alle\s+Geräte|sämtliche|operating\s+systems?|antivirus)(?!\p{L})/iu;
// The seller's shop (DOMAIN §4, pitfall 5): "Connectivity Webshop: KoCoBox MED+ Ersatzgerät … jetzt bestellen", prices.
const shop = /(?<!\p{L})(?:Webshop|Online-?Shop|Shop:|zum\s+Shop|Warenkorb|zzgl\.|inkl\.\s*MwSt|Preise?\s*(?:ab|:)|buy\s+now|shop\s+now|add\s+to\s+cart)|\d+,\d\d\s*(?:€|EUR)(?!\p{L})|(?<!\p{L})ab\s+\d+(?:[.,]\d+)?\s*(?:€|EUR|Euro)(?!\p{L})|\d\s*(?:€|EUR|Euro)\s+(?:pro|je)\s+(?:Arbeitsplatz|Monat|Gerät|Lizenz|Jahr|Platz)/iu;
// Providers listed with a state they have reached, not a flaw: "Anbieter, die bereits zertifiziert sind: …", "Die
// PVS-Anbieter, die Windows 11 bereits unterstützen, sind …".
const readyList =
  /(?<!\p{L})\p{L}*(?:Anbieter|Hersteller|Systeme|Produkte|PVS|Softwarehäuser|Programme|vendors|products)\s*,\s*(?:die|which|that)\s+[^.;!?]{0,80}?(?:bereits|schon|inzwischen|already)\s+[^.;!?]{0,60}?(?:zertifiziert|zugelassen|unterstütz\p{L}*|kompatibel|freigegeben|umgesetzt|certified|support\p{L}*|compatible)/iu;

// What stands between two members of a list: a conjunction, a few words and brackets, no sentence mark.
const conjunction = /(?<!\p{L})(?:und|sowie|oder|bzw\.|and|or)(?!\p{L})|,/u;
const openBracket = /^\s*\(\s*$/;
const sentenceMark = /[;:!?]|\.(?<!bzw\.)(?!\S)/u;
// Words a list puts between its members: conjunctions, articles, nouns and adjectives ("und Praxis- bzw.
// Institutionsausweise", "sowie für elektronische"); a verb ("eingespielt und betrifft") ends the list.
const listWord = /^(?:und|sowie|oder|bzw\.|and|or|den|die|das|dem|der|des|für|von|im|in|am|the|a|an|of|for|Ihre[rsmn]?|ihre[rsmn]?|your|\p{Lu}[\p{L}\p{N}-]*|\p{L}+-|\p{Ll}+(?:e|en|er|es|em))$/u;
export const coordinated: { test: (between: string) => boolean } = {
  // A bracket right after a name holds its other name: "Heilberufsausweise (eHBA)".
  test: (between: string) =>
    openBracket.test(between) ||
    (between.length <= 60 && conjunction.test(between) && !sentenceMark.test(between) && between.split(/[\s,()]+/).every((w) => w === '' || listWord.test(w))),
};

/** Whether a sentence tells another case as a precedent ("Ähnlich wie beim Angriff auf CGM im Dezember 2021 …"). */
export function isPrecedent(text: string): boolean {
  return (
    (maybeSimilar.test(text) && similar.test(text) && (past.test(text) || yearOfEvent.test(text))) ||
    (pastTense.test(text) && earlier.test(text) && whenPast.test(text) && incident.test(text)) ||
    // "This comes after last year's attacks on …", "The incident follows a breach at AnyDesk in February".
    (follows.test(text) && (whenPast.test(text) || monthOrLastYear.test(text))) ||
    // "Damals waren auch Windows Server betroffen", "Eine frühere Version hatte im Juli zu Ausfällen … geführt".
    thenPast.test(text) ||
    (pastTense.test(text) && formerThing.test(text) && (incident.test(text) || failure.test(text)))
  );
}

// At the head of its sentence, after a short subject ("This", "The incident", "Der Angriff"): a headline "Hotfix
// following attacks on Sophos Firewall in March" is about its product.
const follows =
  /^\s*(?:\S+\s+){1,2}?(?:comes?\s+(?:(?:just|only|\S+\s+(?:days|weeks|months))\s+)?after|follows|folgt\s+auf)\s+(?:\S+\s+){0,3}?\S*(?:attacks?|breach|incident|flaws?|vulnerabilit\p{L}*|hacks?|Angriff\p{L}*|Lücke\p{L}*|Vorfall\p{L}*)(?!\p{L})/iu;
const monthOrLastYear =
  /(?<!\p{L})(?:last\s+year['’]s|earlier\s+this\s+year|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|im\s+(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember))(?!\p{L})/iu;
const thenPast = /^\s*(?:Damals|Seinerzeit|At\s+the\s+time)\s+(?:war|waren|wurde|wurden|hatte|hatten|traf|betraf|was|were|had)(?!\p{L})/u;
const formerThing = /(?<!\p{L})(?:frühere[nrms]?|vorige[nrms]?|vorherige[nrms]?|ältere[nrms]?\s+Version|previous|earlier|former)\s+(?:Version|Firmware|Update|Release|version|firmware|update|release)(?!\p{L})/iu;
const failure = /Ausfall|Ausfäll|Störung|Fehler|Absturz|Abstürz|outage|failure|crash/iu;

// Cheap tests (no Unicode flag) before the patterns that check word edges: most sentences fail them.
const maybeSimilar = /ähnl|ähnelt|vergleichbar|erinnert|wie (?:schon|bereits|zuvor|damals|bei)|as with|like the|similar|reminiscent/i;
const maybeRoutine = /stets|immer|regelmäßig|grundsätzlich|laufend|always|regularly/i;
const maybeShop = /shop|warenkorb|zzgl|mwst|preis|€|eur|cart/i;
const maybeReady = /,\s*(?:die|which|that)\s[^]*(?:bereits|schon|inzwischen|already)/i;

// An earlier case told as history, in the pluperfect of a news story: "Bereits im Dezember 2021 hatte es einen Angriff
// auf CGM gegeben" (not the story itself: "Bereits am 08.11.2021 wurde medatixx Ziel eines Angriffs").
const earlier = /(?<!\p{L})(?:bereits|zuletzt|schon|damals|früher|previously|earlier)(?!\p{L})/iu;
// A year as a time ("im Dezember 2021", "im Jahr 2019", "08.11.2021"), not as a name ("Windows Server 2019").
const yearOfEvent = /(?:(?<!\p{L})(?:im|in|Jahr|seit|schon|bereits|zuletzt|damals|Anfang|Ende|Mitte|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|June|July|October|December)\s+|\d\.\s?)(?:19|20)\d\d(?!\d)/iu;
const whenPast = { test: (text: string) => yearOfEvent.test(text) || lastYear.test(text) };
const lastYear = /vergangenen\s+Jahr|Vorjahr|last\s+year/iu;
const pastTense = /(?<!\p{L})(?:hatte|hatten|gab|had)(?!\p{L})/iu;
const incident = /Angriff|Attacke|Lücke|Schwachstelle|Datenleck|Vorfall|Datenpanne|attack|breach|flaw|vulnerab|incident/iu;

// A picture's caption or an advertisement: "Foto: … (Bild: Telekom)", "Anzeige: Jetzt auf Windows 11 umsteigen"; a
// pointer to the site's topic page ("Weitere Informationen zu TeamViewer finden Sie auf unserer Themenseite"); a contact
// line ("Ihr Ansprechpartner für CGM ALBIS: …", a telephone number).
const asideLine = /(?<!\p{L})(?:Ihr(?:e)?\s+)?(?:Ansprechpartner\p{L}*|Kontaktperson\p{L}*|contact\s+person)\s+(?:für|zu|zum|zur|for)\s|\+?\d{3,5}[ /-]\d{3,}[\d -]{2,}\d|(?:auf|in)\s+(?:unserer|unseren|der|einer)\s+(?:\p{L}+\s+)?(?:Themenseite|Themenseiten|Übersichtsseite|Sonderseite|Dossier)(?!\p{L})|^(?:Foto|Fotos|Bild|Bilder|Abbildung|Abb\.|Grafik|Screenshot|Image|Photo|Picture|Caption|Bildquelle|Anzeige|Werbung|Sponsored|Advertisement|Promotion)\s*:|\((?:Bild|Foto|Image|Photo|Bildquelle)\s*:/iu;

// A sentence set apart as a comparison: "Zum Vergleich: Für den secunet konnektor gab es im Juli ein ähnliches Update".
const comparedAside = /^\s*(?:zum\s+Vergleich|im\s+Vergleich\s*:|by\s+comparison|for\s+comparison|in\s+comparison)(?!\p{L})/iu;

/** What the whole sentence says of the products in it: all are background, or those after a ready list's opening. */
export type SentenceRole = { all: boolean; readyAt: number };

/** The sentence's part of `inBackground`, read once for all its mentions. */
export function sentenceRole(text: string): SentenceRole {
  const all = asideLine.test(text) || comparedAside.test(text) || isPrecedent(text) || (maybeRoutine.test(text) && routine.test(text) && everyday.test(text)) || (maybeShop.test(text) && shop.test(text));
  return { all, readyAt: all || !maybeReady.test(text) ? -1 : (readyList.exec(text)?.index ?? -1) };
}

/**
 * Whether a product is named in the background of the sentence: as a place, a channel, a migration target, a
 * capability, a source of help, a shop item, in a comparison, a precedent, a ready list or everyday care.
 */
export function inBackground(text: string, mention: Mention, role: SentenceRole = sentenceRole(text)): boolean {
  if (role.all || (role.readyAt !== -1 && role.readyAt < mention.index)) return true;
  const clause = text.slice(Math.max(0, mention.index - 100), mention.index).split(/[.;:!?()]/).pop()!;
  const after = text.slice(mention.end, mention.end + 60);
  if (credentialAfter.test(after) || (credential.test(clause) && (ofPlace.test(clause) || (ofPlaceNamed.test(clause) && changeCredential.test(text)))) || dataFor.test(clause)) return true;
  if ((channel.test(clause) && (distributed.test(after) || distributedPastClause(text.slice(mention.end)))) || updatesThrough.test(after) || (accessThrough.test(clause) && refused.test(text))) return true;
  // "Update auf FRITZ!OS 7.57": a version behind the name makes it the product being updated.
  if (!/^\s*(?:v|Version\s+)?\d+\.\d/i.test(after)) {
    if (migration.test(clause) || (towards.test(clause) && migrate.test(after)) || (under.test(clause) && supported.test(after))) return true;
    if (describedTarget(text.slice(Math.max(0, mention.index - 100), mention.index))) return true;
  }
  const wider = text.slice(Math.max(0, mention.index - 160), mention.index);
  if (capability.test(wider) || requirements.test(wider) || offersHelp.test(after)) return true;
  if ((companion.test(clause) && usedAs.test(after)) || (behind.test(clause) && useVerb.test(clause))) return true;
  if (possessive.test(after) && letters(text.slice(mention.index, mention.end)) === letters(mention.product.vendor)) return true;
  if (isFakeSender(text, mention)) return true;
  if ((instrument.test(clause) || example.test(clause) || exampleAfter.test(after) || addressAfter.test(after)) && !flawSaid.test(text)) return true;
  if (yourExample.test(text.slice(Math.max(0, mention.index - 80), mention.index)) && !strongFlaw.test(text)) return true;
  if (eventTopic.test(clause)) return true;
  // The system a product runs on: "Sie läuft unter Windows 10 und Windows 11", "It runs on Windows 11".
  if (runsOn.test(clause) && !/^\s*(?:\S+\s+){0,2}?(?:nicht|kaum|not|no\s+longer)(?!\p{L})/iu.test(after)) return true;
  // The service a device is for: "TI-Konnektoren (VPN-Router) für die Kommunikation im Medizinwesen (KIM)".
  if (deviceFor.test(text.slice(Math.max(0, mention.index - 100), mention.index)) && !strongFlaw.test(text)) return true;
  // A tool named with the job it is used for: "Der IT-Dienstleister nutzt AnyDesk für die Fernwartung".
  if (useVerbBefore.test(clause) && usedFor.test(after) && !flawSaid.test(text)) return true;
  // A trailing comparison of a procedure: "…, wie bei CGM MEDISTAR."
  if (likeFor.test(clause) && /^\s*[.!]?\s*$/u.test(after)) return true;
  // What a fake mail pretends to bring: "Der Anhang gibt vor, ein Update für den Konnektor zu sein" (fake update mails
  // of a product, "Gefälschte AnyDesk-Update-Mails", stay about the product: round 7).
  if (fakeLure.test(clause)) return true;
  // The source of a migration: "Wer von CGM ALBIS zu T2med gewechselt ist", "Umstieg von Windows 10 auf …".
  if (fromBefore.test(clause) && toAfter.test(after) && migrationWord.test(text)) return true;
  // A successor named beside what ends: "Der Nachfolger Windows 11 erhält weiter Updates" (not "… ist ebenfalls betroffen").
  if (successor.test(clause) && !strongFlaw.test(text)) return true;
  // The rest of a maker's range: "Der Hersteller bietet außerdem x.concept und x.comfort an".
  if (offersAlso.test(clause) && !flawSaid.test(text)) return true;
  return comparison.test(clause);
}
