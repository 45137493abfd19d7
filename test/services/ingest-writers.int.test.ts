import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../src/bench/corpus';
import { ingestPaths } from '../../src/services/ingest.service';
import { freshArchive, type TestArchive } from '../helpers/archive';

const root = mkdtempSync(join(tmpdir(), 'annals-writers-'));
const corpus = ensureCorpus(root, 7, 120);
afterAll(() => rmSync(root, { recursive: true, force: true }));
let a: TestArchive | null = null;
afterEach(async () => {
  await a?.close();
  a = null;
  delete process.env.ANNALS_INGEST_WRITERS;
  delete process.env.ANNALS_NAME_INDEX_MS;
});

/** Ingests the corpus into an empty archive with `writers` documents written at once; what the graph then holds. */
async function ingestWith(writers: number) {
  a = await freshArchive();
  process.env.ANNALS_INGEST_WRITERS = String(writers);
  const summary = await ingestPaths(a.services, corpus.parts, { authoritiesFile: null });
  const q = a.executor.query.bind(a.executor);
  const graph = {
    counts: summary.counts,
    contradictions: (await q<{ a: string; b: string }>('MATCH (x:Statement)-[:CONTRADICTS]->(y:Statement) RETURN x.key AS a, y.key AS b ORDER BY a, b')).map((r) => `${r.a} ⟂ ${r.b}`),
    entities: await q('MATCH (e:Entity) RETURN e.key AS key, e.name AS name, e.aliases AS aliases ORDER BY key'),
    links: await q('MATCH (s)-[r]->(e:Entity) RETURN type(r) AS type, count(*) AS n ORDER BY type'),
    // Names the search index holds that are not the entity's current names and aliases (written in
    // batches while the documents were: see src/graph/name-index.ts), and entities still waiting.
    staleIndexedNames: await q(
      `MATCH (e:Entity)
       WHERE e:NamesPending OR e.searchName IS NULL OR e.searchName <> e.name
          OR e.searchNames <> reduce(acc = e.name, a IN e.aliases | acc + ' | ' + a)
       RETURN e.key AS key, e.searchNames AS searchNames, e.name AS name, e.aliases AS aliases, e:NamesPending AS pending`,
    ),
  };
  for (const e of graph.entities as { aliases: string[] }[]) e.aliases = [...e.aliases].sort();
  await a.close();
  a = null;
  return { summary, graph };
}

describe('ingest with several documents written at once', () => {
  it('stores the same graph as one writer: entities with all their aliases, links, and contradictions across documents', async () => {
    const one = await ingestWith(1);
    const three = await ingestWith(3);
    expect(one.summary.added).toHaveLength(120);
    expect(three.summary.added).toEqual(one.summary.added); // reported in file order
    expect(one.graph.contradictions.length).toBeGreaterThan(0);
    expect(three.graph).toEqual(one.graph);
  });

  it('leaves every name and alias indexed, however the batches of indexed names fall between the documents', async () => {
    process.env.ANNALS_NAME_INDEX_MS = '0'; // a batch after every round trip to the database, racing the writers
    const { summary, graph } = await ingestWith(3);
    expect(summary.added).toHaveLength(120);
    expect(graph.entities.length).toBeGreaterThan(50);
    expect(graph.entities.some((e) => (e.aliases as string[]).length > 0)).toBe(true);
    expect(graph.staleIndexedNames).toEqual([]);
  });
});
