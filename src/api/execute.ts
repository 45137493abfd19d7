import { execute, parse, validate, type ExecutionResult } from 'graphql';
import { getSchema } from './schema';
import { createContext } from './context';
import type { Services } from '../services';

/** Runs a GraphQL operation in-process (exports, eval): same schema and loaders as over HTTP. */
export async function executeGraphQL(services: Services, query: string, variables: Record<string, unknown> = {}): Promise<ExecutionResult> {
  const schema = await getSchema();
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length) return { errors };
  return execute({ schema, document, variableValues: variables, contextValue: createContext(services) });
}
