/**
 * Writes: one document and everything extracted from it, in one transaction, with batched
 * (UNWIND) and idempotent (MERGE on stable keys) statements.
 */
import type { PreparedDocument } from '../ingest/types';
import type { ContradictionRecord, EntityRecord, Extraction, StatementRecord, TimeSpanValue } from '../extract/types';
import type { Executor } from './executor';
import { claimMatters } from '../extract/contradictions';
import { documentId, entityId, eventId, statementId } from './ids';
import { int } from './convert';
import { NO_TIME } from './spans';
import { INDEX_PENDING_NAMES } from './name-index';

export type StoreStatus = 'added' | 'updated' | 'unchanged';

export interface StoreResult {
  status: StoreStatus;
  id: string;
  version: number;
}

const LABEL = { PERSON: 'Person', ORGANIZATION: 'Organization', PLACE: 'Place' } as const;

/** Flattens a TimeSpan into node properties under a prefix (saidAt → saidAtEdtf, ...). */
function spanProps(prefix: string, span: TimeSpanValue | null | undefined): Record<string, unknown> {
  return {
    [`${prefix}Edtf`]: span?.edtf ?? null,
    [`${prefix}Earliest`]: span ? new Date(span.earliest).toISOString() : null,
    [`${prefix}Latest`]: span ? new Date(span.latest).toISOString() : null,
    [`${prefix}Text`]: span?.text ?? null,
    [`${prefix}Certain`]: span?.certain ?? null,
  };
}

/** Spans longer than this carry the label :LongSpan (see schema/migrations/0003_long_spans.cypher). */
export const LONG_SPAN_MS = 32 * 86_400_000;
const isLong = (span: TimeSpanValue | null | undefined) => !!span && new Date(span.latest).getTime() - new Date(span.earliest).getTime() > LONG_SPAN_MS;

function entityRows(records: EntityRecord[]) {
  // One row per key (the write creates one mention relationship per row): a key given twice keeps its
  // first record, with the aliases and mentions of both.
  const byKey = new Map<string, EntityRecord>();
  for (const e of records) {
    const first = byKey.get(e.key);
    byKey.set(e.key, first ? { ...first, aliases: [...first.aliases, ...e.aliases], mentions: [...first.mentions, ...e.mentions] } : e);
  }
  return [...byKey.values()].map((e) => ({
    id: entityId(e.key),
    key: e.key,
    kind: e.kind,
    label: LABEL[e.kind],
    name: e.name,
    aliases: [...new Set(e.aliases.filter((a) => a !== e.name))],
    role: e.role ?? false,
    wikidata: e.wikidata ?? null,
    latitude: e.latitude ?? null,
    longitude: e.longitude ?? null,
    country: e.country ?? null,
    starts: e.mentions.map((m) => m.start),
    ends: e.mentions.map((m) => m.end),
  }));
}

function statementRows(statements: StatementRecord[], text: string) {
  return statements.map((s) => {
    const sortAt = s.saidAt ? new Date(s.saidAt.earliest).toISOString() : null;
    const speakerId = s.speakerKey ? entityId(s.speakerKey) : null;
    return {
      id: statementId(s.key),
      key: s.key,
      props: {
        kind: s.kind,
        text: s.text,
        quote: s.quote,
        speakerText: s.speakerText,
        channel: s.channel,
        ...spanProps('saidAt', s.saidAt),
        sortAt,
        claims: JSON.stringify(s.claims ?? []),
        matters: claimMatters(s.claims),
        // A speaker's statements are read in page order from an index on (speakerId, sortKey, id)
        // (schema/migrations/0007_speaker_order.cypher); the key includes the speaker, so neither changes.
        speakerId,
        sortKey: sortAt ?? NO_TIME,
      },
      long: isLong(s.saidAt),
      start: s.evidence.start,
      end: s.evidence.end,
      excerpt: text.slice(s.evidence.start, s.evidence.end),
    };
  });
}

interface CandidateRow {
  key: string;
  kind: StatementRecord['kind'];
  text: string;
  claims: string | null;
  saidAtEdtf: string | null;
  saidAtEarliest: string | null;
  saidAtLatest: string | null;
  speakerKey: string | null;
}

/** A stored statement as the contradiction check sees it (only what the comparison needs). */
function candidateRecord(s: CandidateRow): StatementRecord {
  return {
    key: s.key,
    kind: s.kind,
    text: s.text,
    quote: null,
    speakerKey: s.speakerKey,
    speakerText: null,
    channel: null,
    saidAt: s.saidAtEdtf ? { edtf: s.saidAtEdtf, earliest: s.saidAtEarliest!, latest: s.saidAtLatest!, text: null } : null,
    saidInKey: null,
    aboutKeys: [],
    evidence: { start: 0, end: 0 },
    claims: JSON.parse(s.claims || '[]'),
  };
}

export class ArchiveRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * Stores a document with its extraction, in one query: one transaction and one round trip. The
   * same bytes again change nothing. `pairs` are contradictions between this document's statements
   * and stored ones (found among claimStatements' candidates), stored with it.
   */
  async storeDocument(doc: PreparedDocument, x: Extraction, pairs: ContradictionRecord[] = []): Promise<StoreResult> {
    const id = documentId(doc.sha256);
    const [head] = await this.executor.writeQuery<{ created: boolean; version: number; previous: string | null }>(
      STORE_DOCUMENT,
      storeDocumentParams(doc, x, pairs),
    );
    if (!head.created) return { status: 'unchanged', id, version: head.version };
    return { status: head.previous ? 'updated' : 'added', id, version: head.version };
  }

  /** Which of these sha256s are stored already (one round trip for many files). */
  async storedDigests(sha256s: string[]): Promise<Set<string>> {
    if (!sha256s.length) return new Set();
    const rows = await this.executor.query<{ sha256: string }>(
      'UNWIND $sha256s AS sha256 MATCH (d:Document {sha256: sha256}) RETURN d.sha256 AS sha256',
      { sha256s },
    );
    return new Set(rows.map((r) => r.sha256));
  }

  /** Entities already in the archive, for cross-document resolution. */
  async knownEntities(): Promise<Pick<EntityRecord, 'key' | 'kind' | 'name' | 'aliases'>[]> {
    return this.executor.query(`MATCH (e:Entity) RETURN e.key AS key, e.kind AS kind, e.name AS name, e.aliases AS aliases`);
  }

  /**
   * Statements whose claims are about any of the given matters (see claimMatters): the candidates
   * for contradictions (the ingest compares only those said near its document's, see crossCheck).
   * Only what the comparison needs is read.
   */
  async claimStatements(matters: string[]): Promise<StatementRecord[]> {
    if (!matters.length) return [];
    const rows = await this.executor.query<{ s: CandidateRow }>(
      `UNWIND $matters AS k
       MATCH (:Matter {key: k})<-[:CLAIMS]-(s:Statement)
       WITH DISTINCT s
       OPTIONAL MATCH (s)-[:SAID_BY]->(sp:Entity)
       RETURN s {.key, .kind, .text, .claims, .saidAtEdtf, .saidAtEarliest, .saidAtLatest, speakerKey: sp.key} AS s`,
      { matters },
    );
    return rows.map(({ s }) => candidateRecord(s));
  }

  /**
   * Files statements stored before matters existed (migration 0005) under their matters, in
   * batches; returns how many statements it looked at. Cheap when there is nothing to do.
   */
  async backfillMatters(batch = 2000): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.executor.query<{ id: string; claims: string }>(
        `MATCH (s:Statement) WHERE s.matters IS NULL AND s.claims IS NOT NULL RETURN s.id AS id, s.claims AS claims LIMIT $batch`,
        { batch: int(batch) },
      );
      if (!rows.length) return total;
      const items = rows.map((r) => ({ id: r.id, matters: claimMatters(JSON.parse(r.claims || '[]')) }));
      await this.executor.write((tx) =>
        tx.run(
          `UNWIND $items AS item
           MATCH (s:Statement {id: item.id})
           SET s.matters = item.matters
           WITH s, item UNWIND item.matters AS key
           MERGE (m:Matter {key: key})
           MERGE (s)-[:CLAIMS]->(m)`,
          { items },
        ),
      );
      total += rows.length;
    }
  }

  /**
   * Writes the indexed names of entities marked :NamesPending, in transactions of up to `batch`
   * entities, until none is left (see name-index.ts); returns how many it indexed.
   */
  async indexPendingNames(batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = await this.executor.writeQuery<{ n: number }>(INDEX_PENDING_NAMES, { limit: int(batch) });
      total += n;
      if (n < batch) return total;
    }
  }

  async counts(): Promise<{ documents: number; entities: number; statements: number; events: number }> {
    const [row] = await this.executor.query<{ documents: number; entities: number; statements: number; events: number }>(
      `CALL { MATCH (d:Document) RETURN count(d) AS documents }
       CALL { MATCH (e:Entity) RETURN count(e) AS entities }
       CALL { MATCH (s:Statement) RETURN count(s) AS statements }
       CALL { MATCH (v:Event) RETURN count(v) AS events }
       RETURN documents, entities, statements, events`,
    );
    return row;
  }
}

/** The publication date as a span (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
export function publishedSpan(published: string | null): TimeSpanValue | null {
  if (!published) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(published);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
  const start = new Date(Date.UTC(y, (mo ?? 1) - 1, d ?? 1));
  const end = d ? new Date(Date.UTC(y, mo! - 1, d + 1)) : mo ? new Date(Date.UTC(y, mo, 1)) : new Date(Date.UTC(y + 1, 0, 1));
  return { edtf: published, earliest: start.toISOString(), latest: new Date(end.getTime() - 1).toISOString(), text: null };
}

/** The parameters of STORE_DOCUMENT for a document, its extraction and the contradictions found with stored statements. */
export function storeDocumentParams(doc: PreparedDocument, x: Extraction, pairs: ContradictionRecord[]) {
  return {
    id: documentId(doc.sha256),
    sha256: doc.sha256,
    identity: doc.identity,
    props: {
      identity: doc.identity,
      path: doc.path,
      relPath: doc.relPath ?? null,
      title: doc.meta.title,
      publisher: doc.meta.publisher,
      url: doc.meta.url,
      language: doc.meta.language,
      source: doc.meta.source,
      rights: doc.meta.rights,
      notes: doc.meta.notes,
      metadata: JSON.stringify(doc.meta.extra ?? {}),
      published: doc.meta.published,
      publishedSource: doc.meta.publishedSource,
      ...spanProps('published', publishedSpan(doc.meta.published)),
      mediaType: doc.mediaType,
      text: doc.text,
      original: Buffer.from(doc.original).toString('base64'),
      furniture: JSON.stringify(doc.furniture),
    },
    batch: extractionBatch(doc.text, x, pairs),
  };
}

/**
 * Relationships from statements and events to entities. The types are static in the query text:
 * a MERGE with a dynamic type ($(type)) is planned as a scan of all relationships whenever the
 * planner's statistics were taken on a small graph, and such a plan stays cached while the graph grows.
 * `nodes` names the list (in STORE_DOCUMENT) that holds the node a link starts from.
 */
const LINKS = [
  { type: 'SAID_BY', nodes: 'statements' },
  { type: 'SAID_IN', nodes: 'statements' },
  { type: 'ABOUT', nodes: 'statements' },
  { type: 'AT', nodes: 'events' },
  { type: 'INVOLVES', nodes: 'events' },
] as const;
type LinkType = (typeof LINKS)[number]['type'];

/**
 * The unit subquery of STORE_DOCUMENT that MERGEs the statements or events of $batch.<list> with their
 * evidence passages, and collects them with a list of which ones it created (flagged by a property
 * that exists only inside the transaction): the relationships of a node created here are created,
 * not merged, below (nothing can link to it yet), so they lock nothing else.
 */
const evidenced = (label: 'Statement' | 'Event', list: 'statements' | 'events') => `     CALL (d) {
       UNWIND $batch.${list} AS row
       MERGE (n:${label} {key: row.key})
       ON CREATE SET n += row.props, n.id = row.id, n.annalsNew = true
       WITH d, row, n, n.annalsNew IS NOT NULL AS fresh
       FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | REMOVE n.annalsNew)
       FOREACH (_ IN CASE WHEN fresh AND row.long THEN [1] ELSE [] END | SET n:LongSpan)
       CREATE (n)-[:EVIDENCE {start: row.start, end: row.end, excerpt: row.excerpt}]->(d)
       RETURN collect(n) AS ${list}, collect(fresh) AS ${list}New
     }`;

/**
 * A document and everything extracted from it, in one query: one transaction, one round trip (an
 * auto-commit transaction needs no separate COMMIT, and each round trip costs about a millisecond
 * even on loopback). The document is MERGEd on its sha256 first; when it was stored already, nothing
 * else is written. Then entities, statements and their relationships, events, contradictions.
 *
 * The entities, statements and events are MERGEd once, each part collecting its nodes in row order
 * (collect keeps the order of the rows: the query runs on one thread); relationships and the alias
 * update then take their nodes from those lists by position (the rows carry the positions, see
 * extractionBatch) instead of finding each again through an index: a document of the benchmark's
 * corpus has about 50 such links, and index seeks were an eighth of the database's samples in a
 * profile of the ingest. A link to an entity the document does not list (the extraction never
 * makes one) is found by id. Entity properties are written only when they change. The full-text
 * index over names is not fed here: an entity created or renamed is marked :NamesPending, and its
 * indexed names are written later, many entities at once (see name-index.ts).
 *
 * Relationships that cannot exist yet are CREATEd (the new document's mentions and evidence, and the
 * links and claims of the statements and events this transaction creates; the rows hold each pair
 * once, see extractionBatch); the others are MERGEd. A relationship MERGE locks both its ends until
 * the commit, so merging every mention made each writer wait for any other that named the same entity.
 *
 * All rows travel in one map parameter ($batch). Neo4j keys its plan cache on the types of the
 * top-level parameters, including a size bucket for lists, so six list parameters would give
 * hundreds of variants of this large query, each planned anew; one map gives one plan.
 *
 * `replan=skip`: the plan is kept when the graph's statistics change. Every lookup here is by a
 * unique key or by the document's identity, so the plan does not depend on the statistics, while
 * replanning this large query cost about a second of the database's CPU each time a growing archive
 * moved its statistics (every ten seconds during an ingest), and the writers waited for it.
 * test/graph/archive.repository.int.test.ts checks that the plan seeks by index and scans nothing.
 */
export const STORE_DOCUMENT = `CYPHER replan=skip
     OPTIONAL MATCH (prev:Document {identity: $identity, current: true}) WHERE prev.sha256 <> $sha256
     WITH prev ORDER BY prev.version DESC LIMIT 1
     MERGE (d:Document {sha256: $sha256})
     ON CREATE SET d += $props, d.id = $id, d.created = true,
                   d.version = coalesce(prev.version, 0) + 1, d.current = true, d.ingestedAt = toString(datetime())
     WITH d, prev, coalesce(d.created, false) AS created
     REMOVE d.created
     FOREACH (_ IN CASE WHEN created AND prev IS NOT NULL THEN [1] ELSE [] END |
       SET prev.current = false
       MERGE (d)-[:SUPERSEDES]->(prev))
     WITH d, prev, created
     CALL (d, created) {
     WITH d WHERE created
     CALL (d) {
       UNWIND $batch.entities AS row
       MERGE (e:Entity {key: row.key})
       ON CREATE SET e:$(row.label), e:NamesPending, e.id = row.id, e.kind = row.kind, e.name = row.name, e.aliases = [],
                     e.role = row.role, e.wikidata = row.wikidata, e.latitude = row.latitude,
                     e.longitude = row.longitude, e.country = row.country
       CREATE (e)-[:MENTIONED_IN {starts: row.starts, ends: row.ends}]->(d)
       RETURN collect(e) AS entities
     }
     // The entities whose names or place data this document changes, read without a lock: names are
     // only ever added (a longer name moves the shorter one into the aliases), so an entity that has
     // every name of its row in a committed state has them in any later one. Those that change are
     // locked (a property set and removed again) before their names are read again below, so what is
     // read there is what another writer committed last: no alias of a concurrent document is lost.
     CALL (entities) {
       UNWIND range(0, size(entities) - 1) AS i
       WITH i, entities[i] AS e, $batch.entities[i] AS row
       WHERE any(a IN [row.name] + row.aliases WHERE a <> e.name AND NOT a IN e.aliases)
          OR (e.kind = 'PERSON' AND size(row.name) > size(e.name) AND row.name ENDS WITH (' ' + e.name))
          OR (e.wikidata IS NULL AND row.wikidata IS NOT NULL)
          OR (e.latitude IS NULL AND row.latitude IS NOT NULL)
          OR (e.longitude IS NULL AND row.longitude IS NOT NULL)
       SET e.annalsLock = true
       REMOVE e.annalsLock
       RETURN collect(i) AS changing
     }
     CALL (entities, changing) {
       UNWIND changing AS i
       WITH entities[i] AS e, $batch.entities[i] AS row
       // A person first seen by surname takes the fuller name a later document gives
       // ("Okafor", then "Mira Okafor"); the shorter form stays as an alias.
       WITH e, row,
            CASE WHEN e.kind = 'PERSON' AND size(row.name) > size(e.name) AND row.name ENDS WITH (' ' + e.name) THEN row.name ELSE e.name END AS name
       WITH e, row, name,
            reduce(acc = [a IN e.aliases WHERE a <> name], a IN row.aliases + CASE WHEN name <> e.name THEN [e.name] ELSE [] END |
                   CASE WHEN a IN acc OR a = name THEN acc ELSE acc + a END) AS aliases
       FOREACH (_ IN CASE WHEN name <> e.name OR size(aliases) <> size(e.aliases) THEN [1] ELSE [] END |
         SET e.name = name, e.aliases = aliases, e:NamesPending)
       FOREACH (_ IN CASE WHEN e.wikidata IS NULL AND row.wikidata IS NOT NULL THEN [1] ELSE [] END | SET e.wikidata = row.wikidata)
       FOREACH (_ IN CASE WHEN e.latitude IS NULL AND row.latitude IS NOT NULL THEN [1] ELSE [] END | SET e.latitude = row.latitude)
       FOREACH (_ IN CASE WHEN e.longitude IS NULL AND row.longitude IS NOT NULL THEN [1] ELSE [] END | SET e.longitude = row.longitude)
     }
${evidenced('Statement', 'statements')}
${evidenced('Event', 'events')}
${LINKS.map(
  ({ type, nodes }) => `     CALL (${nodes}, ${nodes}New, entities) {
       UNWIND $batch.links.${type} AS link
       WITH ${nodes}[link.from] AS a, ${nodes}New[link.from] AS fresh, entities[link.to] AS e
       FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | CREATE (a)-[:${type}]->(e))
       FOREACH (_ IN CASE WHEN fresh THEN [] ELSE [1] END | MERGE (a)-[:${type}]->(e))
     }
     CALL (${nodes}) {
       UNWIND $batch.links.${type}ById AS link
       WITH ${nodes}[link.from] AS a, link
       MATCH (e:Entity {id: link.to})
       MERGE (a)-[:${type}]->(e)
     }`,
).join('\n')}
     CALL (statements, statementsNew) {
       UNWIND $batch.matters AS row
       MERGE (m:Matter {key: row.key})
       WITH m, statements[row.statement] AS s, statementsNew[row.statement] AS fresh
       FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | CREATE (s)-[:CLAIMS]->(m))
       FOREACH (_ IN CASE WHEN fresh THEN [] ELSE [1] END | MERGE (s)-[:CLAIMS]->(m))
     }
     CALL {
       UNWIND $batch.pairs AS row
       MATCH (a:Statement {key: row.a}), (b:Statement {key: row.b})
       WHERE a <> b
       MERGE (a)-[r1:CONTRADICTS]->(b) SET r1.reason = row.reason
       MERGE (b)-[r2:CONTRADICTS]->(a) SET r2.reason = row.reason
     }
     }
     RETURN created, d.version AS version, prev.id AS previous`;

/** The items with distinct keys, first of each kept, in order. */
function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)));
}

/** The rows of STORE_DOCUMENT's $batch: everything extracted from one document. */
function extractionBatch(text: string, x: Extraction, cross: ContradictionRecord[]) {
  // In one order in every transaction, so two writers lock shared entities in the same order.
  const entities = entityRows(x.entities).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const statements = unique(statementRows(x.statements, text), (r) => `${r.key} ${r.start} ${r.end}`);
  const events = unique(x.events.map((v) => ({
    id: eventId(v.key),
    key: v.key,
    props: { label: v.label, type: v.type, ...spanProps('when', v.when), sortAt: v.when ? new Date(v.when.earliest).toISOString() : null },
    long: isLong(v.when),
    start: v.evidence.start,
    end: v.evidence.end,
    excerpt: text.slice(v.evidence.start, v.evidence.end),
  })), (r) => `${r.key} ${r.start} ${r.end}`);
  // Positions in the lists STORE_DOCUMENT collects (a key given twice is one node: its first position).
  // (Integers, not floats: Cypher indexes a list by integer only.)
  const position = (keys: string[]) => {
    const at = new Map<string, ReturnType<typeof int>>();
    keys.forEach((k, i) => at.has(k) || at.set(k, int(i)));
    return at;
  };
  const entityAt = position(entities.map((e) => e.key));
  const statementAt = position(statements.map((s) => s.key));
  const eventAt = position(events.map((v) => v.key));
  const links = {} as Record<LinkType | `${LinkType}ById`, { from: ReturnType<typeof int>; to: ReturnType<typeof int> | string }[]>;
  const linked = new Set<string>();
  const link = (type: LinkType, from: ReturnType<typeof int>, toKey: string) => {
    // Once per pair: the write creates, not merges, the relationships of a node new in its transaction.
    if (linked.has(`${type} ${from} ${toKey}`)) return;
    linked.add(`${type} ${from} ${toKey}`);
    const to = entityAt.get(toKey);
    if (to !== undefined) links[type].push({ from, to });
    else links[`${type}ById`].push({ from, to: entityId(toKey) });
  };
  for (const { type } of LINKS) {
    links[type] = [];
    links[`${type}ById`] = [];
  }
  for (const s of x.statements) {
    const from = statementAt.get(s.key)!;
    if (s.speakerKey) link('SAID_BY', from, s.speakerKey);
    if (s.saidInKey) link('SAID_IN', from, s.saidInKey);
    for (const a of new Set(s.aboutKeys)) link('ABOUT', from, a);
  }
  for (const v of x.events) {
    const from = eventAt.get(v.key)!;
    for (const p of new Set(v.placeKeys)) link('AT', from, p);
    for (const p of new Set(v.participantKeys)) link('INVOLVES', from, p);
  }
  const matters = unique(
    statements.flatMap((r) => r.props.matters.map((key) => ({ key, statement: statementAt.get(r.key)! }))),
    (m) => `${m.key} ${m.statement}`,
  );
  const pairs = [...x.contradictions, ...cross];
  return { entities, statements, events, links, matters, pairs };
}
