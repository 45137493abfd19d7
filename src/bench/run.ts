/**
 * The benchmark run: for each corpus size, a scratch Neo4j, the ingest measured by stage, then the
 * six queries measured three ways, throughput under 16 concurrent clients, round trips and memory.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../config';
import { freePort, start, stop } from '../db/local-neo4j';
import { Executor } from '../graph/executor';
import { migrate } from '../graph/migrations';
import { createServices, type Services } from '../services';
import { ingestPaths, type StageTimings } from '../services/ingest.service';
import { ensureCorpus, type CorpusInfo } from './corpus';
import { buildQueries, type BenchQuery } from './queries';
import { closeAgent, postGraphql, table, timeInterleaved, fmt, type Latency } from './measure';

export interface BenchOptions {
  sizes: number[];
  seed: number;
  runs: number;
  warmup: number;
  /**
   * Documents of another corpus ingested into each fresh database before the ingest is measured,
   * then deleted (0: measure a cold database process).
   */
  ingestWarmup: number;
  connections: number;
  durationSec: number;
  queries: boolean;
  /** Only these queries (by name); all when absent. */
  only?: string[];
  keep: boolean;
  reuse: boolean;
  heap: string;
  pageCache: string;
  say: (msg: string) => void;
}

export interface IngestResult {
  docs: number;
  added: number;
  failed: number;
  seconds: number;
  docsPerSecond: number;
  msPerDoc: { read: number; clean: number; extract: number; write: number; other: number; total: number };
  /** Documents per second over each successive slice of 1,000 (flat cost ⇔ flat series). */
  slices: number[];
  counts: { documents: number; entities: number; statements: number; events: number };
  corpusMb: number;
  /**
   * The warm-up: the same ingest into the same fresh database process, before the measured one
   * (documents of another corpus, deleted afterwards). Its rate is the cold-start rate.
   */
  coldStart?: { docs: number; docsPerSecond: number; slices: number[] } | null;
}

export interface QueryResult {
  name: string;
  description: string;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  runs: number;
  roundTrips: number;
  neo4jGraphqlP50Ms: number;
  neo4jGraphqlP99Ms: number;
  cypherP50Ms: number;
  cypherP99Ms: number;
  vsNeo4jGraphql: number;
  vsCypher: number;
  error?: string;
}

export interface SizeResult {
  docs: number;
  ingest: IngestResult | null;
  queries: QueryResult[];
  requestsPerSecond: number | null;
  rssMb: number | null;
  peakRssMb: number | null;
}

const BENCH_DIR = resolve(PROJECT_ROOT, '.bench');
const PASSWORD = process.env.NEO4J_PASSWORD || 'annals-bench-password';

interface Db {
  uri: string;
  password: string;
  executor: Executor;
  fresh: boolean;
  close(): Promise<void>;
}

const cleanups = new Set<() => Promise<void>>();
export async function cleanupAll(): Promise<void> {
  for (const c of [...cleanups]) await c().catch(() => undefined);
}

async function openDb(size: number, opts: BenchOptions): Promise<Db> {
  if (process.env.NEO4J_URI) {
    const uri = process.env.NEO4J_URI;
    const password = process.env.NEO4J_PASSWORD ?? '';
    const executor = new Executor({ uri, user: process.env.NEO4J_USER || 'neo4j', password, database: process.env.NEO4J_DATABASE || undefined });
    const [{ n, marked }] = await executor.query<{ n: number; marked: number }>(
      'CALL { MATCH (n) RETURN count(n) AS n } CALL { MATCH (m:AnnalsBenchDatabase) RETURN count(m) AS marked } RETURN n, marked',
    );
    if (n > 0 && marked === 0) {
      await executor.close();
      throw new Error(`NEO4J_URI ${uri} holds data that the benchmark did not put there; give it an empty database (the benchmark clears it between sizes).`);
    }
    if (!opts.reuse || n === 0) {
      await executor.schema('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      await executor.write((tx) => tx.run('CREATE (:AnnalsBenchDatabase)'));
    }
    return { uri, password, executor, fresh: !opts.reuse || n === 0, close: () => executor.close() };
  }
  const dataDir = join(BENCH_DIR, `neo4j-${size}`);
  const reuse = opts.reuse && existsSync(join(dataDir, 'data', 'databases'));
  if (!reuse) rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  opts.say(`starting a scratch Neo4j (heap ${opts.heap}, page cache ${opts.pageCache}) in ${dataDir} on port ${port} ...`);
  const info = await start({ dataDir, port, password: PASSWORD, heap: opts.heap, pageCache: opts.pageCache });
  const executor = new Executor({ uri: info.uri, user: 'neo4j', password: PASSWORD });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    cleanups.delete(close);
    await executor.close().catch(() => undefined);
    await stop(dataDir);
    if (!opts.keep) rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.add(close);
  return { uri: info.uri, password: PASSWORD, executor, fresh: !reuse, close };
}

export async function runIngest(services: Services, corpus: CorpusInfo, say: (m: string) => void): Promise<IngestResult> {
  const timings: StageTimings = { read: 0, clean: 0, extract: 0, write: 0 };
  const slices: number[] = [];
  let added = 0;
  let failed = 0;
  let counts: IngestResult['counts'] = { documents: 0, entities: 0, statements: 0, events: 0 };
  const t0 = performance.now();
  for (const [i, part] of corpus.parts.entries()) {
    const t = performance.now();
    const s = await ingestPaths(services, [part], { timings, authoritiesFile: null });
    added += s.added.length + s.updated.length;
    failed += s.failed.length;
    if (s.failed.length) say(`  ${s.failed.length} failed, e.g. ${s.failed[0].path}: ${s.failed[0].reason}`);
    counts = s.counts;
    const rate = ((s.added.length + s.updated.length + s.unchanged.length) / (performance.now() - t)) * 1000;
    slices.push(Math.round(rate * 10) / 10);
    const secs = (performance.now() - t0) / 1000;
    say(`  ingest ${Math.min(corpus.docs, (i + 1) * 1000)}/${corpus.docs}: ${fmt(rate)} docs/s in this slice, ${fmt(added / secs)} overall`);
  }
  const ms = performance.now() - t0;
  const per = (x: number) => Math.round((x / Math.max(1, added)) * 100) / 100;
  const stages = timings.read + timings.clean + timings.extract + timings.write;
  return {
    docs: corpus.docs,
    added,
    failed,
    seconds: Math.round(ms / 100) / 10,
    docsPerSecond: Math.round((added / ms) * 10000) / 10,
    msPerDoc: { read: per(timings.read), clean: per(timings.clean), extract: per(timings.extract), write: per(timings.write), other: per(ms - stages), total: per(ms) },
    slices,
    counts,
    corpusMb: Math.round((corpus.bytes / 1e6) * 10) / 10,
  };
}

interface ServerChild {
  port: number;
  stats(): Promise<{ roundTrips: number; rss: number; peakRss: number }>;
  stop(): Promise<void>;
}

let built = false;
/** Compiles the servers to dist/ (scripts/build.mjs), once per benchmark run. */
function buildOnce(): void {
  if (built) return;
  const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the server failed: ${build.stderr || build.stdout}`);
  built = true;
}

/**
 * The server in its own process, run as `npm start` runs it: compiled to dist/ (scripts/build.mjs)
 * and run on Node without tsx.
 */
async function startServer(uri: string, password: string, entry: 'bench-server' | 'neo4j-graphql-server' = 'bench-server'): Promise<ServerChild> {
  buildOnce();
  const child: ChildProcess = fork(join(PROJECT_ROOT, 'dist', `${entry}.mjs`), [], {
    execArgv: [],
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: process.env.NEO4J_USER || 'neo4j', NEO4J_PASSWORD: password, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const kill = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  cleanups.add(kill);
  const port = await new Promise<number>((res, rej) => {
    child.once('message', (m: { type: string; port: number }) => (m.type === 'ready' ? res(m.port) : rej(new Error('unexpected message'))));
    child.once('exit', (code) => rej(new Error(`the bench server exited (${code})`)));
  });
  return {
    port,
    stats: () =>
      new Promise((res) => {
        child.once('message', (m: { roundTrips: number; rss: number; peakRss: number }) => res(m));
        child.send({ type: 'stats' });
      }),
    stop: async () => {
      cleanups.delete(kill);
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'stop' });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      await kill();
    },
  };
}

/** The floor: the query alone, in an auto-commit transaction (one round trip, as Annals sends its reads). */
async function runCypher(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<unknown> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const res = await session.run(cypher, params);
    return res.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

async function measureQueries(db: Db, opts: BenchOptions): Promise<Omit<SizeResult, 'docs' | 'ingest'>> {
  const queries = (await buildQueries(db.executor)).filter((q) => !opts.only?.length || opts.only.includes(q.name));
  const server = await startServer(db.uri, db.password);
  const driver = neo4j.driver(db.uri, neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', db.password));
  // @neo4j/graphql is served like Annals (its own process, Apollo on Fastify, HTTP on loopback).
  const rival = await startServer(db.uri, db.password, 'neo4j-graphql-server');
  const results: QueryResult[] = [];
  const nan = { runs: 0, p50Ms: NaN, p99Ms: NaN, meanMs: NaN } satisfies Latency;
  try {
    for (const q of queries) {
      const cand = (i: number) => q.candidates[i % q.candidates.length];
      // Round trips per request, counted by the server's executor (one request at a time).
      let roundTrips = NaN;
      try {
        const before = (await server.stats()).roundTrips;
        for (let i = 0; i < q.candidates.length; i++) await postGraphql(server.port, q.graphql, cand(i).annals);
        roundTrips = ((await server.stats()).roundTrips - before) / q.candidates.length;
      } catch {
        /* reported below */
      }
      // The three are timed in turn, run by run (see timeInterleaved).
      const timed = await timeInterleaved(opts.runs, opts.warmup, [
        (i) => postGraphql(server.port, q.graphql, cand(i).annals),
        (i) => postGraphql(rival.port, q.neo4jGraphql, cand(i).neo4jGraphql),
        (i) => runCypher(driver, q.cypher, cand(i).cypher),
      ]);
      const [[annals, e1], [ngql, e2], [cy, e3]] = timed.map((t, k): [Latency, string | undefined] => {
        if (!(t instanceof Error)) return [t, undefined];
        const msg = `${q.name} (${['Annals', '@neo4j/graphql', 'Cypher'][k]}): ${t.message}`;
        opts.say(`  ! ${msg}`);
        return [nan, msg];
      });
      const r: QueryResult = {
        name: q.name,
        description: q.description,
        p50Ms: annals.p50Ms,
        p99Ms: annals.p99Ms,
        meanMs: annals.meanMs,
        runs: annals.runs,
        roundTrips,
        neo4jGraphqlP50Ms: ngql.p50Ms,
        neo4jGraphqlP99Ms: ngql.p99Ms,
        cypherP50Ms: cy.p50Ms,
        cypherP99Ms: cy.p99Ms,
        vsNeo4jGraphql: Math.round((annals.p50Ms / ngql.p50Ms) * 100) / 100,
        vsCypher: Math.round((annals.p50Ms / cy.p50Ms) * 100) / 100,
      };
      const err = [e1, e2, e3].filter(Boolean).join(' | ');
      if (err) r.error = err;
      results.push(r);
      opts.say(`  ${q.name}: p50 ${fmt(r.p50Ms)} ms, p99 ${fmt(r.p99Ms)} ms, @neo4j/graphql p50 ${fmt(r.neo4jGraphqlP50Ms)} ms, Cypher p50 ${fmt(r.cypherP50Ms)} ms, ${fmt(roundTrips)} round trips`);
    }
    const rps = opts.durationSec > 0 ? await loadTest(server.port, queries, opts) : null;
    const st = await server.stats();
    return { queries: results, requestsPerSecond: rps, rssMb: Math.round(st.rss / 1e5) / 10, peakRssMb: Math.round(st.peakRss / 1e5) / 10 };
  } finally {
    await server.stop();
    await rival.stop();
    await driver.close();
    closeAgent();
  }
}

/** Requests per second with `connections` concurrent clients, cycling through all queries and candidates. */
async function loadTest(port: number, queries: BenchQuery[], opts: BenchOptions): Promise<number> {
  const requests = queries.flatMap((q) =>
    q.candidates.map((c) => ({ method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.graphql, variables: c.annals }) })),
  );
  // Interleave so each connection meets every query shape.
  const mixed = requests.map((_, i) => requests[(i * 7) % requests.length]);
  opts.say(`  load: ${opts.connections} concurrent clients for ${opts.durationSec} s ...`);
  const result = await new Promise<autocannon.Result>((res, rej) =>
    autocannon({ url: `http://127.0.0.1:${port}`, connections: opts.connections, duration: opts.durationSec, requests: mixed }, (err, r) => (err ? rej(err) : res(r))),
  );
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad) opts.say(`  ! ${bad} of ${result.requests.total} requests failed under load`);
  const rps = Math.round(result.requests.average * 10) / 10;
  opts.say(`  load: ${fmt(rps)} requests/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  return rps;
}

/**
 * Warms a fresh database process up for the ingest measurement. A Neo4j process spends its first
 * minute or two of work compiling its own code (the JVM's C1/C2 compilers took about as much CPU as
 * the queries in a cold run of 1,000 documents on this 2-core machine), so a cold run measures the
 * compiler, not the cost per document. The warm-up ingests documents of another corpus (seed + 1)
 * through the same path and deletes them; the migrations stay. Its rate is reported as the cold start.
 */
async function warmUp(db: Db, opts: BenchOptions): Promise<NonNullable<IngestResult['coldStart']>> {
  const corpus = ensureCorpus(BENCH_DIR, opts.seed + 1, opts.ingestWarmup, opts.say);
  opts.say(`warm-up: ingesting ${opts.ingestWarmup.toLocaleString('en')} documents of another corpus (seed ${opts.seed + 1}), deleted afterwards ...`);
  const r = await runIngest(createServices(db.executor), corpus, (m) => opts.say(`  warm-up ${m.trim()}`));
  await db.executor.schema(
    'MATCH (n) WHERE NOT n:AnnalsMigration AND NOT n:AnnalsBenchDatabase CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
  );
  const [{ left }] = await db.executor.query<{ left: number }>('MATCH (n) WHERE NOT n:AnnalsMigration AND NOT n:AnnalsBenchDatabase RETURN count(n) AS left');
  if (left) throw new Error(`the warm-up's documents were not all deleted (${left} nodes left)`);
  opts.say(`warm-up: ${fmt(r.docsPerSecond)} docs/s (cold start); its documents are deleted`);
  return { docs: r.added, docsPerSecond: r.docsPerSecond, slices: r.slices };
}

export async function runBench(opts: BenchOptions): Promise<SizeResult[]> {
  const out: SizeResult[] = [];
  for (const size of opts.sizes) {
    opts.say(`\n== ${size.toLocaleString('en')} documents ==`);
    const corpus = ensureCorpus(BENCH_DIR, opts.seed, size, opts.say);
    opts.say(`corpus: ${corpus.dir} (${(corpus.bytes / 1e6).toFixed(1)} MB)`);
    const db = await openDb(size, opts);
    try {
      await migrate(db.executor);
      const coldStart = db.fresh && opts.ingestWarmup > 0 ? await warmUp(db, opts) : null;
      // Services made after the warm-up: no process cache holds the warm-up's records.
      const services = createServices(db.executor);
      const ingest = db.fresh ? { ...(await runIngest(services, corpus, opts.say)), coldStart } : null;
      if (ingest) opts.say(`ingest: ${fmt(ingest.docsPerSecond)} docs/s, ${JSON.stringify(ingest.msPerDoc)} ms/doc, ${JSON.stringify(ingest.counts)}`);
      const q = opts.queries ? await measureQueries(db, opts) : { queries: [], requestsPerSecond: null, rssMb: null, peakRssMb: null };
      out.push({ docs: size, ingest, ...q });
    } finally {
      await db.close();
    }
  }
  return out;
}

export function machine(): Record<string, string | number> {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    java: (java.stderr || java.stdout || '').split('\n')[0].trim(),
    neo4j: '5.26 Community (local, .neo4j/lib)',
  };
}

export function ingestTable(results: SizeResult[]): string {
  return table(
    ['docs', 'docs/s', 'read ms', 'clean ms', 'extract ms', 'write ms', 'other ms', 'total ms/doc', 'first→last slice docs/s', 'cold start docs/s', 'entities', 'statements'],
    results
      .filter((r) => r.ingest)
      .map((r) => {
        const i = r.ingest!;
        return [
          r.docs.toLocaleString('en'),
          i.docsPerSecond,
          i.msPerDoc.read,
          i.msPerDoc.clean,
          i.msPerDoc.extract,
          i.msPerDoc.write,
          i.msPerDoc.other,
          i.msPerDoc.total,
          `${fmt(i.slices[0])}→${fmt(i.slices[i.slices.length - 1])}`,
          i.coldStart ? `${fmt(i.coldStart.docsPerSecond)} (${i.coldStart.docs})` : '-',
          i.counts.entities,
          i.counts.statements,
        ];
      }),
  );
}

export function queryTable(r: SizeResult): string {
  return table(
    ['query', 'p50 ms', 'p99 ms', '@neo4j/graphql p50', 'Cypher p50', '× @neo4j/graphql', '× Cypher', 'round trips'],
    r.queries.map((q) => [q.name, q.p50Ms, q.p99Ms, q.neo4jGraphqlP50Ms, q.cypherP50Ms, q.vsNeo4jGraphql, q.vsCypher, q.roundTrips]),
  );
}
