import type { Executor } from '../graph/executor';
import { ArchiveRepository } from '../graph/archive.repository';
import { OriginalRepository } from '../graph/original.repository';
import { ListRepository, ReadRepository } from '../graph/read.repository';

/** What the API and the command-line entry points use; built once per process around one executor. */
export interface Services {
  executor: Executor;
  read: ReadRepository;
  lists: ListRepository;
  archive: ArchiveRepository;
  originals: OriginalRepository;
}

export function createServices(executor: Executor): Services {
  return { executor, read: new ReadRepository(executor), lists: new ListRepository(executor), archive: new ArchiveRepository(executor), originals: new OriginalRepository(executor) };
}
