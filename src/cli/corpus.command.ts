import { Command } from 'commander';
import { openStore } from '../app/deps.js';
import { loadEnv } from '../config/env.js';
import { exportCorpus } from '../curation/corpus-export.js';

/** `corpus export`: the editors' decisions as corpus cases, to measure the extractor on what editors fixed. */
export function corpusCommand(): Command {
  const corpus = new Command('corpus').description('Testfälle für die Auswertung aus den Entscheidungen der Redaktion');
  corpus
    .command('export')
    .description('jede von der Redaktion entschiedene Meldung als Testfall schreiben (Quelltext, Erwartung, Herkunft)')
    .requiredOption('--dir <ordner>', 'Zielordner, z. B. test/fixtures/real/incoming')
    .option('--since <datum>', 'nur Entscheidungen ab diesem Tag (JJJJ-MM-TT)')
    .action((opts: { dir: string; since?: string }) => {
      const since = opts.since ? new Date(`${opts.since}T00:00:00+01:00`) : undefined;
      if (since && Number.isNaN(since.getTime())) {
        console.error(`Ungültiges Datum: ${opts.since} (erwartet JJJJ-MM-TT).`);
        process.exitCode = 1;
        return;
      }
      const { db } = openStore(loadEnv());
      try {
        const { written } = exportCorpus(db, opts.dir, { since });
        console.log(`${written} Testfälle nach ${opts.dir} geschrieben.`);
      } finally {
        db.$client.close();
      }
    });
  return corpus;
}
