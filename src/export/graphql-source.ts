/**
 * A TimelineSource that asks the GraphQL API (contract field names only) through a given executor,
 * paging `timeline(filter:, first: 500, after:)` until the list is done.
 */
import type { ExportEntityKind, ExportEntry, ExportEvidence, ExportTimeSpan, TimelineFilter, TimelineSource } from './types';

export interface GraphQLResultLike {
  data?: unknown;
  errors?: ReadonlyArray<{ message: string; extensions?: { code?: unknown; [k: string]: unknown } }>;
}

export type GraphQLExec = (query: string, variables: Record<string, unknown>) => Promise<GraphQLResultLike>;

/** A GraphQL error surfaced by the source; `code` is the error's extensions.code when it has one. */
export class TimelineQueryError extends Error {
  override name = 'TimelineQueryError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export const PAGE_SIZE = 500;

export const TIMELINE_QUERY = `query AnnalsExportTimeline($filter: TimelineFilter, $first: Int, $after: String) {
  timeline(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        at { edtf earliest latest text }
        item {
          __typename
          ... on Statement {
            id kind text quote speakerText channel
            speaker { id name kind }
            saidAt { edtf earliest latest text }
            saidIn { id name }
            evidence { start end excerpt document { id title url } }
            contradicts { id }
          }
          ... on Event {
            id label type
            when { edtf earliest latest text }
            places { id name }
            participants { id name kind }
            evidence { start end excerpt document { id title url } }
          }
        }
      }
    }
  }
}`;

/** Drops empty parts, so the API sees exactly the conditions that were asked. */
export function cleanFilter(filter: TimelineFilter): TimelineFilter {
  const out: TimelineFilter = {};
  if (filter.entityIds?.length) out.entityIds = [...filter.entityIds];
  if (filter.documentIds?.length) out.documentIds = [...filter.documentIds];
  if (filter.from) out.from = filter.from;
  if (filter.to) out.to = filter.to;
  return out;
}

/** DateTime values arrive as ISO strings over HTTP, but as Date objects from an in-process execute(). */
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
type RawSpan = { edtf: unknown; earliest: unknown; latest: unknown; text?: string | null } | null | undefined;
const span = (s: RawSpan): ExportTimeSpan | null =>
  s ? { edtf: String(s.edtf), earliest: iso(s.earliest), latest: iso(s.latest), text: s.text ?? null } : null;
const evidence = (list: unknown): ExportEvidence[] =>
  ((list as ExportEvidence[] | null) ?? []).map((e) => ({
    document: { id: e.document.id, title: e.document.title, url: e.document.url ?? null },
    start: e.start,
    end: e.end,
    excerpt: e.excerpt,
  }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toExportEntry(node: any): ExportEntry {
  const at = span(node.at) as ExportTimeSpan;
  const it = node.item;
  if (it.__typename === 'Statement') {
    return {
      at,
      item: {
        __typename: 'Statement',
        id: it.id,
        kind: it.kind,
        text: it.text,
        quote: it.quote ?? null,
        speaker: it.speaker ? { id: it.speaker.id, name: it.speaker.name, kind: it.speaker.kind } : null,
        speakerText: it.speakerText ?? null,
        channel: it.channel ?? null,
        saidAt: span(it.saidAt),
        saidIn: it.saidIn ? { id: it.saidIn.id, name: it.saidIn.name } : null,
        evidence: evidence(it.evidence),
        contradicts: ((it.contradicts ?? []) as { id: string }[]).map((c) => c.id),
      },
    };
  }
  if (it.__typename === 'Event') {
    return {
      at,
      item: {
        __typename: 'Event',
        id: it.id,
        label: it.label,
        type: it.type,
        when: span(it.when),
        places: ((it.places ?? []) as { id: string; name: string }[]).map((p) => ({ id: p.id, name: p.name })),
        participants: ((it.participants ?? []) as { id: string; name: string; kind: ExportEntityKind }[]).map((p) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
        })),
        evidence: evidence(it.evidence),
      },
    };
  }
  throw new TimelineQueryError(`unexpected timeline item type ${String(it?.__typename)}`, 'INTERNAL_SERVER_ERROR');
}

export class GraphQLTimelineSource implements TimelineSource {
  constructor(
    private readonly exec: GraphQLExec,
    private readonly pageSize = PAGE_SIZE,
  ) {}

  async fetchTimeline(filter: TimelineFilter): Promise<ExportEntry[]> {
    const entries: ExportEntry[] = [];
    const f = cleanFilter(filter);
    let after: string | null = null;
    for (;;) {
      const result = await this.exec(TIMELINE_QUERY, { filter: Object.keys(f).length ? f : null, first: this.pageSize, after });
      if (result.errors?.length) {
        const first = result.errors[0];
        const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
        throw new TimelineQueryError(result.errors.map((e) => e.message).join('; '), code);
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const conn = (result.data as any)?.timeline;
      if (!conn) throw new TimelineQueryError('the API answered without a timeline', 'INTERNAL_SERVER_ERROR');
      for (const edge of conn.edges) entries.push(toExportEntry(edge.node));
      if (!conn.pageInfo.hasNextPage) break;
      if (!conn.pageInfo.endCursor || conn.pageInfo.endCursor === after) {
        throw new TimelineQueryError('the timeline has more pages but gave no new cursor', 'INTERNAL_SERVER_ERROR');
      }
      after = conn.pageInfo.endCursor;
    }
    return entries;
  }
}

/** Convenience: a TimelineSource over an executor. */
export const graphqlTimelineSource = (exec: GraphQLExec, pageSize = PAGE_SIZE): TimelineSource => new GraphQLTimelineSource(exec, pageSize);
