/**
 * The language pipeline over the documents of one ingest run, in order, each document's entities
 * becoming known to the documents after it.
 */
import { noteAliasesAdded, trackAliasChanges } from '../extract/known-pass';
import { extract } from '../extract/pipeline';
import type { AuthorityRecord, EntityRecord, ExtractContext, Extraction } from '../extract/types';

type Known = NonNullable<ExtractContext['known']>;

export interface ExtractorInit {
  authorities: AuthorityRecord[];
  /** Entities already in the archive. */
  known: Known;
}

/** The state of one run: authorities and the entities known so far. */
export class ExtractionState {
  readonly authorities: AuthorityRecord[];
  readonly known: Known;
  private readonly index: Map<string, number>;

  constructor(init: ExtractorInit) {
    this.authorities = init.authorities;
    this.known = init.known;
    this.index = new Map(init.known.map((k, i) => [k.key, i]));
    // The indexes over the list then read only the entries whose aliases grew (extract/known-pass.ts).
    trackAliasChanges(this.known);
  }

  /**
   * Extracts a document and makes its entities known to the next ones, before it is stored (so the
   * next document can be extracted while this one is written). Should the write fail, the entities
   * stay known for this run only: a later document that names them stores them itself (entities are
   * MERGEd on their key).
   */
  extract(text: string, published: string | null): Extraction {
    const x = extract(text, { published, authorities: this.authorities, known: this.known });
    this.remember(x.entities);
    return x;
  }

  private remember(entities: EntityRecord[]): void {
    for (const e of entities) {
      const i = this.index.get(e.key);
      if (i === undefined) {
        this.index.set(e.key, this.known.length);
        this.known.push({ key: e.key, kind: e.kind, name: e.name, aliases: [...e.aliases] });
      } else {
        const k = this.known[i];
        const had = k.aliases.length;
        for (const a of e.aliases) if (!k.aliases.includes(a) && a !== k.name) k.aliases.push(a);
        if (k.aliases.length > had) noteAliasesAdded(this.known, i);
      }
    }
  }
}
