import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { bindValues, driverValues, postgresText, splitParameters, type SplitSql } from './pg-sql.js';
import { workerSource } from './pg-worker-source.js';
import { PostgresUnavailableError, redactedUrl } from './postgres.js';

// A PostgreSQL connection with the synchronous face of better-sqlite3 (prepare / run / get / all / raw / pluck /
// transaction / exec / close), so that drizzle's better-sqlite3 driver and every repository run unchanged on
// PostgreSQL. Each call blocks this thread until a worker thread, which holds the `pg` connection, answers: exactly
// what better-sqlite3 does with its file, with a network round trip in place of a disk read (docs/scaling.md).
//
// Transactions keep SQLite's discipline across processes: one writing transaction at a time, by a transaction-level
// advisory lock taken at BEGIN. Code written for one behaves the same on the other; single statements outside a
// transaction run concurrently, each atomic, as on SQLite.

/** The advisory lock key every transaction takes: SQLite's one-writer rule across all processes on this database. */
export const writeLockKey = 7_347_201;

export class PostgresQueryError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly detail: string | undefined,
    /** The statement as sent (parameters as $n, no values). */
    readonly statement?: string,
  ) {
    super(message);
    this.name = 'PostgresQueryError';
  }
}

type Reply = { ok: true; rows?: unknown[]; rowCount?: number } | { ok: false; error: { message: string; code?: string; detail?: string; unreachable?: boolean } };
type Request = ({ op: 'query'; text: string; values: unknown[]; array: boolean } | { op: 'exec'; text: string } | { op: 'close' }) & { prefix?: string };

export type RunResult = { changes: number; lastInsertRowid: number };

export type SyncStatement = {
  readonly source: string;
  run(...args: unknown[]): RunResult;
  get(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  iterate(...args: unknown[]): IterableIterator<unknown>;
  raw(toggle?: boolean): SyncStatement;
  pluck(toggle?: boolean): SyncStatement;
};

type TransactionFn<A extends unknown[], R> = ((...args: A) => R) & { deferred: (...args: A) => R; immediate: (...args: A) => R; exclusive: (...args: A) => R };

export type PostgresSyncClient = {
  readonly dialect: 'postgres';
  readonly name: string;
  readonly open: boolean;
  readonly inTransaction: boolean;
  prepare(sql: string): SyncStatement;
  exec(sql: string): void;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): TransactionFn<A, R>;
  /**
   * One statement on a connection of the asynchronous pool: its own commit, outside any transaction of this client
   * (it sees only what is committed), with this thread free while it runs. For the per-mail path of sending, where
   * waiting for PostgreSQL would otherwise hold up every other job of the process (src/db/async-db.ts).
   */
  queryAsync(sql: string, args: unknown[], array: boolean): Promise<{ rows: unknown[]; rowCount: number }>;
  /** SQLite's user functions exist on PostgreSQL as SQL functions of the migration set; registering one is a check. */
  function(name: string, ...rest: unknown[]): void;
  pragma(source: string): unknown[];
  close(): void;
};

/** SQL functions the SQLite connection registers in JS and the PostgreSQL migration set defines in SQL. */
const sqlFunctions = new Set(['praxiswarn_version_at_least', 'praxiswarn_message_id']);

/**
 * Blocks until `flag` holds `id` (true) or `limitMs` have passed (false). Wake-ups that leave another value in `flag`
 * (the late notify of an earlier answer) are waited through.
 */
export function waitForAnswer(flag: Int32Array, id: number, limitMs: number): boolean {
  const started = Date.now();
  for (let seen = Atomics.load(flag, 0); seen !== id; seen = Atomics.load(flag, 0)) {
    if (Date.now() - started > limitMs) return false;
    Atomics.wait(flag, 0, seen, Math.min(1000, limitMs));
  }
  return true;
}

export function openPostgresSync(
  url: string,
  { name = redactedUrl(url), statementTimeoutMs = 10 * 60_000, asyncConnections = 4 }: { name?: string; statementTimeoutMs?: number; asyncConnections?: number } = {},
): PostgresSyncClient {
  const shared = new SharedArrayBuffer(4);
  const flag = new Int32Array(shared);
  const { port1, port2 } = new MessageChannel();
  const asyncChannel = new MessageChannel();
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { port: port2, asyncPort: asyncChannel.port2, shared, url, statementTimeoutMs, asyncConnections, pgPath: createRequire(import.meta.url).resolve('pg') },
    transferList: [port2, asyncChannel.port2],
  });
  worker.unref();
  port1.unref();
  const asyncPort = asyncChannel.port1;
  let open = true;
  let depth = 0;
  // Beyond the server's statement timeout, a silent worker has died: the connection is given up, not waited on.
  const waitLimitMs = statementTimeoutMs + 30_000;

  // Each request carries a number; the worker thread answers in order and then stores that number in `flag`. The
  // wait ends when `flag` holds this request's number, not at the first wake-up: a wake-up can belong to the previous
  // answer (its notify may come after this request was posted), and taking it for this one would read no reply, or
  // worse, the wrong one.
  let sequence = 0;
  // A transaction's BEGIN (with its lock) travels with its first statement: one trip to the thread instead of two,
  // and none for a transaction that runs no statement.
  const begin = `BEGIN; SELECT pg_advisory_xact_lock(${writeLockKey})`;
  let beginPending = false;
  function call(request: Request): Reply {
    if (!open) throw new TypeError('Die Datenbankverbindung ist geschlossen.');
    sequence = sequence >= 0x7fff_ffff ? 1 : sequence + 1;
    const id = sequence;
    if (beginPending && request.op !== 'close') {
      request = { ...request, prefix: begin };
      beginPending = false;
    }
    port1.postMessage({ id, request });
    if (!waitForAnswer(flag, id, waitLimitMs)) {
      open = false;
      abandonWaiting();
      void worker.terminate();
      throw new PostgresQueryError('PostgreSQL hat nicht geantwortet; die Verbindung wurde aufgegeben.', undefined, undefined);
    }
    const reply = receiveReply(id);
    if (!reply.ok && reply.error.unreachable) throw new PostgresUnavailableError(`PostgreSQL unter ${name} ist nicht erreichbar: ${reply.error.message}`);
    if (!reply.ok) throw new PostgresQueryError(reply.error.message, reply.error.code, reply.error.detail, 'text' in request ? request.text : undefined);
    return reply;
  }

  /** The reply numbered `id`; it was posted before `flag` was set, so it is waiting on the port. */
  function receiveReply(id: number): Reply {
    for (;;) {
      const message = receiveMessageOnPort(port1)?.message as { id: number; reply: Reply } | undefined;
      if (!message) throw new PostgresQueryError('Keine Antwort vom PostgreSQL-Thread.', undefined, undefined);
      if (message.id === id) return message.reply;
    }
  }

  function query(split: SplitSql, args: unknown[], array: boolean): { rows: unknown[]; rowCount: number } {
    const values = bindValues(split, args);
    const reply = call({ op: 'query', text: postgresText(split, values), values: driverValues(values), array }) as { rows: unknown[]; rowCount: number };
    return reply;
  }

  function exec(text: string): void {
    call({ op: 'exec', text });
  }

  // Statements of the asynchronous face, by number, until their answer comes. The port keeps the process alive only
  // while one is waiting.
  const waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  let asyncSequence = 0;
  asyncPort.on('message', ({ id, reply }: { id: number; reply: Reply }) => {
    const entry = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) asyncPort.unref();
    entry?.resolve(reply);
  });
  // Listening refs the port; it is ref'd again only while a statement waits.
  asyncPort.unref();

  // The send path runs the same few statements thousands of times: each is split into text and parameters once.
  const splits = new Map<string, SplitSql>();
  const splitOnce = (sql: string): SplitSql => {
    let split = splits.get(sql);
    if (!split) {
      if (splits.size >= 256) splits.clear();
      splits.set(sql, (split = splitParameters(sql)));
    }
    return split;
  };

  async function queryAsync(sql: string, args: unknown[], array: boolean): Promise<{ rows: unknown[]; rowCount: number }> {
    if (!open) throw new TypeError('Die Datenbankverbindung ist geschlossen.');
    const split = splitOnce(sql);
    const values = bindValues(split, args);
    const text = postgresText(split, values);
    asyncSequence = asyncSequence >= 0x7fff_ffff ? 1 : asyncSequence + 1;
    const id = asyncSequence;
    const reply = await new Promise<Reply>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      asyncPort.ref();
      asyncPort.postMessage({ id, request: { text, values: driverValues(values), array } });
    });
    if (!reply.ok && reply.error.unreachable) throw new PostgresUnavailableError(`PostgreSQL unter ${name} ist nicht erreichbar: ${reply.error.message}`);
    if (!reply.ok) throw new PostgresQueryError(reply.error.message, reply.error.code, reply.error.detail, text);
    return { rows: reply.rows ?? [], rowCount: reply.rowCount ?? 0 };
  }

  /** Ends the statements still waiting for an answer: the connection is closed. */
  function abandonWaiting(): void {
    for (const { reject } of waiting.values()) reject(new PostgresQueryError('Die Datenbankverbindung wurde geschlossen, bevor PostgreSQL antwortete.', undefined, undefined));
    waiting.clear();
    asyncPort.close();
  }

  function prepare(sql: string): SyncStatement {
    const split = splitParameters(sql);
    let array = false;
    let pluck = false;
    const rowsOf = (args: unknown[]) => {
      const { rows } = query(split, args, array || pluck);
      return pluck ? rows.map((r) => (r as unknown[])[0]) : rows;
    };
    const statement: SyncStatement = {
      source: sql,
      run: (...args) => ({ changes: query(split, args, false).rowCount, lastInsertRowid: 0 }),
      get: (...args) => rowsOf(args)[0],
      all: (...args) => rowsOf(args),
      iterate: (...args) => rowsOf(args)[Symbol.iterator](),
      raw(toggle = true) {
        array = toggle;
        return statement;
      },
      pluck(toggle = true) {
        pluck = toggle;
        return statement;
      },
    };
    return statement;
  }

  function transaction<A extends unknown[], R>(fn: (...args: A) => R): TransactionFn<A, R> {
    const run = (...args: A): R => {
      const savepoint = `praxiswarn_tx${depth}`;
      if (depth === 0) beginPending = true;
      else exec(`SAVEPOINT ${savepoint}`);
      depth++;
      try {
        const result = fn(...args);
        if (result && typeof (result as { then?: unknown }).then === 'function') throw new TypeError('Transaction function cannot return a promise');
        depth--;
        if (depth === 0 && beginPending) beginPending = false; // no statement ran: nothing to commit
        else exec(depth === 0 ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (error) {
        if (depth > 0) depth--;
        if (depth === 0 && beginPending) {
          beginPending = false;
          throw error;
        }
        try {
          exec(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
        } catch {
          // The connection is gone: the server has rolled back already. The original error is the one to report.
        }
        throw error;
      }
    };
    return Object.assign(run, { deferred: run, immediate: run, exclusive: run });
  }

  return {
    dialect: 'postgres',
    name,
    get open() {
      return open;
    },
    get inTransaction() {
      return depth > 0;
    },
    prepare,
    exec,
    transaction,
    queryAsync,
    function(fnName) {
      if (!sqlFunctions.has(fnName)) throw new Error(`Die SQL-Funktion ${fnName} gibt es für PostgreSQL nicht; sie gehört in migrations/postgres.`);
    },
    pragma(source) {
      // The pragmas of openDatabase tune SQLite's file; PostgreSQL has its own settings. Anything else is a mistake.
      if (/^(journal_mode|busy_timeout|synchronous|foreign_keys)\b/.test(source.trim())) return [];
      throw new Error(`PRAGMA ${source} gibt es auf PostgreSQL nicht.`);
    },
    close() {
      if (!open) return;
      try {
        call({ op: 'close' });
      } finally {
        open = false;
        abandonWaiting();
        void worker.terminate();
      }
    },
  };
}
