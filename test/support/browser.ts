import { mkdirSync } from 'node:fs';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { Hono } from 'hono';

/** Debian's chromium, headless; the sandbox needs privileges a CI container does not have. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
}

/** Serves the app on 127.0.0.1 at a free port. */
export async function serveApp(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Screenshots go to test-output/ (gitignored). */
export function outputDir(): string {
  const dir = new URL('../../test-output/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  return dir;
}
