/** One record of a CSV file and the line it starts on (a quoted field may span several lines). */
export type CsvRecord = { line: number; fields: string[] };

/** The records, and the line of a quote that is never closed (everything after it would be one field). */
export type ParsedCsv = { records: CsvRecord[]; unclosedQuoteLine: number | null };

/**
 * Parses CSV as spreadsheets write it: quoted fields with doubled quotes, CRLF, LF or CR, and the delimiter taken
 * from the header line: semicolon (German Excel), comma, or tab (Excel's "Unicode-Text"), whichever it holds most.
 * Blank lines are skipped but still counted, so line numbers match what an editor shows.
 */
export function parseCsv(text: string): ParsedCsv {
  const input = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(input.split(/\r\n|\r|\n/, 1)[0] ?? '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteLine = 1;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') (field += '"', i++);
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"') (quoted = true), (quoteLine = line);
    else if (ch === delimiter) (fields.push(field), (field = ''));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: start, fields });
      (fields = []), (field = ''), line++, (start = line);
    } else field += ch;
  }
  if (field !== '' || fields.length) (fields.push(field), records.push({ line: start, fields }));
  return { records: records.filter((r) => r.fields.some((f) => f.trim() !== '')), unclosedQuoteLine: quoted ? quoteLine : null };
}

function delimiterOf(header: string): string {
  const count = (d: string) => header.split(d).length - 1;
  return [';', ',', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}
