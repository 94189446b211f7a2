import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { agentsFor } from './http-agents.js';
import { FetchError } from './ingest.errors.js';
import { guardedLookup, type FetchGuard } from './ssrf.js';

export type HopOptions = {
  headers: Record<string, string>;
  guard: FetchGuard;
  /** Epoch milliseconds by which the whole exchange must be over, body included. */
  deadline: number;
  connectTimeoutMs: number;
  /** Cap on the body, counted before and after decompression. */
  maxBytes: number;
};

export type HopResult = { status: number; headers: IncomingHttpHeaders; body: Buffer | null };

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** A kept-alive connection that the server closed just as it was reused: the request never reached the server. */
class StaleConnection extends Error {}

/**
 * One GET to one address, no redirects. The body is read only for 2xx answers; a timer that destroys the socket
 * enforces the deadline, so a server that trickles one byte per second is cut off, not waited for. Connections are
 * kept alive for the next request to the same host (http-agents.ts); if the server closed one just as it was reused,
 * the request is sent once more on a new connection.
 */
export async function requestOnce(url: URL, options: HopOptions): Promise<HopResult> {
  try {
    return await attempt(url, options, agentsFor(options.guard)[url.protocol === 'https:' ? 'https:' : 'http:']);
  } catch (error) {
    if (error instanceof StaleConnection) return attempt(url, options, false);
    throw error;
  }
}

function attempt(url: URL, options: HopOptions, agent: http.Agent | false): Promise<HopResult> {
  return new Promise<HopResult>((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    let settled = false;
    let stream: Readable | undefined;
    const timers: NodeJS.Timeout[] = [];
    const finish = (error: Error | null, result?: HopResult) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (error) {
        request.destroy();
        stream?.destroy();
        reject(error);
      } else resolve(result!);
    };
    const request = transport.request(url, {
      method: 'GET',
      headers: options.headers,
      agent,
      lookup: guardedLookup(url, options.guard) as never,
    });
    timers.push(setTimeout(() => finish(new FetchError('timeout', `Zeitüberschreitung beim Abruf von ${url.host}.`)), Math.max(0, options.deadline - Date.now())));
    request.on('socket', (socket: Socket) => {
      if (!socket.connecting) return;
      const connectTimer = setTimeout(
        () => finish(new FetchError('timeout', `Keine Verbindung zu ${url.host} innerhalb von ${Math.round(options.connectTimeoutMs / 1000)} s.`)),
        options.connectTimeoutMs,
      );
      timers.push(connectTimer);
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    let answered = false;
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof FetchError) return finish(error);
      if (request.reusedSocket && !answered && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) return finish(new StaleConnection());
      const code = error.code ? ` (${error.code})` : '';
      finish(new FetchError('network', `Der Server ${url.host} ist nicht erreichbar${code}.`));
    });
    request.on('response', (response: IncomingMessage) => {
      answered = true;
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        response.destroy();
        return finish(null, { status, headers: response.headers, body: null });
      }
      readBody(url, response, options.maxBytes, (s) => (stream = s)).then(
        (body) => finish(null, { status, headers: response.headers, body }),
        (error: Error) => finish(error),
      );
    });
    request.end();
  });
}

const decoders: Record<string, (() => Readable) | null> = {
  identity: null, '': null, gzip: zlib.createGunzip, 'x-gzip': zlib.createGunzip, deflate: zlib.createInflate, br: zlib.createBrotliDecompress,
};

function decoderFor(encoding: string | undefined, url: URL): Readable | null {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (!Object.hasOwn(decoders, name)) throw new FetchError('encoding', `Der Server ${url.host} sendet eine unbekannte Kodierung (${encoding}).`);
  return decoders[name]?.() ?? null;
}

/** Reads the body, decompressing it, and stops as soon as either the wire bytes or the decoded bytes pass the cap. */
function readBody(url: URL, response: IncomingMessage, maxBytes: number, expose: (s: Readable) => void): Promise<Buffer> {
  const tooLarge = () => new FetchError('too_large', `Die Antwort von ${url.host} ist größer als ${kb(maxBytes)}.`);
  return new Promise<Buffer>((resolve, reject) => {
    if (Number(response.headers['content-length']) > maxBytes) return reject(tooLarge());
    let decoder: Readable | null;
    try {
      decoder = decoderFor(response.headers['content-encoding'], url);
    } catch (error) {
      return reject(error);
    }
    let wire = 0;
    response.on('data', (chunk: Buffer) => {
      wire += chunk.byteLength;
      if (wire > maxBytes) reject(tooLarge());
    });
    const output = decoder ? response.pipe(decoder as zlib.Gunzip) : response;
    expose(output);
    const chunks: Buffer[] = [];
    let size = 0;
    output.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) return reject(tooLarge());
      chunks.push(chunk);
    });
    output.on('end', () => resolve(Buffer.concat(chunks)));
    output.on('error', () => reject(new FetchError('encoding', `Die komprimierte Antwort von ${url.host} ist beschädigt.`)));
    response.on('error', () => reject(new FetchError('network', `Die Verbindung zu ${url.host} brach ab.`)));
    response.on('aborted', () => reject(new FetchError('network', `Die Verbindung zu ${url.host} brach ab.`)));
  });
}
