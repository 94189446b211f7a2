import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export type OutgoingMail = {
  to: string;
  /** A copy for the practice's IT service partner (warnings only). */
  cc?: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers?: Record<string, string>;
};

/** Why a mail did not go out; `permanent` (5xx) ones are not retried. */
export class MailError extends Error {
  override name = 'MailError';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export type Mailer = { kind: 'smtp' | 'file'; send(mail: OutgoingMail): Promise<void>; close(): void };

/** SMTP when SMTP_URL is set; otherwise every mail becomes an .eml file in `mailDir` (the embedded default). */
export function createMailer({ smtpUrl, from, mailDir }: { smtpUrl?: string; from: string; mailDir: string }): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      kind: 'smtp',
      async send(mail) {
        try {
          await transport.sendMail({ from, ...mail });
        } catch (error) {
          const e = error as Error & { responseCode?: number; code?: string };
          const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
          throw new MailError(`SMTP: ${e.responseCode ?? e.code ?? ''} ${e.message}`.trim(), permanent);
        }
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  mkdirSync(mailDir, { recursive: true });
  return {
    kind: 'file',
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 32)}.eml`;
      writeFileSync(join(mailDir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
