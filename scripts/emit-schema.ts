/** npm run schema: writes the GraphQL schema the code defines to schema/schema.graphql. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { printedSchema } from '../src/api/print';

const file = resolve(PROJECT_ROOT, 'schema', 'schema.graphql');
writeFileSync(file, await printedSchema());
console.log(`wrote ${file}`);
