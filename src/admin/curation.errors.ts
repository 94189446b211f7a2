/** An expected refusal of a curation step; `code` is stable for the API, the message is German for people. */
export class CurationError extends Error {
  override name = 'CurationError';
  constructor(
    readonly code: 'not_found' | 'wrong_status' | 'no_products' | 'unknown_product' | 'invalid_target' | 'old_news',
    message: string,
  ) {
    super(message);
  }
}
