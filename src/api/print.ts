import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

/** The schema as committed in schema/schema.graphql (sorted, so diffs are stable). */
export async function printedSchema(): Promise<string> {
  const header = '# Emitted by `npm run schema` from src/api; do not edit. A test fails when it drifts from the code.\n\n';
  return header + printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
