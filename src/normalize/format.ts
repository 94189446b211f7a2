export const documentFormats = ['auto', 'html', 'text', 'rss', 'atom', 'csaf'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** Guesses what a document is from its first bytes; anything unrecognised is plain text. */
export function detectFormat(content: string): Exclude<DocumentFormat, 'auto'> {
  const head = content.slice(0, 2000).trimStart();
  if (head.startsWith('{') && isCsaf(content)) return 'csaf';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<rss\b/i.test(head) || /<rdf:RDF\b/i.test(head)) return 'rss';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<feed\b/i.test(head)) return 'atom';
  if (/^<!doctype html|^<html\b|<body\b|<(?:p|div|article|h1)\b[^>]*>/i.test(head)) return 'html';
  return 'text';
}

/** A CSAF document is JSON whose `document` names a `csaf_version`. */
export function isCsaf(content: string): boolean {
  if (!/"csaf_version"/.test(content.slice(0, 5000))) return false;
  try {
    const json = JSON.parse(content) as { document?: { csaf_version?: unknown } };
    return typeof json?.document?.csaf_version === 'string';
  } catch {
    return false;
  }
}
