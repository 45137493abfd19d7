/**
 * The ingest use case: file → document → text pipeline → graph, one transaction per document.
 * Used by `npm run seed`, by `npm start` on an empty archive, by `npm run eval` and the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { PROJECT_ROOT } from '../config';
import { collectSources, prepareDocument, IngestError } from '../ingest';
import type { IngestFailure, PreparedDocument } from '../ingest/types';
import { extract } from '../extract/pipeline';
import { claimMatters, detectContradictions, SAME_PERIOD_DAYS } from '../extract/contradictions';
import { loadAuthorities } from '../extract/authorities';
import type { AuthorityRecord, EntityRecord, ExtractContext, Extraction } from '../extract/types';
import type { Services } from './index';
import { GraphError } from '../graph/errors';

export interface SeedSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
  failed: IngestFailure[];
  /** Things the archivist should know that did not stop a file (a repaired catalog line, ...). */
  warnings: IngestFailure[];
  counts: { documents: number; entities: number; statements: number; events: number };
}

export interface IngestOptions {
  /** Show a progress bar on stderr. */
  progress?: boolean;
  /** Authority file; defaults to ANNALS_AUTHORITIES or seeds/authorities.yaml when present. */
  authoritiesFile?: string | null;
  /** Per-stage timings, for the benchmark. */
  timings?: StageTimings;
}

export interface StageTimings {
  read: number;
  clean: number;
  extract: number;
  write: number;
}

export function defaultAuthoritiesFile(): string | null {
  const f = process.env.ANNALS_AUTHORITIES || resolve(PROJECT_ROOT, 'seeds', 'authorities.yaml');
  return existsSync(f) ? f : null;
}

export function readAuthorities(file: string | null | undefined): AuthorityRecord[] {
  if (!file) return [];
  try {
    return loadAuthorities(readFileSync(file, 'utf8'));
  } catch (e: unknown) {
    throw new IngestError(`authority file ${file}: ${(e as Error).message}`);
  }
}

type Known = NonNullable<ExtractContext['known']>;

/** Adds a document's entities to the in-memory list of known entities (the graph has them too). */
function remember(known: Known, index: Map<string, number>, entities: EntityRecord[]): void {
  for (const e of entities) {
    const i = index.get(e.key);
    if (i === undefined) {
      index.set(e.key, known.length);
      known.push({ key: e.key, kind: e.kind, name: e.name, aliases: [...e.aliases] });
    } else {
      const k = known[i];
      for (const a of e.aliases) if (!k.aliases.includes(a) && a !== k.name) k.aliases.push(a);
    }
  }
}

interface IngestState {
  authorities: AuthorityRecord[];
  known: Known;
  index: Map<string, number>;
}

/** What the first stage hands to the second: a document and its extraction, or nothing to store. */
type Extracted = { doc: PreparedDocument; x: Extraction } | { unchanged: true };

/**
 * Stage 1 (CPU in this process): skips bytes already stored, runs the language pipeline, and makes
 * the document's entities known to the documents after it.
 */
async function extractStage(services: Services, doc: PreparedDocument, state: IngestState, timings?: StageTimings): Promise<Extracted> {
  if (await services.archive.hasDocument(doc.sha256)) return { unchanged: true };
  const t = performance.now();
  const x = extract(doc.text, { published: doc.meta.published, authorities: state.authorities, known: state.known });
  // Known before it is stored, so the next document can be extracted while this one is written.
  // Should the write fail, the entities stay known for this run only: a later document that names
  // them stores them itself (entities are MERGEd on their key).
  remember(state.known, state.index, x.entities);
  if (timings) timings.extract += performance.now() - t;
  return { doc, x };
}

/** The days within which stored statements may contradict these (see SAME_PERIOD_DAYS). */
function claimWindow(statements: Extraction['statements']): { from: string; to: string } | null {
  const spans = statements.flatMap((s) => (s.saidAt ? [s.saidAt] : []));
  if (!spans.length) return null;
  const margin = SAME_PERIOD_DAYS * 86_400_000;
  const from = Math.min(...spans.map((t) => Date.parse(t.earliest))) - margin;
  const to = Math.max(...spans.map((t) => Date.parse(t.latest))) + margin;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** Stage 2 (the database): contradictions with stored statements, then one write transaction. */
async function storeStage(services: Services, job: Extracted, timings?: StageTimings): Promise<'added' | 'updated' | 'unchanged'> {
  if ('unchanged' in job) return 'unchanged';
  const t = performance.now();
  const { doc, x } = job;
  const claiming = x.statements.filter((s) => s.claims?.length && s.saidAt);
  const candidates = await services.archive.claimStatements(claimMatters(claiming.flatMap((s) => s.claims ?? [])), claimWindow(claiming));
  const cross = detectContradictions(x.statements, candidates);
  const result = await services.archive.storeDocument(doc, x, cross);
  if (timings) timings.write += performance.now() - t;
  return result.status;
}

/** Ingests files and folders; a bad file is reported and skipped, the rest go on. */
export async function ingestPaths(services: Services, paths: string[], opts: IngestOptions = {}): Promise<SeedSummary> {
  const summary: SeedSummary = { added: [], updated: [], unchanged: [], failed: [], warnings: [], counts: { documents: 0, entities: 0, statements: 0, events: 0 } };
  const timings = opts.timings;
  let t = performance.now();
  const { sources, failures, warnings } = await collectSources(paths);
  if (timings) timings.read += performance.now() - t;
  summary.failed.push(...failures);
  summary.warnings.push(...warnings);

  const authorities = readAuthorities(opts.authoritiesFile === undefined ? defaultAuthoritiesFile() : opts.authoritiesFile);
  await services.archive.backfillMatters();
  const known: Known = await services.archive.knownEntities();
  const index = new Map(known.map((k, i) => [k.key, i]));
  const state = { authorities, known, index };

  const bar = opts.progress
    ? new cliProgress.SingleBar(
        { format: 'ingest [{bar}] {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {file}', hideCursor: true, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const started = Date.now();
  bar?.start(sources.length, 0, { file: '', rate: '0.0' });
  let done = 0;
  const tick = (source: (typeof sources)[number]) => {
    done++;
    const secs = (Date.now() - started) / 1000;
    bar?.update(done, { file: source.relPath.slice(-40), rate: secs > 0 ? (done / secs).toFixed(1) : '0.0' });
  };
  const fail = (source: (typeof sources)[number], e: unknown) => {
    if (e instanceof GraphError) throw e; // the database is down or refuses: stop, nothing half-written
    const reason = e instanceof IngestError ? e.message : `could not be processed: ${(e as Error)?.message ?? String(e)}`;
    summary.failed.push({ path: source.path, reason });
  };
  // A two-stage pipeline: while document i is written (the database works), document i + 1 is
  // read, cleaned and extracted here. Writes stay in file order, one at a time, so each one sees
  // the statements of the documents before it (for contradictions).
  let writing: Promise<void> = Promise.resolve();
  for (const source of sources) {
    let job: Extracted;
    try {
      t = performance.now();
      const doc = prepareDocument(source);
      if (timings) timings.clean += performance.now() - t;
      for (const w of doc.warnings ?? []) summary.warnings.push({ path: source.path, reason: w });
      job = await extractStage(services, doc, state, timings);
    } catch (e) {
      await writing;
      fail(source, e);
      tick(source);
      continue;
    }
    await writing;
    writing = storeStage(services, job, timings).then(
      (status) => {
        summary[status].push(source.path);
        tick(source);
      },
      (e: unknown) => {
        fail(source, e);
        tick(source);
      },
    );
    writing.catch(() => undefined); // handled at the next await; not an unhandled rejection meanwhile
  }
  await writing;
  bar?.stop();
  summary.counts = await services.archive.counts();
  return summary;
}
