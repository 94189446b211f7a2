import { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { databaseFile } from '../app/deps.js';
import { loadEnv } from '../config/env.js';
import { openDatabase } from '../db/client.js';
import { copyToPostgres, CopyMismatchError, CopyRefusedError } from '../db/copy.js';
import { connectPostgres, PostgresUnavailableError, redactedUrl } from '../db/postgres.js';

/** `db copy`: moves an installation from its SQLite file to an empty PostgreSQL database, checked by row counts. */
export function dbCommand(): Command {
  const db = new Command('db').description('Datenbank verwalten');
  db.command('copy')
    .description('alle Daten aus der SQLite-Datei in eine leere PostgreSQL-Datenbank kopieren und die Zeilenzahlen prüfen')
    .option('--from <adresse>', 'SQLite-Datei, als Pfad oder file:… (Standard: die Datei in DATA_DIR)')
    .requiredOption('--to <adresse>', 'PostgreSQL-Datenbank, postgres://benutzer:passwort@host:5432/datenbank')
    .action(async (opts: { from?: string; to: string }) => {
      process.exitCode = await copyCommand(opts.from ?? databaseFile(loadEnv()), opts.to);
    });
  return db;
}

async function copyCommand(from: string, to: string): Promise<number> {
  const file = from.startsWith('file:') ? (from.startsWith('file://') ? fileURLToPath(from) : from.slice('file:'.length)) : from;
  if (!existsSync(file)) {
    console.error(`Keine SQLite-Datei unter ${file}.`);
    return 1;
  }
  const sqlite = openDatabase(file);
  let client;
  try {
    client = await connectPostgres(to);
    console.log(`Kopiere ${file} nach ${redactedUrl(to)} …`);
    const started = Date.now();
    const copied = await copyToPostgres(sqlite, client, { onTable: ({ table, rows }) => console.log(`  ${table.padEnd(22)} ${rows.toLocaleString('de-DE').padStart(12)} Zeilen`) });
    const total = copied.reduce((n, t) => n + t.rows, 0);
    console.log(`Fertig: ${copied.length} Tabellen, ${total.toLocaleString('de-DE')} Zeilen in ${((Date.now() - started) / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} s; die Zeilenzahlen stimmen auf beiden Seiten überein.`);
    return 0;
  } catch (error) {
    const known = error instanceof CopyRefusedError || error instanceof PostgresUnavailableError || error instanceof CopyMismatchError;
    // Anything else failed inside the copy's transaction: none of its rows stay (the tables the migrations made do).
    console.error(known ? (error as Error).message : `Kopieren abgebrochen, in PostgreSQL ist keine Zeile davon geblieben: ${(error as Error).message}`);
    return 1;
  } finally {
    await client?.end().catch(() => {});
    sqlite.$client.close();
  }
}
