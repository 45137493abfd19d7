/**
 * The six representative queries, each three ways: Annals' GraphQL API (over HTTP), @neo4j/graphql 7
 * (in process, same database, its own generated Cypher) and one hand-written Cypher query with the
 * driver alone (the floor). Parameters are picked from the database (busiest person, busiest place,
 * documents, contradicted statements) and rotated over a few candidates so no single cache line wins.
 */
import type { Executor } from '../graph/executor';
import { luceneQuery } from '../graph/read.repository';
import { int } from '../graph/convert';
import { LONG_SPAN_MS } from '../graph/archive.repository';

export type Vars = Record<string, unknown>;

export interface BenchQuery {
  name: string;
  description: string;
  /** Annals' GraphQL document. */
  graphql: string;
  /** @neo4j/graphql's GraphQL document over src/bench/neo4j-graphql.ts. */
  neo4jGraphql: string;
  /** The hand-written floor: one Cypher query. */
  cypher: string;
  /** Candidate parameter sets; run i uses candidates[i % length]. */
  candidates: { annals: Vars; neo4jGraphql: Vars; cypher: Vars }[];
}

const SPEAKER = '{ id name }';

export const QUERY_TEXT = {
  entityByAlias: {
    graphql: `query($q: String!) { entities(query: $q, first: 10) { totalCount nodes { id kind name aliases } } }`,
    neo4jGraphql: `query($q: String!) { entitiesByName(phrase: $q, first: 10, sort: [{ score: DESC }]) { totalCount edges { score node { id kind name aliases } } } }`,
    cypher: `CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
             WITH collect(node {.id, .kind, .name, .aliases}) AS hits
             RETURN size(hits) AS total, hits[0..11] AS items`,
  },
  personStatements: {
    graphql: `query($id: ID!) { entity(id: $id) { id name statements(first: 50) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id kind text quote saidAt { edtf earliest } evidence { start end excerpt document { id title published { edtf } } } } } } }`,
    neo4jGraphql: `query($id: ID!) { entities(where: { id: { eq: $id } }) { id name saidConnection(first: 50, sort: [{ node: { sortAt: ASC } }]) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id kind text quote saidAtEdtf saidAtEarliest evidenceConnection { edges { properties { start end excerpt } node { id title publishedEdtf } } } } } } } }`,
    // The page in order from the (speakerId, sortKey, id) index, the total from the relationship count.
    cypher: `MATCH (e:Entity {id: $id})
             CALL (e) {
               MATCH (s:Statement) WHERE s.speakerId = e.id AND s.sortKey >= '' AND s.id IS NOT NULL
               WITH s ORDER BY s.speakerId, s.sortKey, s.id LIMIT 51
               CALL (s) { MATCH (s)-[ev:EVIDENCE]->(d:Document)
                 RETURN collect({start: ev.start, end: ev.end, excerpt: ev.excerpt, document: d {.id, .title, .publishedEdtf}}) AS evidence }
               RETURN collect(s {.id, .kind, .text, .quote, .saidAtEdtf, .saidAtEarliest, evidence: evidence}) AS items
             }
             RETURN e {.id, .name} AS entity, COUNT { (e)<-[:SAID_BY]-() } AS total, items`,
  },
  placeWeek: {
    graphql: `query($place: ID!, $from: DateTime!, $to: DateTime!) { statements(filter: { aboutIds: [$place], from: $from, to: $to }, first: 50) {
      totalCount nodes { id kind text saidAt { edtf earliest latest } speaker ${SPEAKER} } } }`,
    neo4jGraphql: `query($place: ID!, $from: String!, $to: String!) { statementsConnection(first: 50, sort: [{ sortAt: ASC }],
      where: { about: { some: { id: { eq: $place } } }, saidAtLatest: { gte: $from }, saidAtEarliest: { lte: $to } }) {
      totalCount edges { node { id kind text saidAtEdtf saidAtEarliest saidAtLatest speaker ${SPEAKER} } } } }`,
    cypher: `MATCH (:Entity {id: $place})<-[:ABOUT]-(s:Statement) WHERE s.saidAtLatest >= $from AND s.saidAtEarliest <= $to
             WITH s ORDER BY coalesce(s.sortAt, '9999'), s.id
             WITH collect(s) AS rows
             UNWIND rows[0..51] AS s
             OPTIONAL MATCH (s)-[:SAID_BY]->(sp:Entity)
             RETURN size(rows) AS total, collect(s {.id, .kind, .text, .saidAtEdtf, .saidAtEarliest, .saidAtLatest, speaker: sp {.id, .name}}) AS items`,
  },
  timelineMonth: {
    graphql: `query($from: DateTime!, $to: DateTime!) { timeline(filter: { from: $from, to: $to }, first: 100) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { at { edtf earliest } item { __typename ... on Statement { id text speaker ${SPEAKER} } ... on Event { id label type } } } } } }`,
    neo4jGraphql: `query($from: String!, $to: String!) { timelineItemsConnection(first: 100, sort: [{ sortAt: ASC }], where: { sortAt: { gte: $from, lte: $to } }) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { __typename id sortAt ... on Statement { text saidAtEdtf speaker ${SPEAKER} } ... on Event { label type whenEdtf } } } } }`,
    // The items overlapping the month: those starting in it, read in order from the start index (and
    // counted from it), plus the long spans (:LongSpan) and the short ones (at most 32 days) that
    // started before it and reach into it, from the (end, start) and (start, end) indexes.
    cypher: `CALL {
               MATCH (s:LongSpan) USING INDEX s:LongSpan(saidAtLatest, saidAtEarliest)
               WHERE s.saidAtLatest >= $from AND s.saidAtEarliest < $from AND s:Statement RETURN s AS n, s.saidAtEarliest AS at
               UNION ALL
               MATCH (s:Statement) USING INDEX s:Statement(saidAtEarliest, saidAtLatest)
               WHERE s.saidAtEarliest >= $shortFrom AND s.saidAtEarliest < $from AND s.saidAtLatest >= $from AND NOT s:LongSpan RETURN s AS n, s.saidAtEarliest AS at
               UNION ALL
               MATCH (v:LongSpan) USING INDEX v:LongSpan(whenLatest, whenEarliest)
               WHERE v.whenLatest >= $from AND v.whenEarliest < $from AND v:Event RETURN v AS n, v.whenEarliest AS at
               UNION ALL
               MATCH (v:Event) USING INDEX v:Event(whenEarliest, whenLatest)
               WHERE v.whenEarliest >= $shortFrom AND v.whenEarliest < $from AND v.whenLatest >= $from AND NOT v:LongSpan RETURN v AS n, v.whenEarliest AS at
             }
             WITH collect({n: n, at: at}) AS before
             CALL { MATCH (s:Statement) WHERE s.saidAtEarliest >= $from AND s.saidAtEarliest <= $to RETURN count(s) AS inS }
             CALL { MATCH (v:Event) WHERE v.whenEarliest >= $from AND v.whenEarliest <= $to RETURN count(v) AS inV }
             CALL (before) {
               CALL (before) {
                 UNWIND before AS x RETURN x.n AS n, x.at AS at
                 UNION ALL
                 MATCH (s:Statement) WHERE s.saidAtEarliest >= $from AND s.saidAtEarliest <= $to
                 WITH s ORDER BY s.saidAtEarliest, s.id LIMIT 101 RETURN s AS n, s.saidAtEarliest AS at
                 UNION ALL
                 MATCH (v:Event) WHERE v.whenEarliest >= $from AND v.whenEarliest <= $to
                 WITH v ORDER BY v.whenEarliest, v.id LIMIT 101 RETURN v AS n, v.whenEarliest AS at
               }
               WITH n, at ORDER BY at, n.id LIMIT 101
               OPTIONAL MATCH (n)-[:SAID_BY]->(sp:Entity)
               RETURN collect(n {.id, .text, .label, .type, .saidAtEdtf, .whenEdtf, at: at, speaker: sp {.id, .name}}) AS items
             }
             RETURN size(before) + inS + inV AS total, items`,
  },
  documentStatements: {
    graphql: `query($id: ID!) { document(id: $id) { id title publisher published { edtf } }
      statements(filter: { documentIds: [$id] }, first: 100) { totalCount nodes { id kind text quote speakerText channel saidAt { edtf } speaker ${SPEAKER} } } }`,
    neo4jGraphql: `query($id: ID!) { documents(where: { id: { eq: $id } }) { id title publisher publishedEdtf }
      statementsConnection(first: 100, sort: [{ sortAt: ASC }], where: { evidence: { some: { id: { eq: $id } } } }) {
      totalCount edges { node { id kind text quote speakerText channel saidAtEdtf speaker ${SPEAKER} } } } }`,
    cypher: `MATCH (d:Document {id: $id})
             CALL (d) {
               MATCH (s:Statement)-[:EVIDENCE]->(d)
               WITH DISTINCT s ORDER BY coalesce(s.sortAt, '9999'), s.id
               OPTIONAL MATCH (s)-[:SAID_BY]->(sp:Entity)
               RETURN collect(s {.id, .kind, .text, .quote, .speakerText, .channel, .saidAtEdtf, speaker: sp {.id, .name}}) AS items
             }
             RETURN d {.id, .title, .publisher, .publishedEdtf} AS document, size(items) AS total, items[0..101] AS items`,
  },
  contradictions: {
    graphql: `query($id: ID!) { node(id: $id) { id ... on Statement { text speaker ${SPEAKER}
      contradicts { id text saidAt { edtf } speaker ${SPEAKER} evidence { excerpt document { id title } } } } } }`,
    neo4jGraphql: `query($id: ID!) { statements(where: { id: { eq: $id } }) { id text speaker ${SPEAKER}
      contradicts { id text saidAtEdtf speaker ${SPEAKER} evidenceConnection { edges { properties { excerpt } node { id title } } } } } }`,
    cypher: `MATCH (s:Statement {id: $id})
             OPTIONAL MATCH (s)-[:SAID_BY]->(sp:Entity)
             CALL (s) {
               MATCH (s)-[:CONTRADICTS]->(c:Statement)
               OPTIONAL MATCH (c)-[:SAID_BY]->(csp:Entity)
               CALL (c) { MATCH (c)-[ev:EVIDENCE]->(d:Document) RETURN collect({excerpt: ev.excerpt, document: d {.id, .title}}) AS evidence }
               RETURN collect(c {.id, .text, .saidAtEdtf, speaker: csp {.id, .name}, evidence: evidence}) AS contradicts
             }
             RETURN s {.id, .text, speaker: sp {.id, .name}} AS statement, contradicts`,
  },
} as const;

const DESCRIPTIONS: Record<keyof typeof QUERY_TEXT, string> = {
  entityByAlias: 'an entity by alias (entities(query:), 10 hits)',
  personStatements: "a person's statements, 50 a page, with evidence and documents",
  placeWeek: 'statements about a place in a week (aboutIds + from/to)',
  timelineMonth: 'the timeline of a month, 100 a page',
  documentStatements: 'a document with its statements (documentIds)',
  contradictions: 'the contradictions of a statement (node → contradicts)',
};

const iso = (d: Date) => d.toISOString();
const dayStart = (s: string) => new Date(`${s.slice(0, 10)}T00:00:00.000Z`);

/** Picks each query's parameters from what is in the database. */
export async function buildQueries(executor: Executor, k = 8): Promise<BenchQuery[]> {
  const people = await executor.query<{ id: string; name: string; aliases: string[] | null }>(
    `MATCH (e:Person)<-[:SAID_BY]-(:Statement) WITH e, count(*) AS n ORDER BY n DESC, e.id LIMIT $k
     RETURN e.id AS id, e.name AS name, e.aliases AS aliases`,
    { k: int(k) },
  );
  const places = await executor.query<{ id: string; dates: string[] }>(
    `MATCH (p:Place)<-[:ABOUT]-(s:Statement) WHERE s.saidAtEarliest IS NOT NULL
     WITH p, collect(s.saidAtEarliest) AS dates ORDER BY size(dates) DESC, p.id LIMIT $k
     RETURN p.id AS id, dates`,
    { k: int(k) },
  );
  const range = (
    await executor.query<{ lo: string; hi: string }>(`MATCH (d:Document) RETURN min(d.publishedEarliest) AS lo, max(d.publishedEarliest) AS hi`)
  )[0];
  const docs = await executor.query<{ id: string }>(`MATCH (d:Document) WITH d ORDER BY d.sha256 LIMIT $k RETURN d.id AS id`, { k: int(k) });
  let contradicted = await executor.query<{ id: string }>(
    `MATCH (s:Statement)-[:CONTRADICTS]->() WITH s, count(*) AS n ORDER BY n DESC, s.id LIMIT $k RETURN s.id AS id`,
    { k: int(k) },
  );
  if (!contradicted.length) contradicted = await executor.query(`MATCH (s:Statement) RETURN s.id AS id ORDER BY s.id LIMIT $k`, { k: int(k) });
  if (!people.length || !places.length || !docs.length) throw new Error('the archive has no people, places or documents to query');

  // Alias searches: a surname-only or variant form where there is one, else the name.
  const aliasTerms = people.map((p) => (p.aliases ?? []).find((a) => a !== p.name) ?? p.name.split(' ').pop()!);
  // Weeks: around the median date of statements about the place.
  const weeks = places.map((p) => {
    const sorted = [...p.dates].sort();
    const mid = dayStart(sorted[Math.floor(sorted.length / 2)]);
    const from = new Date(mid.getTime() - 3 * 86_400_000);
    return { place: p.id, from: iso(from), to: iso(new Date(from.getTime() + 7 * 86_400_000 - 1)) };
  });
  // Months spread over the archive's publication range.
  const lo = dayStart(range.lo);
  const hi = dayStart(range.hi);
  const months = Array.from({ length: k }, (_, i) => {
    const t = new Date(lo.getTime() + ((hi.getTime() - lo.getTime()) * (i + 0.5)) / k);
    const from = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
    const to = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1) - 1);
    return { from: iso(from), to: iso(to) };
  });
  // The earliest start of a short span (at most LONG_SPAN_MS long) that can reach into a month.
  const shortFrom = (from: string) => iso(new Date(new Date(from).getTime() - LONG_SPAN_MS));

  const q = (name: keyof typeof QUERY_TEXT, candidates: BenchQuery['candidates']): BenchQuery => ({ name, description: DESCRIPTIONS[name], ...QUERY_TEXT[name], candidates });
  return [
    q('entityByAlias', aliasTerms.map((t) => ({ annals: { q: t }, neo4jGraphql: { q: luceneQuery(t) }, cypher: { lucene: luceneQuery(t) } }))),
    q('personStatements', people.map((p) => ({ annals: { id: p.id }, neo4jGraphql: { id: p.id }, cypher: { id: p.id } }))),
    q('placeWeek', weeks.map((w) => ({ annals: w, neo4jGraphql: w, cypher: w }))),
    q('timelineMonth', months.map((m) => ({ annals: m, neo4jGraphql: m, cypher: { ...m, shortFrom: shortFrom(m.from) } }))),
    q('documentStatements', docs.map((d) => ({ annals: { id: d.id }, neo4jGraphql: { id: d.id }, cypher: { id: d.id } }))),
    q('contradictions', contradicted.map((s) => ({ annals: { id: s.id }, neo4jGraphql: { id: s.id }, cypher: { id: s.id } }))),
  ];
}
