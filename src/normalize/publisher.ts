// Who publishes a page, as its chrome says: the site name, the part of the <title> after "|", the copyright line. The
// chrome goes before the text is read, so this is kept on the side: a maker's statement in the first person ("Wir
// sind Ziel eines Ransomware-Angriffs geworden") names its maker only here.

const copyright = /(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?([^·|\n]{2,80})/iu;

/** The site's name from a page's <title> ("Statement … | TeamViewer Trust Center" → "TeamViewer Trust Center"). */
export function titleSite(title: string): string | null {
  const m = /\s[|·]\s([^|·]{2,60})$/.exec(title.trim());
  return m ? m[1]!.trim() : null;
}

/** The holder a copyright line names ("© CompuGroup Medical SE & Co. KGaA  Impressum" → "CompuGroup Medical SE …"). */
export function copyrightHolder(text: string): string | null {
  const m = copyright.exec(text);
  return m ? m[1]!.trim() : null;
}

/** The publisher lines of a page or text copy, joined; null when its chrome names none. */
export function publisherOf(parts: (string | null | undefined)[]): string | null {
  const named = parts.map((p) => p?.trim()).filter((p): p is string => Boolean(p));
  return named.length > 0 ? named.join('\n') : null;
}
