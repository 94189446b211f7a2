import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { httpGet, type HttpOptions } from '../src/ingest/http.js';
import { FetchError } from '../src/ingest/ingest.errors.js';

// A raw TCP server, so the test sees connections as they are, and can misbehave on the second request of one.
type RawServer = { url: string; connections: number; requests: string[]; close(): Promise<void> };
const servers: Server[] = [];
after(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Hinweise</title></channel></rss>';

async function rawServer(onRequest: (socket: Socket, path: string, nthOnSocket: number) => void): Promise<RawServer> {
  const state = { connections: 0, requests: [] as string[] };
  const server = createServer((socket) => {
    state.connections++;
    let buffered = '';
    let n = 0;
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      let end;
      while ((end = buffered.indexOf('\r\n\r\n')) >= 0) {
        const head = buffered.slice(0, end);
        buffered = buffered.slice(end + 4);
        const path = head.split(' ')[1]!;
        state.requests.push(path);
        onRequest(socket, path, ++n);
      }
    });
    socket.on('error', () => {});
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    requests: state.requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function ok(socket: Socket, body = feed): void {
  socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\ncontent-length: ${Buffer.byteLength(body)}\r\nkeep-alive: timeout=5\r\n\r\n${body}`);
}

function guardFor(server: RawServer): HttpOptions {
  return { allowHosts: new Set([new URL(server.url).host]) };
}

test('requests to one host one after another share one kept-alive connection', async () => {
  const server = await rawServer((socket) => ok(socket));
  const options = guardFor(server);
  for (const n of [0, 1, 2, 3]) {
    const response = await httpGet(`${server.url}/feed/${n}.xml`, options);
    assert.equal(response.notModified, false);
    assert.match(response.notModified ? '' : response.body, /Hinweise/);
  }
  assert.deepEqual(server.requests, ['/feed/0.xml', '/feed/1.xml', '/feed/2.xml', '/feed/3.xml']);
  assert.equal(server.connections, 1);
});

test('a connection the server dropped just as it was reused is replaced once, and the request still succeeds', async () => {
  // The second request on every connection is met with a reset, as from a server whose idle timeout just ran out.
  const server = await rawServer((socket, _path, nth) => (nth === 1 ? ok(socket) : socket.destroy()));
  const options = guardFor(server);
  await httpGet(`${server.url}/a`, options);
  const response = await httpGet(`${server.url}/b`, options);
  assert.equal(response.notModified, false);
  assert.deepEqual(server.requests, ['/a', '/b', '/b']);
  assert.equal(server.connections, 2);
});

test('a fresh connection that is reset is a network error in German, not retried', async () => {
  const server = await rawServer((socket) => socket.destroy());
  const error = await httpGet(`${server.url}/reset`, guardFor(server)).then(
    () => assert.fail('expected a FetchError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FetchError);
  assert.equal(error.code, 'network');
  assert.match(error.message, /ist nicht erreichbar/);
  assert.deepEqual(server.requests, ['/reset']);
});

test('a pooled connection is not shared with a guard that did not open it', async () => {
  const server = await rawServer((socket) => ok(socket));
  await httpGet(`${server.url}/one`, guardFor(server));
  // Another guard (another allow list) for the same host: its request opens its own connection.
  await httpGet(`${server.url}/two`, guardFor(server));
  assert.equal(server.connections, 2);
  // Without the allow list, the guard refuses the loopback address before any connection is made or reused.
  await assert.rejects(httpGet(`${server.url}/three`, {}), (e: unknown) => e instanceof FetchError && e.code === 'blocked');
  assert.deepEqual(server.requests, ['/one', '/two']);
});
