import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interleaveByHost } from '../src/ingest/host-order.js';

const source = (id: string, url: string) => ({ id, url });

test('due sources are handed out host by host in turn, each publisher keeping its own order', () => {
  const due = [
    source('kbv-1', 'https://www.kbv.de/praxisnachrichten/'),
    source('kbv-2', 'https://www.kbv.de/presse/'),
    source('kbv-3', 'https://WWW.KBV.DE:443/ti/'),
    source('gematik', 'https://www.gematik.de/newsroom/'),
    source('heise-1', 'https://www.heise.de/security/rss/news-atom.xml'),
    source('heise-2', 'https://www.heise.de/security/rss/alert-news-atom.xml'),
  ];
  assert.deepEqual(
    interleaveByHost(due).map((s) => s.id),
    ['kbv-1', 'gematik', 'heise-1', 'kbv-2', 'heise-2', 'kbv-3'],
  );
});

test('the same host on another port or scheme counts as another host, as in the per-host limiter', () => {
  const due = [source('a', 'http://127.0.0.1:8080/a'), source('b', 'http://127.0.0.1:8080/b'), source('c', 'http://127.0.0.1:8081/c'), source('d', 'https://127.0.0.1/d')];
  assert.deepEqual(
    interleaveByHost(due).map((s) => s.id),
    ['a', 'c', 'd', 'b'],
  );
});

test('a source whose URL does not parse is kept, not dropped', () => {
  const due = [source('kaputt', 'nicht eine Adresse'), source('ok', 'https://www.kbv.de/')];
  assert.deepEqual(interleaveByHost(due).map((s) => s.id).sort(), ['kaputt', 'ok']);
});
