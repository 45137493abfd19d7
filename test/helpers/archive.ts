/**
 * Integration tests' access to the suite's private Neo4j. Each test file starts from an empty
 * archive of its own (int test files run one after another); the database is cleared only when it
 * carries the marker that the suite's global setup put there, so no other database is ever wiped.
 */
import { inject } from 'vitest';
import { Executor } from '../../src/graph/executor';
import { migrate } from '../../src/graph/migrations';
import { createServices, type Services } from '../../src/services';

export interface TestArchive {
  executor: Executor;
  services: Services;
  close(): Promise<void>;
}

export async function freshArchive(): Promise<TestArchive> {
  const executor = new Executor({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword') });
  const [marker] = await executor.query('MATCH (m:AnnalsTestDatabase) RETURN count(m) AS n');
  if (!marker || marker.n !== 1) {
    await executor.close();
    throw new Error('Refusing to clear a database that the test suite did not create (no :AnnalsTestDatabase marker).');
  }
  await executor.write((tx) => tx.run('MATCH (n) WHERE NOT n:AnnalsTestDatabase AND NOT n:AnnalsMigration DETACH DELETE n'));
  await migrate(executor);
  return { executor, services: createServices(executor), close: () => executor.close() };
}
