// BSI CERT-Bund WID publishes each notice as CSAF JSON (tracking id `WID-SEC-W-2026-2977`, file
// `wid-sec-w-2026-2977.json`) and as a readable portal page named without the "W" (`WID-SEC-2026-2977`). A practice
// owner wants the page; the JSON is for machines.
const widId = /^WID-SEC-(?:W-)?(\d{4})-(\d{1,6})$/i;
const widFile = /\/(wid-sec-(?:w-)?\d{4}-\d{1,6})\.json$/i;

/** The WID portal page of a notice, from its CSAF tracking id (`WID-SEC-W-2026-2977` or `WID-SEC-2026-2977`). */
export function widPortalUrl(trackingId: string): string | null {
  const m = widId.exec(trackingId.trim());
  return m ? `https://wid.cert-bund.de/portal/wid/securityadvisory?name=WID-SEC-${m[1]}-${m[2]}` : null;
}

/**
 * The links of one source notice, the readable publisher page first: for a BSI WID CSAF notice the portal page
 * (from the tracking id, or else from the CSAF file name, which CSAF derives from it) and the JSON as `machine`;
 * for every other notice its own URL as `page`. Unsafe or missing URLs are for the template to drop.
 */
export function sourceLinks(notice: { url: string | null; externalId?: string | null }): { page: string | null; machine: string | null } {
  const url = notice.url;
  const isJson = url ? /\.json(?:[?#].*)?$/i.test(url) : false;
  const portal = (notice.externalId ? widPortalUrl(notice.externalId) : null) ?? (url ? widPortalFromFile(url) : null);
  if (portal) return { page: portal, machine: isJson ? url : null };
  return { page: url, machine: null };
}

function widPortalFromFile(url: string): string | null {
  const m = widFile.exec(url.replace(/[?#].*$/, ''));
  return m ? widPortalUrl(m[1]!) : null;
}
