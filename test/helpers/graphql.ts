import type { FastifyInstance } from 'fastify';

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** POSTs a GraphQL operation to an in-process app (no network). */
export async function gql<T = any>(app: FastifyInstance, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, headers: { 'content-type': 'application/json' } });
  return res.json() as GqlResult<T>;
}
