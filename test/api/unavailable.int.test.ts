import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Executor } from '../../src/graph/executor';
import { createServices } from '../../src/services';
import { buildApp } from '../../src/server/app';
import { freePort, start, stop } from '../../src/db/local-neo4j';
import { gql } from '../helpers/graphql';

const dir = mkdtempSync(join(tmpdir(), 'annals-down-'));
afterAll(async () => {
  await stop(dir);
  rmSync(dir, { recursive: true, force: true });
});

describe('a database that is down', () => {
  it('gives DATABASE_UNAVAILABLE and a 503 health while down, and recovers by itself when it returns', async () => {
    const port = await freePort();
    const password = 'annals-down-test';
    const executor = new Executor({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password });
    const app = await buildApp({ services: createServices(executor) });
    try {
      const down = await gql(app, '{ documents { totalCount } }');
      expect(down.errors?.[0].extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(down.errors?.[0].message).not.toMatch(/bolt:|ECONNREFUSED|at /);
      const health = await app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);

      await start({ dataDir: dir, port, password, heap: '384m', pageCache: '64m' });
      const up = await gql(app, '{ documents { totalCount } }');
      expect(up.errors).toBeUndefined();
      expect(up.data.documents.totalCount).toBe(0);
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await executor.close();
    }
  });
});
