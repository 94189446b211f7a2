// The thread that talks to PostgreSQL for the synchronous connection of pg-sync.ts. It is kept as plain JavaScript
// source and started with `eval`, so that it needs no TypeScript loader and no file of its own in the image: the
// checkout (tsx) and the compiled build (dist/) start it the same way.
//
// Protocol: the main thread posts one numbered request on `port` and blocks on `flag` (Atomics.wait); this thread
// answers on `port` with the same number, then stores the number in `flag` and wakes it. One request at a time, in
// order.
//
// Statements of the asynchronous face (`queryAsync`) come on `asyncPort` and go to a small pool of connections of
// their own: single statements, each its own commit, several in flight at once, answered on the same port with
// their number and nobody blocked.
//
// Values come back as SQLite gives them, so that the code reads the same rows on both: bigint, numeric and count(*)
// as numbers, booleans (from expressions such as EXISTS) as 1/0, json/jsonb as their text (drizzle parses it).
export const workerSource = String.raw`
const { workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
const { port, asyncPort, url, statementTimeoutMs, asyncConnections } = workerData;
const flag = new Int32Array(workerData.shared);

const parsers = {
  20: (v) => Number(v),
  1700: (v) => Number(v),
  16: (v) => (v === 't' ? 1 : 0),
  114: (v) => v,
  3802: (v) => v,
};
const types = { getTypeParser: (oid, format) => parsers[oid] ?? pg.types.getTypeParser(oid, format) };

let client = null;
async function connection() {
  if (client) return client;
  const fresh = new pg.Client({ connectionString: url, types, application_name: 'praxiswarn', statement_timeout: statementTimeoutMs, connectionTimeoutMillis: 10000 });
  // A connection that breaks while idle is replaced at the next request; the one that broke mid-request answers
  // that request with the error.
  fresh.on('error', () => { if (client === fresh) client = null; });
  await fresh.connect();
  client = fresh;
  return fresh;
}

let pool = null;
function asyncPool() {
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, types, application_name: 'praxiswarn', statement_timeout: statementTimeoutMs, connectionTimeoutMillis: 10000, max: asyncConnections });
    // An idle connection that breaks leaves the pool; the next statement gets a fresh one.
    pool.on('error', () => {});
  }
  return pool;
}

function describe(error) {
  const e = error ?? {};
  return { message: String(e.message ?? e), code: e.code, detail: e.detail, constraint: e.constraint, table: e.table, column: e.column };
}

async function answer(request) {
  try {
    if (request.op === 'close') {
      const c = client;
      const p = pool;
      client = null;
      pool = null;
      if (p) await p.end().catch(() => {});
      if (c) await c.end();
      return { ok: true };
    }
    let c;
    try {
      c = await connection();
    } catch (error) {
      return { ok: false, error: { ...describe(error), unreachable: true } };
    }
    if (request.prefix) await c.query(request.prefix);
    if (request.op === 'exec') {
      await c.query(request.text);
      return { ok: true };
    }
    const result = await c.query({ text: request.text, values: request.values, rowMode: request.array ? 'array' : undefined });
    return { ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    if (client && error && /Connection terminated|ECONNRESET|EPIPE/.test(String(error.message))) client = null;
    return { ok: false, error: describe(error) };
  }
}

// The asynchronous face runs the same few statements of the send path thousands of times: each is a named
// statement, parsed and planned once per pooled connection instead of at every call (PostgreSQL's CPU per mail fell
// by a fifth, docs/scaling.md). A name stands for one text; a statement whose result columns changed under it (a
// migration altered a column's type) is answered with 0A000 and given a fresh name, so it is parsed again. Past
// maxNames (texts that vary, which the send path does not send) statements go unnamed, as before.
const maxNames = 500;
const names = new Map();
let namesGiven = 0;
function nameFor(text, stale) {
  if (stale) names.delete(text);
  let name = names.get(text);
  if (name === undefined && namesGiven < maxNames) names.set(text, (name = 'praxiswarn_async_' + namesGiven++));
  return name;
}
const staleResultType = (error) => error?.code === '0A000' && /cached plan must not change result type/.test(String(error?.message));

async function answerAsync(request) {
  try {
    const run = (stale) => asyncPool().query({ name: nameFor(request.text, stale), text: request.text, values: request.values, rowMode: request.array ? 'array' : undefined });
    const result = await run(false).catch((error) => (staleResultType(error) ? run(true) : Promise.reject(error)));
    return { ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    // No connection to be had (as the synchronous face reports it), or a statement that failed on one.
    const unreachable = /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT)$/.test(String(error?.code)) || /timeout exceeded when trying to connect/.test(String(error?.message));
    return { ok: false, error: { ...describe(error), unreachable } };
  }
}

asyncPort.on('message', async ({ id, request }) => {
  asyncPort.postMessage({ id, reply: await answerAsync(request) });
});

port.on('message', async ({ id, request }) => {
  const reply = await answer(request);
  port.postMessage({ id, reply });
  Atomics.store(flag, 0, id);
  Atomics.notify(flag, 0);
});
`;
