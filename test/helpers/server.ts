/**
 * An in-process Annals server on a free port, its archive (the suite's Neo4j, cleared) seeded
 * with the project's seeds/. For browser and export tests.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PROJECT_ROOT } from '../../src/config';
import { freePort } from '../../src/db/local-neo4j';
import { buildApp } from '../../src/server/app';
import { ingestPaths } from '../../src/services/ingest.service';
import { freshArchive, type TestArchive } from './archive';

export interface SeededServer {
  url: string;
  app: FastifyInstance;
  archive: TestArchive;
  close(): Promise<void>;
}

export async function startSeededServer(): Promise<SeededServer> {
  const archive = await freshArchive();
  const summary = await ingestPaths(archive.services, [resolve(PROJECT_ROOT, 'seeds')]);
  if (summary.failed.length) throw new Error(`seeding failed: ${JSON.stringify(summary.failed)}`);
  const app = await buildApp({ services: archive.services });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    archive,
    close: async () => {
      await app.close();
      await archive.close();
    },
  };
}
