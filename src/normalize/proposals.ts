import { mentions, type Matcher } from './products.js';
import type { Sentence } from './sentences.js';

export type ProposedProduct = { name: string; evidence: string };

const version = String.raw`v?\d{1,4}(?:\.\d{1,5}){1,4}`;
const word = String.raw`(?:[\p{Lu}\p{N}]|\p{Ll}(?=[\p{Lu}\p{N}]))[\p{L}\p{N}!+.\-]*`;
const run = String.raw`((?:${word}\s+){0,2}${word})`;
// "AccuFlow 3 mit Firmware kleiner 2.4.1", "Modell XY-200 Version 1.2", "Firmware 4.1 für das Terminal ZX 300".
const before = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${run}\s+(?:mit\s+(?:der\s+)?)?(?:Firmware(?:-?Version)?|Version|Release|Software)?\s*(?:kleiner(?:\s+als)?\s+|vor\s+|ab\s+|bis\s+)?${version}`,
  'gu',
);
const stated = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${run}\s+(?:steht|stehen|ist|sind|wurde|wurden|erhält|erhalten)\s+(?:[\p{L}-]+\s+){0,3}?(?:Firmware|Version|Update|Release)(?:-?Version)?\s*${version}`,
  'gu',
);
const after = new RegExp(String.raw`\b(?:Firmware|Version|Update|Release)\s+(?:${version}\s+)?(?:für|for)\s+(?:die\s+|das\s+|den\s+|der\s+|the\s+)?${run}`, 'gu');
// Each match of `stated` and of `after` holds one of these words as written (neither has the i flag).
const versionCarriers = ['Firmware', 'Version', 'Update', 'Release'];
const stop = /^(?:Die|Der|Das|Den|Dem|Des|Ein|Eine|Für|Mit|Ab|Auf|Aus|Bei|Bis|Von|Vom|Zur|Zum|Im|In|Am|Nach|Seit|Version|Versionen|Firmware|Update|Updates|Release|Stand|Neue|Neu|Unser\w*|Ihr\w*|Alle|CVE\S*|CVSS\S*|Betroffen|Sind|Ist|Wird|Werden|Hat|Kein\w*|Sicherheitsupdate|Software|Patch|Servicepack|Behoben|Fixed|The|A|An)$/u;
const modelish = /\d|^\p{Lu}[\p{Ll}]+\p{Lu}|^\p{Lu}{2,}[\p{L}]*$/u;

/**
 * Names that look like products (model names with a digit or an inner capital, standing right before a version or
 * after "Firmware … für") but are not in the catalog, from each sentence's `unknownNames`, without repeats; the admin
 * decides whether they join it.
 */
export function proposeProducts(sentences: Sentence[], unknown: string[][]): ProposedProduct[] {
  const found = new Map<string, ProposedProduct>();
  for (const [i, sentence] of sentences.entries()) {
    for (const name of unknown[i]!) {
      const key = name.toLowerCase();
      if (!found.has(key) && ![...found.keys()].some((k) => k.includes(key) || key.includes(k))) found.set(key, { name, evidence: sentence.text });
    }
  }
  return [...found.values()];
}

/** Model-like names in one sentence that the catalog does not know. */
export function unknownNames(matcher: Matcher, text: string): string[] {
  if (!/\d\.\d/.test(text)) return []; // every pattern ends in or passes a version number
  const known = mentions(matcher, text);
  const names: string[] = [];
  // `stated` and `after` match only where the sentence names what carries the version: a test spares most sentences them.
  const carrier = versionCarriers.some((w) => text.includes(w));
  for (const m of [...text.matchAll(before), ...(carrier ? text.matchAll(stated) : []), ...(carrier ? text.matchAll(after) : [])]) {
    const name = trim(m[1]!);
    if (!name) continue;
    const start = m.index! + m[0].indexOf(m[1]!) + m[1]!.lastIndexOf(name.split(' ')[0]!);
    const end = start + name.length;
    if (!known.some((k) => k.index < end && k.end > start)) names.push(name);
  }
  return names;
}

/** Drops leading nouns and stop words until the name starts with its model-like part. */
function trim(candidate: string): string | null {
  const tokens = candidate.split(/\s+/).filter((t) => !/^v?\d{1,4}(?:\.\d{1,5})+$/.test(t));
  // Long compounds in front ("Insulinpumpe", "Kartenterminal") say what kind of thing the model is, not its name.
  while (tokens.length > 1 && (stop.test(tokens[0]!) || (!modelish.test(tokens[0]!) && tokens[0]!.length >= 9 && tokens.slice(1).some((t) => modelish.test(t))))) tokens.shift();
  if (tokens.length === 0 || stop.test(tokens[0]!)) return null;
  const name = tokens.join(' ').replace(/[.,;:]+$/, '');
  // A single plain word ("Praxissoftware") or a bare number is not a product name.
  if (!tokens.some((t) => modelish.test(t)) || /^\d+$/.test(name) || name.length < 3) return null;
  if (tokens.length === 1 && /^\d/.test(name)) return null;
  return name;
}
