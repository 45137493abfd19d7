import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshArchive, type TestArchive } from '../helpers/archive';
import { day, entity, event, extraction, preparedDoc, spanOf, statement } from '../helpers/fixtures';
import type { Claim, EntityRecord } from '../../src/extract/types';
import { STORE_DOCUMENT, storeDocumentParams } from '../../src/graph/archive.repository';

let a: TestArchive;
beforeAll(async () => {
  a = await freshArchive();
});
afterAll(() => a.close());

const docCount = async (sha: string) =>
  (await a.executor.query<{ n: number }>('MATCH (d:Document {sha256: $sha}) RETURN count(d) AS n', { sha }))[0].n;

describe('the plan of the document write', () => {
  // STORE_DOCUMENT keeps its first plan however the statistics change (replan=skip), and that plan
  // is typically made on an empty archive, as here: it must find every node by a unique key or an
  // index, whatever the planner believes about the graph's size.
  it('finds every node through an index and scans no label, type or whole index, even when planned on an empty archive', async () => {
    const text = 'Mayor Ana Test said on Monday the road was closed. Ana Test met Bo Test in Testville.';
    const x = extraction({
      entities: [entity('PERSON', 'Ana Test', text), entity('PERSON', 'Bo Test', text), entity('PLACE', 'Testville', text)],
      statements: [statement(text, { said: 'Ana Test said on Monday the road was closed.', speakerKey: 'person:ana-test', aboutKeys: ['place:testville'] })],
      events: [event(text, { said: 'met Bo Test in Testville', type: 'MEETING', placeKeys: ['place:testville'], participantKeys: ['person:bo-test'] })],
    });
    const params = storeDocumentParams(preparedDoc(text), x, [{ a: 'statement:a', b: 'statement:b', reason: 'test' }]);
    const session = a.executor.driver.session();
    try {
      const { summary } = await session.run(`EXPLAIN ${STORE_DOCUMENT}`, params);
      const operators: string[] = [];
      const walk = (p: { operatorType: string; children: unknown[] }) => {
        operators.push(p.operatorType.replace(/@.*/, ''));
        p.children.forEach((c) => walk(c as typeof p));
      };
      walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
      expect(operators.filter((o) => /Scan/.test(o))).toEqual([]);
      expect(operators.filter((o) => /^NodeUniqueIndexSeek/.test(o)).length).toBeGreaterThan(3);
      expect(operators).toContain('NodeIndexSeek'); // the previous version, by identity
      expect(operators.filter((o) => /Merge/.test(o)).length).toBeGreaterThan(5);
    } finally {
      await session.close();
    }
  });
});

describe('storing a document', () => {
  it('stores nothing of a document whose extraction fails to write (one transaction)', async () => {
    const text = 'Mayor Ana Test said the road was closed.';
    const doc = preparedDoc(text);
    const bad = { ...entity('PERSON', 'Ana Test', text), key: null } as unknown as EntityRecord;
    await expect(a.services.archive.storeDocument(doc, extraction({ entities: [bad] }))).rejects.toThrow();
    expect(await docCount(doc.sha256)).toBe(0);
  });

  it('changes nothing when the same bytes come again', async () => {
    const text = 'Officials of Testland said on Monday that the border was open.';
    const x = extraction({ entities: [entity('PLACE', 'Testland', text)] });
    const doc = preparedDoc(text);
    expect((await a.services.archive.storeDocument(doc, x)).status).toBe('added');
    const before = await a.services.archive.counts();
    expect((await a.services.archive.storeDocument(doc, x)).status).toBe('unchanged');
    expect(await a.services.archive.counts()).toEqual(before);
  });

  it('keeps the earlier version queryable when a document of the same identity comes with other bytes', async () => {
    const v1 = preparedDoc('The minister of Testland said the talks failed.', { identity: 'https://example.org/report-7' });
    const v2 = preparedDoc('The minister of Testland said the talks failed, then resumed.', { identity: 'https://example.org/report-7' });
    const r1 = await a.services.archive.storeDocument(v1, extraction({}));
    const r2 = await a.services.archive.storeDocument(v2, extraction({}));
    expect(r1).toMatchObject({ status: 'added', version: 1 });
    expect(r2).toMatchObject({ status: 'updated', version: 2 });
    const rows = await a.executor.query<{ version: number; current: boolean; supersedes: number | null }>(
      `MATCH (d:Document {identity: 'https://example.org/report-7'}) OPTIONAL MATCH (d)-[:SUPERSEDES]->(p)
       RETURN d.version AS version, d.current AS current, p.version AS supersedes ORDER BY version`,
    );
    expect(rows).toEqual([
      { version: 1, current: false, supersedes: null },
      { version: 2, current: true, supersedes: 1 },
    ]);
  });

  it('merges an entity across documents and keeps the union of its aliases', async () => {
    const t1 = 'President Lior Vantana spoke. Vantana said the dam held.';
    const t2 = 'President Lior Vantanna said the dam held.';
    const e1 = entity('PERSON', 'Lior Vantana', t1, ['Vantana']);
    const e2 = { ...entity('PERSON', 'Lior Vantana', t2), aliases: ['Lior Vantanna'], mentions: [{ start: 10, end: 23, text: 'Lior Vantanna' }] };
    await a.services.archive.storeDocument(preparedDoc(t1), extraction({ entities: [e1] }));
    await a.services.archive.storeDocument(preparedDoc(t2), extraction({ entities: [e2] }));
    const [row] = await a.executor.query<{ n: number; aliases: string[] }>(
      "MATCH (e:Entity {key: 'person:lior-vantana'}) RETURN count(e) AS n, collect(e.aliases)[0] AS aliases",
    );
    expect(row.n).toBe(1);
    expect([...row.aliases].sort()).toEqual(['Lior Vantanna', 'Vantana']);
  });

  it('stores a statement two documents report once, with one link to each entity and one evidence passage per document', async () => {
    const t1 = 'Mayor Oran Quist said the ferry would run again. Quist spoke in Portvale.';
    const t2 = 'On Friday Mayor Oran Quist said the ferry would run again.';
    const quist1 = entity('PERSON', 'Oran Quist', t1, ['Quist']);
    const quist2 = entity('PERSON', 'Oran Quist', t2);
    const said = 'Oran Quist said the ferry would run again.';
    const claims: Claim[] = [{ type: 'status', subject: 'ferry', placeKey: 'place:portvale', value: true }];
    const s1 = statement(t1, { said, speakerKey: quist1.key, aboutKeys: ['place:portvale'], claims });
    const s2 = statement(t2, { said, speakerKey: quist2.key, aboutKeys: ['place:portvale'], claims });
    await a.services.archive.storeDocument(preparedDoc(t1), extraction({ entities: [quist1, entity('PLACE', 'Portvale', t1)], statements: [s1] }));
    await a.services.archive.storeDocument(preparedDoc(t2), extraction({ entities: [quist2, entity('PLACE', 'Portvale', t1)], statements: [s2] }));
    const [row] = await a.executor.query<{ statements: number; saidBy: number; about: number; claims: number; evidence: number; mentions: number }>(
      `MATCH (s:Statement {key: $key})
       RETURN count(s) AS statements,
              COUNT { (s)-[:SAID_BY]->() } AS saidBy, COUNT { (s)-[:ABOUT]->() } AS about,
              COUNT { (s)-[:CLAIMS]->() } AS claims, COUNT { (s)-[:EVIDENCE]->() } AS evidence,
              COUNT { (:Entity {key: $speaker})-[:MENTIONED_IN]->() } AS mentions`,
      { key: s1.key, speaker: quist1.key },
    );
    expect(row).toEqual({ statements: 1, saidBy: 1, about: 1, claims: 1, evidence: 2, mentions: 2 });
  });

  it('writes one mention of an entity an extraction lists twice, with the mentions of both', async () => {
    const text = 'Envoy Tamsin Roe arrived. Roe met reporters.';
    const full = entity('PERSON', 'Tamsin Roe', text);
    const again = { ...entity('PERSON', 'Tamsin Roe', text), aliases: ['Roe'], mentions: [{ ...spanOf(text, 'Roe met'), end: spanOf(text, 'Roe met').start + 3, text: 'Roe' }] };
    await a.services.archive.storeDocument(preparedDoc(text), extraction({ entities: [full, again] }));
    const rows = await a.executor.query<{ starts: number[]; aliases: string[] }>(
      'MATCH (e:Entity {key: $key})-[m:MENTIONED_IN]->() RETURN m.starts AS starts, e.aliases AS aliases',
      { key: full.key },
    );
    expect(rows).toEqual([{ starts: [text.indexOf('Tamsin Roe'), text.indexOf('Roe met')], aliases: ['Roe'] }]);
  });

  it('does not link a statement to a speaker that is not in the archive', async () => {
    const text = 'Someone said the bridge was open.';
    const s = statement(text, { said: text, speakerKey: 'person:nobody-stored', saidAt: day('2031-01-01') });
    await a.services.archive.storeDocument(preparedDoc(text), extraction({ statements: [s] }));
    const rows = await a.executor.query('MATCH (:Statement {key: $key})-[:SAID_BY]->(e) RETURN e', { key: s.key });
    expect(rows).toEqual([]);
  });
});

describe('the names the search index holds', () => {
  const indexed = (key: string) =>
    a.executor.query<{ pending: boolean; searchName: string | null; searchNames: string | null }>(
      'MATCH (e:Entity {key: $key}) RETURN e:NamesPending AS pending, e.searchName AS searchName, e.searchNames AS searchNames',
      { key },
    );

  it('are not written by the document transaction, which marks the entities it creates or renames instead', async () => {
    const text = 'Idris Pemberton-Vale spoke in Testgrad.';
    await a.services.archive.storeDocument(preparedDoc(text), extraction({ entities: [entity('PERSON', 'Idris Pemberton-Vale', text)] }));
    expect(await indexed('person:idris-pemberton-vale')).toEqual([{ pending: true, searchName: null, searchNames: null }]);

    expect(await a.services.archive.indexPendingNames()).toBeGreaterThanOrEqual(1);
    expect(await indexed('person:idris-pemberton-vale')).toEqual([{ pending: false, searchName: 'Idris Pemberton-Vale', searchNames: 'Idris Pemberton-Vale' }]);

    const again = 'Idris Pemberton-Vale, called Pem by his staff, spoke again.';
    const named = { ...entity('PERSON', 'Idris Pemberton-Vale', again), aliases: ['Pem'] };
    await a.services.archive.storeDocument(preparedDoc(again), extraction({ entities: [named] }));
    expect(await indexed('person:idris-pemberton-vale')).toEqual([{ pending: true, searchName: 'Idris Pemberton-Vale', searchNames: 'Idris Pemberton-Vale' }]);
    await a.services.archive.indexPendingNames();
    expect(await indexed('person:idris-pemberton-vale')).toEqual([{ pending: false, searchName: 'Idris Pemberton-Vale', searchNames: 'Idris Pemberton-Vale | Pem' }]);
  });

  it('are not marked again by a document that only mentions a known entity by a known name', async () => {
    const text = 'Idris Pemberton-Vale left Testgrad.';
    await a.services.archive.storeDocument(preparedDoc(text), extraction({ entities: [entity('PERSON', 'Idris Pemberton-Vale', text)] }));
    expect(await indexed('person:idris-pemberton-vale')).toMatchObject([{ pending: false }]);
    expect(await a.services.archive.indexPendingNames()).toBe(0);
  });

  it('are written in batches of the size asked until none is pending', async () => {
    await a.services.archive.indexPendingNames(); // those of the tests before
    const names = ['Ottoline Brasenose', 'Percival Quayle', 'Rosalind Ashcombe', 'Sebastian Thwaite', 'Theodora Vane'];
    for (const name of names) {
      const text = `${name} spoke.`;
      await a.services.archive.storeDocument(preparedDoc(text), extraction({ entities: [entity('PERSON', name, text)] }));
    }
    expect(await a.services.archive.indexPendingNames(2)).toBe(names.length);
    const [{ n }] = await a.executor.query<{ n: number }>('MATCH (e:NamesPending) RETURN count(e) AS n');
    expect(n).toBe(0);
  });
});

describe('the authority form of a person', () => {
  it('takes the fuller name a later document gives and keeps the surname as an alias', async () => {
    const t1 = 'Okonkwo said the dam held.';
    const t2 = 'President Adaeze Okonkwo said the dam held again.';
    const first = { ...entity('PERSON', 'Okonkwo', t1), key: 'person:okonkwo' };
    const later = { ...entity('PERSON', 'Adaeze Okonkwo', t2, ['Okonkwo']), key: 'person:okonkwo' };
    await a.services.archive.storeDocument(preparedDoc(t1), extraction({ entities: [first] }));
    await a.services.archive.storeDocument(preparedDoc(t2), extraction({ entities: [later] }));
    const [row] = await a.executor.query<{ name: string; aliases: string[] }>("MATCH (e:Entity {key: 'person:okonkwo'}) RETURN e.name AS name, e.aliases AS aliases");
    expect(row).toEqual({ name: 'Adaeze Okonkwo', aliases: ['Okonkwo'] });
  });

  it('does not rename an organization after a longer name that merely ends like it', async () => {
    const t1 = 'The Ministry said so.';
    const t2 = 'The Health Ministry said so too.';
    const first = { ...entity('ORGANIZATION', 'Ministry', t1), key: 'organization:ministry-x' };
    const later = { ...entity('ORGANIZATION', 'Health Ministry', t2), key: 'organization:ministry-x' };
    await a.services.archive.storeDocument(preparedDoc(t1), extraction({ entities: [first] }));
    await a.services.archive.storeDocument(preparedDoc(t2), extraction({ entities: [later] }));
    const [row] = await a.executor.query<{ name: string }>("MATCH (e:Entity {key: 'organization:ministry-x'}) RETURN e.name AS name");
    expect(row.name).toBe('Ministry');
  });
});

describe('contradiction candidates', () => {
  const control = (holder: string, full: boolean, placeKey = 'place:varnholt') => ({ type: 'control' as const, placeKey, holder, full });

  it('finds the stored statements of the same matter, and not those of another place', async () => {
    const t1 = 'The army said it fully holds Varnholt.';
    const t2 = 'The army said it fully holds Quellby.';
    const s1 = statement(t1, { said: t1, key: 'stmt:varnholt-1', claims: [control('army', true)] });
    const s2 = statement(t2, { said: t2, key: 'stmt:quellby-1', claims: [control('army', true, 'place:quellby')] });
    await a.services.archive.storeDocument(preparedDoc(t1), extraction({ statements: [s1] }));
    await a.services.archive.storeDocument(preparedDoc(t2), extraction({ statements: [s2] }));
    const found = await a.services.archive.claimStatements(['control|place:varnholt']);
    expect(found.map((s) => s.key)).toEqual(['stmt:varnholt-1']);
    expect(found[0].claims).toEqual([control('army', true)]);
    expect(await a.services.archive.claimStatements([])).toEqual([]);
  });

  it('files statements stored before matters existed when the ingest backfills them', async () => {
    const text = 'The militia said some parts of Orrindale are under its control.';
    const s = statement(text, { said: text, key: 'stmt:orrindale-1', claims: [control('militia', false, 'place:orrindale')] });
    await a.services.archive.storeDocument(preparedDoc(text), extraction({ statements: [s] }));
    // As an archive written by an earlier version: no matters, no CLAIMS relationships.
    await a.executor.write((tx) => tx.run("MATCH (s:Statement {key: 'stmt:orrindale-1'}) REMOVE s.matters WITH s MATCH (s)-[c:CLAIMS]->() DELETE c"));
    expect(await a.services.archive.claimStatements(['control|place:orrindale'])).toEqual([]);
    expect(await a.services.archive.backfillMatters()).toBeGreaterThanOrEqual(1);
    expect((await a.services.archive.claimStatements(['control|place:orrindale'])).map((x) => x.key)).toEqual(['stmt:orrindale-1']);
    expect(await a.services.archive.backfillMatters()).toBe(0);
  });
});
