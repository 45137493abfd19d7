/**
 * Opens the archive for a command: the Neo4j at NEO4J_URI, else the local one of the data folder
 * (started when it is not running, and stopped again on close if this process started it).
 * Verifies the credentials and applies pending migrations.
 */
import type { Config } from '../config';
import { Executor } from '../graph/executor';
import { migrate } from '../graph/migrations';
import { createServices, type Services } from '../services';
import { start, status, stop } from './local-neo4j';

export interface OpenArchive {
  uri: string;
  services: Services;
  startedLocal: boolean;
  close(): Promise<void>;
}

export async function openArchive(config: Config, say: (msg: string) => void = () => undefined): Promise<OpenArchive> {
  let uri = config.neo4jUri;
  let startedLocal = false;
  if (!uri) {
    const running = status(config.dataDir);
    if (running) uri = running.uri;
    else {
      say(`starting the local Neo4j (data in ${config.dataDir}) ...`);
      const info = await start({ dataDir: config.dataDir, port: config.localBoltPort, password: config.neo4jPassword, heap: config.heap, pageCache: config.pageCache });
      uri = info.uri;
      startedLocal = true;
      say(`local Neo4j answers at ${uri}`);
    }
  }
  const executor = new Executor({ uri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase });
  const close = async () => {
    await executor.close().catch(() => undefined);
    if (startedLocal) await stop(config.dataDir);
  };
  try {
    await executor.verify();
    const applied = await migrate(executor);
    if (applied.length) say(`schema migrations applied: ${applied.join(', ')}`);
  } catch (e) {
    await close();
    throw e;
  }
  return { uri, services: createServices(executor), startedLocal, close };
}
