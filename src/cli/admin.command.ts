import { Command, Option } from 'commander';
import { openStore } from '../app/deps.js';
import { loadEnv } from '../config/env.js';
import { AdminExistsError, createAdmin, findAdminByEmail } from '../admin/admins.repository.js';
import { createApiToken } from '../admin/api-tokens.repository.js';
import { writeAudit } from '../admin/audit.repository.js';
import { generatePassword } from '../admin/password.js';
import { adminRoles } from '../admin/admin.table.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** `praxiswarn admin create|token`: the first account (and later ones) without the web UI. */
export function adminCommand(): Command {
  const admin = new Command('admin').description('Konten der Redaktion verwalten');
  admin
    .command('create')
    .description('ein Konto anlegen; gibt ein Einmal-Passwort aus oder liest eines von stdin')
    .requiredOption('--email <address>', 'E-Mail-Adresse (Anmeldename)')
    .addOption(new Option('--role <role>', 'Rolle').choices([...adminRoles]).default('editor'))
    .option('--password-stdin', 'Passwort von der Standardeingabe lesen statt eines zu erzeugen')
    .action(async (opts: { email: string; role: 'editor' | 'viewer'; passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readStdin() : generatePassword();
      const { db } = openStore(loadEnv());
      try {
        const now = new Date();
        const created = await createAdmin(db, { email: opts.email, role: opts.role, password }, now).catch((error: unknown) => {
          if (error instanceof AdminExistsError) return error;
          throw error;
        });
        if (created instanceof AdminExistsError) {
          console.error(created.message);
          process.exitCode = 1;
          return;
        }
        writeAudit(db, { adminId: null, name: 'cli' }, { action: 'admin.create', entity: 'admin', entityId: created.id, after: { email: created.email, role: created.role } }, now);
        console.log(`Konto #${created.id} für ${created.email} (${created.role === 'editor' ? 'Redaktion' : 'nur lesen'}) angelegt.`);
        if (!opts.passwordStdin) console.log(`Einmal-Passwort: ${password}\nBitte sicher weitergeben; es wird nicht noch einmal angezeigt.`);
      } finally {
        db.$client.close();
      }
    });
  admin
    .command('token')
    .description('ein API-Token für ein Konto erzeugen (für /api/v1)')
    .requiredOption('--email <address>', 'E-Mail-Adresse des Kontos')
    .option('--name <name>', 'wofür das Token ist', 'CLI')
    .action((opts: { email: string; name: string }) => {
      const { db } = openStore(loadEnv());
      try {
        const owner = findAdminByEmail(db, opts.email);
        if (!owner) {
          console.error(`Kein Konto für ${opts.email}.`);
          process.exitCode = 1;
          return;
        }
        const now = new Date();
        const { token, row } = createApiToken(db, owner.id, opts.name, now);
        writeAudit(db, { adminId: null, name: 'cli' }, { action: 'api_token.create', entity: 'api_token', entityId: row.id, after: { name: row.name, admin: owner.email } }, now);
        console.log(token);
      } finally {
        db.$client.close();
      }
    });
  return admin;
}
