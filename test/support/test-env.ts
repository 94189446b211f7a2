import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadEnv, type Env } from '../../src/config/env.js';
import { hostKey } from '../../src/ingest/ssrf.js';
import type { SourceConfig } from '../../src/sources/sources.models.js';
import type { Db } from '../../src/db/client.js';
import { sources } from '../../src/sources/sources.table.js';
import { freshTestDatabaseUrl, testDialect } from './test-database.js';

/** Sources as config/sources.json would list them, pointed at the fixture server. */
export function fixtureSources(baseUrl: string): SourceConfig[] {
  return [
    {
      id: 'dgn-news',
      name: 'DGN News',
      publisher: 'DGN Deutsches Gesundheitsnetz',
      kind: 'html',
      url: `${baseUrl}/dgn/unternehmen/category/news/`,
      selectors: {
        item: 'article.news-item',
        link: '.news-item__title a',
        title: '.news-item__title',
        date: 'time',
        article: 'article.post',
        remove: ['.press-contact', '.share', '.related'],
      },
      trust: 'auto',
      intervalMinutes: 60,
      enabled: true,
    },
    {
      id: 'praxis-it-feed',
      name: 'Praxis-IT Sicherheitshinweise',
      publisher: 'Praxis-IT Sicherheitshinweise',
      kind: 'rss',
      url: `${baseUrl}/feeds/praxis-it.xml`,
      selectors: { article: 'article.post, article.notice', remove: ['.press-contact', '.contact', '.newsletter', '.share', '.related'] },
      trust: 'auto',
      intervalMinutes: 60,
      enabled: true,
    },
  ];
}

/**
 * A fresh data folder, sources file and queue prefix per test, so tests never see each other's data. The SSRF
 * guard stays on: only the hosts of the given sources (the fixture server on 127.0.0.1) are allow-listed.
 */
export function testEnv(options: { sources?: SourceConfig[]; env?: Record<string, string | undefined> } = {}): Env {
  const { sources = [], env: overrides = {} } = options;
  const dir = mkdtempSync(join(tmpdir(), 'praxiswarn-test-'));
  const sourcesFile = join(dir, 'sources.json');
  writeFileSync(sourcesFile, JSON.stringify({ sources }));
  return loadEnv({
    DATA_DIR: dir,
    SOURCES_FILE: sourcesFile,
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    PUBLIC_URL: 'https://praxiswarn.test',
    FETCH_ALLOW_HOSTS: [...new Set(sources.map((s) => hostKey(new URL(s.url))))].join(','),
    FETCH_HOST_DELAY_MS: '0',
    // The fixture notices are real incidents of 2019–2025; tests of the later stages treat them as news. The archive
    // tests (test/archive.test.ts) set the production default back.
    ALERT_MAX_AGE_DAYS: '3650',
    ...(testDialect === 'postgres' && !('DATABASE_URL' in overrides) ? { DATABASE_URL: freshTestDatabaseUrl() } : {}),
    ...overrides,
  });
}

/**
 * Marks every source as read before, as on an installation that has been running: their next read brings news, not
 * their archive (see archiveRead). Tests of the later stages call it before their first fetch.
 */
export function sourcesReadBefore(db: Db): void {
  db.update(sources).set({ lastSuccessAt: new Date(0) }).run();
}
