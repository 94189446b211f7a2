import { defineConfig } from 'drizzle-kit';

// The PostgreSQL migration set: the same tables as the SQLite one (src/db/pg-schema.ts derives them), generated into
// migrations/postgres/ and committed. `npm run db:generate` writes both sets.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/pg-tables.ts',
  out: './migrations/postgres',
  casing: 'snake_case',
});
