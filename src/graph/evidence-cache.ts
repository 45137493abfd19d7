/**
 * Statements' and events' evidence passages, kept in the process by node id. A passage never
 * changes once written (an EVIDENCE relationship is created with its document, offsets and excerpt,
 * and never altered or removed: the archive only grows), so a node's list of passages is valid as
 * long as the node has the same number of them: a query reads that count (the relationship degree,
 * no property read) and takes the passages from here when it matches, instead of reading hundreds
 * of passages again for a much-reported statement. A list whose count differs is read again.
 *
 * Bounded by passages (ANNALS_EVIDENCE_CACHE; default 50,000, a few hundred bytes each; see
 * config.evidenceCacheSize); the lists used longest ago go first. 0 keeps none.
 */

/** One passage as kept: its document by id (the record comes from the document cache). */
export interface CachedPassage {
  documentId: string;
  start: number;
  end: number;
  excerpt: string;
}

export class EvidenceCache {
  /** Lists in order of use, least recent first (a Map iterates in insertion order). */
  private readonly lists = new Map<string, readonly CachedPassage[]>();
  private kept = 0;

  constructor(readonly maxPassages: number) {}

  /** Passages kept, over all lists. */
  get passages(): number {
    return this.kept;
  }

  /** The passages of `id` when exactly `count` are kept; otherwise undefined (and a stale list is dropped). */
  get(id: string, count: number): readonly CachedPassage[] | undefined {
    const list = this.lists.get(id);
    if (!list) return undefined;
    this.lists.delete(id);
    if (list.length !== count) {
      this.kept -= list.length;
      return undefined;
    }
    this.lists.set(id, list); // most recently used last
    return list;
  }

  /** Keeps the complete list of a node's passages. */
  set(id: string, passages: readonly CachedPassage[]): void {
    const old = this.lists.get(id);
    if (old) {
      this.lists.delete(id);
      this.kept -= old.length;
    }
    if (passages.length === 0 || passages.length > this.maxPassages) return;
    this.lists.set(id, passages);
    this.kept += passages.length;
    while (this.kept > this.maxPassages) {
      const [first, list] = this.lists.entries().next().value!;
      this.lists.delete(first);
      this.kept -= list.length;
    }
  }
}
