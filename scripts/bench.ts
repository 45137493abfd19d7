/**
 * npm run bench [-- ingest] [--docs 1000,10000] [--seed N] [--json] [--runs 200] [--write-docs] [--render]
 *
 *   ingest          only the ingest measurement (default size 1,000)
 *   --docs          corpus sizes, comma-separated (default 1000,10000; 100000 works)
 *   --json          print one JSON object instead of tables
 *   --write-docs    write docs/performance.json and docs/performance.md
 *   --keep/--reuse  keep the scratch databases under .bench/ / reuse them (skips the ingest)
 *   --render        only re-render docs/performance.md from docs/performance.json
 *   --only a,b      only these queries (names as in the table); --duration 0 skips the load test
 *   --ingest-warmup N  documents of another corpus ingested (then deleted) before the ingest is
 *                   measured, so the database's JVM has compiled its code (default 2000; 0: cold)
 *
 * Corpora are cached under .bench/corpus-<seed>-<n>/. Each size gets a scratch Neo4j on a free port
 * (data under .bench/neo4j-<n>, removed afterwards) unless NEO4J_URI names an empty database.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config';
import { cleanupAll, ingestTable, machine, queryTable, runBench, type SizeResult } from '../src/bench/run';
import { QUERY_TEXT } from '../src/bench/queries';
import { renderMarkdown } from '../src/bench/report';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      docs: { type: 'string' },
      seed: { type: 'string', default: '42' },
      runs: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '100' },
      'ingest-warmup': { type: 'string', default: '2000' },
      connections: { type: 'string', default: '16' },
      duration: { type: 'string', default: '10' },
      only: { type: 'string' },
      json: { type: 'boolean', default: false },
      'write-docs': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      render: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run bench [-- ingest] [--docs 1000,10000] [--seed N] [--json] [--runs N] [--only a,b] [--duration S] [--ingest-warmup N] [--write-docs] [--keep] [--reuse]');
    return 0;
  }
  if (values.render) {
    // Re-renders docs/performance.md from docs/performance.json (no measurement).
    const report = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'docs', 'performance.json'), 'utf8'));
    const results: SizeResult[] = report.sizes.map((s: Omit<SizeResult, 'ingest'>) => ({ ...s, ingest: report.ingest.find((i: { docs: number }) => i.docs === s.docs) ?? null }));
    writeFileSync(resolve(PROJECT_ROOT, 'docs', 'performance.md'), renderMarkdown(report, results));
    console.log('wrote docs/performance.md');
    return 0;
  }
  const ingestOnly = positionals[0] === 'ingest';
  if (positionals.length && !ingestOnly) {
    console.error(`unknown command "${positionals[0]}"`);
    return 2;
  }
  const sizes = (values.docs ?? (ingestOnly ? '1000' : '1000,10000')).split(',').map((s) => Number(s.replace(/[_k]/g, (c) => (c === 'k' ? '000' : ''))));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--docs must be whole numbers, got "${values.docs}"`);
  const num = (s: string | undefined, name: string) => {
    const n = Number(s);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
    return n;
  };
  const whole = (s: string | undefined, name: string) => {
    const n = num(s, name);
    if (!Number.isInteger(n)) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  const ingestWarmup = whole(values['ingest-warmup'], 'ingest-warmup');
  const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  const unknown = only?.filter((n) => !(n in QUERY_TEXT)) ?? [];
  if (unknown.length) throw new Error(`--only: no query named ${unknown.join(', ')} (there are ${Object.keys(QUERY_TEXT).join(', ')})`);
  const say = values.json ? (m: string) => process.stderr.write(`${m}\n`) : (m: string) => console.log(m);
  const started = new Date().toISOString();
  const results: SizeResult[] = await runBench({
    sizes,
    seed: num(values.seed, 'seed'),
    runs: num(values.runs, 'runs'),
    warmup: num(values.warmup, 'warmup'),
    ingestWarmup,
    connections: num(values.connections, 'connections'),
    durationSec: num(values.duration, 'duration'),
    queries: !ingestOnly,
    only,
    keep: values.keep || values.reuse,
    reuse: values.reuse,
    heap: process.env.ANNALS_NEO4J_HEAP || '1g',
    pageCache: process.env.ANNALS_NEO4J_PAGECACHE || '1g',
    say,
  });
  // With --reuse nothing is ingested: keep the ingest measured for that size by the run that wrote docs/performance.json.
  const previousFile = resolve(PROJECT_ROOT, 'docs', 'performance.json');
  if (values.reuse && existsSync(previousFile)) {
    const previous = JSON.parse(readFileSync(previousFile, 'utf8')) as { ingest?: (NonNullable<SizeResult['ingest']> & { measuredAt?: string })[]; startedAt?: string };
    for (const r of results) {
      const p = r.ingest ? null : previous.ingest?.find((i) => i.docs === r.docs);
      if (p) r.ingest = { ...p, measuredAt: p.measuredAt ?? previous.startedAt } as SizeResult['ingest'];
    }
  }
  const last = [...results].reverse().find((r) => r.queries.length) ?? null;
  const report = {
    ingest: results.filter((r) => r.ingest).map((r) => r.ingest!),
    queries: last?.queries ?? [],
    queriesAtDocs: last?.docs ?? null,
    requestsPerSecond: last?.requestsPerSecond ?? null,
    rssMb: last?.rssMb ?? null,
    peakRssMb: last?.peakRssMb ?? null,
    sizes: results.map((r) => ({ docs: r.docs, queries: r.queries, requestsPerSecond: r.requestsPerSecond, rssMb: r.rssMb, peakRssMb: r.peakRssMb })),
    seed: num(values.seed, 'seed'),
    runsPerQuery: num(values.runs, 'runs'),
    warmupPerQuery: num(values.warmup, 'warmup'),
    ingestWarmup,
    concurrency: num(values.connections, 'connections'),
    machine: machine(),
    startedAt: started,
    finishedAt: new Date().toISOString(),
  };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log('\nIngest (ms per document by stage):');
    console.log(ingestTable(results));
    for (const r of results.filter((x) => x.queries.length)) {
      console.log(`\nQueries at ${r.docs.toLocaleString('en')} documents (${values.runs} runs each; × = Annals p50 / other p50):`);
      console.log(queryTable(r));
      console.log(`requests/s with ${values.connections} concurrent clients: ${r.requestsPerSecond}; server RSS ${r.rssMb} MB (peak ${r.peakRssMb} MB)`);
    }
  }
  if (values['write-docs']) {
    writeFileSync(resolve(PROJECT_ROOT, 'docs', 'performance.json'), JSON.stringify(report, null, 2) + '\n');
    writeFileSync(resolve(PROJECT_ROOT, 'docs', 'performance.md'), renderMarkdown(report, results));
    say('wrote docs/performance.json and docs/performance.md');
  }
  return 0;
}

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${sig}: stopping the scratch Neo4j ...`);
    cleanupAll().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    console.error(`annals bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    await cleanupAll();
    process.exit(1);
  });
