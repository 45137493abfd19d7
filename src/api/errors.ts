/**
 * API errors with fixed `extensions.code`s, and the formatter that maps everything else
 * (database errors included) to one of them.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { GraphError } from '../graph/errors';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export const badInput = (message: string, argument?: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });

/** Apollo's formatError: known codes pass through; the rest become INTERNAL_SERVER_ERROR without internals. */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as GraphQLError)?.originalError ?? error;
    if (original instanceof GraphError) {
      const code = original.code === 'DATABASE_UNAVAILABLE' || original.code === 'DATABASE_AUTH_FAILED' ? ErrorCode.DATABASE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR;
      return {
        message:
          code === ErrorCode.DATABASE_UNAVAILABLE
            ? 'The database is not available; try again shortly.'
            : development
              ? original.message
              : 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    // type-graphql's argument validation, and cursors that no list gave out
    const name = (original as { name?: string })?.name;
    if (name === 'ArgumentValidationError' || name === 'CursorError') {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _s, ...ext } = formatted.extensions ?? {};
      return development ? formatted : { ...formatted, extensions: ext };
    }
    return development
      ? { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } }
      : { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
