import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { Hono } from 'hono';
import { AdminClient } from './admin-http.js';

/** One request the crawler made and what came back. */
export type Visit = { method: 'GET' | 'POST'; url: string; status: number; type: string; ms: number; from: string; via?: string };

/** A form as a page offers it, submitted once per submit button (a browser's user may press any of them). */
type Submission = { key: string; method: 'GET' | 'POST'; action: string; multipart: boolean; entries: () => [string, string | File][]; from: string; rank: number; order: number; retry?: Submission };

export type CrawlOptions = {
  app: Hono;
  /** Where a visitor starts: the paths every later link is found from. */
  starts: string[];
  /** Absolute links to these origins (PUBLIC_URL) are the app's own; every other origin is external. */
  ownOrigins: string[];
  /** The crawl stops after this many requests, so a link explosion ends it instead of hanging the suite. */
  maxRequests: number;
  /** Lower ranks are submitted first; given a form's key: method, action and submit button, `POST /admin/meldungen/5 op=approve`. */
  rank: (description: string) => number;
  /** A value for a text field the form requires or the crawler completes after a refusal. */
  fill: (field: { name: string; type: string; action: string }) => string;
  /** The content of every file input. */
  file: () => File;
  /** Whether a 4xx answer to a GET of a link is expected there (a POST may answer 4xx, in German). */
  expectedGet4xx?: (url: string, status: number) => boolean;
  /** Pages of a third-party UI that is English by design (Bull Board): checked for errors and dead links, not for language. */
  foreignUi?: (url: string) => boolean;
  /** Log lines written since the last call: attached to a 5xx, so a red test shows the cause. */
  takeLog?: () => string[];
};

export type CrawlResult = { visits: Visit[]; submitted: number; problems: string[]; exhausted: boolean };

// English a German user must never see: framework defaults, programming leftovers, stack traces.
const englishError = [/Internal Server Error/, /\bError\b/, /\b[A-Z][A-Za-z]+Error\b/, /\bNot Found\b/, /\bBad Request\b/, /\bUnauthorized\b/, /\bForbidden\b/, /Payload Too Large/, /\bCannot\b/, /\bundefined\b/, /\bNaN\b/, /\[object Object\]/, /^\s*at .+:\d+:\d+\)?$/m];
// The same leftovers in the markup itself, e.g. href="/admin/meldungen/undefined".
const leftovers = [/\bundefined\b/, /\bNaN\b/, /\[object Object\]/];
const validationRefusal = new Set([400, 422]);
const postRefusals = new Set([400, 401, 403, 404, 409, 410, 413, 422, 429]);

/**
 * Follows every same-origin link and submits every form found, pages first: a form is submitted only when no
 * link is waiting, lowest rank first, so pages are seen before the forms that remove them.
 */
export async function crawl(o: CrawlOptions): Promise<CrawlResult> {
  const client = new AdminClient(o.app);
  const result: CrawlResult = { visits: [], submitted: 0, problems: [], exhausted: false };
  const queued = new Set<string>();
  const links: { url: string; from: string }[] = [];
  const forms = new Map<string, Submission>();
  const done = new Set<string>();
  let order = 0;

  const own = (raw: string, base: string): string | null => {
    // A fragment is a place on the page the browser already has; mailto: and the like are not requests.
    if (raw === '' || raw.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(raw)) return null;
    const url = new URL(raw, new URL(base, 'http://localhost'));
    if (url.origin !== 'http://localhost' && !o.ownOrigins.includes(url.origin)) return null;
    return url.pathname + url.search;
  };
  const enqueueLink = (raw: string, from: string, base = from) => {
    const url = own(raw.trim(), base);
    if (url === null || queued.has(url)) return;
    queued.add(url);
    links.push({ url, from });
  };

  const request = async (visit: Omit<Visit, 'status' | 'type' | 'ms'>, init?: RequestInit): Promise<void> => {
    let current = visit;
    let res: Response | undefined;
    for (let hop = 0; hop < 5; hop++) {
      if (result.visits.length >= o.maxRequests) return void (result.exhausted = true);
      const started = performance.now();
      res = await client.request(current.url, hop === 0 ? init : undefined);
      await inspect(current, res, performance.now() - started);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return;
      const next = own(location, current.url);
      if (next === null) return;
      queued.add(next);
      current = { method: 'GET', url: next, from: `${current.method} ${current.url}`, via: 'Weiterleitung' };
    }
  };

  const inspect = async (visit: Omit<Visit, 'status' | 'type' | 'ms'>, res: Response, ms: number) => {
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const body = await res.text();
    const log = o.takeLog?.() ?? [];
    const seen: Visit = { ...visit, status: res.status, type, ms };
    result.visits.push(seen);
    const where = `${visit.method} ${visit.url} → ${res.status} (gefunden auf ${visit.from}${visit.via ? `, ${visit.via}` : ''})`;
    const problem = (what: string) => result.problems.push(`${where}: ${what}`);
    // One parse per page: links and forms first, then the visible text without scripts and styles.
    const $ = type === 'text/html' ? cheerio.load(body) : null;
    if ($) readPage($, visit.url);
    $?.('script, style, noscript').remove();
    const text = $ ? `${$('title').text()}\n${$('body').text()}` : body;
    if (res.status >= 500) problem(`Serverfehler. Antwort: ${snippet(text)}${logOf(log)}`);
    else if (res.status >= 400 && visit.method === 'GET' && !o.expectedGet4xx?.(visit.url, res.status)) problem(`toter Link. Antwort: ${snippet(text)}`);
    else if (res.status >= 400 && visit.method === 'POST' && !postRefusals.has(res.status)) problem(`unerwarteter Status. Antwort: ${snippet(text)}`);
    if ((type === 'text/html' || type === 'text/plain') && res.status < 500 && !o.foreignUi?.(visit.url)) {
      const english = englishError.find((re) => re.test(text)) ?? leftovers.find((re) => re.test(body));
      if (english) problem(`englischer Fehlertext (${english.source}): ${snippet(contextOf(english.test(text) ? text : body, english))}`);
      if ($ && !/<html[^>]+lang="de"/.test(body)) problem('Seite ohne lang="de"');
    }
    if (type === 'application/atom+xml') {
      const $ = cheerio.load(body, { xml: true });
      $('link[href]').each((_, el) => enqueueLink($(el).attr('href')!, visit.url));
    }
  };

  const readPage = ($: cheerio.CheerioAPI, page: string) => {
    const base = own($('base[href]').attr('href') ?? '', page) ?? page;
    $('a[href], link[href]').each((_, el) => enqueueLink($(el).attr('href')!, page, base));
    $('script[src], iframe[src], img[src]').each((_, el) => enqueueLink($(el).attr('src')!, page, base));
    $('form').each((_, form) => {
      const known = (key: string) => done.has(key) || forms.has(key);
      for (const submission of submissionsOf($, form, page, o, known, () => order++)) forms.set(submission.key, submission);
    });
  };

  for (const start of o.starts) enqueueLink(start, 'Start');
  while (!result.exhausted) {
    const link = links.shift();
    if (link) {
      await request({ method: 'GET', url: link.url, from: link.from });
      continue;
    }
    const next = [...forms.values()].sort((a, b) => a.rank - b.rank || a.order - b.order)[0];
    if (!next) break;
    forms.delete(next.key);
    done.add(next.key);
    result.submitted++;
    const before = result.visits.length;
    await submit(next);
    const answer = result.visits[before];
    if (answer && validationRefusal.has(answer.status) && next.retry && !done.has(next.retry.key)) forms.set(next.retry.key, next.retry);
  }
  return result;

  async function submit(s: Submission) {
    const via = `Formular ${s.key}`;
    const entries = s.entries();
    if (s.method === 'GET') {
      const query = new URLSearchParams(entries.map(([k, v]) => [k, typeof v === 'string' ? v : v.name]));
      const url = `${s.action.split('?')[0]}${query.size ? `?${query}` : ''}`;
      queued.add(url);
      return request({ method: 'GET', url, from: s.from, via });
    }
    let body: URLSearchParams | FormData;
    if (s.multipart) {
      body = new FormData();
      for (const [k, v] of entries) body.append(k, v);
    } else {
      body = new URLSearchParams(entries.map(([k, v]) => [k, typeof v === 'string' ? v : v.name]));
    }
    return request({ method: 'POST', url: s.action, from: s.from, via }, { method: 'POST', body });
  }
}

/** The submissions a form allows: one per enabled submit button (or one, if it has none), each with a completed retry. */
function submissionsOf($: cheerio.CheerioAPI, form: Element, page: string, o: CrawlOptions, known: (key: string) => boolean, nextOrder: () => number): Submission[] {
  const $form = $(form);
  const method = ($form.attr('method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
  const actionUrl = new URL($form.attr('action') || page, new URL(page, 'http://localhost'));
  const action = actionUrl.pathname + actionUrl.search;
  const multipart = ($form.attr('enctype') ?? '').toLowerCase() === 'multipart/form-data';
  const controls = $form.find('input, select, textarea, button').toArray();
  const disabled = (el: Element) => $(el).is('[disabled]') || $(el).closest('fieldset[disabled]').length > 0;
  const isSubmitter = (el: Element) => (el.tagName === 'button' && ['submit', ''].includes(($(el).attr('type') ?? '').toLowerCase())) || (el.tagName === 'input' && ['submit', 'image'].includes(($(el).attr('type') ?? '').toLowerCase()));
  const buttons = controls.filter((el) => isSubmitter(el) && !disabled(el));

  const entries = (submitter: Element | undefined, complete: boolean): [string, string | File][] => {
    const out: [string, string | File][] = [];
    const groupsChecked = new Set<string>();
    for (const el of controls) {
      const $el = $(el);
      const name = $el.attr('name');
      if (!name || disabled(el) || (isSubmitter(el) && el !== submitter)) continue;
      const type = ($el.attr('type') ?? (el.tagName === 'textarea' ? 'textarea' : 'text')).toLowerCase();
      if (el === submitter) out.push([name, $el.attr('value') ?? '']);
      else if (el.tagName === 'select') {
        const options = $el.find('option').toArray();
        const selected = options.filter((x) => $(x).is('[selected]'));
        const chosen = $el.is('[multiple]') ? selected : [selected.at(-1) ?? options[0]].filter((x) => x !== undefined);
        for (const opt of chosen) out.push([name, $(opt).attr('value') ?? $(opt).text().trim()]);
      } else if (type === 'checkbox' || type === 'radio') {
        // A completed form ticks the first box of every group that has none: consent, one product, one cadence.
        const group = `${type}:${name}`;
        const anyChecked = $form.find(`input[name="${name}"]`).toArray().some((x) => $(x).is('[checked]') && !disabled(x));
        if ($el.is('[checked]') || (complete && !anyChecked && !groupsChecked.has(group))) out.push([name, $el.attr('value') ?? 'on']);
        groupsChecked.add(group);
      } else if (type === 'file') out.push([name, o.file()]);
      else if (['button', 'reset', 'submit', 'image'].includes(type)) continue;
      else {
        const value = el.tagName === 'textarea' ? $el.text() : ($el.attr('value') ?? '');
        const needed = type !== 'hidden' && value === '' && ($el.is('[required]') || complete);
        out.push([name, needed ? o.fill({ name, type, action }) : value]);
      }
    }
    return out;
  };

  // The same form on the next visit of its page is not read again: the fields are read only for new forms.
  const one = (submitter: Element | undefined): Submission | null => {
    const label = submitter ? `${$(submitter).attr('name') ?? ''}=${$(submitter).attr('value') ?? ''}`.replace(/^=$/, '') : buttons.length ? '' : '(ohne freien Knopf)';
    const key = `${method} ${method === 'GET' ? actionUrl.pathname : action}${label ? ` ${label}` : ''}`;
    if (known(key)) return null;
    const base = { method, action, multipart, from: page, rank: o.rank(key), order: nextOrder() } as const;
    return { ...base, key, entries: () => entries(submitter, false), retry: { ...base, key: `${key} (vervollständigt)`, entries: () => entries(submitter, true) } };
  };
  return (buttons.length ? buttons.map((b) => one(b)) : [one(undefined)]).filter((x) => x !== null);
}

const snippet = (text: string) => JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 160));
const contextOf = (text: string, re: RegExp) => {
  const at = text.search(re);
  return text.slice(Math.max(0, at - 60), at + 100);
};
/** The last log lines, each cut to its message, its fields and the stack frames in src/ (the place to look). */
const logOf = (lines: string[]) => (lines.length ? `\n    Log: ${lines.slice(-3).map(shortLog).join('\n         ')}` : '');

function shortLog(line: string): string {
  let text = line;
  try {
    // A pino line: the message, the fields that say which request (errorId and the like), then the error's stack.
    const entry = JSON.parse(line) as Record<string, unknown> & { err?: { type?: string; message?: string; stack?: string } };
    const fields = Object.entries(entry).filter(([k]) => !['level', 'time', 'service', 'pid', 'hostname', 'msg', 'err'].includes(k));
    const error = entry.err ? `: ${entry.err.type ?? 'Error'}: ${entry.err.message ?? ''}` : '';
    const frames = entry.err?.stack?.split('\n').slice(1) ?? [];
    text = [[entry.msg, ...fields.map(([k, v]) => `${k}=${JSON.stringify(v)}`)].join(' ') + error, ...frames].join('\n');
  } catch {
    // Not JSON: Hono's own console.error of an error nobody caught.
  }
  const [message = '', ...frames] = text.split('\n');
  return [message.trim(), ...frames.filter((f) => f.includes('/src/')).slice(0, 6).map((f) => f.trim())].join(' ← ').slice(0, 900);
}

/** `/admin/meldungen/12/vorschau?praxis=3` → `/admin/meldungen/:id/vorschau`: which routes the pages cover. */
export function routeOf(url: string): string {
  const path = url.split('?')[0]!;
  return path
    .split('/')
    .map((part) => (/^\d+$/.test(part) ? ':id' : /^[a-z]+(?:-[a-z]+)*\.[-\d.]+\.[\w-]{20,}$/.test(part) ? ':token' : part))
    .join('/');
}
