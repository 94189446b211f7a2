import net from 'node:net';

type SocketCallback = (error: null, socket: { connection: net.Socket }) => void;

/**
 * Opens nodemailer's TCP connections with Nagle's algorithm off. With it on, the closing "." of every message waits
 * for the relay's delayed ACK (about 40 ms), so one connection carries only some 25 mails per second whatever the
 * hardware. TLS (smtps, STARTTLS) is layered on this socket by nodemailer as usual.
 *
 * The socket is handed over at once, still connecting, and synchronously: nodemailer attaches its own error, timeout
 * and close handlers before any socket event can fire, so a refused or lost connection takes nodemailer's ordinary
 * error path and the pool drops the connection. (Reporting a connect error through the callback instead would leave
 * nodemailer's pool slot busy for good: after the relay had been down, the pool stopped sending.)
 */
export function noDelaySocket(options: { host?: string; port?: number }, callback: SocketCallback): void {
  const socket = net.connect({ host: options.host, port: options.port ?? 587, noDelay: true });
  callback(null, { connection: socket });
}
