import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../src/ingest/index.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = path.join(REPO, 'seeds');
export const SEED_DOCS = path.join(SEEDS, 'documents');
export const FIXTURES = path.join(REPO, 'test/fixtures/ingest');

/** A temporary folder, filled with `files` (path → text or bytes); remove it with cleanup(). */
export function tempTree(files: Record<string, string | Uint8Array> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'annals-ingest-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A SourceFile made in memory. */
export function source(file: string, content: string | Uint8Array, catalog: SourceFile['catalog'] = null): SourceFile {
  return {
    path: file,
    relPath: file,
    root: '.',
    bytes: Buffer.from(typeof content === 'string' ? Buffer.from(content, 'utf8') : content),
    catalog,
  };
}
