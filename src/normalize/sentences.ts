/** A sentence or list item of a notice, with the line it stands on (for evidence and list context). */
export type Sentence = { text: string; line: number; bullet: boolean };

// Abbreviations whose dot does not end a sentence in German notices.
const abbreviations = /(?:\b(?:z\.B|u\.a|d\.h|o\.ä|u\.ä|o\.Ä|u\.Ä|z\.T|u\.U|i\.d\.R|o\.g|bzw|ggf|evtl|ca|Nr|Tel|Abs|inkl|vgl|usw|bspw|bzgl|zzgl|gem|sog|Co|Mio|Mrd|Std|Min|max|min|Jan|Feb|Aug|Sept?|Okt|Nov|Dez|S|St|Str|Dr|Prof|Hr|Fr)|\b[A-Za-zÄÖÜäöü])\.$/;

/** Splits plain notice text (one block per line, list items starting with "• ") into sentences. */
export function splitSentences(text: string): Sentence[] {
  const result: Sentence[] = [];
  text.split('\n').forEach((raw, line) => {
    const bullet = raw.startsWith('• ');
    const content = oneByte(bullet ? raw.slice(2) : raw);
    let start = 0;
    for (let i = 0; i < content.length; i++) {
      const ch = content[i];
      if (ch !== '.' && ch !== '!' && ch !== '?') continue;
      const next = content[i + 1];
      if (next !== undefined && next !== ' ') continue;
      const piece = content.slice(start, i + 1);
      // "11.01.02.102." and "08.11.2021." end in digits: only a following capital starts a new sentence.
      if (ch === '.' && (abbreviations.test(piece) || (/\d\.$/.test(piece) && continuesNumber(content.slice(i + 1))))) continue;
      push(result, piece, line, bullet);
      start = i + 1;
    }
    push(result, content.slice(start), line, bullet);
  });
  return result;
}

/**
 * The same text, stored one byte per character where it can be. A notice's text is stored two bytes per character as
 * soon as one character needs it ("•", "„", "–"), and so is every slice of it; V8 then runs each regex of the later
 * steps in its slower two-byte form (about four times slower for the model-name patterns of proposals.ts).
 */
function oneByte(s: string): string {
  return /[^\x00-\xff]/.test(s) ? s : Buffer.from(s, 'latin1').toString('latin1');
}

const monthNames = /^ (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez|Quartal|KW|Tag|Tages|Werktag|Woche|Monat|Monats)\b/;

/** After "21." a lower-case word, a month ("21. November"), a quarter ("4. Quartal") or a day ("10. Tag") continues the sentence. */
function continuesNumber(after: string): boolean {
  return !/^ [A-ZÄÖÜ]/.test(after) || monthNames.test(after);
}

// "… zu behandeln: Öffnen Sie …" – a colon before an imperative starts a new instruction.
const colonImperative = /:\s+(?=[A-ZÄÖÜ][a-zäöüß]+\s+Sie\b)/u;

function push(into: Sentence[], piece: string, line: number, bullet: boolean) {
  for (const part of piece.includes(':') ? piece.split(colonImperative) : [piece]) {
    const text = part.trim();
    if (text.length > 1) into.push({ text, line, bullet });
  }
}
