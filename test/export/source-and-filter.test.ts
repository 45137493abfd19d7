import { describe, expect, it } from 'vitest';
import { parse, validate, buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { ExportInputError, parseDateBound, parseExportFilter } from '../../src/export/filter';
import { GraphQLTimelineSource, TIMELINE_QUERY, TimelineQueryError } from '../../src/export/graphql-source';
import { ENTRIES } from './entries';

/** What the API would answer for one entry (contradicts as objects). */
function apiNode(i: number) {
  const e = ENTRIES[i];
  const item = e.item.__typename === 'Statement' ? { ...e.item, contradicts: e.item.contradicts.map((id) => ({ id })) } : e.item;
  return { at: e.at, item };
}

describe('GraphQLTimelineSource', () => {
  it('asks only for fields of the published schema', () => {
    const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
    expect(validate(schema, parse(TIMELINE_QUERY))).toEqual([]);
  });

  it('pages with first: 500 and after: until done, keeping order', async () => {
    const calls: Record<string, unknown>[] = [];
    const pages = [
      { nodes: [0, 1], next: 'c2' },
      { nodes: [2], next: 'c3' },
      { nodes: [3], next: null },
    ];
    const source = new GraphQLTimelineSource(async (_q, vars) => {
      calls.push(vars);
      const p = pages[calls.length - 1];
      return { data: { timeline: { pageInfo: { hasNextPage: !!p.next, endCursor: p.next }, edges: p.nodes.map((i) => ({ node: apiNode(i) })) } } };
    });
    const got = await source.fetchTimeline({ entityIds: ['ent_1'], documentIds: [], from: '2031-05-01T00:00:00.000Z' });
    expect(got).toEqual(ENTRIES);
    expect(calls.map((c) => c.after)).toEqual([null, 'c2', 'c3']);
    expect(calls.every((c) => c.first === 500)).toBe(true);
    expect(calls[0].filter).toEqual({ entityIds: ['ent_1'], from: '2031-05-01T00:00:00.000Z' });
  });

  it('turns Date values (from an in-process execute) into ISO strings', async () => {
    const node = apiNode(1) as any;
    const withDates = { ...node, at: { ...node.at, earliest: new Date(node.at.earliest), latest: new Date(node.at.latest) } };
    const source = new GraphQLTimelineSource(async () => ({ data: { timeline: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: withDates }] } } }));
    const [entry] = await source.fetchTimeline({});
    expect(entry.at.earliest).toBe('2031-05-06T00:00:00.000Z');
    expect(entry.at.latest).toBe('2031-05-06T23:59:59.999Z');
  });

  it('passes a null filter when nothing is asked, and surfaces errors with their code', async () => {
    let seen: unknown;
    const ok = new GraphQLTimelineSource(async (_q, vars) => {
      seen = vars.filter;
      return { data: { timeline: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } };
    });
    expect(await ok.fetchTimeline({})).toEqual([]);
    expect(seen).toBeNull();
    const bad = new GraphQLTimelineSource(async () => ({ errors: [{ message: 'bad id', extensions: { code: 'BAD_USER_INPUT' } }] }));
    await expect(bad.fetchTimeline({})).rejects.toMatchObject({ name: 'TimelineQueryError', code: 'BAD_USER_INPUT' });
    const stuck = new GraphQLTimelineSource(async () => ({ data: { timeline: { pageInfo: { hasNextPage: true, endCursor: 'same' }, edges: [] } } }));
    await expect(stuck.fetchTimeline({})).rejects.toBeInstanceOf(TimelineQueryError);
  });
});

describe('export filter', () => {
  it('reads ids (repeatable or comma-separated) and dates of any precision', () => {
    expect(parseExportFilter({ entity: ['ent_a', 'ent_b,ent_c'], document: 'doc_x', from: '2022-03', to: '2022' })).toEqual({
      entityIds: ['ent_a', 'ent_b', 'ent_c'],
      documentIds: ['doc_x'],
      from: '2022-03-01T00:00:00.000Z',
      to: '2022-12-31T23:59:59.999Z',
    });
    expect(parseDateBound('to', '2024-02', 'to')).toBe('2024-02-29T23:59:59.999Z');
    expect(parseDateBound('from', '2022-03-02T10:00:00+02:00', 'from')).toBe('2022-03-02T08:00:00.000Z');
    expect(parseExportFilter({})).toEqual({});
  });

  it('refuses bad values', () => {
    for (const q of [
      { from: 'yesterday' },
      { from: '2022-13' },
      { to: '2022-02-30' },
      { from: '2022-03-02', to: '2022-03-01' },
      { entity: 'ent a' },
      { document: '../etc/passwd' },
      { from: ['2022', '2023'] },
    ]) {
      expect(() => parseExportFilter(q), JSON.stringify(q)).toThrow(ExportInputError);
    }
  });
});
