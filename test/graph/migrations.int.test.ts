import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshArchive, type TestArchive } from '../helpers/archive';
import { loadMigrations, migrate } from '../../src/graph/migrations';

describe('schema migrations', () => {
  let a: TestArchive;
  beforeAll(async () => {
    a = await freshArchive();
  });
  afterAll(() => a.close());

  it('records every migration version once, in order', async () => {
    const rows = await a.executor.query<{ version: number }>('MATCH (m:AnnalsMigration) RETURN m.version AS version ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
  });

  it('applies nothing the second time', async () => {
    expect(await migrate(a.executor)).toEqual([]);
  });

  it('survives two processes migrating at once, leaving one record per version', async () => {
    await a.executor.write((tx) => tx.run('MATCH (m:AnnalsMigration) DELETE m'));
    await Promise.all([migrate(a.executor), migrate(a.executor)]);
    const rows = await a.executor.query<{ version: number; n: number }>('MATCH (m:AnnalsMigration) RETURN m.version AS version, count(*) AS n');
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows).toHaveLength(loadMigrations().length);
  });

  it('creates the uniqueness constraints and the full-text index over names and aliases', async () => {
    const constraints = await a.executor.query<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name');
    expect(constraints.map((c) => c.name)).toEqual(expect.arrayContaining(['document_sha256', 'entity_id', 'statement_key']));
    const ft = await a.executor.query<{ name: string; state: string }>("SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state");
    expect(ft).toContainEqual({ name: 'entity_names', state: 'ONLINE' });
    // Over the properties that only the batches of indexed names write (migration 0009), updated in
    // their transactions (a search must see the names its own transaction indexes).
    const [{ options, properties }] = await a.executor.query<{ options: { indexConfig: Record<string, unknown> }; properties: string[] }>(
      "SHOW FULLTEXT INDEXES YIELD name, options, properties WHERE name = 'entity_names' RETURN options, properties",
    );
    expect(properties).toEqual(['searchName', 'searchNames']);
    expect(options.indexConfig).toMatchObject({ 'fulltext.eventually_consistent': false, 'fulltext.analyzer': 'standard-folding' });
  });

  it('indexes the names of an archive written before names were indexed in batches (0009)', async () => {
    await a.executor.write((tx) =>
      tx.run("CREATE (:Entity {key: 'person:old-ingrid', id: 'e-old-ingrid', kind: 'PERSON', name: 'Ingrid Oldfield', aliases: ['Oldfield'], searchNames: 'Ingrid Oldfield | Oldfield'})"),
    );
    await a.executor.write((tx) => tx.run('MATCH (m:AnnalsMigration {version: 9}) DELETE m'));
    expect(await migrate(a.executor)).toEqual([9]);
    const [row] = await a.executor.query("MATCH (e:Entity {key: 'person:old-ingrid'}) RETURN e.searchName AS searchName");
    expect(row).toEqual({ searchName: 'Ingrid Oldfield' });
    const hits = await a.executor.query<{ key: string }>("CALL db.index.fulltext.queryNodes('entity_names', 'oldfield') YIELD node RETURN node.key AS key");
    expect(hits).toEqual([{ key: 'person:old-ingrid' }]);
  });

  it('refuses a migration file whose name has no version', async () => {
    const { parseMigration } = await import('../../src/graph/migrations');
    expect(() => parseMigration('constraints.cypher', 'RETURN 1;')).toThrow(/0001_name\.cypher/);
  });
});
