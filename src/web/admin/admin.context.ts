import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Session } from '../../admin/auth.usecases.js';
import type { Actor } from '../../admin/audit.repository.js';
import type { WebDeps } from '../app.js';
import { readFormBody } from '../request-body.js';

export type AdminEnv = { Variables: { session: Session } };
export type AdminContext = Context<AdminEnv>;

export const sessionCookie = 'pw_session';
const flashCookie = 'pw_flash';

/** Cookies are Secure whenever the installation is reached over https (PUBLIC_URL). */
export function cookieOptions(deps: WebDeps, maxAgeSeconds?: number) {
  return { httpOnly: true, sameSite: 'Lax' as const, secure: deps.publicUrl.startsWith('https:'), path: '/admin', ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}

export function actorOf(c: AdminContext): Actor {
  const { admin } = c.get('session');
  return { adminId: admin.id, name: admin.email };
}

/** A one-shot message for the next page (after a redirect), kept in a short-lived cookie rather than the URL. */
export function setFlash(c: Context, deps: WebDeps, message: string, kind: 'ok' | 'error' = 'ok'): void {
  setCookie(c, flashCookie, `${kind}:${encodeURIComponent(message)}`, cookieOptions(deps, 60));
}

export function takeFlash(c: Context, deps: WebDeps): { flash: string | null; error: string | null } {
  const raw = getCookie(c, flashCookie);
  if (!raw) return { flash: null, error: null };
  deleteCookie(c, flashCookie, cookieOptions(deps));
  const [kind, ...rest] = raw.split(':');
  let message = '';
  try {
    message = decodeURIComponent(rest.join(':'));
  } catch {
    return { flash: null, error: null };
  }
  return kind === 'error' ? { flash: null, error: message } : { flash: message, error: null };
}

/** Reads a form: every text field as a list of strings, in document order (files are left out). */
export async function readForm(c: Context): Promise<Record<string, string[]>> {
  const body = await readFormBody(c);
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const list = Array.isArray(value) ? value : [value];
    out[key] = list.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

export const first = (form: Record<string, string[]>, key: string): string => form[key]?.[0] ?? '';

/** Shown when a ZodError or an expected failure reaches a form. */
export function germanIssues(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (Array.isArray(issues)) return issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join(' · ');
  return error instanceof Error ? error.message : String(error);
}
