import DataLoader from 'dataloader';
import type { NodeData } from '../graph/models';
import type { Services } from '../services';

/** Per-request context: services and request-scoped DataLoaders (caches never outlive a request). */
export interface ApiContext {
  services: Services;
  loaders: {
    node: DataLoader<string, NodeData | null>;
  };
}

export function createContext(services: Services): ApiContext {
  return {
    services,
    loaders: {
      node: new DataLoader((ids: readonly string[]) => services.read.nodesByIds(ids), { maxBatchSize: 1000 }),
    },
  };
}
