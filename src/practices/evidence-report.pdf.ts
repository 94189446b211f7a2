import PDFDocument from 'pdfkit';
import { formatShortDate } from '../notify/templates/format.js';
import { actionStatusText, answeredText, answerText, evidenceHeader, evidenceIntro, evidenceTitle, severityText, type EvidenceReport } from './evidence-report.text.js';

// The PDF's built-in Helvetica encodes text as WinAnsi (Latin-1 plus „ “ – € and a few more): umlauts and ß are in
// it; anything else (a Cyrillic vendor name, an emoji in a scraped title) would come out as garbage, so it becomes ?.
const winAnsiExtra = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
function winAnsi(text: string): string {
  return [...text.normalize('NFC')].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') return ch;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtra.has(ch)) return ch;
    return /\s/.test(ch) ? ' ' : '?';
  }).join('');
}

/** The Nachweis as an A4 PDF (pdfkit), with the same content as the printable page, page numbers in the footer. */
export function evidencePdf(r: EvidenceReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: `${evidenceTitle} – ${winAnsi(r.practiceName)}`, Author: 'praxiswarn', Subject: r.period.label } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (s: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(s), { width, ...opts });

  doc.font('Helvetica-Bold').fontSize(17);
  text(evidenceTitle);
  doc.moveDown(0.5).fontSize(10.5);
  for (const [label, value] of evidenceHeader(r)) {
    doc.font('Helvetica-Bold');
    text(`${label}: `, { continued: true });
    doc.font('Helvetica');
    text(value);
  }
  doc.moveDown(0.6).fontSize(9.5).font('Helvetica');
  for (const p of evidenceIntro()) text(p).moveDown(0.4);
  doc.moveDown(0.6);

  if (r.items.length === 0) {
    doc.fontSize(11);
    text('Im Zeitraum gab es keine Sicherheitswarnung für die Praxis und keinen Vermerk zu einer älteren Warnung.');
  }
  r.items.forEach((item, i) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(11.5);
    text(`${i + 1}. ${item.title}`);
    doc.font('Helvetica').fontSize(10);
    text(`Schweregrad: ${severityText(item)} · Erste E-Mail: ${formatShortDate(item.firstMailAt)}${item.viaDeputy ? ' (an die Urlaubsvertretung)' : ''}`);
    const answered = answeredText(item);
    text(`Betrifft uns? ${answerText(item)}${answered ? ` (${answered})` : ''}`);
    if (item.actions.length === 0) text('Maßnahmen: keine konkreten Maßnahmen genannt');
    else {
      text('Maßnahmen:');
      for (const a of item.actions) text(`${a.position + 1}. ${a.text} – ${actionStatusText(a)}`, { indent: 12 });
    }
    doc.moveDown(0.8);
  });

  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing into the margin would otherwise open a new page
    doc.font('Helvetica').fontSize(8.5);
    doc.text(winAnsi(`${evidenceTitle} · ${r.practiceName} · ${r.period.label} · Seite ${p - range.start + 1} von ${range.count}`), doc.page.margins.left, doc.page.height - 36, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
