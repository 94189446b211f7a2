/** Marks a string as already-safe HTML, so `html` does not escape it again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Part = string | number | SafeHtml | null | undefined | false | Part[];

/** Tagged template that escapes every interpolated value (scraped text is hostile) except nested `html` results. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  const render = (v: Part): string =>
    v === null || v === undefined || v === false ? '' : Array.isArray(v) ? v.map(render).join('') : v instanceof SafeHtml ? v.value : escapeHtml(String(v));
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]!) : ''), ''));
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
