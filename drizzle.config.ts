import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads every feature's *.table.ts; the generated SQL lands in migrations/sqlite/ and is
// committed. The PostgreSQL set comes from the same tables: drizzle.postgres.config.ts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/**/*.table.ts',
  out: './migrations/sqlite',
  casing: 'snake_case',
});
