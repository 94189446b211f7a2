import type { Sentence } from './sentences.js';

export type VersionHit = { version: string; evidence: string; sentence: Sentence };

// A sentence that talks about a fix or an update; only there does a version number name a fixed release.
const fixContext = /aktualisier|update|behoben|beheb|schließt|schliesst|beseitig|korrigier|steht .*bereit|einspiel|installier|firmware|servicepack|patch|freigeschaltet|aktiviert/i;

const fixedVersion =
  /(?:\bauf|\bab|\bmindestens(?:\s+auf)?|\bbehoben\s+in|\bin|\bbis)?\s*(?:die\s+|der\s+)?(?:neue\s+)?(?:Firmware-?\s*Version|Firmware|Version|Release|Softwarestand|Servicepack|Stand)\s+v?(\d{1,4}(?:\.\d{1,5}){1,4}(?:\s?(?:SP|Patch|Hotfix)\s?\d+)?)|\b(?:auf|ab|mindestens)\s+v?(\d{1,4}(?:\.\d{1,5}){2,4})/gi;

/** A version followed by a date, or after "Stand", is the version of the notice itself, not of software. */
const documentVersion = /^[\s,–-]*(?:vom\s+)?\d{1,2}\.\d{1,2}\.\d{2,4}|^[\s,]*Stand\b/;

/** Finds versions that a notice names as the fixed release, in order of appearance. */
export function findFixedVersions(sentences: Sentence[]): VersionHit[] {
  const hits: VersionHit[] = [];
  for (const sentence of sentences) {
    if (!fixContext.test(sentence.text)) continue;
    for (const match of sentence.text.matchAll(fixedVersion)) {
      const version = (match[1] ?? match[2])!.trim();
      const after = sentence.text.slice(match.index! + match[0].length);
      if (documentVersion.test(after) || /^\s*\d{4}\b/.test(after)) continue;
      if (/\b(?:Stand|Version)\s+[\d.]+$/i.test(match[0]) && /^[\s,]*\d{1,2}\.\d{1,2}\./.test(after)) continue;
      hits.push({ version, evidence: sentence.text, sentence });
    }
  }
  return hits;
}

/** "11.1.2.102" and "11.01.02.102" are the same version. */
export function sameVersion(a: string, b: string): boolean {
  const norm = (v: string) => v.toLowerCase().replace(/\s+/g, '').split('.').map((part) => part.replace(/^0+(?=\d)/, '')).join('.');
  return norm(a) === norm(b);
}
