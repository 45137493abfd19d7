import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { isAbstractType, type GraphQLSchema } from 'graphql';
import { QueryResolver } from './resolvers/query.resolver';
import { DocumentFieldsResolver, EntityFieldsResolver, EventFieldsResolver, StatementFieldsResolver } from './resolvers/node-fields.resolver';
import { Document } from './types/document.type';
import { Organization, Person, Place } from './types/entity.type';
import { Event } from './types/event.type';
import { Statement } from './types/statement.type';

let cached: Promise<GraphQLSchema> | null = null;

export const resolvers = [QueryResolver, DocumentFieldsResolver, EntityFieldsResolver, StatementFieldsResolver, EventFieldsResolver] as const;

/**
 * The executable schema, built once per process. Object types are declared with
 * `simpleResolvers: true`: a plain field is read by graphql-js' default resolver, not through
 * type-graphql's middleware wrapper (there are no middlewares or auth checks), which a page of
 * statements with 1,600 evidence passages would otherwise run some 13,000 times.
 */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    orphanedTypes: [Document, Person, Organization, Place, Event, Statement],
    validate: false,
    emitSchemaFile: false,
  }).then(withTypenameResolvers);
  return cached;
}

/**
 * Every record the repositories return names its GraphQL type (`__typename`), so an interface or
 * union value is resolved by reading it, synchronously: type-graphql wraps each `resolveType` in an
 * async function (one promise per abstract value), which the compiled execution (src/api/jit.ts)
 * does not accept.
 */
function withTypenameResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && !type.name.startsWith('__')) type.resolveType = (value: { __typename?: string }) => value.__typename;
  }
  return schema;
}
