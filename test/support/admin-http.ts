import type { Hono } from 'hono';
import { createAdmin } from '../../src/admin/admins.repository.js';
import type { AdminRole } from '../../src/admin/admin.table.js';
import type { Db } from '../../src/db/client.js';

/** A browser-like HTTP client for the Hono app: keeps cookies, sends forms, does not follow redirects. */
export class AdminClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: Hono) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  post(path: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** The CSRF token of the page at `path` (every admin page's logout form carries it). */
  async csrf(path = '/admin'): Promise<string> {
    const page = await (await this.get(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
    if (!token) throw new Error(`no CSRF token on ${path}`);
    return token;
  }

  async login(email: string, password: string): Promise<Response> {
    const token = await this.csrf('/admin/anmelden');
    return this.post('/admin/anmelden', { _csrf: token, email, password });
  }
}

export const testPassword = 'richtig-langes-Passwort-2026';

export async function adminWithRole(db: Db, role: AdminRole, email = `${role}@verband.test`) {
  return createAdmin(db, { email, role, password: testPassword }, new Date());
}
