/**
 * Documents by id, kept in the process: a stored document version never changes (its id comes from
 * the sha256 of its bytes; the same bytes again change nothing), so evidence can name its documents
 * by id and take their records from here instead of reading them again for every passage. The one
 * property that does change, `current` (false once newer bytes supersede the version), is never
 * kept: records from the cache have it undefined, and the API reads it when a query asks for it.
 *
 * Bounded: least recently used records go first. ANNALS_DOCUMENT_CACHE sets the bound (records;
 * default 20,000, about 1 KB each; see config.documentCacheSize); 0 keeps none.
 */
import type { DocumentData } from './models';

/** A document's record without `current`, which is the one property that changes. */
export type CachedDocument = DocumentData & { current?: undefined };

export class DocumentCache {
  private readonly records = new Map<string, CachedDocument>();

  constructor(readonly max: number) {}

  get size(): number {
    return this.records.size;
  }

  /** The record of `id`, without `current`; undefined when not kept. */
  get(id: string): CachedDocument | undefined {
    const r = this.records.get(id);
    if (r) {
      // Most recently used last (a Map iterates in insertion order).
      this.records.delete(id);
      this.records.set(id, r);
    }
    return r;
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
    this.records.set(doc.id, { ...rest, text: null });
    while (this.records.size > this.max) this.records.delete(this.records.keys().next().value!);
  }
}
