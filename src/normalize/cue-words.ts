// Cheap guards in front of costly patterns. Most rules run on every sentence of a notice, and most sentences hold none
// of a rule's words; a pattern with lookarounds, the i or u flag or many alternatives is still tried at every position
// of the sentence. A guard lists cue words, one of which every match of its pattern contains: a text without any of
// them is no match, so the guard changes no result, it only spares the run of the pattern.
//
// The cues are looked up in a shape of the text read in one pass over its characters and shared by every guard that
// asks about the same text: which pairs of adjacent characters it holds, in lower case, as bits of a small table. A
// cue can be in the text only if all of its pairs are; a few bit tests rule most sentences out, where even one regex of
// plain alternatives costs about a microsecond per sentence.

const tableBits = 1024;
// Sentences and paragraphs; a longer text fills most of the table.
const shortText = 2000;

// Characters that the i flag (with or without u) matches with a letter of Latin-1 other than by the lower case read
// here: "ſ" is s, the Kelvin sign k, the Ångström sign å, capital sharp s ß, "Ÿ" ÿ (and dotted capital I, for good
// measure). A text holding one has no shape: every guard lets it through to its pattern.
const foldsApart = new Set([0x130, 0x178, 0x17f, 0x212a, 0x212b, 0x1e9e]);

/** The character's lower case for ASCII and Latin-1 letters; anything else as it is. */
function fold(code: number): number {
  return code < 256 ? lower[code]! : code;
}
const lower = Uint16Array.from({ length: 256 }, (_, c) => ((c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215) ? c + 32 : c));
// Whitespace other than the plain space, as \s knows it (read from \s itself, so that both agree).
const otherSpaces = new Set(Array.from(everyCharacter().matchAll(/[^\S ]/g), (m) => m.index));

/** The 65,536 UTF-16 code units in order, built in pieces (a spread of all of them at once may exceed the stack). */
function everyCharacter(): string {
  let all = '';
  for (let c = 0; c < 0x10000; c += 0x1000) all += String.fromCharCode(...Array.from({ length: 0x1000 }, (_, i) => c + i));
  return all;
}
const otherSpaceLatin1 = Uint8Array.from({ length: 256 }, (_, c) => (otherSpaces.has(c) ? 1 : 0));

const pairBit = (a: number, b: number) => (Math.imul(a, 31) + b) & (tableBits - 1);

// The last few shapes read: the action finder asks about a sentence, its cleaned copy and the clauses of it one after
// another. Only a few, so that nothing is kept from one notice to the next (a repeated run of the same page must cost
// what the first did).
const recent = 4;
const pairWords = tableBits / 32;
const recentTexts: (string | null)[] = new Array<string | null>(recent).fill(null);
const recentShapes = Array.from({ length: recent }, () => new Uint32Array(pairWords + 1));
const recentFoldsApart: boolean[] = new Array<boolean>(recent).fill(false);
let nextSlot = 0;

function shapeOf(text: string): Uint32Array | null {
  for (let i = 0; i < recent; i++) if (recentTexts[i] === text) return recentFoldsApart[i] ? null : recentShapes[i]!;
  const slot = nextSlot;
  nextSlot = (nextSlot + 1) % recent;
  const table = recentShapes[slot]!;
  table.fill(0);
  recentTexts[slot] = text;
  recentFoldsApart[slot] = !readShape(text, table);
  return recentFoldsApart[slot] ? null : table;
}

/**
 * Writes the pairs of adjacent characters (lower case) a text holds as bits of `table`, and after them a word that is 1
 * when it holds whitespace other than a plain space; false when a character folds apart.
 */
function readShape(text: string, table: Uint32Array): boolean {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 256) {
      if (otherSpaceLatin1[c] === 1) table[pairWords] = 1;
      c = lower[c]!;
    } else if (foldsApart.has(c)) return false;
    else if (otherSpaces.has(c)) table[pairWords] = 1;
    if (previous >= 0) {
      const bit = pairBit(previous, c);
      table[bit >>> 5]! |= 1 << (bit & 31);
    }
    previous = c;
  }
  return true;
}

const doubleSpace = pairBit(32, 32);
const spaceRun = /\s\s|[^\S ]/;

/** Whether a text holds whitespace other than single spaces (/\s\s|[^\S ]/), read from its shape. */
export function spacedOddly(text: string): boolean {
  const shape = text.length > shortText ? null : shapeOf(text);
  if (shape === null) return spaceRun.test(text);
  // Without other whitespace, two whitespace characters in a row are two spaces.
  return shape[pairWords] === 1 || ((shape[doubleSpace >>> 5]! & (1 << (doubleSpace & 31))) !== 0 && text.includes('  '));
}

/**
 * A test of whether a text may hold one of `cues` (two characters or more each), in any case: false means it holds
 * none, in no case and in no spelling the i flag allows; true, that a pattern has to tell.
 */
export function cueTest(cues: readonly string[]): (text: string) => boolean {
  // All cues in one flat list, each as its number of pairs and then the pairs' bits: the test runs once per guard and
  // sentence, and a loop over one typed array is cheaper than over arrays of arrays.
  const flat: number[] = [];
  for (const cue of cues) {
    if (cue.length < 2) throw new Error(`cueTest: the cue "${cue}" is shorter than two characters`);
    // Only Latin-1 is folded to lower case here; a cue beyond it could miss its other case in the text.
    if (/[^\x00-\xff]/.test(cue)) throw new Error(`cueTest: the cue "${cue}" has a character beyond Latin-1`);
    flat.push(cue.length - 1);
    for (let i = 1; i < cue.length; i++) flat.push(pairBit(fold(cue.charCodeAt(i - 1)), fold(cue.charCodeAt(i))));
  }
  const pairs = Int32Array.from(flat);
  return (text) => {
    // A whole notice holds nearly every pair: its shape would cost a pass and rule nothing out.
    const shape = text.length > shortText ? null : shapeOf(text);
    if (shape === null) return true;
    for (let at = 0; at < pairs.length; ) {
      const count = pairs[at++]!;
      let held = 0;
      while (held < count && (shape[pairs[at + held]! >>> 5]! & (1 << (pairs[at + held]! & 31))) !== 0) held++;
      if (held === count) return true;
      at += count;
    }
    return false;
  };
}

/** `pattern.test`, run only when the text may hold one of `cues`; every match of the pattern must contain one of them. */
export function guardedTest(pattern: RegExp, cues: readonly string[]): (text: string) => boolean {
  if (pattern.global || pattern.sticky) throw new Error('guardedTest: a global or sticky pattern keeps state between tests');
  const cue = cueTest(cues);
  return (text) => cue(text) && pattern.test(text);
}

/** `pattern.exec`, run only when the text may hold one of `cues`; every match of the pattern must contain one of them. */
export function guardedExec(pattern: RegExp, cues: readonly string[]): (text: string) => RegExpExecArray | null {
  if (pattern.global || pattern.sticky) throw new Error('guardedExec: a global or sticky pattern keeps state between runs');
  const cue = cueTest(cues);
  return (text) => (cue(text) ? pattern.exec(text) : null);
}
