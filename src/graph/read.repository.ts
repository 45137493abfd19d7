/**
 * Reads for the API: batched lookups by id (for DataLoader) and keyset-paged lists with counts
 * done in the database.
 */
import type { Executor } from './executor';
import { CursorError, decodeCursor, encodeCursor } from './cursor';
import { int } from './convert';
import type { DocumentData, EntityData, EventData, EvidenceData, NodeData, Page, StatementData } from './models';
import { spanFrom } from './spans';
import { typeOfId } from './ids';
import { LONG_SPAN_MS } from './archive.repository';

type Props = Record<string, unknown>;

/** A Document's fields as lists read them: not its text (loaded on demand), original bytes or furniture. */
const DOCUMENT_FIELDS =
  '.id, .identity, .title, .publisher, .url, .publishedEdtf, .publishedEarliest, .publishedLatest, .publishedText, ' +
  '.publishedSource, .sha256, .version, .current, .language, .ingestedAt, .relPath';

/** Ids grouped by the node type their prefix names (ids of no known form are left out). */
function idsByType(ids: readonly string[]): Record<'Document' | 'Entity' | 'Statement' | 'Event', string[]> {
  const out = { Document: [] as string[], Entity: [] as string[], Statement: [] as string[], Event: [] as string[] };
  for (const id of ids) {
    const t = typeOfId(id);
    if (t) out[t].push(id);
  }
  return out;
}

export function toDocument(p: Props): DocumentData {
  return {
    __typename: 'Document',
    id: p.id as string,
    identity: p.identity as string,
    path: (p.relPath as string) ?? null,
    title: p.title as string,
    publisher: (p.publisher as string) ?? null,
    url: (p.url as string) ?? null,
    published: spanFrom(p, 'published'),
    publishedSource: (p.publishedSource as string) ?? null,
    sha256: p.sha256 as string,
    text: (p.text as string | undefined) ?? null,
    version: (p.version as number) ?? 1,
    current: (p.current as boolean) ?? true,
    language: (p.language as string) ?? null,
    ingestedAt: p.ingestedAt as string,
  };
}

const TYPENAME = { PERSON: 'Person', ORGANIZATION: 'Organization', PLACE: 'Place' } as const;

export function toEntity(p: Props): EntityData {
  const kind = p.kind as EntityData['kind'];
  return {
    __typename: TYPENAME[kind],
    id: p.id as string,
    key: p.key as string,
    kind,
    name: p.name as string,
    aliases: (p.aliases as string[]) ?? [],
    wikidata: (p.wikidata as string) ?? null,
    latitude: (p.latitude as number) ?? null,
    longitude: (p.longitude as number) ?? null,
    role: (p.role as boolean) ?? false,
  };
}

export function toStatement(p: Props & { speakerId?: string | null; saidInId?: string | null }): StatementData {
  return {
    __typename: 'Statement',
    id: p.id as string,
    kind: p.kind as StatementData['kind'],
    text: p.text as string,
    quote: (p.quote as string) ?? null,
    speakerText: (p.speakerText as string) ?? null,
    channel: (p.channel as string) ?? null,
    saidAt: spanFrom(p, 'saidAt'),
    speakerId: 'speakerId' in p ? (p.speakerId ?? null) : undefined,
    saidInId: p.saidInId ?? null,
  };
}

export function toEvent(p: Props): EventData {
  return { __typename: 'Event', id: p.id as string, label: p.label as string, type: p.type as string, when: spanFrom(p, 'when') };
}

export class ReadRepository {
  constructor(private readonly executor: Executor) {}

  /** Any node by id, in the order asked; null where none. One round trip, an index seek per id. */
  async nodesByIds(ids: readonly string[]): Promise<(NodeData | null)[]> {
    const byType = idsByType(ids);
    const rows = await this.executor.query<{ labels: string[]; p: Props; speakerId: string | null; saidInId: string | null }>(
      `CALL {
         UNWIND $Document AS id MATCH (n:Document {id: id})
         RETURN n, n {${DOCUMENT_FIELDS}} AS p, null AS speakerId, null AS saidInId
         UNION ALL
         UNWIND $Entity AS id MATCH (n:Entity {id: id})
         RETURN n, n {.*} AS p, null AS speakerId, null AS saidInId
         UNION ALL
         UNWIND $Statement AS id MATCH (n:Statement {id: id})
         OPTIONAL MATCH (n)-[:SAID_BY]->(sp:Entity)
         OPTIONAL MATCH (n)-[:SAID_IN]->(pl:Entity)
         RETURN n, n {.*} AS p, sp.id AS speakerId, pl.id AS saidInId
         UNION ALL
         UNWIND $Event AS id MATCH (n:Event {id: id})
         RETURN n, n {.*} AS p, null AS speakerId, null AS saidInId
       }
       RETURN labels(n) AS labels, p, speakerId, saidInId`,
      byType,
    );
    const byId = new Map<string, NodeData>();
    for (const r of rows) {
      const l = r.labels;
      const node = l.includes('Document')
        ? toDocument(r.p)
        : l.includes('Entity')
          ? toEntity(r.p)
          : l.includes('Statement')
            ? toStatement({ ...r.p, speakerId: r.speakerId, saidInId: r.saidInId })
            : toEvent(r.p);
      byId.set(node.id, node);
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The text of each document, in the order asked (null where none). One round trip. */
  async documentTexts(ids: readonly string[]): Promise<(string | null)[]> {
    const rows = await this.executor.query<{ id: string; text: string }>('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN id, d.text AS text', { ids });
    const m = new Map(rows.map((r) => [r.id, r.text]));
    return ids.map((id) => m.get(id) ?? null);
  }

  /** Documents, oldest ingest first (stable when more are added). */
  async documents(first: number, after: string | null): Promise<Page<DocumentData>> {
    const [k0, k1] = after ? decodeCursor(after, 2) : [null, null];
    return this.executor.read(async (tx) => {
      const rows = await tx.run<{ p: Props }>(
        `MATCH (d:Document)
         WHERE $k0 IS NULL OR d.ingestedAt > $k0 OR (d.ingestedAt = $k0 AND d.id > $k1)
         RETURN d {${DOCUMENT_FIELDS}} AS p ORDER BY d.ingestedAt, d.id LIMIT $limit`,
        { k0, k1, limit: int(first + 1) },
      );
      const [{ total }] = await tx.run<{ total: number }>('MATCH (d:Document) RETURN count(d) AS total');
      const items = rows.slice(0, first).map((r) => ({ cursor: encodeCursor([r.p.ingestedAt, r.p.id]), node: toDocument(r.p) }));
      return { items, hasNextPage: rows.length > first, totalCount: total };
    });
  }
}

/** Relations the API follows, each a fixed Cypher pattern (never built from input). */
export const RELATIONS = {
  statementAbout: 'MATCH (n:Statement {id: id})-[:ABOUT]->(m) RETURN id, collect(DISTINCT m.id) AS ids',
  statementContradicts: 'MATCH (n:Statement {id: id})-[:CONTRADICTS]->(m:Statement) RETURN id, collect(DISTINCT m.id) AS ids',
  eventPlaces: 'MATCH (n:Event {id: id})-[:AT]->(m:Place) RETURN id, collect(DISTINCT m.id) AS ids',
  eventParticipants: 'MATCH (n:Event {id: id})-[:INVOLVES]->(m:Entity) RETURN id, collect(DISTINCT m.id) AS ids',
  documentEntities: 'MATCH (n:Document {id: id})<-[:MENTIONED_IN]-(m:Entity) WITH id, m ORDER BY m.name RETURN id, collect(m.id) AS ids',
} as const;
export type RelationName = keyof typeof RELATIONS;

export interface StatementFilterData {
  speakerIds?: string[] | null;
  aboutIds?: string[] | null;
  documentIds?: string[] | null;
  from?: string | null;
  to?: string | null;
  text?: string | null;
}

export interface TimelineFilterData {
  entityIds?: string[] | null;
  documentIds?: string[] | null;
  from?: string | null;
  to?: string | null;
}

const NO_TIME = '9999-12-31T23:59:59.999Z';

/** Escapes Lucene's special characters so user words are searched as words. */
export function luceneQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[\s"'’‘“”.,;:!?()[\]{}<>\\/+\-&|^~*]+/u)
    .filter(Boolean)
    .map((w) => w.replace(/([+\-&|!(){}[\]^"~*?:\\/])/g, '\\$1').toLowerCase());
  if (!words.length) return null;
  // Every word must match: exactly, as a prefix, or within one or two edits (spelling variants).
  return words.map((w) => (w.length >= 4 ? `(${w}^3 OR ${w}* OR ${w}~${w.length >= 7 ? 2 : 1})` : `(${w}^3 OR ${w}*)`)).join(' AND ');
}

const STATEMENT_WHERE = `
  ($speakerIds IS NULL OR EXISTS { MATCH (s)-[:SAID_BY]->(sp) WHERE sp.id IN $speakerIds })
  AND ($aboutIds IS NULL OR EXISTS { MATCH (s)-[:ABOUT]->(ab) WHERE ab.id IN $aboutIds })
  AND ($documentIds IS NULL OR EXISTS { MATCH (s)-[:EVIDENCE]->(dd:Document) WHERE dd.id IN $documentIds })
  AND ($from IS NULL OR s.saidAtLatest >= $from)
  AND ($to IS NULL OR s.saidAtEarliest <= $to)
  AND ($text IS NULL OR toLower(s.text) CONTAINS $text OR toLower(coalesce(s.quote, '')) CONTAINS $text)`;

/** `from` moved back by the longest short span: every span that is not :LongSpan and overlaps [from, …] starts after it. */
function shortFrom(from: unknown): string | null {
  if (typeof from !== 'string') return null;
  const t = new Date(from).getTime();
  return Number.isFinite(t) ? new Date(t - LONG_SPAN_MS).toISOString() : null;
}

/**
 * All statements (or events) whose span may overlap [$from, $to], read from the time indexes: the
 * short spans from a bounded range of the start index, the long ones by their label. The exact
 * overlap test is applied after, by the caller's WHERE.
 */
function windowAnchor(v: 's' | 'v', p: { from: unknown; to: unknown; shortFrom?: unknown }): string {
  const [label, earliest, latest] = v === 's' ? ['Statement', 'saidAtEarliest', 'saidAtLatest'] : ['Event', 'whenEarliest', 'whenLatest'];
  if (p.from && p.to && p.shortFrom)
    return `CALL { MATCH (${v}:${label}) WHERE ${v}.${earliest} >= $shortFrom AND ${v}.${earliest} <= $to RETURN ${v}
                   UNION MATCH (${v}:${label}:LongSpan) WHERE ${v}.${earliest} <= $to RETURN ${v} }`;
  if (p.from) return `MATCH (${v}:${label}) WHERE ${v}.${latest} >= $from`;
  if (p.to) return `MATCH (${v}:${label}) WHERE ${v}.${earliest} <= $to`;
  return `MATCH (${v}:${label})`;
}

/**
 * Where a statement list starts: at the documents, speakers or subjects the filter names (an index
 * seek and their relationships), else at all statements. The filter (STATEMENT_WHERE) is applied
 * after, unchanged, so the result is the same; only the work differs.
 */
function statementAnchor(p: { documentIds: unknown; speakerIds: unknown; aboutIds: unknown; from: unknown; to: unknown; shortFrom: unknown }): string {
  if (p.documentIds) return 'MATCH (d0:Document) WHERE d0.id IN $documentIds MATCH (s:Statement)-[:EVIDENCE]->(d0) WITH DISTINCT s';
  if (p.speakerIds) return 'MATCH (e0:Entity) WHERE e0.id IN $speakerIds MATCH (s:Statement)-[:SAID_BY]->(e0) WITH DISTINCT s';
  if (p.aboutIds)
    return `CALL { MATCH (a0:Entity) WHERE a0.id IN $aboutIds RETURN a0 UNION MATCH (a0:Event) WHERE a0.id IN $aboutIds RETURN a0 }
            MATCH (s:Statement)-[:ABOUT]->(a0) WITH DISTINCT s`;
  return windowAnchor('s', p);
}

function timelineUnion(p: { documentIds: unknown; entityIds: unknown; from: unknown; to: unknown; shortFrom: unknown }): string {
  const sAnchor = p.documentIds
    ? 'MATCH (d0:Document) WHERE d0.id IN $documentIds MATCH (s:Statement)-[:EVIDENCE]->(d0) WITH DISTINCT s'
    : p.entityIds
      ? 'MATCH (x0:Entity) WHERE x0.id IN $entityIds MATCH (s:Statement)-[:SAID_BY|ABOUT|SAID_IN]->(x0) WITH DISTINCT s'
      : windowAnchor('s', p);
  const vAnchor = p.documentIds
    ? 'MATCH (d0:Document) WHERE d0.id IN $documentIds MATCH (v:Event)-[:EVIDENCE]->(d0) WITH DISTINCT v'
    : p.entityIds
      ? 'MATCH (x0:Entity) WHERE x0.id IN $entityIds MATCH (v:Event)-[:AT|INVOLVES]->(x0) WITH DISTINCT v'
      : windowAnchor('v', p);
  return `
  CALL {
    ${sAnchor}
    WITH s WHERE s.sortAt IS NOT NULL
      AND ($entityIds IS NULL OR EXISTS { MATCH (s)-[:SAID_BY|ABOUT|SAID_IN]->(x) WHERE x.id IN $entityIds })
      AND ($documentIds IS NULL OR EXISTS { MATCH (s)-[:EVIDENCE]->(dd:Document) WHERE dd.id IN $documentIds })
      AND ($from IS NULL OR s.saidAtLatest >= $from) AND ($to IS NULL OR s.saidAtEarliest <= $to)
    RETURN s AS n, s.sortAt AS at
    UNION ALL
    ${vAnchor}
    WITH v WHERE v.sortAt IS NOT NULL
      AND ($entityIds IS NULL OR EXISTS { MATCH (v)-[:AT|INVOLVES]->(x) WHERE x.id IN $entityIds })
      AND ($documentIds IS NULL OR EXISTS { MATCH (v)-[:EVIDENCE]->(dd:Document) WHERE dd.id IN $documentIds })
      AND ($from IS NULL OR v.whenLatest >= $from) AND ($to IS NULL OR v.whenEarliest <= $to)
    RETURN v AS n, v.sortAt AS at
  }`;
}

export class ListRepository {
  constructor(private readonly executor: Executor) {}

  /** For each id, the ids at the other end of a relation. One round trip. */
  async related(relation: RelationName, ids: readonly string[]): Promise<string[][]> {
    const rows = await this.executor.query<{ id: string; ids: string[] }>(`UNWIND $ids AS id ${RELATIONS[relation]}`, { ids });
    const m = new Map(rows.map((r) => [r.id, r.ids]));
    return ids.map((id) => m.get(id) ?? []);
  }

  /** Evidence as above, with the documents it cites (so a caller can prime its node cache). One round trip. */
  async evidenceWithDocuments(ids: readonly string[]): Promise<{ evidence: EvidenceData[][]; documents: DocumentData[] }> {
    const byType = idsByType(ids);
    const rows = await this.executor.query<{ id: string; ev: EvidenceData[]; docs: Props[] }>(
      `CALL {
         UNWIND $Statement AS id MATCH (n:Statement {id: id}) RETURN id, n
         UNION ALL
         UNWIND $Event AS id MATCH (n:Event {id: id}) RETURN id, n
       }
       MATCH (n)-[e:EVIDENCE]->(d:Document)
       WITH id, e, d ORDER BY d.ingestedAt, e.start
       RETURN id, collect({documentId: d.id, start: e.start, end: e.end, excerpt: e.excerpt}) AS ev,
              collect(d {${DOCUMENT_FIELDS}}) AS docs`,
      { Statement: byType.Statement, Event: byType.Event },
    );
    const m = new Map(rows.map((r) => [r.id, r.ev]));
    const documents = new Map<string, DocumentData>();
    for (const r of rows) for (const d of r.docs) if (!documents.has(d.id as string)) documents.set(d.id as string, toDocument(d));
    return { evidence: ids.map((id) => m.get(id) ?? []), documents: [...documents.values()] };
  }

  /** For each statement id, its speaker's id (or null). */
  async speakers(ids: readonly string[]): Promise<(string | null)[]> {
    const rows = await this.executor.query<{ id: string; speaker: string }>(
      `UNWIND $ids AS id MATCH (:Statement {id: id})-[:SAID_BY]->(e:Entity) RETURN id, e.id AS speaker`,
      { ids },
    );
    const m = new Map(rows.map((r) => [r.id, r.speaker]));
    return ids.map((id) => m.get(id) ?? null);
  }

  async entities(query: string | null, kinds: string[] | null, first: number, after: string | null): Promise<Page<EntityData>> {
    const lucene = query ? luceneQuery(query) : null;
    if (query !== null && !lucene) return { items: [], hasNextPage: false, totalCount: 0 };
    return this.executor.read(async (tx) => {
      if (lucene) {
        // Ranked by relevance; the cursor is the position in that ranking.
        const [offset] = after ? (decodeCursor(after, 1) as number[]) : [0];
        if (!Number.isInteger(offset) || offset < 0) throw new CursorError('"after" is not a cursor this list gave out');
        const rows = await tx.run<{ p: Props; total: number }>(
          `CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
           WHERE $kinds IS NULL OR node.kind IN $kinds
           WITH collect(node) AS hits
           WITH hits, size(hits) AS total
           UNWIND hits[$offset..$offset + $limit] AS node
           RETURN node {.id, .key, .kind, .name, .aliases, .wikidata, .latitude, .longitude, .role} AS p, total`,
          { lucene, kinds, offset: int(offset), limit: int(first + 1) },
        );
        const total = rows[0]?.total ?? (await tx.run<{ total: number }>(
          `CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node WHERE $kinds IS NULL OR node.kind IN $kinds RETURN count(node) AS total`,
          { lucene, kinds },
        ))[0].total;
        const items = rows.slice(0, first).map((r, i) => ({ cursor: encodeCursor([offset + i + 1]), node: toEntity(r.p) }));
        return { items, hasNextPage: rows.length > first, totalCount: total };
      }
      const [k0, k1] = after ? decodeCursor(after, 2) : [null, null];
      const rows = await tx.run<{ p: Props }>(
        `MATCH (e:Entity) WHERE ($kinds IS NULL OR e.kind IN $kinds)
           AND ($k0 IS NULL OR e.name > $k0 OR (e.name = $k0 AND e.id > $k1))
         RETURN e {.*} AS p ORDER BY e.name, e.id LIMIT $limit`,
        { kinds, k0, k1, limit: int(first + 1) },
      );
      const [{ total }] = await tx.run<{ total: number }>('MATCH (e:Entity) WHERE $kinds IS NULL OR e.kind IN $kinds RETURN count(e) AS total', { kinds });
      const items = rows.slice(0, first).map((r) => ({ cursor: encodeCursor([r.p.name, r.p.id]), node: toEntity(r.p) }));
      return { items, hasNextPage: rows.length > first, totalCount: total };
    });
  }

  /** Statements matching a filter, in order of when they were said (undated last). */
  async statements(filter: StatementFilterData, first: number, after: string | null): Promise<Page<StatementData>> {
    const [k0, k1] = after ? decodeCursor(after, 2) : [null, null];
    const params = {
      speakerIds: filter.speakerIds ?? null,
      aboutIds: filter.aboutIds ?? null,
      documentIds: filter.documentIds ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      text: filter.text ? filter.text.toLowerCase() : null,
      shortFrom: shortFrom(filter.from),
      k0,
      k1,
      limit: int(first + 1),
      noTime: NO_TIME,
    };
    const anchor = statementAnchor(params);
    // Page and count in one query (one round trip); both start where the filter points.
    // A filter by ids or by a closed window bounds the candidates: read them once, count and page
    // in memory. Otherwise count and page separately (never holding every statement).
    const bounded = !!(params.documentIds || params.speakerIds || params.aboutIds || (params.from && params.to && params.shortFrom));
    const [{ rows, total }] = await this.executor.query<{ rows: { p: Props; sortKey: string }[]; total: number }>(
      bounded
        ? `${anchor} WITH s WHERE ${STATEMENT_WHERE}
           WITH s, coalesce(s.sortAt, $noTime) AS sortKey ORDER BY sortKey, s.id
           WITH collect({s: s, sortKey: sortKey}) AS candidates
           WITH size(candidates) AS total,
                [x IN candidates WHERE $k0 IS NULL OR x.sortKey > $k0 OR (x.sortKey = $k0 AND x.s.id > $k1)][0..$limit] AS page
           UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS x
           WITH total, x.s AS s, x.sortKey AS sortKey
           OPTIONAL MATCH (s)-[:SAID_BY]->(sp:Entity)
           OPTIONAL MATCH (s)-[:SAID_IN]->(pl:Entity)
           WITH total, s, sortKey, sp, pl ORDER BY sortKey, s.id
           RETURN total, collect(CASE WHEN s IS NULL THEN null ELSE {sortKey: sortKey, p: s {.*, speakerId: sp.id, saidInId: pl.id}} END) AS rows`
        : `CALL { ${anchor} WITH s WHERE ${STATEMENT_WHERE} RETURN count(s) AS total }
       CALL {
         ${anchor} WITH s WHERE ${STATEMENT_WHERE}
         WITH s, coalesce(s.sortAt, $noTime) AS sortKey
         WHERE $k0 IS NULL OR sortKey > $k0 OR (sortKey = $k0 AND s.id > $k1)
         WITH s, sortKey ORDER BY sortKey, s.id LIMIT $limit
         OPTIONAL MATCH (s)-[:SAID_BY]->(sp:Entity)
         OPTIONAL MATCH (s)-[:SAID_IN]->(pl:Entity)
         WITH s, sortKey, sp, pl ORDER BY sortKey, s.id
         RETURN collect({p: s {.*, speakerId: sp.id, saidInId: pl.id}, sortKey: sortKey}) AS rows
       }
       RETURN rows, total`,
      params,
    );
    const items = rows.slice(0, first).map((r) => ({ cursor: encodeCursor([r.sortKey, r.p.id]), node: toStatement(r.p) }));
    return { items, hasNextPage: rows.length > first, totalCount: total };
  }

  /** Events and statements with a time, ordered by at.earliest, then id. */
  async timeline(filter: TimelineFilterData, first: number, after: string | null): Promise<Page<EventData | StatementData>> {
    const [k0, k1] = after ? decodeCursor(after, 2) : [null, null];
    const params = {
      entityIds: filter.entityIds ?? null,
      documentIds: filter.documentIds ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      shortFrom: shortFrom(filter.from),
      k0,
      k1,
      limit: int(first + 1),
    };
    const union = timelineUnion(params);
    const bounded = !!(params.documentIds || params.entityIds || (params.from && params.to && params.shortFrom));
    const [{ rows, total }] = await this.executor.query<{ rows: { labels: string[]; p: Props; at: string }[]; total: number }>(
      bounded
        ? `${union}
           WITH n, at ORDER BY at, n.id
           WITH collect({n: n, at: at}) AS candidates
           WITH size(candidates) AS total, [x IN candidates WHERE $k0 IS NULL OR x.at > $k0 OR (x.at = $k0 AND x.n.id > $k1)][0..$limit] AS page
           UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS x
           WITH total, x.n AS n, x.at AS at
           OPTIONAL MATCH (n)-[:SAID_BY]->(sp:Entity)
           OPTIONAL MATCH (n)-[:SAID_IN]->(pl:Entity)
           WITH total, n, at, sp, pl ORDER BY at, n.id
           RETURN total, collect(CASE WHEN n IS NULL THEN null ELSE {at: at, labels: labels(n), p: n {.*, speakerId: sp.id, saidInId: pl.id}} END) AS rows`
        : `CALL { ${union} RETURN count(n) AS total }
       CALL {
         ${union}
         WITH n, at WHERE $k0 IS NULL OR at > $k0 OR (at = $k0 AND n.id > $k1)
         WITH n, at ORDER BY at, n.id LIMIT $limit
         OPTIONAL MATCH (n)-[:SAID_BY]->(sp:Entity)
         OPTIONAL MATCH (n)-[:SAID_IN]->(pl:Entity)
         WITH n, at, sp, pl ORDER BY at, n.id
         RETURN collect({labels: labels(n), p: n {.*, speakerId: sp.id, saidInId: pl.id}, at: at}) AS rows
       }
       RETURN rows, total`,
      params,
    );
    const items = rows.slice(0, first).map((r) => ({
      cursor: encodeCursor([r.at, r.p.id]),
      node: r.labels.includes('Event') ? toEvent(r.p) : toStatement(r.p),
    }));
    return { items, hasNextPage: rows.length > first, totalCount: total };
  }
}

/** Statements by each of several speakers, one page each, in one round trip. */
export async function statementsBySpeakers(
  executor: Executor,
  ids: readonly string[],
  first: number,
  after: string | null,
): Promise<Page<StatementData>[]> {
  const [k0, k1] = after ? decodeCursor(after, 2) : [null, null];
  const rows = await executor.query<{ eid: string; items: (Props & { sortKey: string })[]; total: number }>(
    `UNWIND $ids AS eid
     CALL (eid) {
       MATCH (s:Statement)-[:SAID_BY]->(:Entity {id: eid})
       WITH s, coalesce(s.sortAt, $noTime) AS sortKey
       WHERE $k0 IS NULL OR sortKey > $k0 OR (sortKey = $k0 AND s.id > $k1)
       WITH s, sortKey ORDER BY sortKey, s.id LIMIT $limit
       OPTIONAL MATCH (s)-[:SAID_IN]->(pl:Entity)
       RETURN collect(s {.*, speakerId: eid, saidInId: pl.id, sortKey: sortKey}) AS items
     }
     CALL (eid) { MATCH (s:Statement)-[:SAID_BY]->(:Entity {id: eid}) RETURN count(s) AS total }
     RETURN eid, items, total`,
    { ids, k0, k1, limit: int(first + 1), noTime: NO_TIME },
  );
  const m = new Map(rows.map((r) => [r.eid, r]));
  return ids.map((id) => {
    const r = m.get(id);
    if (!r) return { items: [], hasNextPage: false, totalCount: 0 };
    return {
      items: r.items.slice(0, first).map((p) => ({ cursor: encodeCursor([p.sortKey, p.id]), node: toStatement(p) })),
      hasNextPage: r.items.length > first,
      totalCount: r.total,
    };
  });
}
