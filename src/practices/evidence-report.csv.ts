import { formatShortDate } from '../notify/templates/format.js';
import { answerText, severityText, type EvidenceReport } from './evidence-report.text.js';

const header = ['Warnung', 'Schweregrad', 'Erste E-Mail am', 'Über Urlaubsvertretung', 'Betrifft uns?', 'Beantwortet am', 'Beantwortet von', 'Nr.', 'Maßnahme', 'Erledigt am', 'Erledigt von'];

/**
 * The Nachweis as CSV for German Excel: semicolons, CRLF, UTF-8 with a byte order mark (without it Excel reads
 * umlauts as Latin-1), one row per action (a warning without actions gets one row).
 */
export function evidenceCsv(r: EvidenceReport): string {
  const rows: string[][] = [header];
  for (const item of r.items) {
    const head = [
      item.title,
      severityText(item),
      formatShortDate(item.firstMailAt),
      item.viaDeputy ? 'ja' : 'nein',
      answerText(item),
      item.answer ? formatShortDate(item.answer.answeredAt) : '',
      item.answer?.by ?? '',
    ];
    if (item.actions.length === 0) rows.push([...head, '', 'keine konkreten Maßnahmen genannt', '', '']);
    for (const a of item.actions) rows.push([...head, String(a.position + 1), a.text, a.doneAt ? formatShortDate(a.doneAt) : 'offen', a.doneBy ?? '']);
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/**
 * One cell: a value a spreadsheet would run as a formula (starting with = + - @, or a tab or CR before one) gets a
 * leading apostrophe; quotes, semicolons and line breaks are quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
