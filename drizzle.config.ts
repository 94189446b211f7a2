import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads every feature's *.table.ts; the generated SQL lands in migrations/ and is committed.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/**/*.table.ts',
  out: './migrations',
  casing: 'snake_case',
});
