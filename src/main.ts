/**
 * npm start: the archive. Without NEO4J_URI it starts the project's own Neo4j (data under data/),
 * applies migrations, seeds seeds/ when the archive is empty (unless --no-seed), and serves
 * GraphQL at http://localhost:$PORT/graphql.
 */
import './production';
import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, PROJECT_ROOT, loadConfig } from './config';
import { openArchive, type OpenArchive } from './db/connect';
import { describeError } from './errors';
import { buildApp } from './server/app';
import { ingestPaths } from './services/ingest.service';
import { createLogger } from './log';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--no-seed');
  if (unknown.length) throw new ConfigError(`unknown option ${unknown[0]} (npm start accepts --no-seed)`);
  const config = loadConfig();
  const log = createLogger(config.logLevel);

  const archive: OpenArchive = await openArchive(config, log.info);
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    await app?.close().catch(() => undefined);
    await archive.close();
    if (archive.startedLocal) log.info('local Neo4j stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const { services } = archive;
    if (!args.includes('--no-seed') && (await services.archive.counts()).documents === 0) {
      log.info('the archive is empty: ingesting seeds/ ...');
      const summary = await ingestPaths(services, [resolve(PROJECT_ROOT, 'seeds')], { progress: process.stderr.isTTY });
      log.info(`seeded: ${summary.added.length} added, ${summary.failed.length} failed`);
      for (const f of summary.failed) log.warn(`${f.path}: ${f.reason}`);
    }
    app = await buildApp({ services, development: config.development });
    await app.listen({ port: config.port, host: config.host });
    log.info(`serving GraphQL at http://localhost:${config.port}/graphql (timeline at http://localhost:${config.port}/)`);
  } catch (e) {
    await archive.close();
    throw e;
  }
}

main().catch((e: unknown) => {
  console.error(`annals: ${describeError(e)}`);
  process.exit(1);
});
