import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** A body the server cannot read (a broken multipart body, JSON that is not JSON); the client's fault, so a 400. */
export class UnreadableBodyError extends Error {
  override name = 'UnreadableBodyError';
  readonly code = 'invalid';
}

/** A body larger than its path allows, refused before anything reads it; a 413. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  readonly code = 'too_large';
  constructor(readonly maxSize: number) {
    super(`request body over ${maxSize} bytes`);
  }
}

/** Every field of a url-encoded or multipart form (repeated fields as lists); any other content type gives no fields. */
export async function readFormBody(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody({ all: true });
  } catch (error) {
    throw new UnreadableBodyError('form body could not be parsed', { cause: error });
  }
}

/** The parsed JSON body, typed as the caller expects it; the use case it goes to still checks it with its schema. */
export async function readJsonBody<T>(c: Context): Promise<T> {
  try {
    return await c.req.json<T>();
  } catch (error) {
    throw new UnreadableBodyError('JSON body could not be parsed', { cause: error });
  }
}

// First match wins. A public form is a few kilobytes; the editor's largest (30 actions of 500 characters, umlauts
// url-encoded) stays under 256 KB, as does any API call. The CSV import takes up to 2 million characters, as a file
// or sent back url-encoded from its dry run, which can triple their size.
const limits: { path: RegExp; maxSize: number }[] = [
  { path: /^\/admin\/praxen\/import$/, maxSize: 8 * 1024 * 1024 },
  { path: /^\/(api|admin)\//, maxSize: 256 * 1024 },
  { path: /^/, maxSize: 64 * 1024 },
];

/** Refuses a body over its path's limit with BodyTooLargeError, by its Content-Length or while it streams in. */
export function limitBodies(): MiddlewareHandler {
  const guards = limits.map(({ path, maxSize }) => ({
    path,
    guard: bodyLimit({
      maxSize,
      onError: () => {
        throw new BodyTooLargeError(maxSize);
      },
    }),
  }));
  return (c, next) => guards.find((g) => g.path.test(c.req.path))!.guard(c, next);
}
