// Cheap guards in front of costly patterns. Most rules run on every sentence of a notice, and most sentences hold none
// of a rule's words; a pattern with lookarounds, the i or u flag or many alternatives is still tried at every position
// of the sentence, where one pattern of plain words (V8 scans for those much faster) rules most sentences out. A guard
// lists cue words, one of which every match of its pattern contains: a text without any of them is no match, so the
// guard changes no result, it only spares the run of the pattern.

// Characters that the i and u flags together match with a letter the i flag alone does not ("ſ" with s, the Kelvin
// sign with k, capital sharp s with ß, the Ångström sign with å; dotted capital I for good measure): a text holding
// one skips the guard of such a pattern and runs the pattern, as before.
const foldsApart = /[\u017f\u0130\u212a\u212b\u1e9e]/;

/** A test of whether a text holds one of `cues` (in any case with `ignoreCase`): one pattern of plain alternatives. */
export function cueTest(cues: readonly string[], { ignoreCase = false } = {}): (text: string) => boolean {
  const pattern = new RegExp(cues.map((c) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), ignoreCase ? 'i' : '');
  return (text) => pattern.test(text);
}

/**
 * `pattern.test`, run only when the text holds one of `cues`, in any case when the pattern has the i flag. Every
 * match of the pattern must contain one of the cues as the pattern matches it.
 */
export function guardedTest(pattern: RegExp, cues: readonly string[]): (text: string) => boolean {
  if (pattern.global || pattern.sticky) throw new Error('guardedTest: a global or sticky pattern keeps state between tests');
  const cue = cueTest(cues, { ignoreCase: pattern.ignoreCase });
  if (pattern.ignoreCase && pattern.unicode) return (text) => (foldsApart.test(text) || cue(text)) && pattern.test(text);
  return (text) => cue(text) && pattern.test(text);
}
