import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError } from './env.js';

/** Reads a JSON data file under config/ and validates it; problems name the file and the path inside it. */
export function readConfigFile<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Konfigurationsdatei ${file} ist nicht lesbar: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  - ${i.path.join('.') || '(Wurzel)'}: ${i.message}`);
    throw new ConfigError(`Konfigurationsdatei ${file} ist ungültig:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
