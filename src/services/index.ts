import type { Executor } from '../graph/executor';
import { ArchiveRepository } from '../graph/archive.repository';
import { OriginalRepository } from '../graph/original.repository';
import { ListRepository, ReadRepository } from '../graph/read.repository';
import { DocumentCache } from '../graph/document-cache';
import { EvidenceCache } from '../graph/evidence-cache';
import { documentCacheSize, evidenceCacheSize } from '../config';

/** What the API and the command-line entry points use; built once per process around one executor. */
export interface Services {
  executor: Executor;
  read: ReadRepository;
  lists: ListRepository;
  archive: ArchiveRepository;
  originals: OriginalRepository;
  /** Stored documents' records, shared by every request (they never change; see DocumentCache). */
  documents: DocumentCache;
  /** Statements' and events' evidence passages, shared by every request (checked against the current count; see EvidenceCache). */
  evidence: EvidenceCache;
}

export function createServices(
  executor: Executor,
  documents = new DocumentCache(documentCacheSize()),
  evidence = new EvidenceCache(evidenceCacheSize()),
): Services {
  return {
    executor,
    read: new ReadRepository(executor, documents),
    lists: new ListRepository(executor, { documents, evidence }),
    archive: new ArchiveRepository(executor),
    originals: new OriginalRepository(executor),
    documents,
    evidence,
  };
}
