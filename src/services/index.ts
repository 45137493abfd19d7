import type { Executor } from '../graph/executor';
import { ArchiveRepository } from '../graph/archive.repository';
import { ReadRepository } from '../graph/read.repository';

/** What the API and the command-line entry points use; built once per process around one executor. */
export interface Services {
  executor: Executor;
  read: ReadRepository;
  archive: ArchiveRepository;
}

export function createServices(executor: Executor): Services {
  return { executor, read: new ReadRepository(executor), archive: new ArchiveRepository(executor) };
}
