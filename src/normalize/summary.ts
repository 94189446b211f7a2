import type { Sentence } from './sentences.js';

/** The first two prose sentences that are not the title, a date line or a list item. */
export function summarize(sentences: Sentence[], title: string): string {
  const prose = sentences.filter(
    (s) => !s.bullet && s.text !== title && s.text.length >= 40 && /[.!]$/.test(s.text) && !/^\s*(?:Version|Stand)\b/i.test(s.text),
  );
  return prose
    .slice(0, 2)
    .map((s) => s.text)
    .join(' ');
}
