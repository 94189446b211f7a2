import { createHash } from 'node:crypto';

/** A Message-ID derived from the delivery's dedupe key: a mail sent twice after a crash carries the same one. */
export function messageIdFor(dedupeKey: string, domain: string): string {
  const digest = createHash('sha256').update(dedupeKey).digest('base64url').slice(0, 24);
  return `<${digest}@${domain}>`;
}
