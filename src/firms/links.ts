import { signExpiringLinkToken, signLinkToken, verifyExpiringLinkToken, verifyLinkToken, type ExpiringVerdict } from '../practices/links.js';

/** An unconfirmed firm sign-up's link stops working after this long, like a practice's. */
export const firmConfirmValidMs = 7 * 24 * 3600 * 1000;

/** The signed links of an IT service firm, resolved against PUBLIC_URL: its page (no password) and its unsubscribe link. */
export function firmLinks(publicUrl: string, secret: string, firmId: number): { pageUrl: string; unsubscribeUrl: string } {
  return {
    pageUrl: new URL(`/dienstleister/${signLinkToken(secret, 'firm', firmId)}`, publicUrl).href,
    unsubscribeUrl: new URL(`/dienstleister/abmelden/${signLinkToken(secret, 'firm-unsubscribe', firmId)}`, publicUrl).href,
  };
}

/** The confirmation link of the firm's double opt-in, valid for 7 days from the sign-up. */
export function firmConfirmUrl(publicUrl: string, secret: string, firmId: number, signedUpAt: Date): { url: string; expiresAt: Date } {
  const expiresAt = new Date(signedUpAt.getTime() + firmConfirmValidMs);
  return { url: new URL(`/dienstleister/bestaetigen/${signExpiringLinkToken(secret, 'firm-confirm', firmId, expiresAt)}`, publicUrl).href, expiresAt };
}

export const firmPageToken = (secret: string, firmId: number) => signLinkToken(secret, 'firm', firmId);
export const verifyFirmPageToken = (secret: string, token: string) => verifyLinkToken(secret, 'firm', token);
export const verifyFirmUnsubscribeToken = (secret: string, token: string) => verifyLinkToken(secret, 'firm-unsubscribe', token);
export const verifyFirmConfirmToken = (secret: string, token: string, now: Date): ExpiringVerdict => verifyExpiringLinkToken(secret, 'firm-confirm', token, now);
