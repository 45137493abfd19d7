/**
 * Starts a private Neo4j for the integration tests on a free port in a temporary folder (reusing
 * the jars of .neo4j/lib) and stops it afterwards. The suite never touches data/.
 * NEO4J_TEST_URI (with NEO4J_TEST_PASSWORD) points the suite at another database instead; test files
 * clear it only if it carries an (:AnnalsTestDatabase) marker node, which you create by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, start, stop } from '../src/db/local-neo4j';
import { Executor } from '../src/graph/executor';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jPassword: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_TEST_URI) {
    project.provide('neo4jUri', process.env.NEO4J_TEST_URI);
    project.provide('neo4jPassword', process.env.NEO4J_TEST_PASSWORD ?? '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'annals-test-neo4j-'));
  const password = 'annals-test-password';
  const info = await start({ dataDir: dir, port: await freePort(), password, heap: '512m', pageCache: '256m' });
  // The marker that lets test files clear this database (and no other).
  const executor = new Executor({ uri: info.uri, user: 'neo4j', password });
  await executor.write((tx) => tx.run('CREATE (:AnnalsTestDatabase {createdAt: datetime()})'));
  await executor.close();
  project.provide('neo4jUri', info.uri);
  project.provide('neo4jPassword', password);
  return async () => {
    await stop(dir);
    rmSync(dir, { recursive: true, force: true });
  };
}
