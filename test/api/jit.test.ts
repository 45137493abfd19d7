import { describe, expect, it } from 'vitest';
import { buildSchema, execute, GraphQLError, Kind, parse, type GraphQLSchema } from 'graphql';
import { executeCompiled, jitEnabled } from '../../src/api/jit';

/** A small schema with an interface, a list, a custom input and a resolver that fails with a code. */
function schema(): GraphQLSchema {
  const s = buildSchema(`
    interface Node { id: ID! }
    type Person implements Node { id: ID! name: String! }
    type Place implements Node { id: ID! lat: Float }
    input Page { first: Int! }
    type Query { nodes(page: Page): [Node!]! broken: String }
  `);
  const records = [
    { __typename: 'Person', id: 'p1', name: 'Vera Holt' },
    { __typename: 'Place', id: 'l1', lat: 51.5 },
    { __typename: 'Person', id: 'p2', name: 'Oscar Reed' },
  ];
  const query = s.getQueryType()!.getFields();
  query.nodes.resolve = (_root, args: { page?: { first: number } }) => records.slice(0, args.page?.first ?? records.length);
  query.broken.resolve = () => {
    throw new GraphQLError('"after" is not a cursor this list gave out', { extensions: { code: 'BAD_USER_INPUT' } });
  };
  (s.getType('Node') as { resolveType?: unknown }).resolveType = (v: { __typename: string }) => v.__typename;
  return s;
}

describe('compiled execution', () => {
  const s = schema();
  const q = parse('query($n: Int!) { nodes(page: { first: $n }) { __typename id ... on Person { name } ... on Place { lat } } }');

  it('answers as graphql-js does, interfaces and variables included, and again from the compiled query', async () => {
    const expected = await execute({ schema: s, document: q, variableValues: { n: 2 } });
    expect(await executeCompiled(s, q, undefined, { n: 2 }, {})).toEqual(expected);
    expect(await executeCompiled(s, q, undefined, { n: 3 }, {})).toEqual(await execute({ schema: s, document: q, variableValues: { n: 3 } }));
    expect((await executeCompiled(s, q, undefined, { n: 2 }, {})).data).toEqual({
      nodes: [
        { __typename: 'Person', id: 'p1', name: 'Vera Holt' },
        { __typename: 'Place', id: 'l1', lat: 51.5 },
      ],
    });
  });

  it('refuses a variable that does not fit its type with graphql-js\' own error, naming the variable at its definition', async () => {
    for (const variables of [{ n: 'two' }, {}]) {
      const r = await executeCompiled(s, q, undefined, variables, {});
      expect(r.data).toBeUndefined();
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0].message).toMatch(/^Variable "\$n"/);
      // Apollo answers such an error with BAD_USER_INPUT and HTTP 400 by this node.
      expect(r.errors![0].nodes?.[0].kind).toBe(Kind.VARIABLE_DEFINITION);
    }
  });

  it('keeps a resolver error\'s message, path, location and code, as a graphql-js error', async () => {
    const r = await executeCompiled(s, parse('{ broken }'), undefined, {}, {});
    expect(r.data).toEqual({ broken: null });
    const e = r.errors![0];
    expect(e).toBeInstanceOf(GraphQLError);
    expect(e.message).toBe('"after" is not a cursor this list gave out');
    expect(e.path).toEqual(['broken']);
    expect(e.locations).toEqual([{ line: 1, column: 3 }]);
    expect(e.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('gives an error without extensions an empty extensions object, not none', async () => {
    const plain = schema();
    plain.getQueryType()!.getFields().broken.resolve = () => {
      throw new Error('the database does not answer');
    };
    const r = await executeCompiled(plain, parse('{ broken }'), undefined, {}, {});
    expect(r.errors![0].message).toBe('the database does not answer');
    expect(r.errors![0].extensions).toEqual({});
    expect(r.errors![0].originalError?.message).toBe('the database does not answer');
  });

  it('is on unless ANNALS_GRAPHQL_JIT is 0', () => {
    expect(jitEnabled({})).toBe(true);
    expect(jitEnabled({ ANNALS_GRAPHQL_JIT: '1' })).toBe(true);
    expect(jitEnabled({ ANNALS_GRAPHQL_JIT: '0' })).toBe(false);
  });
});
