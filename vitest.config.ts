import { defineConfig } from 'vitest/config';

// type-graphql loads graphql's CommonJS build; make Vitest load the same one
// ("Cannot use GraphQLObjectType from another module or realm").
const resolve = { alias: { graphql: 'graphql/index.js' } };


export default defineConfig({
  resolve,
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', 'node_modules/**'],
          setupFiles: ['test/setup.ts'],
          // The extraction-quality tests take a few seconds; more on a loaded machine.
          testTimeout: 30_000,
        },
      },
      {
        resolve,
        test: {
          name: 'int',
          include: ['test/**/*.int.test.ts'],
          setupFiles: ['test/setup.ts'],
          // Each file clears the suite's database and fills its own content, so `npm test` runs
          // this project with --no-file-parallelism (one file at a time).
          // Starts a private Neo4j on a free port in a temporary folder, stops it afterwards.
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
