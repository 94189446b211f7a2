import { html, type SafeHtml } from '../notify/templates/html.js';

export type EvidenceMark = { id: string; sentence: string };

/**
 * The notice text, escaped, with every evidence sentence wrapped in `<mark id>` so a field can link to the words
 * it came from. Sentences are found verbatim or with whitespace normalized; overlapping ones keep the first.
 */
export function highlightEvidence(text: string, marks: EvidenceMark[]): { body: SafeHtml; anchor: (id: string) => string | null } {
  const aliases = new Map<string, string>();
  const ranges: { start: number; end: number; id: string }[] = [];
  for (const m of marks) {
    const range = locate(text, m.sentence);
    if (!range) continue;
    if (ranges.some((r) => range.start < r.end && r.start < range.end)) {
      // Same sentence as an earlier field: that mark serves both; remember the alias by reusing its id.
      const shared = ranges.find((r) => range.start < r.end && r.start < range.end)!;
      aliases.set(m.id, shared.id);
      continue;
    }
    ranges.push({ ...range, id: m.id });
  }
  ranges.sort((a, b) => a.start - b.start);
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const r of ranges) {
    parts.push(html`${text.slice(at, r.start)}<mark id="${r.id}">${text.slice(r.start, r.end)}</mark>`);
    at = r.end;
  }
  parts.push(html`${text.slice(at)}`);
  const found = new Set(ranges.map((r) => r.id));
  // The anchor a field links to: its own mark, the mark of an earlier field with the same sentence, or none.
  const anchor = (id: string) => (found.has(id) ? id : (aliases.get(id) ?? null));
  return { body: html`${parts}`, anchor };
}

function locate(text: string, sentence: string): { start: number; end: number } | undefined {
  const needle = sentence.trim();
  if (needle.length < 3) return undefined;
  const direct = text.indexOf(needle);
  if (direct >= 0) return { start: direct, end: direct + needle.length };
  // The extractor joins lines; allow any run of whitespace where the sentence has one.
  const pattern = needle.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const match = new RegExp(pattern).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}
