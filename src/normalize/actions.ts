import type { Sentence } from './sentences.js';

export type ActionHit = { text: string; evidence: string };

const particles = new Set(['ein', 'an', 'ab', 'aus', 'auf', 'zu', 'durch', 'nach', 'vor', 'um', 'zurück', 'mit', 'weg', 'fest', 'her', 'hin', 'vorbei', 'zusammen']);

// Contact, marketing and navigation text is never something a practice has to do.
const notAnAction =
  /\+?\d[\d ()/-]{7,}\d|@|\b(?:uns|unser\w*|wir|Newsletter|abonnier\w*|Hotline|Webshop|Angebot(?:e|en)?|Pressekontakt|Cookie\w*|Datenschutzerklärung)\b|\?\s*$/i;
const notActionVerbs = /^(?:haben|freuen|lesen|klicken|besuchen|finden|erreichen|sprechen|rufen|schreiben|folgen|teilen|entdecken|erfahren|sehen|bleiben|nutzen Sie unser)$/i;

const polite = /^(?:Bitte\s+)?([A-ZÄÖÜ][a-zäöüß]+)\s+Sie\s+(?:bitte\s+)?(.+?)[.!]?$/u;
const modal = /\b(?:Praxen|Kunden|Kundinnen und Kunden|Nutzer(?:innen)?|Anwender(?:innen)?|Betreiber(?:innen)?|Ärzt(?:e|innen)(?: und Ärzte)?|Sie|Anwenderinnen und Anwender)\s+(?:sollten|sollen|müssen|werden gebeten,?|sind\s+(?:aufgefordert|angehalten|aufgerufen),?)\s+(.+?)[.!]?$/u;
const recommended = /\b(?:Es\s+wird\s+(?:dringend\s+)?empfohlen|Wir\s+empfehlen(?:\s+dringend)?|Empfohlen\s+wird),?\s+(.+?)\s+zu\s+([a-zäöüß]+)[.!]?$/u;
const infinitiveEnd = /\s([a-zäöüß]+(?:en|ern|eln))[.!]?$/u;

/** Turns the notice's actions into short infinitive phrases ("Passwörter im PVS ändern"), in order, without repeats. */
export function findActions(sentences: Sentence[]): ActionHit[] {
  const actions: ActionHit[] = [];
  for (const sentence of sentences) {
    if (notAnAction.test(sentence.text)) continue;
    const text = toAction(sentence);
    if (!text || text.length < 8) continue;
    if (actions.some((a) => similar(a.text, text))) continue;
    actions.push({ text, evidence: sentence.text });
  }
  return actions;
}

function toAction(sentence: Sentence): string | null {
  const s = sentence.text.replace(/\s+/g, ' ').trim();
  const p = polite.exec(s);
  if (p && /(?:en|ern|eln)$/.test(p[1]!) && !notActionVerbs.test(p[1]!)) return politeClauses(p[1]!, p[2]!);
  const r = recommended.exec(s);
  if (r) return capitalize(`${r[1]} ${r[2]}`);
  const m = modal.exec(s);
  if (m && infinitiveEnd.test(m[1]!)) return capitalize(m[1]!.replace(/\s+zu\s+([a-zäöüß]+)$/u, ' $1'));
  if (sentence.bullet && infinitiveEnd.test(` ${s}`) && !/^[A-ZÄÖÜ][\wäöüß-]*$/.test(s)) return capitalize(s.replace(/[.!]$/, ''));
  return null;
}

// "… und öffnen Sie …": a second imperative joined to the first.
const nextImperative = /,?\s+und\s+([a-zäöüß]+(?:en|ern|eln))\s+Sie\s+/u;
const irregular: Record<string, string> = { seien: 'sein' };

/** "Seien Sie vorsichtig …, und öffnen Sie keine Anhänge" → "Vorsichtig … sein und keine Anhänge öffnen". */
function politeClauses(verb: string, rest: string): string {
  let phrase = '';
  let current = { verb, rest };
  for (;;) {
    const next = nextImperative.exec(current.rest);
    if (!next) break;
    // The comma before "und" closes a relative clause and stays.
    phrase += infinitive(current.verb, current.rest.slice(0, next.index)) + (next[0].startsWith(',') ? ', und ' : ' und ');
    current = { verb: next[1]!, rest: current.rest.slice(next.index + next[0].length) };
  }
  return capitalize(phrase + infinitive(current.verb, current.rest));
}

/** "Spielen Sie Updates regelmäßig ein" → "Updates regelmäßig einspielen"; a trailing clause stays behind the verb. */
function infinitive(imperative: string, rest: string): string {
  let verb = irregular[imperative.toLowerCase()] ?? imperative.toLowerCase();
  const comma = rest.search(/,\s/);
  let main = (comma === -1 ? rest : rest.slice(0, comma)).trim();
  const tail = comma === -1 ? '' : rest.slice(comma);
  const words = main.split(' ');
  const last = words[words.length - 1]!.toLowerCase();
  if (particles.has(last)) {
    words.pop();
    verb = last + verb;
    main = words.join(' ');
  }
  return `${main} ${verb}${tail}`.replace(/\s+/g, ' ').trim();
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function contentWords(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}.]+/u).filter((w) => w.length > 3));
}

function similar(a: string, b: string): boolean {
  const x = contentWords(a);
  const y = contentWords(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, x.size, y.size) >= 0.75;
}
