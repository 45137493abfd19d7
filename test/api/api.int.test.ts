import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshArchive, type TestArchive } from '../helpers/archive';
import { seedWorld, TEXT_A, TEXT_B } from '../helpers/world';
import { day, entity, extraction, preparedDoc, statement } from '../helpers/fixtures';
import { gql } from '../helpers/graphql';
import { buildApp } from '../../src/server/app';
import { documentId, entityId } from '../../src/graph/ids';

let a: TestArchive;
let app: FastifyInstance;
let w: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  a = await freshArchive();
  w = await seedWorld(a.services);
  app = await buildApp({ services: a.services, development: true });
});
afterAll(async () => {
  await app.close();
  await a.close();
});

describe('documents and node lookup', () => {
  it('counts and pages documents with opaque cursors', async () => {
    const r = await gql(app, '{ documents(first: 1) { totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.documents.totalCount).toBe(2);
    expect(r.data.documents.edges).toHaveLength(1);
    expect(r.data.documents.pageInfo.hasNextPage).toBe(true);
    const r2 = await gql(app, 'query($after: String) { documents(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage } } }', {
      after: r.data.documents.pageInfo.endCursor,
    });
    expect(r2.data.documents.nodes).toHaveLength(1);
    expect(r2.data.documents.nodes[0].id).not.toBe(r.data.documents.edges[0].node.id);
    expect(r2.data.documents.pageInfo.hasNextPage).toBe(false);
  });

  it('returns a document with its sha256, text and catalog publication date', async () => {
    const r = await gql(app, 'query($id: ID!) { document(id: $id) { id title sha256 text published { edtf earliest latest text } } }', {
      id: documentId(w.docA.sha256),
    });
    expect(r.data.document).toMatchObject({ title: 'Bridge destroyed in Port Lenna', sha256: w.docA.sha256, text: TEXT_A });
    expect(r.data.document.published).toEqual({ edtf: '2031-05-07', earliest: '2031-05-07T00:00:00.000Z', latest: '2031-05-07T23:59:59.999Z', text: null });
  });

  it('finds every type through node(id) and gives null for a missing or malformed id', async () => {
    const r = await gql(
      app,
      `query($d: ID!, $e: ID!, $p: ID!) {
        d: node(id: $d) { __typename id }
        e: node(id: $e) { __typename ... on Entity { name } }
        p: node(id: $p) { __typename ... on Place { latitude longitude } }
        missing: node(id: "ent_0000000000000000000000") { id }
        bogus: node(id: "not an id") { id }
      }`,
      { d: documentId(w.docB.sha256), e: entityId(w.okafor.key), p: entityId(w.lenna.key) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.d.__typename).toBe('Document');
    expect(r.data.e).toEqual({ __typename: 'Person', name: 'Mira Okafor' });
    expect(r.data.p).toEqual({ __typename: 'Place', latitude: 12.5, longitude: -3.25 });
    expect(r.data.missing).toBeNull();
    expect(r.data.bogus).toBeNull();
  });

  it('does not return an entity from document(id)', async () => {
    const r = await gql(app, 'query($id: ID!) { document(id: $id) { id } }', { id: entityId(w.okafor.key) });
    expect(r.data.document).toBeNull();
  });
});

describe('entities', () => {
  it('finds a person by an alias, case- and accent-insensitively', async () => {
    for (const q of ['okafór', 'OKAFOR', 'mira okafor']) {
      const r = await gql(app, 'query($q: String) { entities(query: $q) { totalCount nodes { name aliases } } }', { q });
      expect(r.data.entities.nodes[0]?.name, q).toBe('Mira Okafor');
    }
  });

  it('finds a name or alias in the search that follows its commit (the index takes names in batches; the search first indexes those still pending)', async () => {
    for (const [i, surname] of ['Quintavalle', 'Oyelaran', 'Brzezinska', 'Tavernier', 'Ekwueme'].entries()) {
      const text = `Aurel ${surname}, known as Aurel Q${i}, spoke in Port Lenna.`;
      const person = entity('PERSON', `Aurel ${surname}`, text, [`Aurel Q${i}`]);
      await a.services.archive.storeDocument(preparedDoc(text, { title: `Search right after ${i}` }), extraction({ entities: [person] }));
      const byName = await gql(app, 'query($q: String) { entities(query: $q) { nodes { name } } }', { q: surname });
      expect(byName.data.entities.nodes.map((n: { name: string }) => n.name), surname).toContain(`Aurel ${surname}`);
      const byAlias = await gql(app, 'query($q: String) { entities(query: $q) { nodes { name } } }', { q: `Aurel Q${i}` });
      expect(byAlias.data.entities.nodes.map((n: { name: string }) => n.name)).toContain(`Aurel ${surname}`);
    }
  });

  it('tolerates a spelling variant in the query', async () => {
    const r = await gql(app, '{ entities(query: "Okafour") { nodes { name } } }');
    expect(r.data.entities.nodes.map((n: { name: string }) => n.name)).toContain('Mira Okafor');
  });

  it('filters by kind and finds nothing for words no entity has', async () => {
    const places = await gql(app, '{ entities(kinds: [PLACE]) { totalCount nodes { name kind } } }');
    expect(places.data.entities.nodes).toEqual([{ name: 'Port Lenna', kind: 'PLACE' }]);
    const none = await gql(app, '{ entities(query: "Zyxwvut") { totalCount nodes { name } } }');
    expect(none.data.entities).toEqual({ totalCount: 0, nodes: [] });
  });

  it("lists an entity's statements in the order they were said", async () => {
    const r = await gql(app, 'query($id: ID!) { entity(id: $id) { name statements { totalCount nodes { text saidAt { edtf } } } } }', {
      id: entityId(w.okafor.key),
    });
    expect(r.data.entity.statements.totalCount).toBe(2);
    expect(r.data.entity.statements.nodes.map((s: { saidAt: { edtf: string } }) => s.saidAt.edtf)).toEqual(['2031-05-06', '2031-05-07']);
  });
});

describe('statements', () => {
  it('merges the same quote from two documents into one statement with two evidence passages', async () => {
    const r = await gql(app, '{ statements(filter: { text: "rebuild" }) { totalCount nodes { kind quote channel evidence { start end excerpt document { id text } } } } }');
    expect(r.data.statements.totalCount).toBe(1);
    const s = r.data.statements.nodes[0];
    expect(s.kind).toBe('QUOTE');
    expect(s.evidence).toHaveLength(2);
    for (const e of s.evidence) expect(e.document.text.slice(e.start, e.end)).toBe(e.excerpt);
    expect(new Set(s.evidence.map((e: { document: { text: string } }) => e.document.text))).toEqual(new Set([TEXT_A, TEXT_B]));
  });

  it('filters by speaker, about, document and a window that overlaps saidAt', async () => {
    const q = 'query($f: StatementFilter) { statements(filter: $f) { totalCount nodes { text speaker { name } } } }';
    const bySpeaker = await gql(app, q, { f: { speakerIds: [entityId(w.agency.key)] } });
    expect(bySpeaker.data.statements.nodes).toEqual([{ text: 'its forces control Port Lenna', speaker: { name: 'Coastal Defense Agency' } }]);
    const about = await gql(app, q, { f: { aboutIds: [entityId(w.lenna.key)] } });
    expect(about.data.statements.totalCount).toBe(4);
    const inB = await gql(app, q, { f: { documentIds: [documentId(w.docB.sha256)] } });
    expect(inB.data.statements.totalCount).toBe(2);
    const window = await gql(app, q, { f: { from: '2031-05-06T12:00:00Z', to: '2031-05-06T13:00:00Z' } });
    expect(window.data.statements.nodes.map((s: { text: string }) => s.text)).toEqual(['the bridge at Port Lenna had been destroyed']);
  });

  it('links contradicting statements both ways', async () => {
    const r = await gql(app, 'query($f: StatementFilter) { statements(filter: $f) { nodes { text contradicts { text } } } }', {
      f: { speakerIds: [entityId(w.agency.key), entityId(w.rebels.key)] },
    });
    const by = Object.fromEntries(r.data.statements.nodes.map((s: { text: string; contradicts: { text: string }[] }) => [s.text, s.contradicts.map((c) => c.text)]));
    expect(by['its forces control Port Lenna']).toEqual(['they hold all of Port Lenna']);
    expect(by['they hold all of Port Lenna']).toEqual(['its forces control Port Lenna']);
  });

  it('refuses a window whose start is after its end', async () => {
    const r = await gql(app, '{ statements(filter: { from: "2031-05-09T00:00:00Z", to: "2031-05-01T00:00:00Z" }) { totalCount } }');
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an id of no known form in a filter', async () => {
    const r = await gql(app, '{ statements(filter: { speakerIds: ["nobody"] }) { totalCount } }');
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('timeline', () => {
  const Q = `query($f: TimelineFilter, $first: Int, $after: String) {
    timeline(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { at { edtf earliest } item { __typename ... on Event { id label type } ... on Statement { id text } } } }
    }
  }`;

  it('orders events and statements by at.earliest', async () => {
    const r = await gql(app, Q, {});
    const ats = r.data.timeline.edges.map((e: { node: { at: { earliest: string } } }) => e.node.at.earliest);
    expect(ats).toEqual([...ats].sort());
    expect(r.data.timeline.edges[0].node.item).toMatchObject({ __typename: 'Event', type: 'disaster' });
    expect(r.data.timeline.totalCount).toBe(5);
  });

  it('pages through the same items in the same order', async () => {
    const all = await gql(app, Q, { first: 50 });
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await gql(app, Q, { first: 2, after });
      ids.push(...r.data.timeline.edges.map((e: { node: { item: { id: string } } }) => e.node.item.id));
      if (!r.data.timeline.pageInfo.hasNextPage) break;
      after = r.data.timeline.pageInfo.endCursor;
    }
    expect(ids).toEqual(all.data.timeline.edges.map((e: { node: { item: { id: string } } }) => e.node.item.id));
  });

  it('filters by entity as speaker or place, by document and by window', async () => {
    const byAgency = await gql(app, Q, { f: { entityIds: [entityId(w.agency.key)] } });
    expect(byAgency.data.timeline.totalCount).toBe(1);
    const byPlace = await gql(app, Q, { f: { entityIds: [entityId(w.lenna.key)] } });
    expect(byPlace.data.timeline.totalCount).toBe(5);
    const inB = await gql(app, Q, { f: { documentIds: [documentId(w.docB.sha256)] } });
    expect(inB.data.timeline.totalCount).toBe(2);
    const monday = await gql(app, Q, { f: { from: '2031-05-05T00:00:00Z', to: '2031-05-05T23:59:59Z' } });
    expect(monday.data.timeline.edges.map((e: { node: { item: { __typename: string } } }) => e.node.item.__typename)).toEqual(['Event']);
  });
});

describe('limits and errors', () => {
  it('defaults first to 20, allows 500 and refuses 501 or a negative value', async () => {
    expect((await gql(app, '{ timeline(first: 500) { totalCount } }')).errors).toBeUndefined();
    for (const first of [501, -1]) {
      const r = await gql(app, `{ timeline(first: ${first}) { totalCount } }`);
      expect(r.errors?.[0].extensions?.code, String(first)).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a cursor the list did not give out', async () => {
    for (const after of ['garbage', 'WzEsMiwzXQ']) {
      const r = await gql(app, 'query($a: String) { documents(after: $a) { totalCount } }', { a: after });
      expect(r.errors?.[0].extensions?.code, after).toBe('BAD_USER_INPUT');
    }
  });

  it('names parse and validation failures with their codes', async () => {
    expect((await gql(app, '{ documents(first: ')).errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await gql(app, '{ documents { nope } }')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await gql(app, '{ documents(first: "x") { totalCount } }')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query nested deeper than the depth limit', async () => {
    const deep =
      '{ statements { nodes { contradicts { contradicts { contradicts { contradicts { contradicts { contradicts { contradicts { contradicts { evidence { document { id } } } } } } } } } } } } }';
    const r = await gql(app, deep);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/levels deep/);
  });

  it('refuses a query whose cost is over the limit, as the client\'s error (HTTP 400)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: '{ entities(first: 500) { nodes { statements(first: 500) { nodes { evidence { document { id } } } } } } }' },
    });
    expect(res.statusCode).toBe(400);
    const r = res.json();
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].extensions?.http).toBeUndefined();
    expect(r.errors?.[0].message).toMatch(/cost/);
  });

  it('refuses a variable that does not fit its type with BAD_USER_INPUT and HTTP 400, naming the variable', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['query($n: Int) { statements(first: $n) { totalCount } }', { n: 'abc' }, /\$n/],
      ['query($id: ID!) { node(id: $id) { id } }', {}, /\$id/],
      ['query($k: [EntityKind!]) { entities(kinds: $k, first: 1) { totalCount } }', { k: ['NOPE'] }, /\$k/],
      ['query($f: StatementFilter) { statements(filter: $f, first: 1) { totalCount } }', { f: { from: 'not a date' } }, /\$f/],
      ['query($f: StatementFilter) { statements(filter: $f, first: 1) { totalCount } }', { f: { nope: 1 } }, /nope/],
    ];
    for (const [query, variables, names] of cases) {
      const res = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query, variables } });
      const r = res.json();
      expect(res.statusCode, query).toBe(400);
      expect(r.data, query).toBeUndefined();
      expect(r.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message, query).toMatch(names);
    }
  });

  it('prices the same query by its variables every time, refusing a large page after a small one and again after that', async () => {
    const q = 'query($n: Int) { entities(first: $n) { nodes { statements(first: $n) { nodes { evidence { document { id } } } } } } }';
    const codes = [];
    for (const n of [2, 500, 2, 500]) codes.push((await gql(app, q, { n })).errors?.[0]?.extensions?.code ?? 'ok');
    expect(codes).toEqual(['ok', 'GRAPHQL_VALIDATION_FAILED', 'ok', 'GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('round trips', () => {
  it('does not grow with the page size for a nested query', async () => {
    // A document with 40 statements by 40 speakers, each contradicting the next.
    const text = Array.from({ length: 40 }, (_, i) => `Speaker Number${i} said the figure is ${i}.`).join(' ');
    const people = Array.from({ length: 40 }, (_, i) => entity('PERSON', `Speaker Number${i}`, text));
    const statements = people.map((p, i) =>
      statement(text, { key: `stmt:rt:${i}`, said: `Speaker Number${i} said the figure is ${i}.`, speakerKey: p.key, saidAt: day('2031-06-01'), aboutKeys: [w.lenna.key] }),
    );
    const contradictions = statements.slice(1).map((s, i) => ({ a: statements[i].key, b: s.key, reason: 'figures differ' }));
    const doc = preparedDoc(text, { title: 'Many speakers' });
    await a.services.archive.storeDocument(doc, extraction({ entities: [...people, entity('PLACE', 'Port Lenna', text)], statements, contradictions }));
    const q = `query($n: Int, $d: ID!) { statements(first: $n, filter: { documentIds: [$d] }) {
      nodes { speaker { name statements(first: 2) { nodes { id } } } about { id } evidence { document { title } } contradicts { speaker { name } } } } }`;
    const trips = async (n: number) => {
      const before = a.executor.roundTrips;
      const r = await gql(app, q, { n, d: documentId(doc.sha256) });
      expect(r.errors).toBeUndefined();
      expect(r.data.statements.nodes).toHaveLength(n);
      return a.executor.roundTrips - before;
    };
    const one = await trips(2);
    const many = await trips(40);
    expect(many).toBeLessThanOrEqual(one);
    expect(many).toBeLessThanOrEqual(12);
  });
});

describe('large responses', () => {
  it('sends a response over 16 KB as JSON with its exact UTF-8 length', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ __schema { types { name description fields { name description args { name description } type { name kind } } } } }' },
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
    expect(res.rawPayload.length).toBeGreaterThan(16_384);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const body = JSON.parse(res.rawPayload.toString('utf8'));
    expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toContain('Statement');
  });

  it('leaves a small response as it was', async () => {
    const res = await gql(app, '{ __typename }');
    expect(res).toEqual({ data: { __typename: 'Query' } });
  });

  const post = (query: string, variables: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, headers: { 'content-type': 'application/json' } });

  it("sends answers byte for byte as Apollo Server would: the answer's JSON and a newline", async () => {
    const res = await post('query($id: ID!) { entity(id: $id) { id name statements(first: 5) { nodes { id text evidence { start end excerpt document { id title } } } } } }', {
      id: entityId(w.okafor.key),
    });
    expect(res.statusCode).toBe(200);
    const text = res.rawPayload.toString('utf8');
    expect(text.endsWith('\n')).toBe(true);
    const answer = JSON.parse(text);
    expect(answer.data.entity.statements.nodes.length).toBeGreaterThan(0);
    expect(text).toBe(`${JSON.stringify(answer)}\n`);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    // An answer without data (a query that does not validate) is Apollo's own string.
    const bad = await post('{ entity { nope } }');
    expect(bad.statusCode).toBe(400);
    expect(bad.rawPayload.toString('utf8')).toBe(`${JSON.stringify(bad.json())}\n`);
    expect(bad.json().data).toBeUndefined();
  });

  it('does not let answers in flight at the same time share or overwrite bytes', async () => {
    const queries = [
      ['{ documents(first: 5) { nodes { id title } } }', {}],
      ['query($id: ID!) { entity(id: $id) { name } }', { id: entityId(w.okafor.key) }],
      ['{ timeline(first: 20) { nodes { at { edtf } } } }', {}],
      ['{ __schema { types { name fields { name } } } }', {}],
    ] as const;
    const single = await Promise.all(queries.map(([q, v]) => post(q, v)).map(async (r) => (await r).rawPayload.toString('utf8')));
    for (let round = 0; round < 3; round++) {
      const together = await Promise.all([...queries, ...queries].map(([q, v]) => post(q, v)));
      expect(together.map((r) => r.rawPayload.toString('utf8'))).toEqual([...single, ...single]);
    }
  });
});

describe('health', () => {
  it('answers 200 with status ok while the database answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('the offline IDE', () => {
  it('serves GraphiQL at GET /graphql to a browser, with every asset from this server', async () => {
    const res = await app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const srcs = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThanOrEqual(4);
    for (const src of srcs) {
      expect(src.startsWith('/'), src).toBe(true);
      const asset = await app.inject({ method: 'GET', url: src });
      expect(asset.statusCode, src).toBe(200);
      expect(asset.body.length, src).toBeGreaterThan(1000);
    }
    expect(res.body).toContain('statements(first: 20)');
  });

  it('tells a non-browser GET to use POST', async () => {
    const res = await app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(405);
  });
});
