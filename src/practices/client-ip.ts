import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address for rate limits and the consent record. Behind a reverse proxy (TRUST_PROXY) it is the
 * last hop the proxy appended to X-Forwarded-For; otherwise the socket's peer, never a header a client can forge.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unbekannt';
  } catch {
    return 'unbekannt'; // in-process requests (tests) have no socket
  }
}
