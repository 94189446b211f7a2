// The vendor a notice is about: the maker of its affected products, or without them the vendor it names as attacked,
// the maker of a product the catalog lacks, or the publisher of its own statement on an attack on itself.
import type { Product } from '../catalog/catalog.models.js';
import { isPrecedent } from './background.js';
import { mentions, vendorAt, vendorsNamed, type Matcher, type ProductHit } from './products.js';
import type { Sentence } from './sentences.js';

// A notice about an attack on, a flaw at or the end of support by a vendor names that vendor without a product:
// "Cyberattacke auf medatixx", "CompuGroup Medical von Hackerangriff betroffen", "Sicherheitslücke beim gematik
// Authenticator", "Microsoft beendet den Support für Windows XP", "Statement on TeamViewer's security incident".
// A word for the vendor's trade may stand between: "Attacke auf Medizin-Dienstleister Medatixx", "Angriff auf den
// Softwareanbieter Doc Cirrus", "breach at software maker …".
const trade = String.raw`(?:[\p{L}-]*(?:Hersteller|Anbieter|Dienstleister|Softwarehaus|Unternehmen|Firma|Konzern|vendor|provider|maker|company)\p{L}*\s+)?`;
const aboutVendorBefore = new RegExp(
  String.raw`(?:Angriff|Attacke|Datenleck|Sicherheitslücke|Schwachstelle|Sicherheitsvorfall|Vorfall|Datenpanne|breach|attack|incident|hack)\p{L}*\s+(?:auf|bei|beim|in|im|gegen|at|on|of)\s+(?:(?:die|den|das|der|dem|the)\s+)?${trade}$`,
  'iu',
);
const aboutVendorAfter = /^['’]s\s+(?:\p{L}+\s+){0,2}?(?:incident|breach|attack|hack|compromise)|^\s+(?:(?:ist|wurde|wird)\s+)?(?:von|vom|Opfer|Ziel|hit|was\s+hit|suffered|says\s+hackers|beendet\s+(?:den\s+)?Support|beendet\s+die\s+Unterstützung|hat\s+angekündigt,\s+(?:den\s+Support|die\s+Unterstützung)|stellt\s+(?:den\s+)?(?:\p{L}+\s+)?Support|wird\s+\S+(?:\s+\S+)?\s+(?:demnächst\s+)?nicht\s+mehr\s+unterstütz)/iu;
// The attack as a point in time or a comparison: "Nach dem Angriff auf medatixx im Jahr 2021 warnt die KV …", "Seit dem
// Angriff auf CGM …", "Anders als beim Angriff auf Doc Cirrus …", "after the attack on …".
const earlierAttack = new RegExp(
  String.raw`(?<!\p{L})(?:nach|seit|wie|anders\s+als|im\s+Gegensatz\s+zu|after|since|unlike|like)\s+(?:(?:dem|der|den|beim|bei|zum|zur|the|a)\s+)?(?:[\p{L}-]+\s+){0,2}?[\p{L}-]*(?:Angriff|Attacke|Datenleck|Sicherheitslücke|Schwachstelle|Sicherheitsvorfall|Vorfall|Datenpanne|breach|attack|incident|hack)\p{L}*\s+(?:auf|bei|beim|in|im|gegen|at|on|of)\s+(?:(?:die|den|das|der|dem|the)\s+)?${trade}$`,
  'iu',
);
// A clause about the vendor between its name and what befell it: "Medatixx, der jede vierte Praxis beliefert, ist Opfer
// …", "CGM, which supplies …, was hit".
const clauseAbout = /^\s*,\s*(?:der|die|das|welche[rs]?|which|who|that)\s[^,;.:!?]{1,120},/iu;
const hackedAfter = /^\s+(?:(?:ist|wurde)\s+)?(?:von|vom)\s+(?:einem\s+)?\p{L}*(?:Hacker|Cyber|Ransomware)\p{L}*\s+(?:betroffen|getroffen)/iu;
// The vendor reports the attack on itself: "CGM meldet Cyberangriff", "AnyDesk bestätigt Hackerangriff", "… confirms breach".
const reportsAttack =
  /^\s+(?:meldet|meldete|bestätigt|bestätigte|räumt\s+(?:\S+\s+){0,2}?ein|confirms|confirmed|reports|reported|discloses|disclosed|admits|admitted)\s+(?:\S+\s+){0,2}?[\p{L}-]*(?:Angriff|Attacke|Datenleck|Sicherheitsvorfall|Datenpanne|breach|attack|incident|hack)/iu;
// … is hit by it: "Ransomware legt Doc Cirrus lahm", "Hackerangriff trifft medatixx", "Ransomware hits …".
const hitBy = /(?:Angriff|Attacke|Ransomware|Hacker|Cyberangriff|Trojaner|attack|hackers)\p{L}*\s+(?:legt|legte|trifft|traf|lähmt|lähmte|hits|hit|cripples|crippled)\s+(?:(?:den|die|das|the)\s+)?$/iu;
// … or is named after the attack as a headline's topic, saying something of itself: "Hackerangriff: medatixx informiert
// Kunden" (not "Ransomware: Sophos warnt vor neuer Welle").
const topicBefore = /^\s*[\p{L}-]*(?:Angriff|Attacke|Datenleck|Sicherheitsvorfall|Datenpanne|Ransomware)\p{L}*\s*[:–]\s*$/iu;
const speaksOfItself = /^\s+(?:informiert|bestätigt|meldet|äußert\s+sich|nimmt\s+Stellung|informs|confirms|says)(?!\p{L})/iu;

/**
 * The vendor of the affected products; none when products of the same kind from several vendors are named equally
 * often (connectors of secunet and RISE); without products, a vendor the title or lead names as the one attacked, the
 * maker named before a product the catalog lacks, or the publisher of a statement on an attack on itself.
 */
export function noticeVendor(
  matcher: Matcher,
  { hits, sentences, title, body, publisher }: { hits: ProductHit[]; sentences: Sentence[]; title: string; body: string; publisher?: string | null | undefined },
): string | null {
  if (hits.length === 0) {
    const lead = [title, ...sentences.slice(0, 6).map((s) => s.text)];
    const all = [...lead, ...sentences.slice(6).map((s) => s.text)];
    return attackedVendor(matcher, lead) ?? makerOfUnknown(matcher, all) ?? ownStatementVendor(matcher, body, publisher) ?? fixingVendor(matcher, all);
  }
  // The specific products the headline names come first: cards named beside a terminal do not outvote it (a generic
  // entry in the headline, "Konnektoren und Kartenterminals", says nothing about the maker).
  const inTitle = new Set(mentions(matcher, title).map((m) => m.product.id));
  const titled = hits.filter((h) => inTitle.has(h.product.id) && h.product.covers.length === 0);
  const counts = new Map<string, Product[]>();
  for (const { product } of titled.length > 0 ? titled : hits) counts.set(product.vendor, [...(counts.get(product.vendor) ?? []), product]);
  const ranked = [...counts.entries()].sort((a, b) => b[1].length - a[1].length);
  const tied = ranked.filter(([, ps]) => ps.length === ranked[0]![1].length);
  if (tied.length > 1) {
    const categories = tied.map(([, ps]) => new Set(ps.map((p) => p.category)));
    if (categories.some((c, i) => categories.some((d, j) => i !== j && [...c].some((x) => d.has(x))))) return null;
  }
  return ranked[0]![0];
}

function attackedVendor(matcher: Matcher, texts: string[]): string | null {
  for (const text of texts) {
    // "Ähnlich wie beim Angriff auf CGM im Dezember 2021 …": another case, told for comparison.
    if (isPrecedent(text)) continue;
    for (const v of matcher.vendors) {
      if (!text.toLowerCase().includes(v.anchor)) continue;
      const m = vendorAt(v, text);
      if (!m) continue;
      const after = text.slice(m.index + m[0].length).replace(clauseAbout, '');
      const before = text.slice(0, m.index);
      if ((aboutVendorBefore.test(before) && !earlierAttack.test(before)) || aboutVendorAfter.test(after) || hackedAfter.test(after)) return v.id;
      // "Im April 2014 beendet Microsoft die Unterstützung für Windows XP": the verb before the maker.
      if (/(?<!\p{L})(?:beendet|beendete|stellt|stellte)\s+$/u.test(before) && /^\s+(?:den\s+Support|die\s+Unterstützung|(?:den\s+)?(?:\p{L}+\s+)?Support\s+\S+(?:\s+\S+)?\s+ein)(?!\p{L})/u.test(after)) return v.id;
      if (reportsAttack.test(after) || hitBy.test(before) || (topicBefore.test(before) && speaksOfItself.test(after))) return v.id;
    }
  }
  return null;
}

// A maker's statement on an attack on itself, in the first person: "Wir sind Ziel eines Ransomware-Angriffs geworden",
// "our corporate IT environment was compromised" (not "Wir warnen vor Phishing", which a KV or the KBV writes too).
const attackOnUs =
  /(?<!\p{L})(?:wir\s+(?:sind|wurden)|we\s+(?:were|have\s+been))\s+(?:\p{L}+\s+){0,3}?(?:Ziel|Opfer|angegriffen|target|victim|attacked|compromised|breached)|(?<!\p{L})(?:unsere[mnrs]?|our)\s+(?:[\p{L}-]+\s+){0,3}?(?:Systeme|IT|Netzwerk|Server|systems|network|servers|environment)\s+(?:\p{L}+\s+){0,4}?(?:angegriffen|kompromittiert|verschlüsselt|compromised|breached|attacked|accessed)(?!\p{L})/iu;

/** The publisher named by the page's chrome, as the vendor of its own statement on an attack on its systems. */
function ownStatementVendor(matcher: Matcher, body: string, publisher: string | null | undefined): string | null {
  if (!publisher || !attackOnUs.test(body)) return null;
  const named = vendorsNamed(matcher, publisher);
  return named.size === 1 ? [...named][0]! : null;
}

// A catalog vendor's product that the catalog lacks, named with its maker in front and a flaw or fix in the sentence:
// "Update the gematik Authenticator to version 4.16.0", "CGM CONNECT Client 2.3 schließt eine Lücke". The maker's legal
// form or division ("Worldline Healthcare GmbH", "CGM Dentalsysteme") is not a product.
const productAfterMaker =
  /^[\s-]+(?!(?:GmbH|AG|SE|KGaA|Inc|Ltd|Healthcare|Systems|Software|Deutschland|Germany|Security|Networks|Medical|Group|Dentalsysteme|Konzern|Trust|Support|Team)(?![\p{L}\p{N}]))\p{Lu}[\p{L}\p{N}+.-]{2,}/u;
const releaseNear = /^[^.;:!?]*?(?:\d+\.\d+|\bv\d)/u;
const flawOrFix = /sicherheitslücke|schwachstelle|lücke|vulnerab|CVE-\d|update|patch|version\s+\d|advisory|sicherheitshinweis/iu;

/** The maker of a product the catalog does not know, when a sentence names it with its maker and a flaw or a fix. */
function makerOfUnknown(matcher: Matcher, texts: string[]): string | null {
  for (const text of texts) {
    if (isPrecedent(text) || !flawOrFix.test(text)) continue;
    for (const v of matcher.vendors) {
      if (!text.toLowerCase().includes(v.anchor)) continue;
      const m = vendorAt(v, text);
      const after = m ? productAfterMaker.exec(text.slice(m.index + m[0].length)) : null;
      // A release of it right after the name, so that a plain noun ("gematik Sprecherin") is not taken for one.
      if (after && releaseNear.test(text.slice(m!.index + m![0].length + after[0].length).slice(0, 40))) return v.id;
    }
  }
  return null;
}

// The maker that released the fix for the flaw the notice is about: "Microsoft has since released a security patch",
// "Microsoft hat ein Sicherheitsupdate veröffentlicht". Only one catalog vendor may do so in the notice.
const releasedFix =
  /^\s+(?:(?:has|have|had|hat|haben|hatte)\s+)?(?:(?:now|since|already|inzwischen|bereits|nun|mittlerweile|jetzt)\s+)?(?:(?:released|published|issued|shipped|rolled\s+out)\s+(?:an?\s+|the\s+|its\s+)?(?:\p{L}+\s+){0,2}?(?:patch|update|fix|hotfix|firmware|version)|(?:ein|einen|eine|das|den|die)\s+(?:\p{L}+\s+){0,2}?(?:Patch|Update|Sicherheitsupdate|Sicherheitspatch|Firmware|Hotfix|Version)\p{L}*\s+(?:\p{L}+\s+){0,3}?(?:veröffentlicht|bereitgestellt|herausgegeben|ausgeliefert))/iu;

// Every match of releasedFix holds one of these words; most sentences hold none and skip the vendor scan.
const mayTellRelease = /released|published|issued|shipped|rolled\s+out|veröffentlicht|bereitgestellt|herausgegeben|ausgeliefert/iu;

function fixingVendor(matcher: Matcher, texts: string[]): string | null {
  const found = new Set<string>();
  for (const text of texts) {
    if (!mayTellRelease.test(text) || isPrecedent(text)) continue;
    const lower = text.toLowerCase();
    for (const v of matcher.vendors) {
      if (!lower.includes(v.anchor)) continue;
      const m = vendorAt(v, text);
      if (m && releasedFix.test(text.slice(m.index + m[0].length))) found.add(v.id);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}
