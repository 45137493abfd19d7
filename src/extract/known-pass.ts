/**
 * The list of known entities (ExtractContext.known) may change between documents (the ingest
 * appends entities, and aliases to entries, in place), never while one is extracted. The indexes
 * over it (entities.ts, resolve.ts) look for new aliases of old entries once per document, not at
 * every lookup: that scan is as long as the list, and a document makes dozens of lookups. Each run
 * of the pipeline starts a new pass (pipeline.ts initialState).
 */
let pass = 0;

/** Starts a pass: indexes over known entities look for changed entries again. */
export function startPass(): void {
  pass++;
}

export function currentPass(): number {
  return pass;
}
