import { Command, Option } from 'commander';
import { openStore } from '../app/deps.js';
import { loadEnv, type Env } from '../config/env.js';
import { resetPassword } from '../admin/account.usecases.js';
import { AdminExistsError, createAdmin, findAdminByEmail } from '../admin/admins.repository.js';
import { createApiToken } from '../admin/api-tokens.repository.js';
import { writeAudit } from '../admin/audit.repository.js';
import { generatePassword } from '../admin/password.js';
import { adminRoles, type AdminRole } from '../admin/admin.table.js';

type Out = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };
const stdio: Out = { out: process.stdout, err: process.stderr };
const cli = { adminId: null, name: 'cli' };

const oneTimePasswordNote = (password: string) =>
  `Einmal-Passwort: ${password}\nBitte sicher weitergeben; es wird nicht noch einmal angezeigt und muss bei der ersten Anmeldung geändert werden.\n`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** `admin create`: a new account with a generated one-time password (printed once) or the given one. Returns the exit code. */
export async function createAdminCommand(env: Env, opts: { email: string; role: AdminRole; password?: string }, { out, err }: Out = stdio): Promise<number> {
  const password = opts.password ?? generatePassword();
  const { db } = openStore(env);
  try {
    const now = new Date();
    // A printed password has been seen by whoever ran the command: its owner must replace it at the first login.
    const created = await createAdmin(db, { email: opts.email, role: opts.role, password, mustChangePassword: !opts.password }, now);
    writeAudit(db, cli, { action: 'admin.create', entity: 'admin', entityId: created.id, after: { email: created.email, role: created.role } }, now);
    out.write(`Konto #${created.id} für ${created.email} (${created.role === 'editor' ? 'Redaktion' : 'nur lesen'}) angelegt.\n`);
    if (!opts.password) out.write(oneTimePasswordNote(password));
    return 0;
  } catch (error) {
    if (!(error instanceof AdminExistsError)) throw error;
    err.write(`${error.message}\n`);
    return 1;
  } finally {
    db.$client.close();
  }
}

/** `admin reset`: a new one-time password for an existing account, all its sessions ended. Returns the exit code. */
export async function resetAdminCommand(env: Env, opts: { email: string }, { out, err }: Out = stdio): Promise<number> {
  const { db } = openStore(env);
  try {
    const reset = await resetPassword({ db, clock: () => new Date() }, { email: opts.email, actor: cli });
    if (!reset) {
      err.write(`Kein Konto für ${opts.email}.\n`);
      return 1;
    }
    out.write(`Passwort für Konto #${reset.adminId} (${opts.email.trim().toLowerCase()}) zurückgesetzt; alle Anmeldungen des Kontos sind beendet.\n`);
    out.write(oneTimePasswordNote(reset.password));
    return 0;
  } finally {
    db.$client.close();
  }
}

/** `admin token`: prints a new API token for the account (the only time it is shown). Returns the exit code. */
export function tokenCommand(env: Env, opts: { email: string; name: string }, { out, err }: Out = stdio): number {
  const { db } = openStore(env);
  try {
    const owner = findAdminByEmail(db, opts.email);
    if (!owner) {
      err.write(`Kein Konto für ${opts.email}.\n`);
      return 1;
    }
    const now = new Date();
    const { token, row } = createApiToken(db, owner.id, opts.name, now);
    writeAudit(db, cli, { action: 'api_token.create', entity: 'api_token', entityId: row.id, after: { name: row.name, admin: owner.email } }, now);
    out.write(`${token}\n`);
    return 0;
  } finally {
    db.$client.close();
  }
}

export function adminCommand(): Command {
  const admin = new Command('admin').description('Konten der Redaktion verwalten');
  admin
    .command('create')
    .description('ein Konto anlegen; gibt ein Einmal-Passwort aus oder liest eines von stdin')
    .requiredOption('--email <address>', 'E-Mail-Adresse (Anmeldename)')
    .addOption(new Option('--role <role>', 'Rolle').choices([...adminRoles]).default('editor'))
    .option('--password-stdin', 'Passwort von der Standardeingabe lesen statt eines zu erzeugen')
    .action(async (opts: { email: string; role: AdminRole; passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readStdin() : undefined;
      process.exitCode = await createAdminCommand(loadEnv(), { email: opts.email, role: opts.role, password });
    });
  admin
    .command('reset')
    .description('ein neues Einmal-Passwort für ein Konto ausgeben; beendet alle Anmeldungen des Kontos')
    .requiredOption('--email <address>', 'E-Mail-Adresse des Kontos')
    .action(async (opts: { email: string }) => {
      process.exitCode = await resetAdminCommand(loadEnv(), opts);
    });
  admin
    .command('token')
    .description('ein API-Token für ein Konto erzeugen (für /api/v1)')
    .requiredOption('--email <address>', 'E-Mail-Adresse des Kontos')
    .option('--name <name>', 'wofür das Token ist', 'CLI')
    .action((opts: { email: string; name: string }) => {
      process.exitCode = tokenCommand(loadEnv(), opts);
    });
  return admin;
}
