/**
 * The stored statements that may contradict a new document's, during one ingest run: each matter
 * (see claimMatters) is read from the archive once, the first time a document of the run claims
 * something about it, and kept together with what the run itself stores about it. Most documents of
 * a large run then need no read of their own before their write.
 *
 * Statements that another process stores about a matter after this run read it are not seen by the
 * rest of the run (as statements another run has not committed yet never are).
 */
import { claimMatters } from '../extract/contradictions';
import type { StatementRecord } from '../extract/types';

/** Past this many statements kept, the kept ones are dropped and matters are read again as needed. */
export const MAX_KEPT = 50_000;

export class ClaimCandidates {
  /** Matter → the statements about it read from the archive (a promise while the read is under way). */
  private readonly read = new Map<string, Promise<StatementRecord[]>>();
  /** Matter → the statements about it this run stored, by key. */
  private readonly written = new Map<string, Map<string, StatementRecord>>();
  private kept = 0;

  constructor(
    private readonly load: (matters: string[]) => Promise<StatementRecord[]>,
    private readonly maxKept = MAX_KEPT,
  ) {}

  /** The statements about any of these matters: stored before the run, or by it. */
  async about(matters: string[]): Promise<StatementRecord[]> {
    const missing = matters.filter((m) => !this.read.has(m));
    if (missing.length) {
      const rows = this.load(missing);
      for (const m of missing) {
        const mine = rows.then((all) => all.filter((s) => claimMatters(s.claims).includes(m)));
        // A failed read is tried again by the next document that needs it.
        mine.then((s) => (this.kept += s.length), () => this.read.get(m) === mine && this.read.delete(m));
        this.read.set(m, mine);
      }
    }
    // Taken before waiting: what the run stores meanwhile was beside this document (see crossCheck),
    // and `stored` may drop everything kept while the reads are under way.
    const reads = matters.map((m) => this.read.get(m)!);
    const written = matters.map((m) => [...(this.written.get(m)?.values() ?? [])]);
    const found = new Map<string, StatementRecord>();
    for (const s of (await Promise.all(reads)).flat()) found.set(s.key, s);
    for (const s of written.flat()) found.set(s.key, s);
    return [...found.values()];
  }

  /** Statements the run has stored (committed). */
  stored(statements: StatementRecord[]): void {
    for (const s of statements) {
      for (const m of claimMatters(s.claims)) {
        const kept = this.written.get(m) ?? new Map<string, StatementRecord>();
        if (!kept.has(s.key)) this.kept++;
        kept.set(s.key, s);
        this.written.set(m, kept);
      }
    }
    if (this.kept > this.maxKept) {
      this.read.clear();
      this.written.clear();
      this.kept = 0;
    }
  }
}
