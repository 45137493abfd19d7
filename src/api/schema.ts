import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
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
  });
  return cached;
}
