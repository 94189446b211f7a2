/** How an uploaded CSV file was stored, as far as its bytes tell. */
export type CsvCharset = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The text of an upload (charset null: pasted into the form, so the browser sent UTF-8), or why it was refused. */
export type CsvInput = { ok: true; text: string; charset: CsvCharset | null } | CsvRefusal;
export type CsvRefusal = { ok: false; line: number | null; message: string };

export const maxCsvBytes = 2_000_000;

const saveHint = 'Bitte speichern Sie die Datei in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ und laden Sie sie erneut hoch.';

// Bytes 0x80-0x9F of Windows-1252; the five holes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay U+FFFD and refuse the file.
// Node 20's TextDecoder('windows-1252') decodes these bytes as ISO-8859-1 control characters, so the table is ours.
const cp1252High = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

/**
 * Decodes an uploaded CSV file: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode-Text"), else
 * Windows-1252 (Excel's "CSV (Trennzeichen-getrennt)" on German Windows). Never guesses silently: a file that is
 * none of these, mixes two of them, or holds control characters is refused with the first line that shows it.
 */
export function decodeCsvFile(bytes: Uint8Array): CsvInput {
  if (bytes.length > maxCsvBytes) return { ok: false, line: null, message: `Die Datei ist größer als ${maxCsvBytes / 1_000_000} MB. Bitte teilen Sie sie auf.` };
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return checked(decode('utf-8', bytes.subarray(3)), 'utf-8-bom');
  if (b0 === 0xff && b1 === 0xfe) return checked(decode('utf-16le', bytes.subarray(2)), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return checked(decode('utf-16be', bytes.subarray(2)), 'utf-16be');
  const utf8 = decode('utf-8', bytes);
  if (!utf8.includes('\uFFFD') || isValidUtf8(bytes)) return checked(utf8, 'utf-8');

  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const text = latin.replace(/[\x80-\x9f]/g, (ch) => cp1252High[ch.charCodeAt(0) - 0x80]!);
  const refused = refusal(text, 'windows-1252', bytes);
  if (refused) return refused;
  // Â or Ã followed by another high byte (or â€ …) is how UTF-8 umlauts and quotes look in Windows-1252; German
  // names never contain them. Such a file was pasted together from two exports and would be half mangled.
  if (/[\xc2\xc3][\x80-\xbf]|\xe2[\x80-\xbf]{2}/.test(latin)) {
    return { ok: false, line: lineAt(utf8, utf8.indexOf('\uFFFD')), message: `Diese Zeile ist nicht als UTF-8 gespeichert, andere Zeilen der Datei aber schon: Die Datei mischt zwei Zeichensätze. ${saveHint}` };
  }
  return { ok: true, text, charset: 'windows-1252' };
}

/** Checks text pasted into the form: the browser sent UTF-8, but what was copied may already be damaged. */
export function checkCsvText(text: string): CsvInput {
  if (text.length > maxCsvBytes) return { ok: false, line: null, message: `Der Text ist länger als ${maxCsvBytes / 1_000_000} Millionen Zeichen. Bitte teilen Sie ihn auf.` };
  return refusal(text, null) ?? { ok: true, text, charset: null };
}

function checked(text: string, charset: CsvCharset): CsvInput {
  return refusal(text, charset) ?? { ok: true, text, charset };
}

/** The first character no spreadsheet cell should hold, explained for the charset it was read in. */
function refusal(text: string, charset: CsvCharset | null, bytes?: Uint8Array): CsvRefusal | null {
  const index = text.search(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\uFFFD]/);
  if (index < 0) return null;
  const line = lineAt(text, index);
  const ch = text.charCodeAt(index);
  if (ch !== 0xfffd) {
    const name = `das Steuerzeichen U+${ch.toString(16).toUpperCase().padStart(4, '0')}${ch === 0 ? ' (Nullbyte)' : ''}`;
    return { ok: false, line, message: `Diese Zeile enthält ${name}, das in keiner CSV-Textdatei steht: Ist es vielleicht eine Excel-Arbeitsmappe (.xlsx) oder UTF-16 ohne BOM? ${saveHint}` };
  }
  if (charset === 'windows-1252' && bytes) {
    return { ok: false, line, message: `Das Byte 0x${bytes[index]!.toString(16).toUpperCase()} in dieser Zeile ist weder gültiges UTF-8 noch ein Zeichen in Windows-1252. ${saveHint}` };
  }
  if (charset === 'utf-8-bom') return { ok: false, line, message: `Die Datei ist als UTF-8 gekennzeichnet, diese Zeile enthält aber Bytes, die kein gültiges UTF-8 sind. ${saveHint}` };
  if (charset === 'utf-16le' || charset === 'utf-16be') return { ok: false, line, message: `Die Datei ist als UTF-16 gekennzeichnet, diese Zeile ist aber kein gültiges UTF-16. ${saveHint}` };
  // Valid UTF-8 that holds U+FFFD itself: a letter was already lost when the file was made.
  return { ok: false, line, message: `Diese Zeile enthält das Ersatzzeichen „\uFFFD“: Beim Erstellen der Datei ist hier schon ein Buchstabe verloren gegangen. Bitte korrigieren Sie die Zeile.` };
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The 1-based line of a position, counting CRLF, LF and a lone CR (old Mac exports) as one line break each. */
export function lineAt(text: string, index: number): number {
  return text.slice(0, index).split(/\r\n|\r|\n/).length;
}
