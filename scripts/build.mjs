/**
 * npm run build (and before every `npm start`): compiles the server's entry points to plain
 * JavaScript in dist/ with esbuild (about a second). The server then runs on Node alone, without
 * tsx's loader thread (about 40 MB resident) or source-mapped stack traces on every database query
 * (the driver records a stack per query). Dependencies stay in node_modules (not bundled).
 *
 *   dist/main.mjs           npm start
 *   dist/bench-server.mjs   the server process of npm run bench
 *   dist/neo4j-graphql-server.mjs  @neo4j/graphql's, served the same way for the benchmark
 *
 * A linked source map is written beside each file: NODE_OPTIONS=--enable-source-maps shows
 * TypeScript lines in stack traces, at a cost on every query.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const ENTRY_POINTS = {
  main: 'src/main.ts',
  'bench-server': 'src/bench/server-child.ts',
  'neo4j-graphql-server': 'src/bench/neo4j-graphql-child.ts',
};

try {
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
} catch (e) {
  console.error(`annals build: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
