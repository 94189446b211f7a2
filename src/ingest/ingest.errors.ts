/** The document arrived but is not what the source promised (broken feed, list page whose selector finds nothing). */
export class ParseError extends Error {
  override name = 'ParseError';
}

export type FetchErrorCode =
  | 'timeout'
  | 'too_large'
  | 'http_status'
  | 'network'
  | 'redirects'
  | 'scheme'
  | 'blocked'
  | 'rate_limited'
  | 'encoding';

/** Why a fetch failed, with a German sentence for the admin and a stable code for logs and retries. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly status?: number,
    /** The server asked us to wait this long (Retry-After on 429/503), in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
  /** Refused addresses and 4xx other than 408/429 will not get better by retrying soon. */
  get permanent(): boolean {
    if (this.code === 'scheme' || this.code === 'blocked') return true;
    return this.code === 'http_status' && this.status !== undefined && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}
