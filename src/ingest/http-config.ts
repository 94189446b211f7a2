import type { Env } from '../config/env.js';
import type { HttpOptions } from './http.js';

/** The fetch settings of this installation: the SSRF guard's exceptions and the pause between requests per host. */
export function httpOptionsFromEnv(env: Pick<Env, 'FETCH_ALLOW_HOSTS' | 'FETCH_HOST_DELAY_MS'>): HttpOptions {
  return { allowHosts: parseAllowHosts(env.FETCH_ALLOW_HOSTS), hostDelayMs: env.FETCH_HOST_DELAY_MS };
}

export function parseAllowHosts(value: string): Set<string> {
  return new Set(
    value
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
  );
}
