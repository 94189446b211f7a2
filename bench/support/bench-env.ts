import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppDeps, type AppDeps } from '../../src/app/deps.js';
import { createLogger } from '../../src/app/logger.js';
import type { Catalog } from '../../src/catalog/catalog.models.js';
import { loadEnv, type Env } from '../../src/config/env.js';
import type { SourceConfig } from '../../src/sources/sources.models.js';
import { removeQueues } from '../../test/support/queues.js';
import { freshTestDatabaseUrl } from '../../test/support/test-database.js';

/** `npm run bench -- --db postgres` runs the benchmarks on a PostgreSQL database of their own (dropped at the end). */
export const benchDialect = process.env.BENCH_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

const shippedCatalog = new URL('../../config/catalog.json', import.meta.url);

/** The shipped catalog padded with generated products up to `size` (real ids stay, so the skew can use them). */
export function benchCatalog(size: number): Catalog {
  const catalog = JSON.parse(readFileSync(shippedCatalog, 'utf8')) as Catalog;
  const categories = ['pvs', 'ti', 'router', 'firewall', 'remote', 'os', 'lib', 'backup'] as const;
  for (let v = 0; catalog.products.length < size; v++) {
    const vendor = `bench-hersteller-${v + 1}`;
    catalog.vendors.push({ id: vendor, name: `Bench-Hersteller ${v + 1}`, aliases: [] });
    for (let p = 0; p < 20 && catalog.products.length < size; p++) {
      catalog.products.push({
        id: `${vendor}-produkt-${p + 1}`,
        vendor,
        name: `Bench-Produkt ${v + 1}.${p + 1}`,
        category: categories[(v + p) % categories.length]!,
        aliases: [],
        weakAliases: [],
        covers: [],
      });
    }
  }
  return catalog;
}

export type BenchEnv = { env: Env; dir: string };

/** A temp DATA_DIR (removed by `closeBench`), a unique QUEUE_PREFIX, and optionally a generated catalog and sources. */
export function benchEnv({ catalog, sources = [], env = {} }: { catalog?: Catalog; sources?: SourceConfig[]; env?: Record<string, string> } = {}): BenchEnv {
  const dir = mkdtempSync(join(tmpdir(), 'praxiswarn-bench-'));
  const sourcesFile = join(dir, 'sources.json');
  writeFileSync(sourcesFile, JSON.stringify({ sources }));
  const catalogFile = join(dir, 'catalog.json');
  if (catalog) writeFileSync(catalogFile, JSON.stringify(catalog));
  return {
    dir,
    env: loadEnv({
      DATA_DIR: dir,
      SOURCES_FILE: sourcesFile,
      ...(catalog ? { CATALOG_FILE: catalogFile } : {}),
      QUEUE_PREFIX: `bench-${randomBytes(6).toString('hex')}`,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      PUBLIC_URL: 'https://praxiswarn.bench',
      ...(benchDialect === 'postgres' ? { DATABASE_URL: freshTestDatabaseUrl() } : {}),
      ...env,
    }),
  };
}

export async function openBench(bench: BenchEnv): Promise<AppDeps> {
  return createAppDeps(bench.env, { logger: createLogger('silent') });
}

/** Removes the queues (every key under the prefix), closes everything and deletes the data folder. */
export async function closeBench(bench: BenchEnv, deps: AppDeps | undefined): Promise<void> {
  if (deps) {
    await removeQueues(deps.queues).catch(() => {});
    await deps.close();
  }
  rmSync(bench.dir, { recursive: true, force: true });
}
