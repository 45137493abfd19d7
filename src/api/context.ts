import DataLoader from 'dataloader';
import type { EvidenceData, NodeData, Page, StatementData } from '../graph/models';
import { statementsBySpeakers, type RelationName } from '../graph/read.repository';
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
  evidence: DataLoader<string, EvidenceData[]>;
  speaker: DataLoader<string, string | null>;
  original: DataLoader<string, OriginalData | null>;
  documentText: DataLoader<string, string | null>;
  related: (relation: RelationName) => DataLoader<string, string[]>;
  speakerStatements: DataLoader<{ id: string; first: number; after: string | null }, Page<StatementData>, string>;
}

const opts = { maxBatchSize: 1000 };

export function createLoaders(services: Services): Loaders {
  const relatedLoaders = new Map<RelationName, DataLoader<string, string[]>>();
  const node = new DataLoader<string, NodeData | null>((ids) => services.read.nodesByIds(ids), opts);
  return {
    node,
    // Evidence brings its documents along, so `evidence { document { ... } }` costs no further round trip.
    evidence: new DataLoader(async (ids) => {
      const { evidence, documents } = await services.lists.evidenceWithDocuments(ids);
      for (const d of documents) node.prime(d.id, d);
      return evidence;
    }, opts),
    speaker: new DataLoader((ids) => services.lists.speakers(ids), opts),
    original: new DataLoader((ids) => services.originals.byIds(ids), opts),
    documentText: new DataLoader((ids) => services.read.documentTexts(ids), opts),
    related: (relation) => {
      let l = relatedLoaders.get(relation);
      if (!l) relatedLoaders.set(relation, (l = new DataLoader((ids) => services.lists.related(relation, ids), opts)));
      return l;
    },
    speakerStatements: new DataLoader(
      async (keys) => {
        // One query per distinct page shape (first, after), all speakers at once.
        const groups = new Map<string, { first: number; after: string | null; ids: string[] }>();
        for (const k of keys) {
          const g = `${k.first}|${k.after ?? ''}`;
          if (!groups.has(g)) groups.set(g, { first: k.first, after: k.after, ids: [] });
          groups.get(g)!.ids.push(k.id);
        }
        const results = new Map<string, Page<StatementData>>();
        await Promise.all(
          [...groups.entries()].map(async ([g, { first, after, ids }]) => {
            const pages = await statementsBySpeakers(services.executor, ids, first, after);
            ids.forEach((id, i) => results.set(`${id}|${g}`, pages[i]));
          }),
        );
        return keys.map((k) => results.get(`${k.id}|${k.first}|${k.after ?? ''}`)!);
      },
      { ...opts, cacheKeyFn: (k) => `${k.id}|${k.first}|${k.after ?? ''}` },
    ),
  };
}

export function createContext(services: Services): ApiContext {
  return { services, loaders: createLoaders(services) };
}
