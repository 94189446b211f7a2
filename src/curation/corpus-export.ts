import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { advisorySources } from '../advisories/advisories.table.js';
import type { Db } from '../db/client.js';
import { notices } from '../ingest/notices.table.js';
import { sources } from '../sources/sources.table.js';
import { berlinDay } from '../normalize/quality.js';
import { decisions } from './corrections.js';

/**
 * Writes every advisory an editor decided as a corpus case (test/fixtures/real/LABELS.md): the first notice's title
 * and text as `<name>.txt`, the editor's version as `<name>.expected.json`, where it came from as `<name>.source.md`.
 * The labels are what the editors published, so the extractor can be measured on exactly what they fixed.
 */
export function exportCorpus(db: Db, dir: string, { since }: { since?: Date } = {}): { written: number } {
  mkdirSync(dir, { recursive: true });
  let written = 0;
  for (const d of decisions(db)) {
    if (since && d.decidedAt < since) continue;
    const notice = db
      .select({ title: notices.title, text: notices.text, url: notices.url, publisher: sources.publisher })
      .from(advisorySources)
      .innerJoin(notices, eq(notices.id, advisorySources.noticeId))
      .innerJoin(sources, eq(sources.id, notices.sourceId))
      .where(eq(advisorySources.advisoryId, d.id))
      .orderBy(asc(advisorySources.addedAt))
      .get();
    if (!notice) continue;
    const name = `praxiswarn-${d.id}-${slug(notice.title)}`;
    const f = d.final;
    const expected = {
      advisories: [
        {
          relevant: f.relevant,
          title: f.title,
          vendor: f.vendorId,
          products: f.relevant ? f.products : [],
          actions: f.relevant ? f.actions : [],
          cves: f.cves,
          severity: f.relevant ? f.severity : 'unbekannt',
          published: f.published ? berlinDay(f.published) : null,
        },
      ],
    };
    writeFileSync(join(dir, `${name}.txt`), `${notice.title}\n${notice.text}\n`);
    writeFileSync(join(dir, `${name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
    writeFileSync(join(dir, `${name}.source.md`), `Meldung #${d.id}, entschieden am ${d.decidedAt.toISOString()} von der Redaktion.\nQuelle: ${notice.publisher}${notice.url ? `, ${notice.url}` : ''}\n`);
    written++;
  }
  return { written };
}

function slug(title: string): string {
  const s = title
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, 60).replace(/-+$/, '') || 'meldung';
}
