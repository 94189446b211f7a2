import { createHash, timingSafeEqual } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { metricsRegistry, type MetricsDeps } from './registry.js';

/**
 * `GET /metrics` in Prometheus text format. With a token, only for `Authorization: Bearer <token>` (401 otherwise);
 * without one, for anybody who can reach it, which only the loopback port of `startMetricsServer` allows.
 */
export function metricsRoutes(deps: MetricsDeps, { token }: { token: string | undefined }): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    if (token !== undefined && !bearerMatches(c.req.header('authorization'), token)) {
      return c.text('Für /metrics ist ein gültiges Bearer-Token nötig (METRICS_TOKEN).\n', 401, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
    }
    const registry = metricsRegistry(deps);
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}

/** Compares digests, so neither the token's content nor its length shows in the time the comparison takes. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}

/**
 * `/metrics` alone on its own port, bound to 127.0.0.1 (for a Prometheus or an agent on the same host); it asks for
 * the token too when one is set.
 */
export function startMetricsServer(deps: MetricsDeps, { port, token }: { port: number; token: string | undefined }): ServerType {
  const app = metricsRoutes(deps, { token });
  app.notFound((c) => c.text('Hier gibt es nur /metrics.\n', 404));
  return serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
}
