/**
 * catalog.yaml: the archivist's records for the files of a folder.
 *
 *   documents:
 *     - file: documents/000.txt      # relative to the catalog's folder
 *       title: "..."
 *       published: 2022-03-02        # YYYY, YYYY-MM or YYYY-MM-DD
 *       anyOtherKey: kept in meta.extra
 */
import path from 'node:path';
import type { IngestFailure } from './types.js';
import { isPlainObject, validateMeta, type MetaFields } from './meta.js';
import { describeYamlError, parseYamlLenient } from './yaml-util.js';

export const CATALOG_FILE_NAMES = ['catalog.yaml', 'catalog.yml'] as const;

export interface CatalogEntry {
  /** The catalog file, as found (for messages). */
  catalogPath: string;
  /** 1-based position of the record in `documents:`. */
  record: number;
  /** `file` as the archivist wrote it. */
  file: string;
  /** The file, resolved against the catalog's folder (absolute). */
  resolved: string;
  meta: MetaFields;
}

export interface Catalog {
  path: string;
  /** The catalog's folder (absolute). */
  dir: string;
  entries: CatalogEntry[];
}

/**
 * Parses a catalog's text. Never throws: a broken catalog yields no entries and a failure;
 * a bad record or field yields a failure and is left out (the rest of the record still applies).
 */
export function parseCatalog(text: string, catalogPath: string, catalogDir = path.dirname(path.resolve(catalogPath))): {
  catalog: Catalog;
  failures: IngestFailure[];
  /** Slips read as meant (an unquoted value containing ": "); the catalog still applies. */
  warnings: IngestFailure[];
} {
  const catalog: Catalog = { path: catalogPath, dir: catalogDir, entries: [] };
  const failures: IngestFailure[] = [];
  const warnings: IngestFailure[] = [];
  const fail = (reason: string) => failures.push({ path: catalogPath, reason });

  const src = text.replace(/^\uFEFF/, '');
  const parsed = parseYamlLenient(src);
  if (!parsed.ok) {
    fail(`broken catalog (YAML error at ${describeYamlError(parsed)}); its files are ingested without catalog data`);
    return { catalog, failures, warnings };
  }
  for (const r of parsed.repaired) {
    warnings.push({
      path: catalogPath,
      reason: `line ${r.line}: the value of "${r.key}:" contains ": ", which YAML allows only in quotes; read as text to the end of the line`,
    });
  }
  const doc = parsed.value;
  if (doc === null || doc === undefined) return { catalog, failures, warnings };
  if (!isPlainObject(doc) || !('documents' in doc)) {
    fail('broken catalog: expected a top-level "documents:" list; its files are ingested without catalog data');
    return { catalog, failures, warnings };
  }
  const list = doc.documents;
  if (list === null || list === undefined) return { catalog, failures, warnings };
  if (!Array.isArray(list)) {
    fail('broken catalog: "documents:" must be a list of records; its files are ingested without catalog data');
    return { catalog, failures, warnings };
  }

  const seen = new Map<string, number>();
  list.forEach((rec: unknown, i: number) => {
    const n = i + 1;
    if (!isPlainObject(rec)) {
      fail(`record ${n}: must be a mapping of keys (file:, title:, ...)`);
      return;
    }
    const file = rec.file;
    if (typeof file !== 'string' || file.trim() === '') {
      fail(`record ${n}: missing "file:" (the document's path relative to the catalog's folder)`);
      return;
    }
    const rel = file.trim();
    if (path.isAbsolute(rel) || /^[A-Za-z]:[\\/]/.test(rel)) {
      fail(`record ${n} (${rel}): "file:" must be a path relative to the catalog's folder`);
      return;
    }
    const resolved = path.resolve(catalogDir, rel);
    const inside = path.relative(catalogDir, resolved);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
      fail(`record ${n} (${rel}): "file:" must name a file inside the catalog's folder`);
      return;
    }
    const prev = seen.get(resolved);
    if (prev !== undefined) {
      fail(`record ${n} (${rel}): the file is already listed by record ${prev}; record ${n} is ignored`);
      return;
    }
    seen.set(resolved, n);
    const { meta, problems } = validateMeta(rec, ['file']);
    for (const p of problems) fail(`record ${n} (${rel}): ${p}; that field is ignored`);
    catalog.entries.push({ catalogPath, record: n, file: rel, resolved, meta });
  });
  return { catalog, failures, warnings };
}
