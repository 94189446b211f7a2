import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { catalogSchema } from '../catalog/catalog.models.js';
import { ConfigError, loadEnv } from '../config/env.js';
import { readConfigFile } from '../config/files.js';
import { extractDocument } from '../normalize/document.js';
import { documentFormats, type DocumentFormat } from '../normalize/format.js';
import { compileCatalog } from '../normalize/products.js';

/** `praxiswarn extract FILE`: normalizes one document with the catalog only (no database, no Redis) and prints JSON. */
export async function extractCommand(
  file: string,
  opts: { url?: string; format?: DocumentFormat },
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const env = loadEnv();
  const matcher = compileCatalog(readConfigFile(env.CATALOG_FILE, catalogSchema));
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Datei ${file} ist nicht lesbar: ${(error as Error).message}`);
  }
  const advisories = await extractDocument(matcher, content, { format: opts.format ?? 'auto', ...(opts.url ? { url: opts.url } : {}) });
  out.write(`${JSON.stringify({ advisories }, null, 2)}\n`);
}

export const extractCli = new Command('extract')
  .description('ein Dokument (HTML, Text, RSS/Atom, CSAF) ohne Datenbank auswerten und als JSON ausgeben')
  .argument('<datei>', 'die Datei')
  .option('--url <url>', 'Adresse des Dokuments (für relative Links in Feeds)')
  .addOption(new Option('--format <format>', 'Format der Datei').choices(documentFormats).default('auto'))
  .action((file: string, opts: { url?: string; format?: DocumentFormat }) => extractCommand(file, opts));
