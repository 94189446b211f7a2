import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// The compose files cannot be run here (no Docker daemon, no image registry), so this pins what they must say:
// with docker-compose.postgres.yml every role of the app runs on that PostgreSQL and waits for it, and without it
// nothing refers to a PostgreSQL at all.

type Service = { image?: string; command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, unknown> };
type ComposeFile = { services: Record<string, Service>; volumes?: Record<string, unknown> };

const read = (file: string) => parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'), { merge: true }) as ComposeFile;
const base = read('docker-compose.yml');
const postgres = read('docker-compose.postgres.yml');
const appRoles = Object.entries(base.services)
  .filter(([, service]) => service.image === 'praxiswarn:latest')
  .map(([name]) => name);

test('the base compose file runs every app role on SQLite, with no PostgreSQL in it', () => {
  assert.deepEqual(appRoles.sort(), ['migrate', 'pipeline', 'sender', 'web']);
  assert.equal(base.services.postgres, undefined);
  for (const role of appRoles) {
    const service = base.services[role]!;
    assert.equal(service.environment?.DATABASE_URL, '${DATABASE_URL:-}', role);
    assert.equal(service.depends_on?.postgres, undefined, role);
    assert.ok(service.depends_on?.redis, `${role} waits for Redis`);
  }
});

test('the PostgreSQL file points every app role at its PostgreSQL and makes each wait for it', () => {
  assert.ok(postgres.services.postgres, 'a postgres service');
  assert.ok(postgres.volumes && 'postgres' in postgres.volumes, 'a volume for its data');
  // A role missing here would run on SQLite beside the PostgreSQL: the trap this file exists to close.
  assert.deepEqual(Object.keys(postgres.services).filter((name) => name !== 'postgres').sort(), appRoles.sort());
  for (const role of appRoles) {
    const service = postgres.services[role]!;
    assert.match(service.environment?.DATABASE_URL ?? '', /^postgres:\/\/praxiswarn:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/praxiswarn$/, role);
    assert.deepEqual(service.depends_on, { postgres: { condition: 'service_healthy' } }, role);
  }
  assert.match(postgres.services.postgres!.environment?.POSTGRES_PASSWORD ?? '', /^\$\{POSTGRES_PASSWORD:\?/);
});
