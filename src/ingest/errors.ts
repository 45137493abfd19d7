/** A file that cannot be ingested; `message` is the reason a person can act on. */
export class IngestError extends Error {
  override name = 'IngestError';
  constructor(reason: string) {
    super(reason);
  }
}
