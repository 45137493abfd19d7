import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../src/api/errors';
import { GraphError } from '../../src/graph/errors';
import { pageArgs } from '../../src/api/paging';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original });
const formatted = (e: GraphQLError) => ({ message: e.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret (/app/src/x.ts:1:1)'] } });

describe('formatError', () => {
  it('hides an unexpected error behind INTERNAL_SERVER_ERROR with no stack trace outside development', () => {
    const e = wrap(new Error('TypeError: cannot read x of undefined at /app/src/secret.ts'));
    const out = formatError(false)(formatted(e), e);
    expect(out).toEqual({ message: 'Internal server error', locations: undefined, path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps the details in development', () => {
    const e = wrap(new Error('boom'));
    const out = formatError(true)(formatted(e), e);
    expect(out.message).toBe('boom');
    expect(out.extensions?.stacktrace).toBeDefined();
  });

  it('maps an unreachable database to DATABASE_UNAVAILABLE without naming its address', () => {
    const e = wrap(new GraphError('DATABASE_UNAVAILABLE', 'The database at bolt://10.0.0.5:7687 is not reachable'));
    const out = formatError(false)(formatted(e), e);
    expect(out.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(out.message).not.toMatch(/bolt|10\.0/);
  });

  it('passes a BAD_USER_INPUT error through with its message and code', () => {
    const e = new GraphQLError('"first" may be at most 500', { extensions: { code: 'BAD_USER_INPUT' } });
    const out = formatError(false)({ message: e.message, extensions: { code: 'BAD_USER_INPUT' } }, e);
    expect(out).toMatchObject({ message: '"first" may be at most 500', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('pageArgs', () => {
  it('defaults first to 20 and accepts 0 and 500', () => {
    expect(pageArgs(undefined, undefined)).toEqual({ first: 20, after: null });
    expect(pageArgs(0, null).first).toBe(0);
    expect(pageArgs(500, null).first).toBe(500);
  });

  it.each([[-1], [501], [1.5]])('refuses first = %s', (n) => {
    expect(() => pageArgs(n, null)).toThrow(/first/);
  });

  it('refuses a cursor with characters no cursor has', () => {
    expect(() => pageArgs(10, 'not a cursor!')).toThrow(/cursor/);
  });
});
