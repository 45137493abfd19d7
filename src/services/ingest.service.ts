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
import type { AuthorityRecord, ContradictionRecord, Extraction, StatementRecord } from '../extract/types';
import type { StoreStatus } from '../graph/archive.repository';
import { ClaimCandidates } from './claim-candidates';
import { ExtractionState } from './extraction-state';
import { nameIndexInterval, periodically } from './name-indexing';
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

/** Statements that can contradict others: with claims and a time. */
const claimingStatements = (x: Extraction) => x.statements.filter((s) => s.claims?.length && s.saidAt);

/** A document being written: what a document written beside it must know. */
interface Writing {
  identity: string;
  /** Its statements with claims (candidates for contradictions), and the keys of all its statements. */
  claiming: StatementRecord[];
  keys: Set<string>;
  done: Promise<unknown>;
}

/** A document's write once it is out, whatever its outcome. */
const settled = (w: Writing) => w.done.catch(() => undefined);

/**
 * The contradictions between a document's statements and stored ones, or ones of the documents
 * being written beside it (`beside`, which the database does not show yet). Started as soon as the
 * document is extracted, so a read of stored candidates (only for matters the run has not read yet,
 * see ClaimCandidates) does not hold a writer's place: every document before this one is stored or in
 * `beside` by then (they are extracted, and their writes started, in file order). A pair with a
 * statement still being written waits until it is stored.
 */
function crossCheck(candidates: ClaimCandidates, x: Extraction, beside: Writing[]): Promise<ContradictionRecord[]> {
  const claiming = claimingStatements(x);
  const matters = claimMatters(claiming.flatMap((s) => s.claims ?? []));
  if (!matters.length) return Promise.resolve([]);
  const window = claimWindow(claiming);
  const inWindow = (s: StatementRecord) => !window || (!!s.saidAt && s.saidAt.latest >= window.from && s.saidAt.earliest <= window.to);
  const pairs = candidates.about(matters).then(async (about) => {
    const stored = about.filter(inWindow);
    const seen = new Set(stored.map((s) => s.key));
    const others = beside.flatMap((w) => w.claiming).filter((s) => !seen.has(s.key) && inWindow(s));
    const found = detectContradictions(x.statements, [...stored, ...others]);
    for (const w of beside) if (found.some((p) => w.keys.has(p.a) || w.keys.has(p.b))) await settled(w);
    return found;
  });
  pairs.catch(() => undefined); // awaited by storeStage
  return pairs;
}

/**
 * Stage 2 (the database): one write transaction, with the contradictions crossCheck found. A new
 * version of a file whose earlier version is being written waits until that one is stored.
 */
async function storeStage(services: Services, doc: PreparedDocument, x: Extraction, pairs: Promise<ContradictionRecord[]>, beside: Writing[]): Promise<StoreStatus> {
  for (const w of beside) if (w.identity === doc.identity) await settled(w);
  return (await services.archive.storeDocument(doc, x, await pairs)).status;
}

/** Documents written at once (ANNALS_INGEST_WRITERS): one extracts and waits less while others are written. */
function writers(): number {
  const n = Number(process.env.ANNALS_INGEST_WRITERS ?? 3);
  return Number.isInteger(n) && n >= 1 ? n : 3;
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
  const candidates = new ClaimCandidates((matters) => services.archive.claimStatements(matters));

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

  /** Reads and cleans a slice of files and asks the archive once which of them are stored already. */
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

  // A pipeline: the next document is extracted here while the ones before it are written (up to
  // `writers()` transactions at once; the database works on them meanwhile), and the files of the next
  // slice are read while this slice's are extracted. Results are reported in file order.
  const limit = writers();
  const inFlight = new Map<Writing, Promise<void>>(); // each with a promise that settles once it is out
  let reporting: Promise<void> = Promise.resolve();
  let fatal: unknown = null;
  const report = (source: Source, outcome: Promise<StoreStatus>) => {
    outcome.catch(() => undefined); // reported below, in turn
    reporting = reporting
      .then(() => outcome)
      .then(
        (status) => {
          summary[status].push(source.path);
        },
        (e: unknown) => {
          try {
            fail(source, e);
          } catch (f) {
            fatal ??= f; // the database is down or refuses: stop
          }
        },
      )
      .then(() => tick(source));
  };
  const names = periodically(() => services.archive.indexPendingNames(), nameIndexInterval());
  let finished = false;
  try {
    let ahead: Promise<Job[]> | null = sources.length ? prepareSlice(sources.slice(0, AHEAD)) : null;
    for (let i = 0; ahead; i += AHEAD) {
      const jobs = await ahead;
      ahead = i + AHEAD < sources.length ? prepareSlice(sources.slice(i + AHEAD, i + 2 * AHEAD)) : null;
      ahead?.catch(() => undefined); // handled at the next await
      for (const job of jobs) {
        if (fatal) throw fatal;
        if ('unchanged' in job) {
          report(job.source, Promise.resolve('unchanged'));
          continue;
        }
        let x: Extraction;
        try {
          if ('error' in job) throw job.error;
          const t0 = performance.now();
          x = extraction.extract(job.doc.text, job.doc.meta.published);
          if (timings) timings.extract += performance.now() - t0;
        } catch (e) {
          report(job.source, Promise.reject(e));
          continue;
        }
        const beside = [...inFlight.keys()];
        const pairs = crossCheck(candidates, x, beside);
        while (inFlight.size >= limit) await Promise.race(inFlight.values());
        if (fatal) throw fatal;
        const t0 = performance.now();
        const store = storeStage(services, job.doc, x, pairs, beside);
        const w: Writing = { identity: job.doc.identity, claiming: claimingStatements(x), keys: new Set(x.statements.map((s) => s.key)), done: store };
        inFlight.set(
          w,
          store.then(
            () => {
              if (timings) timings.write += performance.now() - t0;
              inFlight.delete(w);
              candidates.stored(w.claiming); // no longer beside the next documents: kept with the stored ones
            },
            () => void inFlight.delete(w),
          ),
        );
        report(job.source, store);
      }
    }
    await Promise.all(inFlight.values());
    await reporting;
    if (fatal) throw fatal;
    finished = true;
    await names.finish();
  } finally {
    if (!finished) await names.cancel();
    bar?.stop();
  }
  summary.counts = await services.archive.counts();
  return summary;
}
