/**
 * Decodes a body by the charset its Content-Type names, else by the XML declaration or HTML meta tag in its
 * first kilobyte, else as UTF-8. Older German sites still serve ISO-8859-1 or windows-1252.
 */
export function decodeBody(body: Buffer, contentType: string): string {
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] ?? sniffCharset(body);
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function sniffCharset(body: Buffer): string | undefined {
  const head = body.subarray(0, 1024).toString('latin1');
  return (
    /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]
  );
}
