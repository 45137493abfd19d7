import DataLoader from 'dataloader';
import type { EntityData, NodeData, Page } from '../graph/models';
import { statementsBySpeakers, type EvidenceRecord, type RelationName, type StatementRecord, type StatementShape } from '../graph/read.repository';
import type { Services } from '../services';
import type { OriginalData } from '../graph/original.repository';

/**
 * Per-request context: services and request-scoped DataLoaders, so a nested query costs a bounded
 * number of round trips (one per loader per level), not one per row. Caches never outlive a request.
 */
export interface ApiContext {
  services: Services;
  loaders: Loaders;
}

export interface Loaders {
  node: DataLoader<string, NodeData | null>;
  /** Evidence with its documents (whole records, from the document cache). */
  evidence: DataLoader<string, EvidenceRecord[]>;
  /**
   * The statements a statement contradicts, with their speakers (and their evidence, with `along`);
   * `shape`: the statement and speaker properties to read (absent: all). Partial records are not
   * shared with `node`.
   */
  contradicted: (along: boolean, shape?: StatementShape) => DataLoader<string, StatementRecord[]>;
  /**
   * A statement itself (all its fields, null where none), read along with what it contradicts: the
   * list is handed to `contradicted(along, shape)` and the statement to `node`, so a root node(id)
   * with its contradictions costs one round trip.
   */
  statementWithContradicted: (along: boolean, shape?: StatementShape) => DataLoader<string, StatementRecord | null>;
  speaker: DataLoader<string, string | null>;
  original: DataLoader<string, OriginalData | null>;
  documentText: DataLoader<string, string | null>;
  /** Whether each document is its identity's current version (records from the document cache leave it out). */
  documentCurrent: DataLoader<string, boolean | null>;
  related: (relation: RelationName) => DataLoader<string, string[]>;
  /** A speaker's page of statements, with the speaker's own record (`owner`, also handed to `node`). */
  speakerStatements: DataLoader<{ id: string; first: number; after: string | null; evidence: boolean }, SpeakerPage, string>;
}

export type SpeakerPage = Page<StatementRecord> & { owner: EntityData | null };

const opts = { maxBatchSize: 1000 };


export function createLoaders(services: Services): Loaders {
  const relatedLoaders = new Map<RelationName, DataLoader<string, string[]>>();
  const contradictedLoaders = new Map<string, DataLoader<string, StatementRecord[]>>();
  const withContradictedLoaders = new Map<string, DataLoader<string, StatementRecord | null>>();
  const node = new DataLoader<string, NodeData | null>((ids) => services.read.nodesByIds(ids), opts);

  const evidence = new DataLoader<string, EvidenceRecord[]>(async (ids) => {
    const lists = await services.lists.evidence(ids);
    // Evidence's documents are whole records (from the document cache): they serve any later lookup.
    for (const list of lists) for (const e of list) node.prime(e.document.id, e.document);
    return lists;
  }, opts);
  /** Hands the evidence read along with statements to the loader their `evidence` fields will ask. */
  const primeEvidence = (statementIds: Iterable<string>, found: Map<string, EvidenceRecord[]>) => {
    for (const id of statementIds) evidence.prime(id, found.get(id) ?? []);
  };

  const contradictedKey = (along: boolean, shape?: StatementShape) =>
    `${along ? 'evidence' : ''}/${shape?.statement ? shape.statement.join(',') : '*'}/${shape?.speaker ? shape.speaker.join(',') : '*'}/${shape?.saidIn === false ? '' : 'saidIn'}`;
  /** Reads what `ids` contradict and hands complete records and evidence to their loaders. */
  const readContradicted = async (ids: readonly string[], along: boolean, shape: StatementShape | undefined, withOwners: boolean) => {
    const props = shape?.statement ?? null;
    const speakerProps = shape?.speaker ?? null;
    const saidIn = shape?.saidIn !== false;
    const r = await services.lists.contradicted(ids, along, props, speakerProps, withOwners, saidIn);
    if (!props && !speakerProps && saidIn) for (const list of r.lists) for (const s of list) node.prime(s.id, s);
    if (r.evidence) primeEvidence(r.lists.flat().map((s) => s.id), r.evidence);
    return r;
  };
  const contradicted = (along: boolean, shape?: StatementShape) => {
    const key = contradictedKey(along, shape);
    let l = contradictedLoaders.get(key);
    if (!l) {
      l = new DataLoader(async (ids) => (await readContradicted(ids, along, shape, false)).lists, opts);
      contradictedLoaders.set(key, l);
    }
    return l;
  };

  return {
    node,
    // Evidence brings its documents along (whole, from the document cache), so `evidence { document
    // { ... } }` costs no round trip of its own once they are kept.
    evidence,
    contradicted,
    statementWithContradicted: (along, shape) => {
      const key = contradictedKey(along, shape);
      let l = withContradictedLoaders.get(key);
      if (!l) {
        l = new DataLoader(async (ids) => {
          const { lists, owners } = await readContradicted(ids, along, shape, true);
          const listLoader = contradicted(along, shape);
          ids.forEach((id, i) => listLoader.prime(id, lists[i]));
          for (const owner of owners!) if (owner) node.prime(owner.id, owner);
          return owners!;
        }, opts);
        withContradictedLoaders.set(key, l);
      }
      return l;
    },
    speaker: new DataLoader((ids) => services.lists.speakers(ids), opts),
    original: new DataLoader((ids) => services.originals.byIds(ids), opts),
    documentText: new DataLoader((ids) => services.read.documentTexts(ids), opts),
    documentCurrent: new DataLoader((ids) => services.read.documentsCurrent(ids), opts),
    related: (relation) => {
      let l = relatedLoaders.get(relation);
      if (!l) relatedLoaders.set(relation, (l = new DataLoader((ids) => services.lists.related(relation, ids), opts)));
      return l;
    },
    speakerStatements: new DataLoader(
      async (keys) => {
        // One query per distinct page shape (first, after, evidence along), all speakers at once.
        const groups = new Map<string, { first: number; after: string | null; along: boolean; ids: string[] }>();
        for (const k of keys) {
          const g = `${k.first}|${k.after ?? ''}|${k.evidence}`;
          if (!groups.has(g)) groups.set(g, { first: k.first, after: k.after, along: k.evidence, ids: [] });
          groups.get(g)!.ids.push(k.id);
        }
        const results = new Map<string, SpeakerPage>();
        await Promise.all(
          [...groups.entries()].map(async ([g, { first, after, along, ids }]) => {
            const { pages, owners, evidence: found } = await statementsBySpeakers(services.executor, services, ids, first, after, along);
            ids.forEach((id, i) => results.set(`${id}|${g}`, { ...pages[i], owner: owners[i] }));
            for (const owner of owners) if (owner) node.prime(owner.id, owner);
            if (found) primeEvidence(pages.flatMap((p) => p.items.map((e) => e.node.id)), found);
          }),
        );
        return keys.map((k) => results.get(`${k.id}|${k.first}|${k.after ?? ''}|${k.evidence}`)!);
      },
      { ...opts, cacheKeyFn: (k) => `${k.id}|${k.first}|${k.after ?? ''}|${k.evidence}` },
    ),
  };
}

export function createContext(services: Services): ApiContext {
  return { services, loaders: createLoaders(services) };
}
