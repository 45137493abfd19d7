import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/bench/report';
import type { QueryResult, SizeResult } from '../../src/bench/run';

const report = { machine: { cpus: 2, cpuModel: 'test', memoryGb: 1, os: 'test', node: '20', java: 'java', neo4j: '5.26' }, seed: 42, runsPerQuery: 200, warmupPerQuery: 100, concurrency: 16, startedAt: '2026-12-07T00:00:00Z', requestsPerSecond: 1, rssMb: 1, peakRssMb: 1 };
const query = (over: Partial<QueryResult>): QueryResult => ({
  name: 'q', description: 'a query', p50Ms: 5, p99Ms: 9, meanMs: 6, runs: 200, roundTrips: 1,
  neo4jGraphqlP50Ms: 10, neo4jGraphqlP99Ms: 20, cypherP50Ms: 4, cypherP99Ms: 8, vsNeo4jGraphql: 0.5, vsCypher: 1.25, ...over,
});
const size = (q: QueryResult): SizeResult => ({ docs: 1000, ingest: null, queries: [q], requestsPerSecond: 1, rssMb: 1, peakRssMb: 1 });
const row = (text: string) => text.split('\n').find((l) => l.startsWith('| q: a query'));

describe('the performance report', () => {
  it('prints a contender that failed as "failed", whether its numbers are NaN (live run) or null (read back from JSON)', () => {
    const live = renderMarkdown(report, [size(query({ neo4jGraphqlP50Ms: NaN, vsNeo4jGraphql: NaN, error: 'q (@neo4j/graphql): out of memory' }))]);
    const reread = JSON.parse(JSON.stringify(size(query({ neo4jGraphqlP50Ms: NaN, vsNeo4jGraphql: NaN, error: 'x' })))) as SizeResult;
    const fromJson = renderMarkdown(report, [reread]);
    for (const text of [live, fromJson]) expect(row(text)).toBe('| q: a query | 5.00 | 9.00 | failed | 4.00 | failed | 1.25 | 1.00 |');
    expect(live).toContain('- q failed: q (@neo4j/graphql): out of memory');
  });

  it('does not print "failed" where every contender answered', () => {
    expect(row(renderMarkdown(report, [size(query({}))]))).not.toContain('failed');
  });
});
