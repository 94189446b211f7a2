import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The server the PostgreSQL tests create their databases on (.ci/run starts it where none answers). Each test gets a
 * database of its own, dropped afterwards.
 */
export const postgresAdminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `praxiswarn_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 5000 });
  await client.connect().catch((error: Error) => {
    throw new Error(`Kein PostgreSQL unter ${postgresAdminUrl} (${error.message}); bash .ci/run startet einen.`);
  });
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
