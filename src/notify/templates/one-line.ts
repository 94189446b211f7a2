/** A subject line: no line breaks (header injection), single spaces, at most `max` characters. */
export function oneLine(s: string, max: number): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
