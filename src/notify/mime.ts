import { randomBytes } from 'node:crypto';
import MimeNode from 'nodemailer/lib/mime-node/index.js';
import mimeFuncs from 'nodemailer/lib/mime-funcs/index.js';

/** One mail as the mailer hands it to the relay. */
export type MimeMail = {
  to: string;
  cc?: string;
  subject: string;
  text: string;
  html: string;
  /** Text and HTML already quoted-printable, in pieces (see joinQuotedPrintable); then `text` and `html` are not encoded again. */
  encoded?: { text: Buffer[]; html: Buffer[] };
  messageId: string;
  headers?: Record<string, string>;
};

// A fan-out sends thousands of mails of the same shape: multipart/alternative, text and HTML in UTF-8,
// quoted-printable. Writing that shape directly costs a fraction of nodemailer's general MIME builder (which scans
// each text to choose an encoding, streams every part through transforms and draws random boundaries per part).
// Address headers are formatted by nodemailer itself: once per process for the sender, per mail only for an
// address that is not plain ASCII.

/**
 * A boundary with "=_" in it can never occur in quoted-printable text (there "=" is always followed by two hex
 * digits or a line break), so it needs no check against the content.
 */
const boundaryPrefix = `=_pw_${randomBytes(8).toString('hex')}_`;
let boundaryCounter = 0;

export type MimeWriter = (mail: MimeMail, date: Date) => Buffer;

/** Returns a writer for mails from `from` (and with `replyTo`), formatted once here. */
export function mimeWriter({ from, replyTo }: { from: string; replyTo?: string }): MimeWriter {
  const fixed = [addressHeader('From', from), ...(replyTo ? [addressHeader('Reply-To', replyTo)] : [])].join('\r\n');
  return (mail, date) => {
    const boundary = `${boundaryPrefix}${(boundaryCounter++).toString(36)}`;
    const head = [
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      fixed,
      addressHeader('To', mail.to),
      ...(mail.cc ? [addressHeader('Cc', mail.cc)] : []),
      textHeader('Subject', mail.subject),
      `Message-ID: ${mail.messageId}`,
      `Date: ${rfc2822Date(date)}`,
      ...Object.entries(mail.headers ?? {}).map(([name, value]) => textHeader(name, value)),
      'MIME-Version: 1.0',
    ].join('\r\n');
    const part = (type: string) => `\r\n--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`;
    return Buffer.concat([
      Buffer.from(`${head}\r\n${part('text/plain')}`, 'latin1'),
      ...(mail.encoded ? joinQuotedPrintable(mail.encoded.text) : [quotedPrintable(mail.text)]),
      Buffer.from(part('text/html'), 'latin1'),
      ...(mail.encoded ? joinQuotedPrintable(mail.encoded.html) : [quotedPrintable(mail.html)]),
      Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1'),
    ]);
  };
}

const plainAscii = /^[\x20-\x7e]*$/;

/** An address header; nodemailer formats anything beyond a plain ASCII address (names, umlauts, IDN). */
function addressHeader(name: string, value: string): string {
  if (/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+$/.test(value)) return `${name}: ${value}`;
  const node = new MimeNode('text/plain');
  node.setHeader(name, value);
  // The header block holds other headers too (Date, Message-ID ...): take ours with its continuation lines.
  const prefix = `${name.toLowerCase()}:`;
  const lines = node.buildHeaders().split('\r\n');
  const start = lines.findIndex((line) => line.toLowerCase().startsWith(prefix));
  let end = start + 1;
  while (end < lines.length && /^[ \t]/.test(lines[end]!)) end++;
  return lines.slice(start, end).join('\r\n');
}

/** An unstructured header: encoded words when it is not plain ASCII, folded to 76 columns. */
function textHeader(name: string, value: string): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  return mimeFuncs.foldLines(`${name}: ${plainAscii.test(clean) ? clean : mimeFuncs.encodeWords(clean, 'Q', 52)}`, 76);
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date in UTC, e.g. "Wed, 25 Nov 2026 19:24:08 +0000". */
export function rfc2822Date(d: Date): string {
  return `${weekdays[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const hexDigits = Buffer.from('0123456789ABCDEF', 'latin1');
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const EQUALS = 61;

/**
 * Quoted-printable (RFC 2045 6.7) in one pass over the UTF-8 bytes: line breaks become CRLF, lines are at most 76
 * characters (soft breaks "=" CRLF), "=", bytes outside printable ASCII and white space before a line break are
 * encoded.
 */
export function quotedPrintable(text: string): Buffer {
  if (plainPrintable.test(text)) return softBroken(text);
  const input = Buffer.from(text, 'utf8');
  const n = input.length;
  // At worst every byte becomes three characters, plus a soft break after every 25 of them.
  const out = Buffer.allocUnsafe(n * 3 + Math.ceil(n / 24) * 3 + 3);
  let o = 0;
  let column = 0;
  for (let i = 0; i < n; i++) {
    const byte = input[i]!;
    if (byte === LF || byte === CR) {
      if (byte === CR && input[i + 1] === LF) i++; // CRLF, LF and a lone CR all end a line
      out[o++] = CR;
      out[o++] = LF;
      column = 0;
      continue;
    }
    const next = input[i + 1];
    const literal = (byte > SPACE && byte < 127 && byte !== EQUALS) || ((byte === SPACE || byte === TAB) && next !== undefined && next !== LF && next !== CR);
    const width = literal ? 1 : 3;
    if (column + width > 75) {
      out[o++] = EQUALS;
      out[o++] = CR;
      out[o++] = LF;
      column = 0;
    }
    if (literal) {
      out[o++] = byte;
    } else {
      out[o++] = EQUALS;
      out[o++] = hexDigits[byte >> 4]!;
      out[o++] = hexDigits[byte & 15]!;
    }
    column += width;
  }
  return out.subarray(0, o);
}

const softBreak = Buffer.from('=\r\n', 'latin1');

// Printable ASCII without "=" and without white space: every character stands for itself (most per-mail values:
// links, plain names).
const plainPrintable = /^[!-<>-~]*$/;

/** quotedPrintable of a plainPrintable text: the text itself, with a soft break after every 75 characters. */
function softBroken(text: string): Buffer {
  if (text.length <= 75) return Buffer.from(text, 'latin1');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 75) lines.push(text.slice(i, i + 75));
  return Buffer.from(lines.join('=\r\n'), 'latin1');
}

/**
 * Joins text encoded in pieces (each by quotedPrintable, each starting at column 0) with a soft line break between
 * them: decoded, that is exactly the pieces' texts one after the other. It lets a template be encoded once and only
 * the parts that differ per mail be encoded per mail.
 */
export function joinQuotedPrintable(pieces: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    const last = out.at(-1);
    if (last && !(last[last.length - 2] === CR && last[last.length - 1] === LF)) out.push(softBreak);
    out.push(piece);
  }
  return out;
}
