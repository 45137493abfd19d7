/**
 * Documents by id, kept in the process: a stored document version never changes (its id comes from
 * the sha256 of its bytes; the same bytes again change nothing), so evidence can name its documents
 * by id and take their records from here instead of reading them again for every passage. The one
 * property that does change, `current` (false once newer bytes supersede the version), is never
 * kept: records from the cache have it undefined, and the API reads it when a query asks for it.
 *
 * Bounded: the records used longest ago go first (a use counts once half the bound has been put
 * since the record's last one; see get). ANNALS_DOCUMENT_CACHE sets the bound (records;
 * default 20,000, about 1 KB each; see config.documentCacheSize); 0 keeps none.
 */
import type { DocumentData } from './models';

/** A document's record without `current`, which is the one property that changes. */
export type CachedDocument = DocumentData & { current?: undefined };

export class DocumentCache {
  /** Records in order of use, least recent first (a Map iterates in insertion order), each with when it was put last. */
  private readonly records = new Map<string, { doc: CachedDocument; stamp: number }>();
  /** Counts puts (sets, and records moved to the end on use). */
  private clock = 0;

  constructor(readonly max: number) {}

  get size(): number {
    return this.records.size;
  }

  /** The record of `id`, without `current`; undefined when not kept. */
  get(id: string): CachedDocument | undefined {
    const r = this.records.get(id);
    if (r && this.clock - r.stamp >= this.max >> 1) {
      // Used again: most recently used last. A record put among the last max/2 is not moved (it is
      // max/2 puts away from being dropped, and it is moved when used after that): a page of evidence
      // names a thousand documents, and moving each one every time was most of the lookup's cost.
      this.records.delete(id);
      r.stamp = ++this.clock;
      this.records.set(id, r);
    }
    return r?.doc;
  }

  /** The records kept of `ids` (each id once), and the ids not kept. */
  lookup(ids: Iterable<string>): { found: Map<string, CachedDocument>; missing: string[] } {
    const found = new Map<string, CachedDocument>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.get(id);
      if (hit) found.set(id, hit);
      else missing.push(id);
    }
    return { found, missing };
  }

  /** Keeps a complete record (its article text and `current` are not kept). */
  set(doc: DocumentData): void {
    if (this.max <= 0) return;
    const { current: _current, text: _text, ...rest } = doc;
    this.records.delete(doc.id);
    this.records.set(doc.id, { doc: { ...rest, text: null }, stamp: ++this.clock });
    while (this.records.size > this.max) this.records.delete(this.records.keys().next().value!);
  }
}
