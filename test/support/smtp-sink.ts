import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpSink = {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** When each message was accepted (epoch ms), in the order of `messages`. */
  receivedAt: number[];
  /**
   * `accept` everything, or answer every message with a temporary (451) or permanent (550) refusal, or close every
   * new connection with 421 (a relay that is overloaded or restarting).
   */
  mode: 'accept' | 'tempfail' | 'permfail' | 'unavailable';
  /** Addresses refused with 550 whatever the mode (a mailbox that does not exist). */
  refuse: Set<string>;
  /** Addresses answered with 450 (mailbox busy, try later) whatever the mode. */
  defer: Set<string>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

/** A real SMTP server on 127.0.0.1 that parses every mail it accepts. */
export async function startSmtpSink({ port = 0 }: { port?: number } = {}): Promise<SmtpSink> {
  const sink = { messages: [] as ParsedMail[], receivedAt: [] as number[], mode: 'accept', refuse: new Set<string>(), defer: new Set<string>() } as SmtpSink;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (sink.mode === 'unavailable') return callback(Object.assign(new Error('Service not available, try again later'), { responseCode: 421 }));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (sink.refuse.has(address.address.toLowerCase())) return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      if (sink.defer.has(address.address.toLowerCase())) return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 450 }));
      callback();
    },
    onData(stream, _session, callback) {
      if (sink.mode !== 'accept') {
        stream.resume();
        stream.on('end', () => {
          const error = Object.assign(new Error(sink.mode === 'tempfail' ? 'Try again later' : 'Mailbox unavailable'), {
            responseCode: sink.mode === 'tempfail' ? 451 : 550,
          });
          callback(error);
        });
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          sink.messages.push(mail);
          sink.receivedAt.push(Date.now());
          callback();
        })
        .catch(callback);
    },
  });
  // A client killed in the middle of a mail (kill -9 of a worker) resets its connection; a real relay logs that and
  // carries on, and so does the sink (smtp-server re-emits it as 'error', which would otherwise end the test process).
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.waitFor = async (count, timeoutMs = 15_000) => {
    const end = Date.now() + timeoutMs;
    while (sink.messages.length < count) {
      if (Date.now() > end) throw new Error(`expected ${count} mails, got ${sink.messages.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  sink.close = () => new Promise((resolve) => server.close(() => resolve()));
  return sink;
}
