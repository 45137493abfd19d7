/**
 * Reads for the API: batched lookups by id (for DataLoader) and keyset-paged lists with counts
 * done in the database.
 */
import type { Executor } from './executor';
import { CursorError, decodeCursor, encodeCursor } from './cursor';
import { int } from './convert';
import type { DocumentData, EntityData, EventData, EvidenceData, NodeData, Page, StatementData } from './models';
import { NO_TIME, spanFrom } from './spans';
import { typeOfId } from './ids';
import { LONG_SPAN_MS } from './archive.repository';
import { DocumentCache } from './document-cache';
import { EvidenceCache, type CachedPassage } from './evidence-cache';
import { INDEX_PENDING_NAMES_FIRST } from './name-index';
import { DEFAULT_DOCUMENT_CACHE, DEFAULT_EVIDENCE_CACHE } from '../config';

type Props = Record<string, unknown>;

/** A Document's fields as lists read them: not its text (loaded on demand), original bytes or furniture. */
const DOCUMENT_FIELDS =
  '.id, .identity, .title, .publisher, .url, .publishedEdtf, .publishedEarliest, .publishedLatest, .publishedText, ' +
  '.publishedSource, .sha256, .version, .current, .language, .ingestedAt, .relPath';

/** An Entity's fields as the API reads them (not the indexed `searchName` and `searchNames`). */
const ENTITY_FIELDS = '.id, .key, .kind, .name, .aliases, .wikidata, .latitude, .longitude, .role';
/** The stored Entity properties a read may be limited to (id and kind, which decides its type, always). */
export const ENTITY_PROPERTIES = ['key', 'name', 'aliases', 'wikidata', 'latitude', 'longitude', 'role'] as const;
export type EntityProperty = (typeof ENTITY_PROPERTIES)[number];
/**
 * What a read of statements is limited to, of each statement and of its speaker (null: all);
 * `saidIn` false: where each was said is not read (its records have saidInId undefined).
 */
export interface StatementShape {
  statement: readonly StatementProperty[] | null;
  speaker: readonly EntityProperty[] | null;
  saidIn?: boolean;
}

/**
 * A map projection: `all` when `props` is null, else the `always` keys and those of `props` found in
 * `allowed` (a fixed list, so nothing from a request reaches the Cypher text).
 */
function projection<P extends string>(all: string, always: readonly string[], allowed: readonly P[], props: readonly P[] | null): string {
  if (!props) return all;
  return [...always, ...allowed.filter((p) => props.includes(p))].map((p) => `.${p}`).join(', ');
}
const entityFields = (props: readonly EntityProperty[] | null) => projection(ENTITY_FIELDS, ['id', 'kind'], ENTITY_PROPERTIES, props);
/** A Statement's fields as the API reads them (not its key, claims or matters). */
const STATEMENT_FIELDS = '.id, .kind, .text, .quote, .speakerText, .channel, .saidAtEdtf, .saidAtEarliest, .saidAtLatest, .saidAtText, .sortAt';
/** The stored Statement properties a read may be limited to (id is always read). */
export const STATEMENT_PROPERTIES = ['kind', 'text', 'quote', 'speakerText', 'channel', 'saidAtEdtf', 'saidAtEarliest', 'saidAtLatest', 'saidAtText'] as const;
export type StatementProperty = (typeof STATEMENT_PROPERTIES)[number];
/** A map projection of those properties (from the fixed list only), or of all the API reads. */
const statementFields = (props: readonly StatementProperty[] | null) => projection(STATEMENT_FIELDS, ['id'], STATEMENT_PROPERTIES, props);
/** An Event's fields as the API reads them. */
const EVENT_FIELDS = '.id, .label, .type, .whenEdtf, .whenEarliest, .whenLatest, .whenText, .sortAt';
/** Either, for lists of both (the other type's properties are absent, hence null). */
const ITEM_FIELDS = `${STATEMENT_FIELDS}, .label, .type, .whenEdtf, .whenEarliest, .whenLatest, .whenText`;

/**
 * A statement as the reads return it: with its speaker's record when the query read it along
 * (null: it has none; undefined: not read), so the API resolves `speaker` with no further round trip.
 */
export interface StatementRecord extends StatementData {
  speaker?: EntityData | null;
}

/** A passage of evidence, with the document it cites (the fields the query asked for; id always). */
export interface EvidenceRecord extends EvidenceData {
  document: DocumentData;
}

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

export function toStatement(p: Props & { speakerId?: string | null; saidInId?: string | null; speaker?: Props | null }): StatementRecord {
  const speaker = p.speaker ? toEntity(p.speaker) : p.speaker === null ? null : undefined;
  return {
    __typename: 'Statement',
    id: p.id as string,
    kind: p.kind as StatementData['kind'],
    text: p.text as string,
    quote: (p.quote as string) ?? null,
    speakerText: (p.speakerText as string) ?? null,
    channel: (p.channel as string) ?? null,
    saidAt: spanFrom(p, 'saidAt'),
    speakerId: 'speakerId' in p ? (p.speakerId ?? null) : speaker !== undefined ? (speaker?.id ?? null) : undefined,
    saidInId: 'saidInId' in p ? (p.saidInId ?? null) : undefined,
    ...(speaker !== undefined ? { speaker } : {}),
  };
}

export function toEvent(p: Props): EventData {
  return { __typename: 'Event', id: p.id as string, label: p.label as string, type: p.type as string, when: spanFrom(p, 'when') };
}

/**
 * A statement's whole record, as the node loader holds it: all its fields, its speaker's record
 * (null: none) and its place's id, read from the variable `v`.
 */
const fullStatement = (v: string) =>
  `${v} {${STATEMENT_FIELDS}, speaker: head([(${v})-[:SAID_BY]->(sp:Entity) | sp {${ENTITY_FIELDS}}]), saidInId: head([(${v})-[:SAID_IN]->(pl:Entity) | pl.id])}`;

/**
 * Records read as lists of values, not as maps: the driver decodes every key of every map it
 * receives (a page of 100 statements with their speakers carries over a thousand), a list only its
 * values. `fieldNames` turns a projection ('.id, .kind') into its property names, `valuesOf` gives
 * the Cypher list of those properties of a variable, `readValues` the record back from a row.
 */
const fieldNames = (fields: string): string[] => fields.split(',').map((f) => f.trim().slice(1));
const valuesOf = (v: string, names: readonly string[]) => names.map((n) => `${v}.${n}`).join(', ');
function readValues(names: readonly string[], row: readonly unknown[], at: number): Props {
  const p: Props = {};
  for (let i = 0; i < names.length; i++) p[names[i]] = row[at + i];
  return p;
}

/**
 * A statement list's row of `s` and its speaker `sp` as `shape` asks (absent: everything the API
 * reads), as a list of values after the row's own leading values (`lead`); the match that binds
 * `pl` to where it was said (WITH 'null AS pl' when not asked); and the reader of such a row.
 */
function statementRow(s: string, sp: string, lead: string, shape: StatementShape | undefined): {
  place: string;
  row: string;
  read(row: readonly unknown[], at: number): StatementRecord;
} {
  const saidIn = shape?.saidIn !== false;
  const own = fieldNames(statementFields(shape?.statement ?? null));
  const speaker = fieldNames(entityFields(shape?.speaker ?? null));
  return {
    place: saidIn ? `OPTIONAL MATCH (${s})-[:SAID_IN]->(pl:Entity)` : 'WITH *, null AS pl',
    row: `[${lead}, ${valuesOf(s, own)}, ${valuesOf(sp, speaker)}${saidIn ? ', pl.id' : ''}]`,
    read(row, at) {
      const p = readValues(own, row, at);
      // An entity always has an id: none means the statement has no speaker.
      const sp = row[at + own.length] == null ? null : readValues(speaker, row, at + own.length);
      return toStatement({ ...p, speakerId: (sp?.id as string) ?? null, speaker: sp, ...(saidIn ? { saidInId: (row[at + own.length + speaker.length] as string) ?? null } : {}) });
    },
  };
}

const NODE_TYPES = ['Document', 'Entity', 'Statement', 'Event'] as const;
/** nodesByIds' query for each type: the node and its record. */
const NODE_ARMS: Record<(typeof NODE_TYPES)[number], string> = {
  Document: `UNWIND $Document AS id MATCH (n:Document {id: id}) WITH n, n {${DOCUMENT_FIELDS}} AS p`,
  Entity: `UNWIND $Entity AS id MATCH (n:Entity {id: id}) WITH n, n {${ENTITY_FIELDS}} AS p`,
  Statement: `UNWIND $Statement AS id MATCH (n:Statement {id: id}) WITH n, ${fullStatement('n')} AS p`,
  Event: `UNWIND $Event AS id MATCH (n:Event {id: id}) WITH n, n {${EVENT_FIELDS}} AS p`,
};

export class ReadRepository {
  constructor(
    private readonly executor: Executor,
    private readonly documentCache: DocumentCache = new DocumentCache(DEFAULT_DOCUMENT_CACHE),
  ) {}

  /**
   * Any node by id, in the order asked; null where none. One round trip, an index seek per id; the
   * query holds an arm only for the types asked (a union arm over an empty list still costs a plan
   * step, about half a millisecond for a single node).
   */
  async nodesByIds(ids: readonly string[]): Promise<(NodeData | null)[]> {
    const byType = idsByType(ids);
    // Documents kept in the document cache need no query.
    const { found, missing } = this.documentCache.lookup(byType.Document);
    const byId = new Map<string, NodeData>(found);
    byType.Document = missing;
    const arms = NODE_TYPES.filter((t) => byType[t].length).map((t) => NODE_ARMS[t]);
    if (!arms.length) return ids.map((id) => byId.get(id) ?? null);
    const rows = await this.executor.query<{ labels: string[]; p: Props }>(
      arms.length === 1
        ? `${arms[0]} RETURN labels(n) AS labels, p`
        : `CALL { ${arms.map((a) => `${a} RETURN n, p`).join(' UNION ALL ')} } RETURN labels(n) AS labels, p`,
      byType,
    );
    for (const r of rows) {
      const l = r.labels;
      const node = l.includes('Document') ? toDocument(r.p) : l.includes('Entity') ? toEntity(r.p) : l.includes('Statement') ? toStatement(r.p) : toEvent(r.p);
      if (node.__typename === 'Document') this.documentCache.set(node);
      byId.set(node.id, node);
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Whether each document is the current version of its identity, in the order asked (null where none). */
  async documentsCurrent(ids: readonly string[]): Promise<(boolean | null)[]> {
    const rows = await this.executor.query<{ id: string; current: boolean | null }>('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN id, d.current AS current', { ids });
    const m = new Map(rows.map((r) => [r.id, r.current ?? true]));
    return ids.map((id) => m.get(id) ?? null);
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
    // Page and count in one auto-commit query: one round trip.
    const [{ rows, total }] = await this.executor.query<{ rows: Props[]; total: number }>(
      `CALL { MATCH (d:Document) RETURN count(d) AS total }
       CALL {
         MATCH (d:Document)
         WHERE $k0 IS NULL OR d.ingestedAt > $k0 OR (d.ingestedAt = $k0 AND d.id > $k1)
         WITH d ORDER BY d.ingestedAt, d.id LIMIT $limit
         RETURN collect(d {${DOCUMENT_FIELDS}}) AS rows
       }
       RETURN rows, total`,
      { k0, k1, limit: int(first + 1) },
    );
    const items = rows.slice(0, first).map((p) => ({ cursor: encodeCursor([p.ingestedAt, p.id]), node: toDocument(p) }));
    return { items, hasNextPage: rows.length > first, totalCount: total };
  }
}

/** Relations the API follows, each a fixed Cypher pattern (never built from input). */
export const RELATIONS = {
  statementAbout: 'MATCH (n:Statement {id: id})-[:ABOUT]->(m) RETURN id, collect(DISTINCT m.id) AS ids',
  eventPlaces: 'MATCH (n:Event {id: id})-[:AT]->(m:Place) RETURN id, collect(DISTINCT m.id) AS ids',
  eventParticipants: 'MATCH (n:Event {id: id})-[:INVOLVES]->(m:Entity) RETURN id, collect(DISTINCT m.id) AS ids',
  documentEntities: 'MATCH (n:Document {id: id})<-[:MENTIONED_IN]-(m:Entity) WITH id, m ORDER BY m.name RETURN id, collect(m.id) AS ids',
  statementPlace: 'MATCH (n:Statement {id: id})-[:SAID_IN]->(m:Entity) RETURN id, collect(DISTINCT m.id) AS ids',
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

/** The statement filter, each part; the one the anchor implies is left out (see statementAnchor). */
const STATEMENT_CONDITIONS = {
  speakerIds: '($speakerIds IS NULL OR EXISTS { MATCH (s)-[:SAID_BY]->(sp) WHERE sp.id IN $speakerIds })',
  aboutIds: '($aboutIds IS NULL OR EXISTS { MATCH (s)-[:ABOUT]->(ab) WHERE ab.id IN $aboutIds })',
  documentIds: '($documentIds IS NULL OR EXISTS { MATCH (s)-[:EVIDENCE]->(dd:Document) WHERE dd.id IN $documentIds })',
  from: '($from IS NULL OR s.saidAtLatest >= $from)',
  to: '($to IS NULL OR s.saidAtEarliest <= $to)',
  text: "($text IS NULL OR toLower(s.text) CONTAINS $text OR toLower(coalesce(s.quote, '')) CONTAINS $text)",
} as const;

/**
 * The conditions of the filter parts in use (a part whose parameter is null selects everything, so
 * it is left out of the text rather than tested for every statement); `true` when none is.
 */
function statementWhere(implied: keyof typeof STATEMENT_CONDITIONS | null, p: Partial<Record<keyof typeof STATEMENT_CONDITIONS, unknown>>): string {
  const used = (Object.keys(STATEMENT_CONDITIONS) as (keyof typeof STATEMENT_CONDITIONS)[]).filter((k) => k !== implied && p[k] !== null && p[k] !== undefined);
  return used.length ? used.map((k) => STATEMENT_CONDITIONS[k]).join('\n  AND ') : 'true';
}

/** `from` moved back by the longest short span: every span that is not :LongSpan and overlaps [from, …] starts after it. */
function shortFrom(from: unknown): string | null {
  if (typeof from !== 'string') return null;
  const t = new Date(from).getTime();
  return Number.isFinite(t) ? new Date(t - LONG_SPAN_MS).toISOString() : null;
}

/**
 * All statements (or events) whose span may overlap [$from, $to], read from the time indexes: the
 * short spans from a bounded range of the start index, the long ones from the :LongSpan index on
 * their end (migration 0006). The exact overlap test is applied after, by the caller's WHERE.
 */
function windowAnchor(v: 's' | 'v', p: { from: unknown; to: unknown; shortFrom?: unknown }): string {
  const [label, earliest, latest] = v === 's' ? ['Statement', 'saidAtEarliest', 'saidAtLatest'] : ['Event', 'whenEarliest', 'whenLatest'];
  if (p.from && p.to && p.shortFrom)
    return `CALL { MATCH (${v}:${label}) WHERE ${v}.${earliest} >= $shortFrom AND ${v}.${earliest} <= $to RETURN ${v}
                   UNION MATCH (${v}:LongSpan) USING INDEX ${v}:LongSpan(${latest}, ${earliest})
                         WHERE ${v}.${latest} >= $from AND ${v}.${earliest} <= $to AND ${v}:${label} RETURN ${v} }`;
  if (p.from) return `MATCH (${v}:${label}) WHERE ${v}.${latest} >= $from`;
  if (p.to) return `MATCH (${v}:${label}) WHERE ${v}.${earliest} <= $to`;
  return `MATCH (${v}:${label})`;
}

/**
 * Where a statement list starts: at the documents, speakers or subjects the filter names (an index
 * seek and their relationships), else at all statements; and the filter applied after. The anchor
 * matches exactly the statements that the condition on those ids selects, so that condition is not
 * tested again (a statement cited by many documents would expand all its evidence once more); the
 * others are applied unchanged, so the result is the same; only the work differs.
 */
function statementAnchor(p: { documentIds: unknown; speakerIds: unknown; aboutIds: unknown; from: unknown; to: unknown; text: unknown; shortFrom: unknown }): {
  anchor: string;
  where: string;
} {
  if (p.documentIds)
    return { anchor: 'MATCH (d0:Document) WHERE d0.id IN $documentIds MATCH (s:Statement)-[:EVIDENCE]->(d0) WITH DISTINCT s', where: statementWhere('documentIds', p) };
  if (p.speakerIds)
    return { anchor: 'MATCH (e0:Entity) WHERE e0.id IN $speakerIds MATCH (s:Statement)-[:SAID_BY]->(e0) WITH DISTINCT s', where: statementWhere('speakerIds', p) };
  if (p.aboutIds)
    return {
      anchor: `CALL { MATCH (a0:Entity) WHERE a0.id IN $aboutIds RETURN a0 UNION MATCH (a0:Event) WHERE a0.id IN $aboutIds RETURN a0 }
            MATCH (s:Statement)-[:ABOUT]->(a0) WITH DISTINCT s`,
      where: statementWhere('aboutIds', p),
    };
  return { anchor: windowAnchor('s', p), where: statementWhere(null, p) };
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

/**
 * The timeline of a closed window [$from, $to] with no other filter, without sorting the window:
 * the items overlapping it are (1) those starting inside it, read in order from the start index
 * (ORDER BY + LIMIT served by the index, counted from the index alone), (2) the long spans
 * (:LongSpan) that started before it and end inside or after it, from the :LongSpan index on their
 * end, and (3) the short spans that started at most 32 days before it and reach into it, from the
 * (start, end) index. (2) and (3) are few; they sort before (1). The three sets are disjoint, so
 * the total is the sum of their sizes. An item's `at` is its sortAt, which the archive writes equal
 * to its span's start (saidAtEarliest / whenEarliest), so the start indexes give the order.
 */
const TIMELINE_WINDOW = `
  CALL {
    MATCH (s:LongSpan) USING INDEX s:LongSpan(saidAtLatest, saidAtEarliest)
    WHERE s.saidAtLatest >= $from AND s.saidAtEarliest < $from AND s:Statement
    RETURN s AS n, s.saidAtEarliest AS at
    UNION ALL
    MATCH (s:Statement) USING INDEX s:Statement(saidAtEarliest, saidAtLatest)
    WHERE s.saidAtEarliest >= $shortFrom AND s.saidAtEarliest < $from AND s.saidAtLatest >= $from AND NOT s:LongSpan
    RETURN s AS n, s.saidAtEarliest AS at
    UNION ALL
    MATCH (v:LongSpan) USING INDEX v:LongSpan(whenLatest, whenEarliest)
    WHERE v.whenLatest >= $from AND v.whenEarliest < $from AND v:Event
    RETURN v AS n, v.whenEarliest AS at
    UNION ALL
    MATCH (v:Event) USING INDEX v:Event(whenEarliest, whenLatest)
    WHERE v.whenEarliest >= $shortFrom AND v.whenEarliest < $from AND v.whenLatest >= $from AND NOT v:LongSpan
    RETURN v AS n, v.whenEarliest AS at
  }
  WITH collect({n: n, at: at}) AS before
  CALL { MATCH (s:Statement) WHERE s.saidAtEarliest >= $from AND s.saidAtEarliest <= $to RETURN count(s) AS inS }
  CALL { MATCH (v:Event) WHERE v.whenEarliest >= $from AND v.whenEarliest <= $to RETURN count(v) AS inV }
  CALL (before) {
    CALL (before) {
      UNWIND before AS x
      WITH x.n AS n, x.at AS at WHERE $k0 IS NULL OR at > $k0 OR (at = $k0 AND n.id > $k1)
      RETURN n, at
      UNION ALL
      MATCH (s:Statement) WHERE s.saidAtEarliest >= $inFrom AND s.saidAtEarliest <= $to
        AND ($k0 IS NULL OR s.saidAtEarliest > $k0 OR (s.saidAtEarliest = $k0 AND s.id > $k1))
      WITH s ORDER BY s.saidAtEarliest, s.id LIMIT $limit
      RETURN s AS n, s.saidAtEarliest AS at
      UNION ALL
      MATCH (v:Event) WHERE v.whenEarliest >= $inFrom AND v.whenEarliest <= $to
        AND ($k0 IS NULL OR v.whenEarliest > $k0 OR (v.whenEarliest = $k0 AND v.id > $k1))
      WITH v ORDER BY v.whenEarliest, v.id LIMIT $limit
      RETURN v AS n, v.whenEarliest AS at
    }
    WITH n, at ORDER BY at, n.id LIMIT $limit
    OPTIONAL MATCH (n)-[:SAID_BY]->(sp:Entity)
    OPTIONAL MATCH (n)-[:SAID_IN]->(pl:Entity)
    WITH n, at, sp, pl ORDER BY at, n.id
    RETURN collect({at: at, labels: labels(n), p: n {${ITEM_FIELDS}, speakerId: sp.id, saidInId: pl.id, speaker: sp {${ENTITY_FIELDS}}}}) AS rows
  }
  RETURN size(before) + inS + inV AS total, rows`;

/** Evidence as columns: per node id, its passages' documents (by id), offsets and excerpts. */
type EvidenceColumns = {
  ids: string[];
  docIds: string[][];
  starts: number[][];
  ends: number[][];
  excerpts: string[][];
};

/**
 * The evidence of the nodes `n` (rows in; one row out), each passage in document ingest order then
 * offset. Columns, not a map per passage: a statement may be reported by hundreds of documents, and
 * the driver decodes lists of plain values far faster than as many small maps. Documents are named
 * by id only; their records come from the document cache (see evidenceFrom).
 */
const EVIDENCE_COLUMNS = `MATCH (n)-[e:EVIDENCE]->(d:Document)
       WITH n.id AS id, e, d ORDER BY d.ingestedAt, e.start
       WITH id, collect(d.id) AS docIds, collect(e.start) AS starts, collect(e.end) AS ends, collect(e.excerpt) AS excerpts
       RETURN collect(id) AS ids, collect(docIds) AS docIds, collect(starts) AS starts, collect(ends) AS ends, collect(excerpts) AS excerpts`;

/**
 * Per node `n` (rows in; one row out): its id and how many evidence passages it has (the degree of
 * its EVIDENCE relationships: no passage is read). evidenceFrom takes the passages from the evidence
 * cache where the count matches and reads only the others.
 */
const EVIDENCE_COUNTS = `WITH n.id AS id, COUNT { (n)-[:EVIDENCE]->() } AS count
       RETURN collect(id) AS ids, collect(count) AS counts`;

type EvidenceCounts = { ids: string[]; counts: number[] };

/** The statements ($Statement) and events ($Event) whose evidence is asked, as rows `n`. */
const EVIDENCE_NODES = `CALL {
         UNWIND $Statement AS id MATCH (n:Statement {id: id}) RETURN n
         UNION ALL
         UNWIND $Event AS id MATCH (n:Event {id: id}) RETURN n
       }`;

/** The caches evidence is read through: passages by node, documents by id. */
export interface EvidenceCaches {
  documents: DocumentCache;
  evidence: EvidenceCache;
}

/**
 * Documents by id: those in the cache without a query, the others read whole (one round trip, none
 * when all are kept) and kept. Records from the cache have no `current` (see DocumentCache).
 */
async function documentRecords(
  executor: Executor,
  cache: DocumentCache,
  ids: Iterable<string>,
): Promise<Map<string, DocumentData>> {
  const { found: kept, missing } = cache.lookup(ids);
  // The lookup's map is new and ours: the documents read now are added to it.
  const found: Map<string, DocumentData> = kept;
  if (missing.length) {
    const rows = await executor.query<{ p: Props }>(`UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d {${DOCUMENT_FIELDS}} AS p`, { ids: missing });
    for (const { p } of rows) {
      const doc = toDocument(p);
      cache.set(doc);
      found.set(doc.id, doc);
    }
  }
  return found;
}

/**
 * The evidence of the nodes counted by EVIDENCE_COUNTS, by node id, each passage with its document's
 * record. Lists kept with the same count come from the evidence cache; the others are read (one
 * round trip, none when all are kept) and kept; the documents come from the document cache (one more
 * round trip for those not kept yet).
 */
async function evidenceFrom(executor: Executor, caches: EvidenceCaches, r: EvidenceCounts | undefined): Promise<Map<string, EvidenceRecord[]>> {
  const lists = new Map<string, readonly CachedPassage[]>();
  const missing: string[] = [];
  (r?.ids ?? []).forEach((id, i) => {
    const count = r!.counts[i];
    if (count === 0) return;
    const kept = caches.evidence.get(id, count);
    if (kept) lists.set(id, kept);
    else missing.push(id);
  });
  if (missing.length) {
    const byType = idsByType(missing);
    const [c] = await executor.query<EvidenceColumns>(
      `${EVIDENCE_NODES} ${EVIDENCE_COLUMNS}`,
      { Statement: byType.Statement, Event: byType.Event },
    );
    (c?.ids ?? []).forEach((id, i) => {
      const passages = c!.docIds[i].map((documentId, j) => ({ documentId, start: c!.starts[i][j], end: c!.ends[i][j], excerpt: c!.excerpts[i][j] }));
      caches.evidence.set(id, passages);
      lists.set(id, passages);
    });
  }
  const documents = await documentRecords(executor, caches.documents, [...lists.values()].flatMap((l) => l.map((p) => p.documentId)));
  const m = new Map<string, EvidenceRecord[]>();
  for (const [id, list] of lists) {
    const passages: EvidenceRecord[] = [];
    for (const p of list) {
      const document = documents.get(p.documentId);
      // A document gone between the queries (none is ever deleted) takes its passages with it.
      if (document) passages.push({ documentId: p.documentId, start: p.start, end: p.end, excerpt: p.excerpt, document });
    }
    m.set(id, passages);
  }
  return m;
}

export class ListRepository {
  constructor(
    private readonly executor: Executor,
    private readonly caches: EvidenceCaches = { documents: new DocumentCache(DEFAULT_DOCUMENT_CACHE), evidence: new EvidenceCache(DEFAULT_EVIDENCE_CACHE) },
  ) {}

  /** For each id, the ids at the other end of a relation. One round trip. */
  async related(relation: RelationName, ids: readonly string[]): Promise<string[][]> {
    const rows = await this.executor.query<{ id: string; ids: string[] }>(`UNWIND $ids AS id ${RELATIONS[relation]}`, { ids });
    const m = new Map(rows.map((r) => [r.id, r.ids]));
    return ids.map((id) => m.get(id) ?? []);
  }

  /**
   * The evidence of each statement or event, each passage with the document it cites, in the order
   * asked. The passages and documents come from the caches where they are kept (see evidenceFrom):
   * one round trip, up to two more for what is not kept yet.
   */
  async evidence(ids: readonly string[]): Promise<EvidenceRecord[][]> {
    const byType = idsByType(ids);
    const [r] = await this.executor.query<EvidenceCounts>(
      `${EVIDENCE_NODES} ${EVIDENCE_COUNTS}`,
      { Statement: byType.Statement, Event: byType.Event },
    );
    const m = await evidenceFrom(this.executor, this.caches, r);
    return ids.map((id) => m.get(id) ?? []);
  }

  /**
   * For each statement id, the statements it contradicts (with their speakers), in one round trip;
   * `withEvidence`: their evidence too, by statement id (documents from the document cache).
   * `statementProps` and `speakerProps` limit the properties read of the statements and of their
   * speakers (null: all; the others are then absent). `withOwners`: the statements asked for too.
   * `saidIn` false: where they were said is not read (saidInId undefined).
   */
  async contradicted(
    ids: readonly string[],
    withEvidence = false,
    statementProps: readonly StatementProperty[] | null = null,
    speakerProps: readonly EntityProperty[] | null = null,
    withOwners = false,
    saidIn = true,
  ): Promise<{ lists: StatementRecord[][]; owners: (StatementRecord | null)[] | null; evidence: Map<string, EvidenceRecord[]> | null }> {
    const [r] = await this.executor.query<{ rows: { id: string; items: Props[]; owner?: Props }[] } & Partial<EvidenceCounts>>(
      // With owners, each statement asked is read too (all its fields, as nodesByIds reads it), so a
      // root node(id) with its contradictions is one round trip.
      `UNWIND $ids AS id MATCH (n:Statement {id: id})
       ${withOwners ? 'OPTIONAL ' : ''}MATCH (n)-[:CONTRADICTS]->(m:Statement)
       WITH id, n, collect(DISTINCT m) AS ms
       WITH collect({id: id, ${withOwners ? `owner: ${fullStatement('n')}, ` : ''}items: [m IN ms | m {${statementFields(statementProps)},
         speaker: head([(m)-[:SAID_BY]->(sp:Entity) | sp {${entityFields(speakerProps)}}])${saidIn ? `,
         saidInId: head([(m)-[:SAID_IN]->(pl:Entity) | pl.id])` : ''}}]}) AS rows, collect(ms) AS mss
       ${withEvidence ? `CALL (mss) { UNWIND mss AS ms UNWIND ms AS n WITH DISTINCT n ${EVIDENCE_COUNTS} }` : ''}
       RETURN rows${withEvidence ? ', ids, counts' : ''}`,
      { ids },
    );
    const m = new Map((r?.rows ?? []).map((x) => [x.id, x]));
    return {
      lists: ids.map((id) => m.get(id)?.items.map((p) => toStatement(p)) ?? []),
      owners: withOwners ? ids.map((id) => (m.get(id)?.owner ? toStatement(m.get(id)!.owner!) : null)) : null,
      evidence: withEvidence ? await evidenceFrom(this.executor, this.caches, r as EvidenceCounts) : null,
    };
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
    // One auto-commit query for page and count (one round trip), whether or not the page is empty.
    if (lucene) {
      // Ranked by relevance; the cursor is the position in that ranking.
      const [offset] = after ? (decodeCursor(after, 1) as number[]) : [0];
      if (!Number.isInteger(offset) || offset < 0) throw new CursorError('"after" is not a cursor this list gave out');
      // The index is fed in batches (name-index.ts): the search first indexes the names still
      // pending, in this transaction (a full-text query sees its own transaction's changes), so it
      // sees every committed name and alias. Nothing is written when nothing is pending.
      const [{ rows, total }] = await this.executor.writeQuery<{ rows: Props[]; total: number }>(
        `${INDEX_PENDING_NAMES_FIRST}
         CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
         WHERE $kinds IS NULL OR node.kind IN $kinds
         WITH collect(node) AS hits
         RETURN size(hits) AS total, [node IN hits[$offset..$offset + $limit] | node {${ENTITY_FIELDS}}] AS rows`,
        { lucene, kinds, offset: int(offset), limit: int(first + 1) },
      );
      const items = rows.slice(0, first).map((p, i) => ({ cursor: encodeCursor([offset + i + 1]), node: toEntity(p) }));
      return { items, hasNextPage: rows.length > first, totalCount: total };
    }
    const [k0, k1] = after ? decodeCursor(after, 2) : [null, null];
    const [{ rows, total }] = await this.executor.query<{ rows: Props[]; total: number }>(
      `CALL { MATCH (e:Entity) WHERE $kinds IS NULL OR e.kind IN $kinds RETURN count(e) AS total }
       CALL {
         MATCH (e:Entity) WHERE ($kinds IS NULL OR e.kind IN $kinds)
           AND ($k0 IS NULL OR e.name > $k0 OR (e.name = $k0 AND e.id > $k1))
         WITH e ORDER BY e.name, e.id LIMIT $limit
         RETURN collect(e {${ENTITY_FIELDS}}) AS rows
       }
       RETURN rows, total`,
      { kinds, k0, k1, limit: int(first + 1) },
    );
    const items = rows.slice(0, first).map((p) => ({ cursor: encodeCursor([p.name, p.id]), node: toEntity(p) }));
    return { items, hasNextPage: rows.length > first, totalCount: total };
  }

  /**
   * Statements matching a filter, in order of when they were said (undated last), each with its
   * speaker; `shape` limits what is read of them (absent: everything the API reads).
   */
  async statements(filter: StatementFilterData, first: number, after: string | null, shape?: StatementShape): Promise<Page<StatementRecord>> {
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
    const { anchor, where } = statementAnchor(params);
    const { place, row, read } = statementRow('s', 'sp', 'sortKey', shape);
    // Page and count in one query (one round trip); both start where the filter points.
    // A filter by ids or by a closed window bounds the candidates: read them once, count and page
    // in memory. Otherwise count and page separately (never holding every statement).
    const bounded = !!(params.documentIds || params.speakerIds || params.aboutIds || (params.from && params.to && params.shortFrom));
    const [{ rows, total }] = await this.executor.query<{ rows: unknown[][]; total: number }>(
      bounded
        ? `${anchor} WITH s WHERE ${where}
           WITH s, coalesce(s.sortAt, $noTime) AS sortKey ORDER BY sortKey, s.id
           WITH collect({s: s, sortKey: sortKey}) AS candidates
           WITH size(candidates) AS total,
                [x IN candidates WHERE $k0 IS NULL OR x.sortKey > $k0 OR (x.sortKey = $k0 AND x.s.id > $k1)][0..$limit] AS page
           UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS x
           WITH total, x.s AS s, x.sortKey AS sortKey
           OPTIONAL MATCH (s)-[:SAID_BY]->(sp:Entity)
           ${place}
           WITH total, s, sortKey, sp, pl ORDER BY sortKey, s.id
           RETURN total, collect(CASE WHEN s IS NULL THEN null ELSE ${row} END) AS rows`
        : `CALL { ${anchor} WITH s WHERE ${where} RETURN count(s) AS total }
       CALL {
         ${anchor} WITH s WHERE ${where}
         WITH s, coalesce(s.sortAt, $noTime) AS sortKey
         WHERE $k0 IS NULL OR sortKey > $k0 OR (sortKey = $k0 AND s.id > $k1)
         WITH s, sortKey ORDER BY sortKey, s.id LIMIT $limit
         OPTIONAL MATCH (s)-[:SAID_BY]->(sp:Entity)
         ${place}
         WITH s, sortKey, sp, pl ORDER BY sortKey, s.id
         RETURN collect(${row}) AS rows
       }
       RETURN rows, total`,
      params,
    );
    const items = rows.slice(0, first).map((r) => {
      const node = read(r, 1); // the statement's values follow the sort key
      return { cursor: encodeCursor([r[0] as string, node.id]), node };
    });
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
    if (!params.documentIds && !params.entityIds && params.from && params.to && params.shortFrom) {
      // A window alone: read in index order (see TIMELINE_WINDOW); the page starts at the cursor.
      const inFrom = typeof k0 === 'string' && k0 > params.from ? k0 : params.from;
      const [{ rows, total }] = await this.executor.query<{ rows: { labels: string[]; p: Props; at: string }[]; total: number }>(TIMELINE_WINDOW, { ...params, inFrom });
      return timelinePage(rows, total, first);
    }
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
           RETURN total, collect(CASE WHEN n IS NULL THEN null ELSE {at: at, labels: labels(n), p: n {${ITEM_FIELDS}, speakerId: sp.id, saidInId: pl.id, speaker: sp {${ENTITY_FIELDS}}}} END) AS rows`
        : `CALL { ${union} RETURN count(n) AS total }
       CALL {
         ${union}
         WITH n, at WHERE $k0 IS NULL OR at > $k0 OR (at = $k0 AND n.id > $k1)
         WITH n, at ORDER BY at, n.id LIMIT $limit
         OPTIONAL MATCH (n)-[:SAID_BY]->(sp:Entity)
         OPTIONAL MATCH (n)-[:SAID_IN]->(pl:Entity)
         WITH n, at, sp, pl ORDER BY at, n.id
         RETURN collect({labels: labels(n), p: n {${ITEM_FIELDS}, speakerId: sp.id, saidInId: pl.id, speaker: sp {${ENTITY_FIELDS}}}, at: at}) AS rows
       }
       RETURN rows, total`,
      params,
    );
    return timelinePage(rows, total, first);
  }
}

function timelinePage(rows: { labels: string[]; p: Props; at: string }[], total: number, first: number): Page<EventData | StatementRecord> {
  const items = rows.slice(0, first).map((r) => ({
    cursor: encodeCursor([r.at, r.p.id]),
    node: r.labels.includes('Event') ? toEvent(r.p) : toStatement(r.p),
  }));
  return { items, hasNextPage: rows.length > first, totalCount: total };
}

/**
 * Statements by each of several speakers, one page each, in one round trip; `withEvidence`: the
 * evidence of the statements on those pages too.
 * A page is read in order from the (speakerId, sortKey, id) index (migration 0007) and the total is
 * the speaker's count of SAID_BY relationships, so neither reads the speaker's other statements.
 * `owners`: each speaker's own record, as nodesByIds reads it (null where there is none).
 */
export async function statementsBySpeakers(
  executor: Executor,
  caches: EvidenceCaches,
  ids: readonly string[],
  first: number,
  after: string | null,
  withEvidence = false,
): Promise<{ pages: Page<StatementRecord>[]; owners: (EntityData | null)[]; evidence: Map<string, EvidenceRecord[]> | null }> {
  const [k0, k1] = after ? decodeCursor(after, 2) : [null, null];
  const [r] = await executor.query<{ rows: { eid: string; speaker: Props; items: (Props & { sortKey: string })[]; total: number }[] } & Partial<EvidenceCounts>>(
    `UNWIND $ids AS eid
     MATCH (e:Entity {id: eid})
     CALL (e) {
       MATCH (s:Statement) USING INDEX s:Statement(speakerId, sortKey, id)
       WHERE s.speakerId = e.id AND s.sortKey >= $k0 AND s.id IS NOT NULL AND ($k1 IS NULL OR s.sortKey > $k0 OR s.id > $k1)
       WITH s ORDER BY s.speakerId, s.sortKey, s.id LIMIT $limit
       OPTIONAL MATCH (s)-[:SAID_IN]->(pl:Entity)
       WITH s, pl ORDER BY s.sortKey, s.id
       RETURN collect(s {${STATEMENT_FIELDS}, saidInId: pl.id, sortKey: s.sortKey}) AS items, collect(s)[0..$first] AS nodes
     }
     WITH eid, e, items, nodes, COUNT { (e)<-[:SAID_BY]-() } AS total
     WITH collect({eid: eid, speaker: e {${ENTITY_FIELDS}}, items: items, total: total}) AS rows, collect(nodes) AS nss
     ${withEvidence ? `CALL (nss) { UNWIND nss AS ns UNWIND ns AS n WITH DISTINCT n ${EVIDENCE_COUNTS} }` : ''}
     RETURN rows${withEvidence ? ', ids, counts' : ''}`,
    // One more statement than the page tells whether there is a next page; its evidence is not read.
    { ids, k0: k0 ?? '', k1, first: int(first), limit: int(first + 1) },
  );
  const m = new Map((r?.rows ?? []).map((x) => [x.eid, x]));
  const pages = ids.map((id) => {
    const x = m.get(id);
    if (!x) return { items: [], hasNextPage: false, totalCount: 0 };
    return {
      // The speaker is read once per page, not once per statement.
      items: x.items.slice(0, first).map((p) => ({ cursor: encodeCursor([p.sortKey, p.id]), node: toStatement({ ...p, speakerId: x.eid, speaker: x.speaker }) })),
      hasNextPage: x.items.length > first,
      totalCount: x.total,
    };
  });
  // Each speaker's own record (all its fields), so a root entity(id) needs no lookup of its own.
  const owners = ids.map((id) => {
    const x = m.get(id);
    return x ? toEntity(x.speaker) : null;
  });
  return { pages, owners, evidence: withEvidence ? await evidenceFrom(executor, caches, r as EvidenceCounts) : null };
}
