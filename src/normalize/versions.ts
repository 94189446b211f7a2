import type { Mention } from './products.js';

/** A version number in a sentence, read as the fixed release or as an affected range. */
export type VersionHit = {
  version: string;
  kind: 'fixed' | 'affected';
  phrase: string;
  index: number;
  end: number;
  /** The target of an update ("auf die Firmware-Version 4.9.0 aktualisieren"), which wins over other fixed versions. */
  target?: boolean;
};

// A sentence that talks about a fix, an update or a release; only there does a version number name software.
const fixContext =
  /aktualisier|update|behoben|beheb|schließt|schliesst|geschlossen|beseitig|korrigier|bereit|einspiel|installier|firmware|servicepack|patch|freigeschaltet|freigegeben|zugelassen|aktiviert|verfügbar|veröffentlicht|verteilt|rollt|ausgeliefert|betroffen|anfällig|version|bereinig|fix(?:e[sd])?\b|closes|resolved|available|released|affected|vulnerable|running|upgrad|(?:und|oder|and|or)\s+(?:älter|früher|older|earlier|later|newer|higher|above|neuer|höher|später)/i;

const releaseDigits = /\d\.\d/;

// A version as written: "v18.5 MR4 (18.5.4)", "10.80 RU4", "2.0-beta9", "v19.5 GA".
const token =
  /(?<![\p{L}\p{N}.])(v?\d{1,4}(?:\.\d{1,5}){1,4}(?:-?(?:beta|rc)\d*)?(?:\s?(?:SP|RU|MR|Rel\.?|Patch|Hotfix|PL|Build)\s?\d+|\s(?:GA|LTS)(?![\p{L}\p{N}]))?(?:\s?\(\d{1,4}(?:\.\d{1,5}){1,4}\))?)(?![\p{L}\p{N}]|\.\d)/giu;

// What may stand right before a software version.
const cue =
  /(?:\b(?:Firmware-?(?:Version|stand)?|Version(?:en)?|Release|Softwarestand|Servicepack|Update|auf|ab|mindestens(?:\s+auf)?|behoben\s+in|fixed\s+in|mit|in|vor|kleiner(?:\s+als)?|bis(?:\s+einschließlich)?|unter|prior\s+to|before|to)\s*(?:die\s+|der\s+|Version\s+)?|(?<![\p{L}\p{N}_])älter\s+als\s*(?:die\s+|der\s+|Version\s+)?|[<≤]=?\s*)$/iu;
// Here and in notSoftware (?<!\w) stands for a \b before an ASCII letter: the same meaning, but V8 runs \b under the
// i and u flags as a slow check at every position, and these end-anchored patterns are tried at each of 60 positions.
const affectedCue = /(?:(?<!\w)vor|(?<!\w)kleiner(?:\s+als)?|(?<![\p{L}\p{N}_])älter\s+als|(?<!\w)bis(?:\s+einschließlich)?|(?<!\w)unter|(?<!\w)prior\s+to|(?<!\w)before|[<≤]=?)\s*(?:Version\s+)?$/iu;
// Versions that belong to something other than the software: hardware, the notice, a score, a document.
const notSoftware = /(?<!\w)(?:Hardware\w*|HW|TSL|CVSS\w*|Score|Basiswert|Bedienungsanleitung|Anleitung|Dokument\w*|Spezifikation|Richtlinie|Produkttyp\w*|PTV)\b[^.]{0,25}$/iu;
const dateAfter = /^[\s,–-]*(?:vom\s+)?(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:\d{4}|\d{2})(?![\d.])|^\s*\d{4}\b|^\s*Uhr\b/;
const looksLikeDate = /^\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}$/;
// "Version 1.0 · Eltville & Bamberg, 08.11.2021": the notice's own version, at its head and dated.
const noticeVersion = /^\s*(?:Version|Fassung|Stand|Revision|Rev\.)\s*$/i;
const datedAfter = /^[^.!?]{0,50}?\d{1,2}\.\d{1,2}\.(?:19|20)?\d{2}/;
// "Hotfixes for v18.0 MR5 and MR6": the releases a hotfix is applied to, not the ones that fix.
const hotfixFor = /Hotfix\w*\s+(?:for|für)\s(?:[^.;:]|\.(?=\d))*$/i;
// A list of such releases runs longer than the window before a version ("Hotfixes for v17.0 MR10 EAL4+, …, v18.5 MR1").
const hotfixList = /[Hh]otfix\w*\s+(?:for|für)\s+(?:(?:unsupported|EOL|nicht\s+unterstützte)\s+)*(?:(?:[Vv]ersions?|Versionen)\s+)?(?:(?:v?\d[\w.()+-]*|[A-Z]{2,4}\d*(?:\(-?\d+\))?|EAL\d\+?|and|und|or|oder|through|bis)(?![\w.()+-])|[,\s])*$/;
// The devices that run a version are the affected ones: "Konnektoren, auf denen eine Firmware ab Version 5.50.3 läuft".
const runs = /^\s*(?:\p{L}+\s+){0,2}?(?:läuft|laufen|betrieben\s+werden|running)(?!\p{L})/iu;
const affectedBefore = /(?<!\p{L})(?:betroffen(?:e[nrs]?)?|affected|anfällig|verwundbar|vulnerable|running)(?!\p{L})/iu;
const fixCue = /(?:(?<!\w)auf|(?<!\w)mindestens(?:\s+auf)?|behoben\s+in|fixed\s+in|(?<!\w)to|(?<!\w)ab)\s*(?:die\s+|der\s+|Version\s+|Firmware-?Version\s+)*$/iu;
const updateTo = /(?<!\w)(?:auf|to)\s+(?:(?:die|der|das|the)\s+)?(?:(?:neue|aktuelle|latest)\s+)?(?:(?:Firmware|Software)-?)?(?:Version\s+)?$/iu;

// The name of a device's operating system between a cue and its number ("Firmware ZLD V5.36", "fixed in FortiOS
// 7.2.5", "auf QuTS hero h5.0.1"): a word with two capitals; protocols and TI terms are no such name.
const systemName =
  /(?<![\p{L}\p{N}-])(?!(?:TLS|SSL|SMB|SNMP|SSH|RDP|CVSS|PHP|USB|HTTPS?|KIM|ePA|PTV|TSL|eHBA|SMC|CPU|NAS)\b)(?:\p{Lu}+-)?\p{Lu}\p{L}*\p{Lu}\p{L}*(?:\s+(?:hero|FX|LX|SX))?\s+$/u;
// A label that names the column or row of a fix ("Behobene Version:", "Fixed versions:", "Patch availability:",
// "Lösung:"), as tables and advisory headers give it.
const fixLabel = /(?<!\p{L})(?:behoben\p{L}*|korrigiert\p{L}*|fixed|fix(?:es)?|patch(?:ed|es)?|lösung|solution|remediation|updated|aktualisiert\p{L}*|neue|new)(?:[\p{L} ()/-]{0,30})?:\s*$/iu;
// "V4.60 to V5.35", "2.0-beta9 bis 2.14.1": the end of a range of affected releases, unless an upgrade goes from one to
// the other ("upgrade from 7.0 to 7.2").
const rangeEnd = /(?<![\p{L}\p{N}.])v?\d[\w.]*(?:\s?(?:SP|RU|MR|Patch|Build)\s?\d+)?\s*(?:–|-|to|through|bis(?:\s+einschließlich)?|up\s+to)\s*(?:Version\s+)?$/iu;
const upgradeFrom = /(?:upgrade|update|aktualisier|migrat|wechsel)\p{L}*\s+(?:\S+\s+){0,3}(?:from|von)\s+[^,;]*$/iu;
// "5.1.0.2444 build 20230629 and later", "4.9.0 oder höher": a minimum release, named as the fix.
const listJoin = /^\s*(?:,|;|und|and|or|oder|sowie|&)\s*(?:\p{Lu}[\p{L}-]*\p{Lu}[\p{L}-]*\s+)?$/u;
const orLater = /^\s*(?:\(|,)?\s*(?:and|or|und|oder)\s+(?:later|newer|higher|above|neuer|höher|später|aktueller)(?!\p{L})/iu;

// findVersions's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const findVersionsPattern1 = /^\s+\p{Lu}/u;
const findVersionsPattern2 = /^\s*(?:bis|–|-|through|to)\s*(?:einschließlich\s+)?(?:\p{Lu}[\p{L}-]+\s+)?v?\d/iu;
const findVersionsPattern3 = /^\s*(?:\p{L}+\s+){0,2}?(?:schließt|behebt|closes|fixes)/iu;

/**
 * Finds version numbers in a sentence that name a release: after a cue word ("auf Version", "ab", "Firmware")
 * or right behind a product's name ("FRITZ!OS 7.57", "LCOS 10.80 RU3"). Notice versions ("Version 1.0, 08.11.2021"),
 * hardware versions, CVSS scores and dates are not software versions.
 */
export function findVersions(text: string, named: Mention[]): VersionHit[] {
  if (text.includes('KB')) {
    const updates = knowledgeBaseUpdates(text, named);
    if (updates.length > 0) return updates;
  }
  // Every release the token pattern reads has a digit, a dot and a digit ("7.57", "v18.5"); without them there is none,
  // and the longer fixContext test can be skipped.
  if (!releaseDigits.test(text) || !fixContext.test(text)) return [];
  const hits: VersionHit[] = [];
  for (const m of text.matchAll(token)) {
    const version = m[1]!;
    const index = m.index!;
    const end = index + m[0].length;
    const before = text.slice(Math.max(0, index - 60), index);
    const after = text.slice(end);
    // "17.000 Instanzen" is a German number, not a release.
    if (/^\d{1,3}(?:\.\d{3})+$/.test(version) && findVersionsPattern1.test(after)) continue;
    const hotfixed = hotfixFor.test(before) || hotfixList.test(text.slice(Math.max(0, index - 300), index));
    if (looksLikeDate.test(version) || dateAfter.test(after) || notSoftware.test(before) || hotfixed) continue;
    if (noticeVersion.test(text.slice(0, index)) && datedAfter.test(after)) continue;
    const behindProduct = named.some((n) => n.end <= index && behind.test(text.slice(n.end, index)));
    // The cue as it reads without the system's name: "Firmware ZLD V5.36" as "Firmware V5.36".
    const cued = before.replace(systemName, '');
    const labelled = fixLabel.test(cued);
    const minimum = orLater.test(after);
    // A release name marks a release by itself ("Bereinigt sind außerdem v18.5 MR5 (18.5.5)"); "TLS v1.2" does not.
    // "FortiOS 7.2.5, 7.0.12 und 6.4.13": the next releases of a list are read like its first.
    const previous = hits[hits.length - 1];
    const listed = previous !== undefined && listJoin.test(text.slice(previous.end, index));
    if (!behindProduct && !cue.test(cued) && !labelled && !minimum && !listed && !/^v\d.*(?:\s(?:MR|GA|RU|SP|Patch)|\))/i.test(version)) continue;
    const range =
      findVersionsPattern2.test(after) && !upgradeFrom.test(text.slice(Math.max(0, index - 80), index));
    const rangeClosed = rangeEnd.test(cued) && !upgradeFrom.test(text.slice(Math.max(0, index - 80), index));
    const older = /^\s*(?:und|oder)\s+(?:älter|früher|niedriger)|^\s*(?:and|or)\s+(?:earlier|older|below)/i.test(after);
    const running = runs.test(after) && !/mindestens/i.test(before);
    // In a sentence about what is affected, a version without a cue of a fix is an affected one.
    const described =
      affectedBefore.test(text.slice(0, index)) && !fixCue.test(cued) && !labelled && !findVersionsPattern3.test(after);
    const affected = affectedCue.exec(cued);
    const kind = affected || range || rangeClosed || older || running || described || (listed && !cue.test(cued) && previous.kind === 'affected') ? 'affected' : 'fixed';
    const marker = affected?.[0].trim();
    const phrase = kind === 'affected' && marker ? `${marker} ${version}` : kind === 'affected' && older ? `${version}${after.match(/^\s*\S+\s+\p{L}+/u)![0]}` : version;
    hits.push({ version, kind, phrase, index, end, target: kind === 'fixed' && (updateTo.test(cued) || labelled || (listed && !cue.test(cued) && previous.target === true)) });
  }
  return hits;
}

// "Windows 7: KB5004953", "Windows 10 Versionen 2004 und 20H2: KB5004945": a Microsoft update named by its knowledge
// base number right after the product it is for is that product's fix; a KB number is a fix by itself.
const knowledgeBase = /(?<![\p{L}\p{N}])KB\d{6,7}(?!\p{N})/gu;
const forKb = /^\s*(?:(?:Version(?:en)?|Build)\s+[\w.]+(?:\s*(?:,|und|and|or|oder)\s*[\w.]+)*)?\s*[:–-]\s*$/u;

function knowledgeBaseUpdates(text: string, named: Mention[]): VersionHit[] {
  const hits: VersionHit[] = [];
  for (const m of text.matchAll(knowledgeBase)) {
    const index = m.index!;
    if (!named.some((n) => n.end <= index && index - n.end <= 60 && forKb.test(text.slice(n.end, index)))) continue;
    hits.push({ version: m[0], kind: 'fixed', phrase: m[0], index, end: index + m[0].length });
  }
  return hits;
}

/**
 * Which version a product named in the sentence gets: the one right after "Firmware 3.9.1 für …", else the next
 * one after the name ("x.isynet … ab Version 21.4.2"), else the one before it.
 */
export function versionFor(text: string, mention: Mention, versions: VersionHit[], others: Mention[] = []): VersionHit | undefined {
  const preceding = versions.filter((v) => v.end <= mention.index);
  const last = preceding[preceding.length - 1];
  // Unless another product stands between: "3.8.2 für das ORGA 6141 online … der SMC-B" is the terminal's release.
  const between = (v: VersionHit) => others.some((o) => o.product.id !== mention.product.id && o.index >= v.end && o.end <= mention.index);
  if (last && /^\s*(?:für|for)\b/i.test(text.slice(last.end, mention.index)) && !between(last)) return last;
  const direct = versions.find((v) => v.index >= mention.end && behind.test(text.slice(mention.end, v.index)));
  if (direct) return direct;
  // A version right behind another product's name ("… der Log4j in Version 2.16.0 enthält") is that product's.
  // So is one "für" another product ("Firmware 3.8.2 für das ORGA 6141 online").
  const free = (v: VersionHit) =>
    !others.some(
      (o) =>
        o.product.id !== mention.product.id &&
        ((o.end <= v.index && behind.test(text.slice(o.end, v.index))) || (o.index >= v.end && forProduct.test(text.slice(v.end, o.index)))),
    );
  return versions.find((v) => v.index >= mention.end && free(v)) ?? (last && free(last) ? last : undefined);
}

const forProduct = /^\s*(?:für|for)\s+(?:(?:das|den|die|der|dem|the)\s+)?$/i;
const behind = /^[\s-]*(?:v|(?:in\s+)?(?:der\s+)?Version\s+)?$/i;

/** "11.1.2.102" and "11.01.02.102" are the same version. */
export function sameVersion(a: string, b: string): boolean {
  return forms(a).some((x) => forms(b).includes(x));
}

// forms's patterns, built once: tsx (esbuild) turns a literal with \p{…} into a new RegExp at every call.
const formsPattern1 = /^[\p{L}!\s-]*?(?=v?\d)/u;

/**
 * A version's spellings that mean the same release: without the software's name or a "v" in front ("LCOS 10.80 RU4",
 * "v5.39"), and a release name with its number in parentheses ("v18.5 MR4 (18.5.4)") as either.
 */
function forms(v: string): string[] {
  const norm = (x: string) =>
    x.toLowerCase().replace(formsPattern1, '').replace(/^v(?=\d)/, '').replace(/\s+/g, '').split('.').map((part) => part.replace(/^0+(?=\d)/, '')).join('.');
  const paren = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(v);
  return paren ? [norm(v), norm(paren[1]!), norm(paren[2]!)] : [norm(v)];
}
