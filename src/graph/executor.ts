/**
 * The one executor through which all Cypher runs: read and write transactions, parameters only,
 * results converted at the edge, errors mapped in one place, and a round-trip counter that tests
 * and the benchmark read.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { mapNeo4jError } from './errors';
import { toPlain } from './convert';
import './bolt-messages';

/** ANNALS_TRACE_CYPHER=1 prints each query's time on stderr. */
const TRACE = process.env.ANNALS_TRACE_CYPHER === '1';

/** How long a failed transaction is retried on transient errors. */
const RETRY_MS = 5_000;

/**
 * Runs `start` (which only creates a driver result) with no stack traces captured. neo4j-driver
 * records the caller's stack, formatted as text, for every result it creates, to put on an error
 * that may arrive later: on a short read that was a measurable share of the server's work per
 * request. Annals never shows the driver's stacks (errors are mapped in one place, src/graph/errors.ts,
 * into errors of their own). Only the synchronous call is affected; the limit is restored at once.
 */
function withoutCallerStack<R>(start: () => R): R {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

export interface Tx {
  run<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
}

export interface ExecutorOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export class Executor {
  readonly driver: Driver;
  /** Queries sent to the database since start (one per `run`). */
  roundTrips = 0;

  constructor(readonly options: ExecutorOptions) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: RETRY_MS,
      disableLosslessIntegers: false,
    });
  }

  /** Sends one query (counted, traced when asked) and converts its rows at the edge. */
  private async send<T extends Row>(runner: ManagedTransaction | Session, cypher: string, params: Params): Promise<T[]> {
    this.roundTrips++;
    const t0 = performance.now();
    const res = await withoutCallerStack(() => runner.run(cypher, params));
    if (TRACE) process.stderr.write(`cypher ${(performance.now() - t0).toFixed(1)} ms: ${cypher.trim().slice(0, 70).replace(/\s+/g, ' ')}\n`);
    return res.records.map((r) => toPlain(r.toObject()) as T);
  }

  private wrap(tx: ManagedTransaction): Tx {
    return { run: <T extends Row>(cypher: string, params: Params = {}) => this.send<T>(tx, cypher, params) };
  }

  private async transaction<R>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<R>): Promise<R> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session[mode] });
    try {
      const run = mode === 'READ' ? session.executeRead.bind(session) : session.executeWrite.bind(session);
      return await run((tx) => work(this.wrap(tx)));
    } catch (e) {
      throw mapNeo4jError(e, this.options.uri);
    } finally {
      await session.close();
    }
  }

  /** A read transaction (retried by the driver on transient errors). */
  read<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.transaction('READ', work);
  }

  /** A write transaction: all of `work` commits, or none of it. */
  write<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.transaction('WRITE', work);
  }

  /**
   * One read query in an auto-commit transaction: one network round trip (RUN and PULL together),
   * where an explicit transaction needs a second one to commit.
   */
  async query<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await this.send<T>(session, cypher, params);
    } catch (e) {
      throw mapNeo4jError(e, this.options.uri);
    } finally {
      await session.close();
    }
  }

  /**
   * One write query in an auto-commit transaction: all of it commits or none of it, in one round trip
   * (an explicit transaction needs a second one to commit). Retried on transient errors (a deadlock
   * with another writer, a leader switch), as the driver retries explicit transactions.
   */
  async writeQuery<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    const deadline = Date.now() + RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await this.send<T>(session, cypher, params);
      } catch (e) {
        if (!neo4j.isRetryableError(e as Error) || Date.now() > deadline) throw mapNeo4jError(e, this.options.uri);
      } finally {
        await session.close();
      }
      await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt) * (0.8 + Math.random() * 0.4)));
    }
  }

  /** Schema statements (constraints, indexes) run in auto-commit transactions. */
  async schema(cypher: string): Promise<void> {
    const session = this.driver.session({ database: this.options.database });
    try {
      this.roundTrips++;
      await session.run(cypher);
    } catch (e) {
      throw mapNeo4jError(e, this.options.uri);
    } finally {
      await session.close();
    }
  }

  async verify(): Promise<void> {
    try {
      await this.driver.verifyAuthentication();
    } catch (e) {
      throw mapNeo4jError(e, this.options.uri);
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.query('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
