import { ConfigError } from './config';
import { LocalNeo4jError } from './db/local-neo4j';
import { GraphError } from './graph/errors';

/** One line for the errors a user can act on; a stack trace only for the unexpected. */
export function describeError(e: unknown): string {
  if (e instanceof ConfigError || e instanceof LocalNeo4jError || e instanceof GraphError) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') return `the port is already taken (${(e as Error).message}): set PORT to a free one.`;
  if (e instanceof Error && e.name === 'IngestError') return e.message;
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
