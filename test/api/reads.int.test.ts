/**
 * The read paths tuned for speed (issue #8) give the answers the rules define: a window's timeline
 * read from the span indexes (overlap rule, order, totals, paging), evidence with its documents (from
 * the document cache), and nested lists fetched in as few round trips as levels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshArchive, type TestArchive } from '../helpers/archive';
import { entity, event, extraction, preparedDoc, statement } from '../helpers/fixtures';
import { gql } from '../helpers/graphql';
import { buildApp } from '../../src/server/app';
import { createLoaders } from '../../src/api/context';
import { documentId, entityId, eventId, statementId } from '../../src/graph/ids';
import { loadMigrations } from '../../src/graph/migrations';
import { createServices } from '../../src/services';
import type { TimeSpanValue } from '../../src/extract/types';

let a: TestArchive;
let app: FastifyInstance;

const span = (earliest: string, latest: string): TimeSpanValue => ({ edtf: `${earliest.slice(0, 10)}/${latest.slice(0, 10)}`, earliest, latest, text: null });
const dayOf = (d: string): TimeSpanValue => ({ edtf: d, earliest: `${d}T00:00:00.000Z`, latest: `${d}T23:59:59.999Z`, text: null });

// Items around the window March 2040, statements (S) and events (E), long (> 32 days) and short.
const ITEMS: { name: string; kind: 'S' | 'E'; when: TimeSpanValue }[] = [
  { name: 'Alpha year report', kind: 'S', when: span('2039-06-01T00:00:00.000Z', '2040-05-31T23:59:59.999Z') }, // long, started before, reaches in
  { name: 'Bravo old year', kind: 'S', when: span('2038-01-01T00:00:00.000Z', '2038-12-31T23:59:59.999Z') }, // long, ended before
  { name: 'Charlie week', kind: 'E', when: span('2040-02-25T00:00:00.000Z', '2040-03-02T23:59:59.999Z') }, // short, started before, reaches in
  { name: 'Delta week', kind: 'E', when: span('2040-02-20T00:00:00.000Z', '2040-02-28T23:59:59.999Z') }, // short, ended before
  { name: 'Echo day', kind: 'S', when: dayOf('2040-03-05') },
  { name: 'Foxtrot day', kind: 'E', when: dayOf('2040-03-05') },
  { name: 'Golf day', kind: 'S', when: dayOf('2040-03-05') },
  { name: 'Hotel last day', kind: 'S', when: dayOf('2040-03-31') },
  { name: 'India after', kind: 'S', when: dayOf('2040-04-01') },
  { name: 'Juliet long inside', kind: 'E', when: span('2040-03-15T00:00:00.000Z', '2040-12-31T23:59:59.999Z') }, // long, starts inside
  { name: 'Kilo month', kind: 'S', when: span('2040-01-30T00:00:00.000Z', '2040-03-01T00:00:00.000Z') }, // 31 days: short, ends at the window's start
  { name: 'Lima decade', kind: 'E', when: span('2031-01-01T00:00:00.000Z', '2040-12-31T23:59:59.999Z') }, // long, covers the window
  { name: 'Mike no date', kind: 'S', when: null as unknown as TimeSpanValue }, // undated: never on a timeline
];
const FROM = '2040-03-01T00:00:00.000Z';
const TO = '2040-03-31T23:59:59.999Z';

const TEXT = ITEMS.map((i) => `${i.name} happened.`).join(' ') + ' Nadia Quill said it. Oscar Reed said the opposite.';
let ids: Record<string, string> = {};
let quillOrder: string[] = [];

beforeAll(async () => {
  a = await freshArchive();
  app = await buildApp({ services: a.services, development: true });
  const quill = entity('PERSON', 'Nadia Quill', TEXT);
  const reed = entity('PERSON', 'Oscar Reed', TEXT);
  const statements = ITEMS.filter((i) => i.kind === 'S').map((i) =>
    statement(TEXT, { key: `stmt:w:${i.name}`, said: `${i.name} happened.`, speakerKey: quill.key, saidAt: i.when ?? null }),
  );
  const events = ITEMS.filter((i) => i.kind === 'E').map((i) => event(TEXT, { key: `event:w:${i.name}`, said: `${i.name} happened.`, type: 'other', when: i.when }));
  const saidIt = statement(TEXT, { key: 'stmt:w:said-it', said: 'Nadia Quill said it.', speakerKey: quill.key, saidAt: dayOf('2040-03-06') });
  const opposite = statement(TEXT, { key: 'stmt:w:opposite', said: 'Oscar Reed said the opposite.', speakerKey: reed.key, saidAt: dayOf('2040-03-06') });
  // A second document reporting the contradicting statement again: two evidence passages.
  const doc = preparedDoc(TEXT, { title: 'Window report', published: '2040-03-07' });
  await a.services.archive.storeDocument(
    doc,
    extraction({ entities: [quill, reed], statements: [...statements, saidIt, opposite], events, contradictions: [{ a: saidIt.key, b: opposite.key, reason: 'differ' }] }),
  );
  const doc2 = preparedDoc(TEXT, { title: 'Window report, again', published: '2040-03-08', identity: 'test/again.txt' });
  await a.services.archive.storeDocument(doc2, extraction({ entities: [quill, reed], statements: [saidIt, opposite] }));
  ids = { quill: entityId(quill.key), saidIt: statementId(saidIt.key), doc: documentId(doc.sha256) };
  // Nadia Quill's statements in page order: by their date's earliest instant, then id; undated last.
  quillOrder = [...statements, saidIt]
    .map((s) => ({ id: statementId(s.key), at: s.saidAt?.earliest ?? '~' }))
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1))
    .map((s) => s.id);
});
afterAll(async () => {
  await app.close();
  await a.close();
});

/** A server of its own, with an empty document cache, and a counter of its round trips. */
async function coldServer() {
  const services = createServices(a.executor);
  const cold = await buildApp({ services, development: true });
  const trips = async <T>(work: () => Promise<T>) => {
    const before = a.executor.roundTrips;
    const r = await work();
    return { r, n: a.executor.roundTrips - before };
  };
  return { app: cold, services, trips };
}

describe('the timeline of a window', () => {
  const Q = `query($f: TimelineFilter, $first: Int, $after: String) {
    timeline(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { at { earliest latest } item { __typename ... on Event { id label } ... on Statement { id text } } } }
    }
  }`;
  type Edge = { cursor: string; node: { at: { earliest: string; latest: string }; item: { id: string; label?: string; text?: string } } };

  it('holds every item whose span overlaps the window, long or short, in order of start then id', async () => {
    const r = await gql(app, Q, { f: { from: FROM, to: TO }, first: 100 });
    expect(r.errors).toBeUndefined();
    const edges: Edge[] = r.data.timeline.edges;
    const names = edges.map((e) => (e.node.item.label ?? e.node.item.text)!.replace(' happened.', ''));
    const expected = ITEMS.filter((i) => i.when && i.when.earliest <= TO && i.when.latest >= FROM).map((i) => i.name);
    expect(new Set(names)).toEqual(new Set([...expected, 'Nadia Quill said it.', 'Oscar Reed said the opposite.']));
    expect(r.data.timeline.totalCount).toBe(expected.length + 2);
    const keys = edges.map((e) => [e.node.at.earliest, e.node.item.id].join('|'));
    expect(keys).toEqual([...keys].sort());
    for (const e of edges) expect(e.node.at.earliest <= TO && e.node.at.latest >= FROM).toBe(true);
  });

  it('pages through the same items in the same order, with the same total on every page', async () => {
    const all: Edge[] = (await gql(app, Q, { f: { from: FROM, to: TO }, first: 100 })).data.timeline.edges;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: any = await gql(app, Q, { f: { from: FROM, to: TO }, first: 2, after });
      expect(r.data.timeline.totalCount).toBe(all.length);
      seen.push(...r.data.timeline.edges.map((e: Edge) => e.node.item.id));
      if (!r.data.timeline.pageInfo.hasNextPage) break;
      after = r.data.timeline.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((e) => e.node.item.id));
  });

  it('gives the same items as the same window with a filter that reads them another way', async () => {
    const byWindow: Edge[] = (await gql(app, Q, { f: { from: FROM, to: TO }, first: 100 })).data.timeline.edges;
    const byDoc: Edge[] = (await gql(app, Q, { f: { from: FROM, to: TO, documentIds: [ids.doc] }, first: 100 })).data.timeline.edges;
    expect(byDoc.map((e) => e.cursor)).toEqual(byWindow.map((e) => e.cursor));
  });

  it('lists a window of statements by the same overlap rule', async () => {
    const r = await gql(app, 'query($f: StatementFilter) { statements(filter: $f, first: 100) { totalCount nodes { text } } }', { f: { from: FROM, to: TO } });
    const expected = ITEMS.filter((i) => i.kind === 'S' && i.when && i.when.earliest <= TO && i.when.latest >= FROM).map((i) => `${i.name} happened.`);
    expect(new Set(r.data.statements.nodes.map((s: { text: string }) => s.text))).toEqual(new Set([...expected, 'Nadia Quill said it.', 'Oscar Reed said the opposite.']));
    expect(r.data.statements.totalCount).toBe(expected.length + 2);
  });
});

describe('evidence and nested lists', () => {
  it('gives the same evidence whether a query selects few document fields or many', async () => {
    const few = await gql(app, 'query($id: ID!) { node(id: $id) { ... on Statement { evidence { start excerpt document { id title } } } } }', { id: ids.saidIt });
    const many = await gql(
      app,
      `fragment D on Document { title identity sha256 published { edtf earliest } version current }
       query($id: ID!) { node(id: $id) { ... on Statement { evidence { start end excerpt document { id ...D } } } } }`,
      { id: ids.saidIt },
    );
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(many.data.node.evidence).toHaveLength(2);
    expect(many.data.node.evidence.map((e: any) => ({ start: e.start, excerpt: e.excerpt, document: { id: e.document.id, title: e.document.title } }))).toEqual(few.data.node.evidence);
    expect(many.data.node.evidence.map((e: any) => e.document.title)).toEqual(['Window report', 'Window report, again']);
    expect(many.data.node.evidence[0].document.published).toEqual({ edtf: '2040-03-07', earliest: '2040-03-07T00:00:00.000Z' });
  });

  it('reads a statement, its contradictions, their speakers and evidence in one round trip', async () => {
    const q = `query($id: ID!) { node(id: $id) { id ... on Statement { speaker { name }
      contradicts { text speaker { name } evidence { excerpt document { title } } } } } }`;
    // A server that has not read these passages and documents yet reads each once: two more round trips.
    const { app: cold, trips } = await coldServer();
    try {
      const first = await trips(() => gql(cold, q, { id: ids.saidIt }));
      expect(first.n).toBe(3);
      const again = await trips(() => gql(cold, q, { id: ids.saidIt }));
      expect(again.n).toBe(1);
      expect(again.r).toEqual(first.r);
    } finally {
      await cold.close();
    }
    await gql(app, q, { id: ids.saidIt }); // a server that has read them before
    const before = a.executor.roundTrips;
    const r = await gql(app, q, { id: ids.saidIt });
    expect(a.executor.roundTrips - before).toBe(1);
    expect(r.errors).toBeUndefined();
    expect(r.data.node.speaker.name).toBe('Nadia Quill');
    expect(r.data.node.contradicts).toEqual([
      {
        text: 'Oscar Reed said the opposite.',
        speaker: { name: 'Oscar Reed' },
        evidence: [
          { excerpt: 'Oscar Reed said the opposite.', document: { title: 'Window report' } },
          { excerpt: 'Oscar Reed said the opposite.', document: { title: 'Window report, again' } },
        ],
      },
    ]);
  });

  it('gives the same contradicting statements whether a query selects few of their fields or all', async () => {
    const few = await gql(app, 'query($id: ID!) { node(id: $id) { ... on Statement { contradicts { id text saidAt { edtf } speaker { name } } } } }', { id: ids.saidIt });
    const all = await gql(
      app,
      `query($id: ID!) { node(id: $id) { ... on Statement { contradicts { id kind text quote speakerText channel
         saidAt { edtf earliest latest text } speaker { __typename id kind name aliases wikidata role } } } } }`,
      { id: ids.saidIt },
    );
    expect(few.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    expect(all.data.node.contradicts).toHaveLength(1);
    expect(all.data.node.contradicts.map((s: any) => ({ id: s.id, text: s.text, saidAt: s.saidAt && { edtf: s.saidAt.edtf }, speaker: { name: s.speaker.name } }))).toEqual(
      few.data.node.contradicts,
    );
    expect(all.data.node.contradicts[0]).toMatchObject({
      kind: expect.any(String),
      text: 'Oscar Reed said the opposite.',
      speaker: { __typename: 'Person', name: 'Oscar Reed', aliases: expect.any(Array), role: false },
    });
  });

  it('does not answer a later lookup of a contradicting statement with the few fields read for a list', async () => {
    const loaders = createLoaders(a.services);
    const [other] = await loaders.contradicted(false, { statement: ['text'], speaker: ['name'] }).load(ids.saidIt);
    expect(other).toMatchObject({ text: 'Oscar Reed said the opposite.' });
    // The partial record (no kind, no saidAt) must not become the node loader's answer for that id.
    const node = (await loaders.node.load(other.id)) as { kind?: string; text?: string } | null;
    expect(node?.kind).toEqual(expect.any(String));
    expect(node?.text).toBe('Oscar Reed said the opposite.');
    // Nor a record whose statement is whole but whose speaker was read in part.
    const again = createLoaders(a.services);
    await again.contradicted(false, { statement: null, speaker: ['name'] }).load(ids.saidIt);
    expect(await again.node.load(other.id)).toEqual(await createLoaders(a.services).node.load(other.id));
  });

  it('gives the same statement whether it is read along with its contradictions or alone', async () => {
    const fields = 'id kind text quote speakerText channel saidAt { edtf earliest latest text } speaker { __typename id kind name aliases role } saidIn { id }';
    const along = await gql(app, `query($id: ID!) { node(id: $id) { ... on Statement { ${fields} contradicts { id } } } }`, { id: ids.saidIt });
    const alone = await gql(app, `query($id: ID!) { node(id: $id) { ... on Statement { ${fields} } } }`, { id: ids.saidIt });
    expect(along.errors).toBeUndefined();
    const { contradicts, ...statement } = along.data.node;
    expect(contradicts).toHaveLength(1);
    expect(statement).toEqual(alone.data.node);
    expect(statement.speaker.name).toBe('Nadia Quill');
  });

  it('answers a statement that contradicts nothing, and null for a statement or entity id that names nothing', async () => {
    const q = `query($s: ID!, $e: ID!) { s: node(id: $s) { id ... on Statement { contradicts { id } } }
      e: entity(id: $e) { id statements(first: 2) { totalCount nodes { id } } } }`;
    const quiet = await gql(app, q, { s: statementId('stmt:w:Echo day'), e: ids.quill });
    expect(quiet.errors).toBeUndefined();
    expect(quiet.data.s).toEqual({ id: statementId('stmt:w:Echo day'), contradicts: [] });
    expect(quiet.data.e.id).toBe(ids.quill);
    const none = await gql(app, q, { s: statementId('stmt:w:no such statement'), e: entityId('person:no such person') });
    expect(none.errors).toBeUndefined();
    expect(none.data).toEqual({ s: null, e: null });
    // Nor does entity(id) answer with a statement, even when it selects statements below.
    const wrong = await gql(app, q, { s: ids.saidIt, e: ids.saidIt });
    expect(wrong.data.e).toBeNull();
  });

  it("reads a person, their statements with evidence and documents in one round trip (documents it has read before)", async () => {
    const q = `query($id: ID!) { entity(id: $id) { name statements(first: 3) { totalCount pageInfo { hasNextPage }
      nodes { text speaker { name } evidence { start document { title published { edtf } } } }
      edges { node { id evidence { end } } } } } }`;
    await gql(app, q, { id: ids.quill });
    const before = a.executor.roundTrips;
    const r = await gql(app, q, { id: ids.quill });
    expect(a.executor.roundTrips - before).toBe(1);
    expect(r.errors).toBeUndefined();
    const page = r.data.entity.statements;
    expect(page.nodes).toHaveLength(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.nodes.every((s: any) => s.speaker.name === 'Nadia Quill' && s.evidence.length >= 1 && s.evidence[0].document.title === 'Window report')).toBe(true);
    expect(page.edges.map((e: any) => e.node.evidence.length)).toEqual(page.nodes.map((s: any) => s.evidence.length));
  });
});

describe("a speaker's statements", () => {
  const Q = `query($id: ID!, $first: Int, $after: String) { entity(id: $id) { statements(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id speaker { id } } } } }`;
  const pages = async (first: number) => {
    const seen: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: { data?: any; errors?: unknown } = await gql(app, Q, { id: ids.quill, first, after });
      expect(r.errors).toBeUndefined();
      const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string; speaker: { id: string } }[] } = r.data.entity.statements;
      totals.add(page.totalCount);
      expect(page.nodes.every((n) => n.speaker.id === ids.quill)).toBe(true);
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { seen, totals: [...totals] };
  };

  it('pages through them by date, undated last, each once, with the same total on every page', async () => {
    const { seen, totals } = await pages(2);
    expect(seen).toEqual(quillOrder);
    expect(totals).toEqual([quillOrder.length]);
  });

  it("does not include another speaker's statement, nor one that names no speaker", async () => {
    const { seen } = await pages(50);
    expect(seen).not.toContain(statementId('stmt:w:opposite'));
    expect(seen).toHaveLength(quillOrder.length);
  });

  it('finds statements stored before the speaker order existed, once migration 0007 has filed them', async () => {
    await a.executor.write((tx) =>
      tx.run('MATCH (s:Statement)-[:SAID_BY]->(:Entity {id: $id}) REMOVE s.speakerId, s.sortKey', { id: ids.quill }),
    );
    expect((await pages(50)).seen).toEqual([]);
    const m = loadMigrations().find((x) => x.version === 7)!;
    for (const statement of m.statements) await a.executor.schema(statement);
    expect((await pages(3)).seen).toEqual(quillOrder);
  });
});

describe('nodes by id', () => {
  it('reads nodes of every type in one batch, in the order asked, with null for ids that name nothing', async () => {
    const asked = [statementId('stmt:w:said-it'), 'doc_000000000000000000000000', ids.doc, eventId('event:w:Charlie week'), ids.quill, 'stm_00000000000000000000'];
    const nodes = await a.services.read.nodesByIds(asked);
    expect(nodes.map((n) => n?.id ?? null)).toEqual([asked[0], null, asked[2], asked[3], asked[4], null]);
    expect(nodes.map((n) => n?.__typename ?? null)).toEqual(['Statement', null, 'Document', 'Event', 'Person', null]);
  });

  it('answers one type alone, and no query at all for ids of no known type', async () => {
    expect((await a.services.read.nodesByIds([ids.quill]))[0]).toMatchObject({ id: ids.quill, name: 'Nadia Quill' });
    const before = a.executor.roundTrips;
    expect(await a.services.read.nodesByIds(['nonsense', 'xyz_1'])).toEqual([null, null]);
    expect(a.executor.roundTrips).toBe(before);
  });
});

describe('the document cache', () => {
  const Q = `query($id: ID!, $s: ID!) { document(id: $id) { id title version current }
    node(id: $s) { ... on Statement { evidence { document { id title current } } } } }`;

  it('answers documents it has read before without a query, with the same record', async () => {
    const { app: cold, trips } = await coldServer();
    try {
      const first = await trips(() => gql(cold, `query($id: ID!) { document(id: $id) { id title identity sha256 published { edtf } version path } }`, { id: ids.doc }));
      const again = await trips(() => gql(cold, `query($id: ID!) { document(id: $id) { id title identity sha256 published { edtf } version path } }`, { id: ids.doc }));
      expect(first.n).toBe(1);
      expect(again.n).toBe(0);
      expect(again.r).toEqual(first.r);
      expect(first.r.data.document.title).toBe('Window report');
    } finally {
      await cold.close();
    }
  });

  it('does not answer `current` from the cache: a cached version reads false once newer bytes of its document are stored', async () => {
    const text = 'Papa Quebec said the river rose. It rose by a metre.';
    const v1 = preparedDoc(text, { title: 'River report', identity: 'test/river.txt' });
    await a.services.archive.storeDocument(v1, extraction({ statements: [statement(text, { key: 'stmt:w:river', said: 'Papa Quebec said the river rose.' })] }));
    const { app: cold } = await coldServer();
    try {
      const vars = { id: documentId(v1.sha256), s: statementId('stmt:w:river') };
      const before = await gql(cold, Q, vars);
      expect(before.errors).toBeUndefined();
      expect(before.data.document).toMatchObject({ title: 'River report', version: 1, current: true });
      expect(before.data.node.evidence[0].document).toMatchObject({ title: 'River report', current: true });

      const v2 = preparedDoc(`${text} Updated.`, { title: 'River report', identity: 'test/river.txt' });
      expect((await a.services.archive.storeDocument(v2, extraction({}))).status).toBe('updated');
      const after = await gql(cold, Q, vars);
      expect(after.errors).toBeUndefined();
      expect(after.data.document).toMatchObject({ title: 'River report', version: 1, current: false });
      expect(after.data.node.evidence[0].document).toMatchObject({ title: 'River report', current: false });
    } finally {
      await cold.close();
    }
  });

  it('gives a passage stored after the evidence was kept: a kept list is used only while its count is current', async () => {
    const text = 'Romeo Sierra said the dam held.';
    const key = 'stmt:w:dam';
    await a.services.archive.storeDocument(preparedDoc(text, { title: 'Dam report' }), extraction({ statements: [statement(text, { key, said: text })] }));
    const { app: cold, services, trips } = await coldServer();
    const q = `query($s: ID!) { node(id: $s) { ... on Statement { evidence { excerpt document { title } } } } }`;
    try {
      const first = await gql(cold, q, { s: statementId(key) });
      expect(first.data.node.evidence).toEqual([{ excerpt: text, document: { title: 'Dam report' } }]);
      expect(services.evidence.passages).toBe(1);
      const kept = await trips(() => gql(cold, q, { s: statementId(key) }));
      expect(kept.n).toBe(2); // the statement, then its count of passages: not the passages

      const later = `Later, ${text}`;
      await a.services.archive.storeDocument(preparedDoc(later, { title: 'Dam report, again' }), extraction({ statements: [statement(later, { key, said: text })] }));
      const after = await gql(cold, q, { s: statementId(key) });
      expect(after.errors).toBeUndefined();
      expect(after.data.node.evidence.map((e: { document: { title: string } }) => e.document.title)).toEqual(['Dam report', 'Dam report, again']);
      expect(services.evidence.passages).toBe(2);
    } finally {
      await cold.close();
    }
  });

  it('answers null, not a cached record, for a document id that names nothing', async () => {
    const { app: cold } = await coldServer();
    try {
      const r = await gql(cold, 'query($id: ID!) { document(id: $id) { id } }', { id: documentId('0'.repeat(64)) });
      expect(r.errors).toBeUndefined();
      expect(r.data.document).toBeNull();
    } finally {
      await cold.close();
    }
  });
});

describe('a statement list reads what its query selects', () => {
  const text = 'In Port Lenna, Vera Holt said the harbour would reopen. Vera Holt said nothing else.';
  let harbour = '';
  let portLenna = '';
  beforeAll(async () => {
    const holt = entity('PERSON', 'Vera Holt', text);
    const port = entity('PLACE', 'Port Lenna', text);
    const s1 = statement(text, { key: 'stmt:list:harbour', said: 'Vera Holt said the harbour would reopen.', speakerKey: holt.key, saidInKey: port.key, channel: 'radio' });
    const s2 = statement(text, { key: 'stmt:list:nothing', said: 'Vera Holt said nothing else.', speakerKey: holt.key });
    await a.services.archive.storeDocument(preparedDoc(text, { title: 'Harbour report', identity: 'test/harbour.txt' }), extraction({ entities: [holt, port], statements: [s1, s2] }));
    harbour = statementId(s1.key);
    portLenna = entityId(port.key);
  });

  const list = (fields: string) => `query($ids: [ID!]) { statements(filter: { speakerIds: $ids }, first: 10) { totalCount nodes { ${fields} } edges { node { id } } } }`;
  const holtIds = () => [entityId('person:vera-holt')];

  it('gives the same statements when a query selects few of their fields as when it selects all', async () => {
    const all = await gql(app, list('id kind text quote speakerText channel saidAt { edtf earliest latest text } speaker { __typename id kind name aliases role } saidIn { id name }'), { ids: holtIds() });
    const few = await gql(app, list('id text speaker { name }'), { ids: holtIds() });
    expect(all.errors).toBeUndefined();
    expect(few.errors).toBeUndefined();
    expect(all.data.statements.totalCount).toBe(2);
    expect(few.data.statements.nodes).toEqual(all.data.statements.nodes.map((s: any) => ({ id: s.id, text: s.text, speaker: { name: s.speaker.name } })));
    const h = all.data.statements.nodes.find((s: any) => s.id === harbour);
    expect(h).toMatchObject({ channel: 'radio', speaker: { name: 'Vera Holt', __typename: 'Person' }, saidIn: { id: portLenna, name: 'Port Lenna' } });
    // A statement that names no place has none, not an invented one.
    expect(all.data.statements.nodes.find((s: any) => s.id !== harbour).saidIn).toBeNull();
  });

  it('answers where a statement was said when only the edges of the connection ask for it', async () => {
    const r = await gql(app, `query($ids: [ID!]) { statements(filter: { speakerIds: $ids }) { nodes { id } edges { node { id saidIn { id } } } } }`, { ids: holtIds() });
    expect(r.errors).toBeUndefined();
    expect(r.data.statements.edges.find((e: any) => e.node.id === harbour).node.saidIn).toEqual({ id: portLenna });
  });

  it('still answers where a statement was said when its record was read without it', async () => {
    const loaders = createLoaders(a.services);
    const [s] = (await a.services.lists.statements({ speakerIds: holtIds() }, 10, null, { statement: ['text'], speaker: ['name'], saidIn: false })).items
      .map((e) => e.node)
      .filter((n) => n.id === harbour);
    expect(s.saidInId).toBeUndefined();
    expect(s.text).toBe('Vera Holt said the harbour would reopen.');
    // The field's resolver looks it up instead of answering null.
    const { StatementFieldsResolver } = await import('../../src/api/resolvers/node-fields.resolver');
    const place = (await new StatementFieldsResolver().saidIn(s, { services: a.services, loaders } as any)) as { id: string } | null;
    expect(place?.id).toBe(portLenna);
  });
});
