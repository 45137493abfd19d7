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
import { claimMatters, detectContradictions, SAME_PERIOD_DAYS } from '../extract/contradictions';
import { loadAuthorities } from '../extract/authorities';
import type { AuthorityRecord, Extraction, StatementRecord } from '../extract/types';
import type { StoreStatus } from '../graph/archive.repository';
import { ExtractionState } from './extractor';
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

/** The days within which stored statements may contradict these (see SAME_PERIOD_DAYS). */
function claimWindow(statements: Extraction['statements']): { from: string; to: string } | null {
  const spans = statements.flatMap((s) => (s.saidAt ? [s.saidAt] : []));
  if (!spans.length) return null;
  const margin = SAME_PERIOD_DAYS * 86_400_000;
  const from = Math.min(...spans.map((t) => Date.parse(t.earliest))) - margin;
  const to = Math.max(...spans.map((t) => Date.parse(t.latest))) + margin;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** Stage 2 (the database): one write transaction, which also finds contradictions with stored statements. */
async function storeStage(services: Services, doc: PreparedDocument, x: Extraction): Promise<StoreStatus> {
  const claiming = x.statements.filter((s) => s.claims?.length && s.saidAt);
  const matters = claimMatters(claiming.flatMap((s) => s.claims ?? []));
  const cross = matters.length
    ? { matters, window: claimWindow(claiming), detect: (candidates: StatementRecord[]) => detectContradictions(x.statements, candidates) }
    : undefined;
  return (await services.archive.storeDocument(doc, x, cross)).status;
}

/** Files read and cleaned ahead of the writes, and checked against the archive in one query. */
const AHEAD = 32;

type Source = Awaited<ReturnType<typeof collectSources>>['sources'][number];
/** One file on its way: prepared, already stored, or failed before extraction. */
type Job = { source: Source } & ({ doc: PreparedDocument } | { unchanged: true } | { error: unknown });

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
  const extraction = new ExtractionState({ authorities, known: await services.archive.knownEntities() });

  const bar = opts.progress
    ? new cliProgress.SingleBar(
        { format: 'ingest [{bar}] {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {file}', hideCursor: true, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const started = Date.now();
  bar?.start(sources.length, 0, { file: '', rate: '0.0' });
  let done = 0;
  const tick = (source: Source) => {
    done++;
    const secs = (Date.now() - started) / 1000;
    bar?.update(done, { file: source.relPath.slice(-40), rate: secs > 0 ? (done / secs).toFixed(1) : '0.0' });
  };
  const fail = (source: Source, e: unknown) => {
    if (e instanceof GraphError) throw e; // the database is down or refuses: stop, nothing half-written
    const reason = e instanceof IngestError ? e.message : `could not be processed: ${(e as Error)?.message ?? String(e)}`;
    summary.failed.push({ path: source.path, reason });
  };

  /** Reads and cleans a slice of files, asks the archive once which are stored, hands the rest to the extractor. */
  const prepareSlice = async (slice: Source[]): Promise<Job[]> => {
    const prepared = slice.map((source): { source: Source; doc?: PreparedDocument; error?: unknown } => {
      try {
        const t0 = performance.now();
        const doc = prepareDocument(source);
        if (timings) timings.clean += performance.now() - t0;
        for (const w of doc.warnings ?? []) summary.warnings.push({ path: source.path, reason: w });
        return { source, doc };
      } catch (error) {
        return { source, error };
      }
    });
    const stored = await services.archive.storedDigests(prepared.flatMap((j) => (j.doc ? [j.doc.sha256] : [])));
    return prepared.map(({ source, doc, error }): Job => (!doc ? { source, error } : stored.has(doc.sha256) ? { source, unchanged: true } : { source, doc }));
  };

  // A pipeline: document i + 1 is extracted here while document i is written (the database works),
  // and the files of the next slice are read while this slice's are extracted. Writes stay in file
  // order, one at a time, so each one sees the statements of the documents before it (for contradictions).
  let writing: Promise<void> = Promise.resolve();
  const settle = (source: Source, store: Promise<StoreStatus>) => {
    writing = store.then(
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
  };
  try {
    let ahead: Promise<Job[]> | null = sources.length ? prepareSlice(sources.slice(0, AHEAD)) : null;
    for (let i = 0; ahead; i += AHEAD) {
      const jobs = await ahead;
      ahead = i + AHEAD < sources.length ? prepareSlice(sources.slice(i + AHEAD, i + 2 * AHEAD)) : null;
      ahead?.catch(() => undefined); // handled at the next await
      for (const job of jobs) {
        if ('unchanged' in job) {
          await writing;
          settle(job.source, Promise.resolve('unchanged'));
          continue;
        }
        let x: Extraction;
        try {
          if ('error' in job) throw job.error;
          const t0 = performance.now();
          x = extraction.extract(job.doc.text, job.doc.meta.published);
          if (timings) timings.extract += performance.now() - t0;
        } catch (e) {
          await writing;
          settle(job.source, Promise.reject(e));
          continue;
        }
        await writing;
        const t0 = performance.now();
        const store = storeStage(services, job.doc, x);
        if (timings) void store.then(() => (timings.write += performance.now() - t0), () => undefined);
        settle(job.source, store);
      }
    }
    await writing;
  } finally {
    bar?.stop();
  }
  summary.counts = await services.archive.counts();
  return summary;
}
