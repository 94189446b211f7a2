import { Command, Option } from 'commander';
import { createLogger } from '../app/logger.js';
import { databaseLocation, openStore } from '../app/deps.js';
import { isPostgresUrl, PostgresUnavailableError, redactedUrl } from '../db/postgres.js';
import { ConfigError, loadEnv } from '../config/env.js';
import { openDatabase } from '../db/client.js';
import { DatabaseBehindError, ensureMigrated } from '../db/migrate.js';
import { addPractice, UnknownProductError } from '../practices/practices.repository.js';
import { queueNames, type QueueName } from '../queues/queues.js';
import { RedisUnavailableError } from '../queues/redis.js';
import { registerDigestCommand } from './digest.command.js';
import { fetchCommand } from './fetch.command.js';
import { extractCli } from './extract.command.js';
import { fetchUrlCommand } from './fetch-url.command.js';
import { adminCommand } from './admin.command.js';
import { corpusCommand } from './corpus.command.js';
import { dbCommand } from './db.command.js';
import { runService } from './service.js';
import { ZodError } from 'zod';

const program = new Command('praxiswarn')
  .description('Sicherheitswarnungen für Arztpraxen')
  .helpOption('-h, --help', 'Hilfe anzeigen')
  .helpCommand('help [befehl]', 'Hilfe zu einem Befehl anzeigen')
  .showHelpAfterError('(Mit --help sehen Sie alle Befehle und Optionen.)');

program
  .command('start')
  .description('Webserver, Worker und Zeitpläne in einem Prozess starten')
  .action(() => runService(loadEnv(), { web: true, workers: true }));

program
  .command('serve')
  .description('nur den Webserver starten')
  .action(() => runService(loadEnv(), { web: true, workers: false }));

program
  .command('work')
  .description('nur die Worker und Zeitpläne starten')
  .option('--queues <names>', `Auswahl der Warteschlangen, kommagetrennt (${queueNames.join(', ')})`)
  .action((opts: { queues?: string }) => runService(loadEnv(), { web: false, workers: true, queues: parseQueues(opts.queues) }));

program
  .command('migrate')
  .description('Datenbank auf den aktuellen Stand bringen')
  .action(() => {
    const env = loadEnv();
    const location = databaseLocation(env);
    const db = openDatabase(location);
    const { applied } = ensureMigrated(db, { auto: true });
    db.$client.close();
    const shown = isPostgresUrl(location) ? redactedUrl(location) : location;
    console.log(applied ? `${applied} Migration(en) angewendet: ${shown}` : `Datenbank ist aktuell: ${shown}`);
  });

program
  .command('fetch')
  .description('fällige Quellen jetzt abrufen (oder eine, oder alle) und zeigen, was neu ist; mit --url eine Adresse nur ausprobieren')
  .option('--source <id>', 'nur diese Quelle')
  .option('--all', 'alle aktiven Quellen, auch wenn sie noch nicht fällig sind')
  .option('--url <url>', 'diese Adresse abrufen, nichts speichern, Einträge als JSON ausgeben')
  .option('--kind <kind>', 'Art der Adresse bei --url: rss, atom, html, csaf')
  .option('--selectors <json>', 'CSS-Selektoren bei --url und --kind html, als JSON')
  .option('--limit <n>', 'bei --url höchstens so viele Artikel bzw. CSAF-Dokumente laden', '10')
  .action(async (opts: { source?: string; all?: boolean; url?: string; kind?: string; selectors?: string; limit?: string }) => {
    process.exitCode = opts.url ? await fetchUrlCommand(loadEnv(), { ...opts, url: opts.url }) : await fetchCommand(loadEnv(), opts);
  });

registerDigestCommand(program);
program.addCommand(extractCli);
program.addCommand(adminCommand());
program.addCommand(corpusCommand());
program.addCommand(dbCommand());

const practices = program.command('practices').description('Praxen verwalten');
practices
  .command('add')
  .description('eine Praxis mit ihren Produkten anlegen (aktiv, ohne Bestätigungsmail)')
  .requiredOption('--email <address>', 'E-Mail-Adresse der Praxis')
  .requiredOption('--name <name>', 'Name der Praxis')
  .requiredOption('--product <id...>', 'Produkt-ID(s) aus config/catalog.json')
  .addOption(new Option('--cadence <cadence>', 'Versand').choices(['immediate', 'daily', 'weekly']).default('immediate'))
  .addOption(new Option('--min-severity <severity>', 'Mindest-Einstufung').choices(['kritisch', 'hoch', 'mittel', 'niedrig']).default('niedrig'))
  .action((opts: { email: string; name: string; product: string[]; cadence: 'immediate'; minSeverity: 'niedrig' }) => {
    const { db } = openStore(loadEnv());
    try {
      const practice = addPractice(
        db,
        { email: opts.email, name: opts.name, productIds: opts.product, cadence: opts.cadence, minSeverity: opts.minSeverity },
        { now: new Date(), origin: 'cli' },
      );
      console.log(`Praxis #${practice.id} "${practice.name}" ist aktiv und abonniert: ${opts.product.join(', ')}`);
    } finally {
      db.$client.close();
    }
  });

function parseQueues(value: string | undefined): QueueName[] | undefined {
  if (!value) return undefined;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !queueNames.includes(n as QueueName));
  if (unknown.length) throw new ConfigError(`Unbekannte Warteschlange(n): ${unknown.join(', ')}. Möglich: ${queueNames.join(', ')}`);
  return names as QueueName[];
}

/** Errors an operator can fix get one readable message and a non-zero exit; anything else is a bug and shows its stack. */
export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 78;
    } else if (error instanceof RedisUnavailableError || error instanceof PostgresUnavailableError || error instanceof DatabaseBehindError || error instanceof UnknownProductError) {
      console.error(error.message);
      process.exitCode = 1;
    } else if (error instanceof ZodError) {
      console.error(`Ungültige Eingabe:\n${error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      createLogger('error').error({ err: error }, 'unexpected error');
      process.exitCode = 1;
    }
  }
}

await main(process.argv);
