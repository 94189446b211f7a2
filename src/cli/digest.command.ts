import type { Command } from 'commander';
import { Option } from 'commander';
import { createAppDeps } from '../app/deps.js';
import { createLogger } from '../app/logger.js';
import { loadEnv } from '../config/env.js';
import { periodAt, type DigestCadence } from '../notify/digest-schedule.js';
import { digestStep } from '../pipeline/pipeline.js';

/** `praxiswarn digest --now`: writes this period's digests at once (a repeat writes nothing) and queues them. */
export function registerDigestCommand(program: Command): void {
  program
    .command('digest')
    .description('Übersichten (täglich/wöchentlich) jetzt schreiben und versenden lassen, statt zur eingestellten Uhrzeit')
    .requiredOption('--now', 'jetzt ausführen')
    .addOption(new Option('--cadence <cadence>', 'welche Übersicht').choices(['daily', 'weekly']).default('daily'))
    .action(async (opts: { cadence: DigestCadence }) => {
      const env = loadEnv();
      const deps = await createAppDeps(env, { logger: createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL) });
      try {
        const period = periodAt(opts.cadence, new Date());
        const { deliveries } = await digestStep(deps, { cadence: opts.cadence, period });
        console.log(
          deliveries > 0
            ? `${deliveries} Übersicht(en) für ${period} geschrieben; die Worker versenden sie.`
            : `Keine neuen Übersichten für ${period}: entweder schon geschrieben oder nichts Neues seit der letzten.`,
        );
      } finally {
        await deps.close();
      }
    });
}
