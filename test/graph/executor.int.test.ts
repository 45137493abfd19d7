import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshArchive, type TestArchive } from '../helpers/archive';
import { GraphError } from '../../src/graph/errors';

describe('the executor', () => {
  let a: TestArchive;
  beforeAll(async () => {
    a = await freshArchive();
  });
  afterAll(() => a.close());

  it('reports a failed query with the database code and message, and a stack of its own', async () => {
    const err = await a.executor.query('RETURN $missing AS x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).code).toBe('DATABASE_ERROR');
    expect((err as GraphError).message).toMatch(/Neo\.ClientError\.Statement\.ParameterMissing: .*missing/);
    expect((err as GraphError).stack).toMatch(/\n\s+at /);
  });

  it('leaves stack traces on for the rest of the process, after queries that succeed and fail', async () => {
    const before = Error.stackTraceLimit;
    await a.executor.query('RETURN 1 AS x');
    await a.executor.query('RETURN $missing AS x').catch(() => undefined);
    await a.executor.writeQuery('RETURN 1 AS x');
    await a.executor.read((tx) => tx.run('RETURN 1 AS x'));
    expect(Error.stackTraceLimit).toBe(before);
    expect(before).toBeGreaterThan(0);
    expect(new Error('here').stack).toMatch(/\n\s+at /);
  });
});
