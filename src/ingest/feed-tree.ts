import { QuoteType, Tokenizer } from 'htmlparser2';

/** An element of a feed document: its attributes, child elements, and its own text (CDATA included) joined. */
export type FeedElement = { name: string; attrs: Record<string, string> | null; children: FeedElement[]; text: string; cdata: boolean };

// Only what strict XML parsers (sax, behind rss-parser) accept in the same way is read here; anything else makes
// readFeedTree give up (null), and the caller parses the document with rss-parser instead.
const name = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
// A whole start tag as XML writes it: quoted values without '<', whitespace between attributes, at most one '/'.
const startTag = /^<[A-Za-z_][A-Za-z0-9_.:-]*(?:\s+[A-Za-z_][A-Za-z0-9_.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?>$/;
// rss-parser's XML layer (xml2js) keeps text and flags under these keys: elements of these names are not read here.
const reserved = new Set(['_', '$', 'cdata']);
const predefined = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);
const reference = /&([^;&]*);?/g;
// sax refuses names, attribute values, comments and instructions beyond its 64 KB buffer; long ones are left to it.
const maxToken = 32 * 1024;

class GiveUp extends Error {}

/**
 * The element tree of a well-formed feed document, up to the end of its root element, or null when the document is
 * not plainly well-formed: a tag closed out of order or never, a name, attribute or entity a strict XML parser would
 * read differently or refuse (HTML entities such as `&auml;` included), text before the root. Entities are never
 * expanded beyond the five of XML and numeric references; DTDs are refused before this is called.
 */
export function readFeedTree(xml: string): FeedElement | null {
  const doc = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const stack: FeedElement[] = [];
  let root: FeedElement | null = null;
  let done = false;
  let open: FeedElement | null = null;
  let openStart = 0;
  let attrName = '';
  let attrValue = '';
  const fail = (): never => {
    throw new GiveUp();
  };
  const close = () => {
    const element = stack.pop()!;
    if (stack.length === 0) {
      root = element;
      done = true;
    } else stack[stack.length - 1]!.children.push(element);
  };
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      ontext(start, end) {
        if (done) return;
        const raw = doc.slice(start, end);
        if (raw.includes('<')) fail();
        const top = stack[stack.length - 1];
        if (top) top.text += decode(raw);
        else if (raw.trim() !== '') fail();
      },
      oncdata(start, end, offset) {
        if (done) return;
        const top = stack[stack.length - 1];
        if (!top || offset !== 2) fail();
        const data = doc.slice(start, end - offset);
        // sax reports no CDATA for an empty section, so for rss-parser it does not mark the element as CDATA.
        if (data === '') return;
        top!.text += data;
        top!.cdata = true;
      },
      onopentagname(start, end) {
        if (done) return;
        const tag = doc.slice(start, end);
        if (!name.test(tag) || reserved.has(tag)) fail();
        open = { name: tag, attrs: null, children: [], text: '', cdata: false };
        openStart = start - 1;
      },
      onattribname(start, end) {
        if (done) return;
        attrName = doc.slice(start, end);
        attrValue = '';
        if (!name.test(attrName)) fail();
      },
      onattribdata(start, end) {
        if (done) return;
        attrValue += doc.slice(start, end);
      },
      onattribentity: fail,
      ontextentity: fail,
      onattribend(quote) {
        if (done) return;
        if ((quote !== QuoteType.Double && quote !== QuoteType.Single) || attrValue.includes('<')) fail();
        open!.attrs ??= Object.create(null) as Record<string, string>;
        if (Object.hasOwn(open!.attrs!, attrName)) fail();
        open!.attrs![attrName] = decode(attrValue);
      },
      onopentagend(end) {
        if (done) return;
        if (!open || end - openStart > maxToken || !startTag.test(doc.slice(openStart, end + 1))) fail();
        stack.push(open!);
        open = null;
      },
      onselfclosingtag(end) {
        if (done) return;
        if (!open || end - openStart > maxToken || !startTag.test(doc.slice(openStart, end + 1))) fail();
        stack.push(open!);
        open = null;
        close();
      },
      onclosetag(start, end) {
        if (done) return;
        const gt = doc.indexOf('>', end);
        if (stack[stack.length - 1]?.name !== doc.slice(start, end) || gt < 0 || doc.slice(end, gt).trim() !== '') fail();
        close();
      },
      oncomment(start, end, offset) {
        if (done) return;
        if (offset !== 2 || end - start > maxToken || doc.slice(start, end - offset).includes('--')) fail();
      },
      ondeclaration(start, end) {
        if (done) return;
        if (root || stack.length > 0 || end - start > maxToken || !/^DOCTYPE\s/.test(doc.slice(start, end))) fail();
      },
      onprocessinginstruction(start, end) {
        // The tokenizer ends an instruction at the first '>', XML only at '?>'.
        if (!done && (doc[end - 1] !== '?' || end - start > maxToken)) fail();
      },
      onend() {},
    },
  );
  try {
    tokenizer.write(doc);
    tokenizer.end();
  } catch (error) {
    if (error instanceof GiveUp) return null;
    throw error;
  }
  return done ? root : null;
}

/** The five predefined entities and numeric references; any other reference is not read here. */
function decode(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(reference, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new GiveUp();
    const named = predefined.get(ref);
    if (named !== undefined) return named;
    const m = /^#(?:x([1-9a-fA-F][0-9a-fA-F]{0,5})|([1-9][0-9]{0,6}))$/.exec(ref);
    const code = m ? parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10) : NaN;
    if (!isXmlChar(code)) throw new GiveUp();
    return String.fromCodePoint(code);
  });
}

/** The characters XML allows (its `Char` production): a reference to anything else is not well-formed. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
