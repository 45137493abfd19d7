/**
 * Reads for the API: batched lookups by id (for DataLoader) and keyset-paged lists with counts
 * done in the database.
 */
import type { Executor } from './executor';
import { decodeCursor, encodeCursor } from './cursor';
import { int } from './convert';
import type { DocumentData, EntityData, EventData, NodeData, Page, StatementData } from './models';
import { spanFrom } from './spans';
import { typeOfId } from './ids';

type Props = Record<string, unknown>;

export function toDocument(p: Props): DocumentData {
  return {
    __typename: 'Document',
    id: p.id as string,
    identity: p.identity as string,
    title: p.title as string,
    publisher: (p.publisher as string) ?? null,
    url: (p.url as string) ?? null,
    published: spanFrom(p, 'published'),
    publishedSource: (p.publishedSource as string) ?? null,
    sha256: p.sha256 as string,
    text: p.text as string,
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
    speakerId: p.speakerId ?? null,
    saidInId: p.saidInId ?? null,
  };
}

export function toEvent(p: Props): EventData {
  return { __typename: 'Event', id: p.id as string, label: p.label as string, type: p.type as string, when: spanFrom(p, 'when') };
}

export class ReadRepository {
  constructor(private readonly executor: Executor) {}

  /** Any node by id, in the order asked; null where none. One round trip. */
  async nodesByIds(ids: readonly string[]): Promise<(NodeData | null)[]> {
    const rows = await this.executor.query<{ labels: string[]; p: Props; speakerId: string | null; saidInId: string | null }>(
      `UNWIND $ids AS id
       MATCH (n) WHERE (n:Document OR n:Entity OR n:Statement OR n:Event) AND n.id = id
       OPTIONAL MATCH (n:Statement)-[:SAID_BY]->(sp:Entity)
       OPTIONAL MATCH (n:Statement)-[:SAID_IN]->(pl:Entity)
       RETURN labels(n) AS labels, n {.*, text: n.text} AS p, sp.id AS speakerId, pl.id AS saidInId`,
      { ids: ids.filter((id) => typeOfId(id) !== null) },
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

  /** Documents, oldest ingest first (stable when more are added). */
  async documents(first: number, after: string | null): Promise<Page<DocumentData>> {
    const [k0, k1] = after ? decodeCursor(after, 2) : [null, null];
    return this.executor.read(async (tx) => {
      const rows = await tx.run<{ p: Props }>(
        `MATCH (d:Document)
         WHERE $k0 IS NULL OR d.ingestedAt > $k0 OR (d.ingestedAt = $k0 AND d.id > $k1)
         RETURN d {.*} AS p ORDER BY d.ingestedAt, d.id LIMIT $limit`,
        { k0, k1, limit: int(first + 1) },
      );
      const [{ total }] = await tx.run<{ total: number }>('MATCH (d:Document) RETURN count(d) AS total');
      const items = rows.slice(0, first).map((r) => ({ cursor: encodeCursor([r.p.ingestedAt, r.p.id]), node: toDocument(r.p) }));
      return { items, hasNextPage: rows.length > first, totalCount: total };
    });
  }
}
