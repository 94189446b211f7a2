import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { mimeWriter, type MimeMail } from './mime.js';
import type { SendRate } from './send-rate.js';
import { noDelaySocket } from './smtp-socket.js';

/** A mail as the mailer takes it; the IT service partner's copy goes as `cc` (warnings only). */
export type OutgoingMail = MimeMail;

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

export type MailerOptions = {
  smtpUrl?: string;
  from: string;
  replyTo?: string;
  mailDir: string;
  /** Pooled connections and mails per second (0 = no limit), so a big fan-out stays within the relay's limits. */
  poolSize?: number;
  ratePerSecond?: number;
  /** The rate shared by all processes (send-rate.ts); replaces `ratePerSecond`, which nodemailer keeps per process. */
  rate?: SendRate;
  dkim?: { domainName: string; keySelector: string; privateKeyFile: string };
};

/** SMTP when SMTP_URL is set; otherwise every mail becomes an .eml file in `mailDir` (the embedded default). */
export function createMailer({ smtpUrl, from, replyTo, mailDir, poolSize = 5, ratePerSecond = 0, rate, dkim }: MailerOptions): Mailer {
  const dkimOptions = dkim
    ? { domainName: dkim.domainName, keySelector: dkim.keySelector, privateKey: readFileSync(dkim.privateKeyFile, 'utf8') }
    : undefined;
  const write = mimeWriter({ from, replyTo });
  // The message is written here in one piece (see mime.ts) and handed over raw: nodemailer signs it (DKIM) and
  // writes it to the socket as it is.
  // The Message-ID beside the raw message only names it in nodemailer's logs (otherwise it draws a random one).
  const message = (mail: OutgoingMail) => ({ envelope: { from, to: mail.cc ? [mail.to, mail.cc] : [mail.to] }, messageId: mail.messageId, raw: write(mail, new Date()) });
  if (smtpUrl) {
    const url = new URL(smtpUrl);
    const transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true,
      maxConnections: poolSize,
      // No per-connection cap: reconnecting every 100 mails costs throughput and gains nothing with a relay.
      maxMessages: Infinity,
      getSocket: noDelaySocket,
      ...(ratePerSecond > 0 && !rate ? { rateDelta: 1000, rateLimit: ratePerSecond } : {}),
      ...(dkimOptions ? { dkim: dkimOptions } : {}),
    });
    return {
      kind: 'smtp',
      async send(mail) {
        await rate?.();
        try {
          await transport.sendMail(message(mail));
        } catch (error) {
          const e = error as Error & { responseCode?: number; code?: string };
          const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
          throw new MailError(`SMTP: ${e.responseCode ?? e.code ?? ''} ${e.message}`.trim(), permanent);
        }
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, ...(dkimOptions ? { dkim: dkimOptions } : {}) });
  mkdirSync(mailDir, { recursive: true });
  return {
    kind: 'file',
    async send(mail) {
      const info = await transport.sendMail(message(mail));
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 32)}.eml`;
      writeFileSync(join(mailDir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}
