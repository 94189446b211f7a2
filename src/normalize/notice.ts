import { extractCsaf } from './csaf.js';
import { extractNotice, type Extraction, type NoticeInput } from './extract.js';
import { isCsaf } from './format.js';
import type { Matcher } from './products.js';

/**
 * The one entry of the normalize stage: a notice whose text is a CSAF document is mapped field by field,
 * every other notice is read as German (or English) prose. The pipeline and `praxiswarn extract` both call it.
 */
export function normalizeNotice(matcher: Matcher, notice: NoticeInput): Extraction {
  if (notice.text.trimStart().startsWith('{') && isCsaf(notice.text)) {
    const csaf = extractCsaf(matcher, notice.text);
    if (csaf) return csaf;
  }
  return extractNotice(matcher, notice);
}
