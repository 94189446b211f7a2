import http from 'node:http';
import https from 'node:https';
import type { FetchGuard } from './ssrf.js';

export type Agents = { 'http:': http.Agent; 'https:': https.Agent };

/**
 * How long an idle connection waits for the next request to its host (a sweep fetches a host's sources one after
 * another, and article pages follow their list). Shorter when the server announces a shorter keep-alive timeout.
 */
export const idleConnectionMs = 4_000;

const noAllowHosts: ReadonlySet<string> = new Set();
/** Stands for the system resolver in the pool's keys. */
const systemResolverKey = {};
const pools = new WeakMap<object, WeakMap<ReadonlySet<string>, Agents>>();

/**
 * Keep-alive agents for one guard. A pooled connection was checked by the guard when it was opened (guardedLookup
 * runs at connect time), so it is only handed to requests under the same guard: a request whose guard would refuse
 * the address can never ride a connection another guard let through. Agents live as long as their guard does.
 */
export function agentsFor(guard: FetchGuard): Agents {
  const resolverKey = guard.resolve ?? systemResolverKey;
  let byResolver = pools.get(resolverKey);
  if (!byResolver) pools.set(resolverKey, (byResolver = new WeakMap()));
  const allowHosts = guard.allowHosts ?? noAllowHosts;
  let agents = byResolver.get(allowHosts);
  if (!agents) {
    // One connection per host is all the host limiter ever uses; idle ones are unref'd and never keep a process up.
    const options = { keepAlive: true, timeout: idleConnectionMs, maxFreeSockets: 1, scheduling: 'lifo' as const };
    agents = { 'http:': new http.Agent(options), 'https:': new https.Agent(options) };
    byResolver.set(allowHosts, agents);
  }
  return agents;
}
