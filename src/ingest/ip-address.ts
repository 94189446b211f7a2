import { isIPv6 } from 'node:net';

export type ParsedIp = { family: 4; value: number } | { family: 6; groups: number[] };

/**
 * Reads an IPv4 address the way inet_aton and URL parsers do: one to four parts, each decimal, octal (leading 0)
 * or hex (0x), the last part filling the remaining bytes. So `127.1`, `0x7f.0.0.1`, `017700000001` and
 * `2130706433` are all 127.0.0.1, and `0` is 0.0.0.0.
 */
export function parseIPv4Loose(input: string): number | null {
  const parts = input.split('.');
  if (parts.length > 1 && parts.at(-1) === '') parts.pop(); // "127.0.0.1." is still an address
  if (parts.length < 1 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(part)) n = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) n = parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) n = Number(part);
    else return null;
    if (!Number.isSafeInteger(n)) return null;
    numbers.push(n);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255)) return null;
  const room = 4 - numbers.length;
  if (last >= 2 ** (8 * room)) return null;
  let value = 0;
  for (const n of numbers) value = value * 256 + n;
  return value * 2 ** (8 * room) + last;
}

/** Eight 16-bit groups of an IPv6 address (brackets and zone ids are dropped), or null. */
export function parseIPv6(input: string): number[] | null {
  const text = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(text)) return null;
  let head = text;
  const tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4Loose(dotted[1]!);
    if (v4 === null) return null;
    tail.push(Math.floor(v4 / 65536), v4 % 65536);
    // "::ffff:1.2.3.4" leaves "::ffff"; "::1.2.3.4" leaves ":", which is the "::" cut in half.
    head = text.slice(0, dotted.index);
    if (head.endsWith(':')) head += ':';
  }
  const groupsWanted = 8 - tail.length;
  const [left = '', right] = head.split('::');
  const parse = (s: string) => (s === '' ? [] : s.split(':').filter((g) => g !== '').map((g) => parseInt(g, 16)));
  const l = parse(left);
  const r = right === undefined ? [] : parse(right);
  if (right === undefined && l.length !== groupsWanted) return null;
  const zeros = groupsWanted - l.length - r.length;
  if (zeros < 0) return null;
  return [...l, ...new Array<number>(zeros).fill(0), ...r, ...tail];
}

/** The address as a number (IPv4) or eight groups (IPv6), whatever the spelling; null for a host name. */
export function parseIp(input: string): ParsedIp | null {
  const host = input.trim().toLowerCase();
  if (host.includes(':') || host.startsWith('[')) {
    const groups = parseIPv6(host);
    return groups ? { family: 6, groups } : null;
  }
  const value = parseIPv4Loose(host);
  return value === null ? null : { family: 4, value };
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
