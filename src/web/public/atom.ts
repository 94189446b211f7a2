import type { ListedAdvisory } from './advisory-search.repository.js';
import { kindLabels } from './advisory-filter.js';
import { severityLabel } from '../../notify/templates/format.js';

// XML 1.0 forbids most control characters even when escaped; scraped text may carry them.
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return value.replace(invalidXmlChars, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * An Atom 1.0 feed (RFC 4287) of published advisories; every text is escaped, ids are stable URLs. A filtered feed
 * (`search`, the list's query string) has its own id and links, and names its filter in the subtitle.
 */
export function renderAtomFeed(list: ListedAdvisory[], { publicUrl, now, search = '', filter = [] }: { publicUrl: string; now: Date; search?: string; filter?: string[] }): string {
  const url = (path: string) => escapeXml(new URL(path, publicUrl).href);
  const updated = list.reduce((max, a) => (a.updatedAt > max ? a.updatedAt : max), list[0]?.updatedAt ?? now);
  const entries = list.map((a) => {
    // The notice's own date: an old incident recorded today is not news in a feed reader either.
    const published = a.publishedAt ?? a.releasedAt ?? a.updatedAt;
    return `  <entry>
    <id>${url(`/warnungen/${a.id}`)}</id>
    <title type="text">${escapeXml(`[${severityLabel[a.severity]}] ${a.title}`)}</title>
    <link rel="alternate" type="text/html" href="${url(`/warnungen/${a.id}`)}"/>
    <published>${published.toISOString()}</published>
    <updated>${a.updatedAt.toISOString()}</updated>
    <category term="${escapeXml(a.severity)}" label="${escapeXml(severityLabel[a.severity])}"/>
    <category term="${a.kind}" label="${escapeXml(kindLabels[a.kind])}"/>
${a.products.map((p) => `    <category term="${escapeXml(p.id)}" label="${escapeXml(p.name)}"/>\n`).join('')}    <summary type="text">${escapeXml(a.summary || a.title)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${url(`/warnungen.atom${search}`)}</id>
  <title type="text">${escapeXml(`praxiswarn: Sicherheitswarnungen für Arztpraxen${filter.length ? ` (${filter.join(', ')})` : ''}`)}</title>
  <subtitle type="text">Veröffentlichte Warnungen zu Praxissoftware, Routern, TI-Komponenten und mehr</subtitle>
  <link rel="self" type="application/atom+xml" href="${url(`/warnungen.atom${search}`)}"/>
  <link rel="alternate" type="text/html" href="${url(`/warnungen${search}`)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>praxiswarn</name></author>
${entries.join('\n')}
</feed>
`;
}
