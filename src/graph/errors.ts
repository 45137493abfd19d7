/**
 * Neo4j errors mapped in one place to the archive's own errors, each with a fixed code that the
 * API passes on as `extensions.code`.
 */
import { Neo4jError } from 'neo4j-driver';

export type GraphErrorCode = 'DATABASE_UNAVAILABLE' | 'DATABASE_AUTH_FAILED' | 'CONSTRAINT_VIOLATION' | 'DATABASE_ERROR';

export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    readonly code: GraphErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function mapNeo4jError(e: unknown, uri?: string): GraphError {
  if (e instanceof GraphError) return e;
  const code = (e as { code?: string })?.code ?? '';
  const where = uri ? ` at ${uri}` : '';
  if (UNAVAILABLE.has(code) || /ECONNREFUSED|ENOTFOUND|Could not perform discovery|Failed to connect/i.test(String((e as Error)?.message))) {
    return new GraphError('DATABASE_UNAVAILABLE', `The database${where} is not reachable: start it (npm run db -- start) or set NEO4J_URI to a running Neo4j.`, e);
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new GraphError('DATABASE_AUTH_FAILED', `The database${where} refused the credentials: set NEO4J_USER and NEO4J_PASSWORD to the ones it expects.`, e);
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new GraphError('CONSTRAINT_VIOLATION', `A uniqueness rule of the archive was violated: ${(e as Error).message}`, e);
  }
  if (e instanceof Neo4jError) return new GraphError('DATABASE_ERROR', `Database error ${code}: ${e.message}`, e);
  return new GraphError('DATABASE_ERROR', e instanceof Error ? e.message : String(e), e);
}
