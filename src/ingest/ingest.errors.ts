/** The document arrived but is not what the source promised (broken feed, list page whose selector finds nothing). */
export class ParseError extends Error {
  override name = 'ParseError';
}
