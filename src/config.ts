/**
 * Configuration from the environment, read in one place. Every variable is listed with its
 * default in README.md ("Configuration").
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The documented default password of the local Neo4j (override with NEO4J_PASSWORD). */
export const DEFAULT_NEO4J_PASSWORD = 'annals-local-password';

export interface Config {
  port: number;
  host: string;
  /** Set when the user points Annals at their own Neo4j. */
  neo4jUri: string | null;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
  /** Where the local Neo4j keeps its files (data/ by default). */
  dataDir: string;
  localBoltPort: number;
  heap: string;
  pageCache: string;
  logLevel: string;
  /** Document records kept in the process (ANNALS_DOCUMENT_CACHE; see src/graph/document-cache.ts). */
  documentCache: number;
  evidenceCache: number;
  development: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new ConfigError(`${name} must be a port number from 1 to 65535, got "${raw}"`);
  }
  return n;
}

function sizeVar(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+[kmg]?$/i.test(raw)) throw new ConfigError(`${name} must be a size such as 512m or 1g, got "${raw}"`);
  return raw.toLowerCase();
}

/** Document records kept in the process (ANNALS_DOCUMENT_CACHE; see src/graph/document-cache.ts). */
export const DEFAULT_DOCUMENT_CACHE = 20_000;

/** A cache's bound from an environment variable: a whole number of `what` (0 or more), else the default. */
function cacheBound(env: NodeJS.ProcessEnv, name: string, fallback: number, what: string): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number of ${what} (0 or more), got "${raw}"`);
  return n;
}

export function documentCacheSize(env: NodeJS.ProcessEnv = process.env): number {
  return cacheBound(env, 'ANNALS_DOCUMENT_CACHE', DEFAULT_DOCUMENT_CACHE, 'document records');
}

/** Evidence passages kept in the process (ANNALS_EVIDENCE_CACHE; see src/graph/evidence-cache.ts). */
export const DEFAULT_EVIDENCE_CACHE = 50_000;

export function evidenceCacheSize(env: NodeJS.ProcessEnv = process.env): number {
  return cacheBound(env, 'ANNALS_EVIDENCE_CACHE', DEFAULT_EVIDENCE_CACHE, 'evidence passages');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intVar(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    neo4jUri: env.NEO4J_URI || null,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || DEFAULT_NEO4J_PASSWORD,
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    dataDir: resolve(env.ANNALS_DATA_DIR || resolve(PROJECT_ROOT, 'data')),
    localBoltPort: intVar(env, 'ANNALS_NEO4J_PORT', 7687),
    heap: sizeVar(env, 'ANNALS_NEO4J_HEAP', '768m'),
    pageCache: sizeVar(env, 'ANNALS_NEO4J_PAGECACHE', '512m'),
    logLevel: env.LOG_LEVEL || 'info',
    documentCache: documentCacheSize(env),
    evidenceCache: evidenceCacheSize(env),
    development: env.NODE_ENV === 'development',
  };
}
