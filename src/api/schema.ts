import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { QueryResolver } from './resolvers/query.resolver';
import { Document } from './types/document.type';

let cached: Promise<GraphQLSchema> | null = null;

/** The executable schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [QueryResolver],
    orphanedTypes: [Document],
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}
