import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../src/api/print';
import { PROJECT_ROOT } from '../../src/config';

const contract = readFileSync(resolve(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');

describe('the committed schema', () => {
  it('is exactly what the code emits (run `npm run schema` after changing src/api)', async () => {
    expect(await printedSchema()).toBe(contract);
  });

  it.each([
    'scalar DateTime',
    'interface Node',
    'interface Entity implements Node',
    'type Person implements Entity & Node',
    'type Organization implements Entity & Node',
    'type Place implements Entity & Node',
    'type Document implements Node',
    'type Statement implements Node',
    'type Event implements Node',
    'type Evidence',
    'type TimeSpan',
    'union TimelineItem = Event | Statement',
    'type TimelineEntry',
    'enum EntityKind',
    'enum StatementKind',
    'input StatementFilter',
    'input TimelineFilter',
  ])('declares the contract name "%s"', (decl) => {
    expect(contract).toContain(decl);
  });

  it.each([
    ['Query', ['node(id: ID!): Node', 'document(id: ID!): Document', 'documents(after: String, first: Int): DocumentConnection!', 'entity(id: ID!): Entity',
      'entities(after: String, first: Int, kinds: [EntityKind!], query: String): EntityConnection!',
      'statements(after: String, filter: StatementFilter, first: Int): StatementConnection!',
      'timeline(after: String, filter: TimelineFilter, first: Int): TimelineConnection!']],
    ['Statement', ['kind: StatementKind!', 'text: String!', 'quote: String', 'speaker: Entity', 'speakerText: String', 'channel: String', 'saidAt: TimeSpan', 'saidIn: Place', 'about: [Node!]!', 'evidence: [Evidence!]!', 'contradicts: [Statement!]!']],
    ['Event', ['label: String!', 'type: String!', 'when: TimeSpan', 'places: [Place!]!', 'participants: [Entity!]!', 'evidence: [Evidence!]!']],
    ['Document', ['title: String!', 'publisher: String', 'url: String', 'published: TimeSpan', 'sha256: String!', 'text: String!']],
    ['TimeSpan', ['edtf: String!', 'earliest: DateTime!', 'latest: DateTime!', 'text: String']],
    ['Evidence', ['document: Document!', 'start: Int!', 'end: Int!', 'excerpt: String!']],
    ['TimelineEntry', ['at: TimeSpan!', 'item: TimelineItem!']],
    ['Place', ['latitude: Float', 'longitude: Float', 'statements(after: String, first: Int): StatementConnection!', 'aliases: [String!]!', 'name: String!']],
  ])('gives %s the fields of the contract', (type, fields) => {
    const body = new RegExp(`\\n(?:type|interface) ${type} [^{]*\\{([\\s\\S]*?)\\n\\}`).exec(contract)?.[1] ?? '';
    for (const f of fields) expect(body, `${type}.${f}`).toContain(f);
  });

  it('gives every connection edges, nodes, pageInfo and totalCount', () => {
    for (const name of ['Document', 'Entity', 'Statement', 'Timeline']) {
      const body = new RegExp(`type ${name}Connection \\{([^}]*)\\}`).exec(contract)?.[1] ?? '';
      for (const f of [`edges: [${name}Edge!]!`, 'nodes: [', 'pageInfo: PageInfo!', 'totalCount: Int!']) expect(body, `${name}.${f}`).toContain(f);
    }
  });
});
