/**
 * Finding the source files to ingest: files and folders (recursively), their catalog records,
 * and every reason a path cannot be read. Pure filesystem work: nothing is decoded here.
 */
import { promises as fs, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IngestFailure } from './types.js';
import { CATALOG_FILE_NAMES, parseCatalog, type Catalog, type CatalogEntry } from './catalog.js';

/** Files larger than this are refused ("file too large"); override with `maxBytes`. 10 MiB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Extensions picked up when walking a folder, and the media type each is read as. */
export const DOCUMENT_EXTENSIONS: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
};

export const NO_DOCUMENTS_REASON = 'no documents (.txt, .md, .html) found';

export interface SourceFile {
  /** The path as given, or joined under a given folder. */
  path: string;
  /** Path relative to the ingest root, with "/" separators: the identity when no url is known. */
  relPath: string;
  /** The ingest root: the nearest folder at or above the given path that holds a catalog naming the
   *  file, else the given folder (or, for a given file, its folder). */
  root: string;
  /** The file's bytes, as read. */
  bytes: Buffer;
  /** The catalog record that names this file, or null. */
  catalog: CatalogEntry | null;
}

export interface CollectOptions {
  /** Size limit per file in bytes (default MAX_FILE_BYTES). */
  maxBytes?: number;
}

export interface CollectResult {
  /** Readable files, sorted by path. */
  sources: SourceFile[];
  /** Paths that cannot be ingested, with the reason; sorted by path. */
  failures: IngestFailure[];
  /** Files found in folders whose extension is not a document's (and that no catalog names). */
  skipped: string[];
  /** Problems that did not stop anything (a catalog slip read as meant); report them, exit status unaffected. */
  warnings: IngestFailure[];
}

interface Candidate {
  path: string;
  abs: string;
  real: string;
  arg: number;
}

interface ArgInfo {
  arg: string;
  abs: string;
  kind: 'file' | 'dir';
  documents: number;
  /** Nearest catalog at or above the given path (outside the walked tree for folders). */
  above: Catalog | null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function errCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

function describeFsError(e: unknown): string {
  const code = errCode(e);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symlink loop';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return 'is a folder';
  return e instanceof Error ? e.message : String(e);
}

export function formatBytes(n: number): string {
  const MiB = 1024 * 1024;
  if (n >= MiB) return `${Number.isInteger(n / MiB) ? n / MiB : (n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${Number.isInteger(n / 1024) ? n / 1024 : (n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Folders where the upward search for a catalog stops before looking. */
function boundaryFolders(): Set<string> {
  const out = new Set<string>();
  for (const f of [os.homedir(), os.tmpdir()]) {
    try {
      out.add(path.resolve(f));
    } catch {
      /* ignore */
    }
  }
  return out;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Collects the files under `paths` (files and folders, recursively), with their catalog records.
 * Never throws for a bad path: every problem is a failure with a reason, and the rest is returned.
 */
export async function collectSources(paths: string[], opts: CollectOptions = {}): Promise<CollectResult> {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const failures: IngestFailure[] = [];
  const warnings: IngestFailure[] = [];
  const fail = (p: string, reason: string) => failures.push({ path: p, reason });
  const candidates: Candidate[] = [];
  const skipped = new Map<string, { path: string; abs: string; arg: number }>(); // by realpath
  const catalogs = new Map<string, Catalog>(); // by realpath of the catalog file
  const args: ArgInfo[] = [];

  async function loadCatalog(display: string, abs: string): Promise<Catalog | null> {
    let real: string;
    try {
      real = await fs.realpath(abs);
    } catch (e) {
      fail(display, `cannot read catalog: ${describeFsError(e)}`);
      return null;
    }
    const known = catalogs.get(real);
    if (known) return known;
    let text: string;
    try {
      const st = await fs.stat(abs);
      if (st.size > maxBytes) {
        fail(display, `catalog too large: ${formatBytes(st.size)} (the limit is ${formatBytes(maxBytes)})`);
        return null;
      }
      text = await fs.readFile(abs, 'utf8');
    } catch (e) {
      fail(display, `cannot read catalog: ${describeFsError(e)}`);
      return null;
    }
    const { catalog, failures: f, warnings: w } = parseCatalog(text, display, path.dirname(abs));
    failures.push(...f);
    warnings.push(...w);
    catalogs.set(real, catalog);
    return catalog;
  }

  async function walk(display: string, abs: string, real: string, ancestors: Map<string, string>, visited: Set<string>, arg: number) {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch (e) {
      fail(display, `cannot read folder: ${describeFsError(e)}`);
      return;
    }
    entries.sort((a, b) => cmp(a.name, b.name));
    for (const d of entries) {
      if (d.name.startsWith('.')) continue; // hidden files and folders (.git, .DS_Store)
      const p = path.join(display, d.name);
      const a = path.join(abs, d.name);
      const ext = path.extname(d.name).toLowerCase();
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      let r = path.join(real, d.name);
      if (d.isSymbolicLink()) {
        try {
          const st = await fs.stat(a);
          isDir = st.isDirectory();
          isFile = st.isFile();
          r = await fs.realpath(a);
        } catch (e) {
          const code = errCode(e);
          if (code === 'ELOOP') fail(p, 'symlink loop: the link leads back to itself');
          else if (code === 'ENOENT') {
            if (ext in DOCUMENT_EXTENSIONS || ext === '') fail(p, 'broken symbolic link: its target does not exist');
          } else fail(p, `cannot read: ${describeFsError(e)}`);
          continue;
        }
      }
      if (isDir) {
        const loopTo = ancestors.get(r);
        if (loopTo !== undefined) {
          fail(p, `symlink loop: leads back to ${loopTo}`);
          continue;
        }
        if (visited.has(r)) continue; // the same folder reached again through a link: already walked
        visited.add(r);
        ancestors.set(r, p);
        await walk(p, a, r, ancestors, visited, arg);
        ancestors.delete(r);
      } else if (isFile) {
        if ((CATALOG_FILE_NAMES as readonly string[]).includes(d.name.toLowerCase())) {
          await loadCatalog(p, a);
        } else if (ext in DOCUMENT_EXTENSIONS) {
          candidates.push({ path: p, abs: a, real: r, arg });
          args[arg]!.documents++;
        } else if (!skipped.has(r)) {
          skipped.set(r, { path: p, abs: a, arg });
        }
      }
    }
  }

  /** The nearest catalog in `start` or a folder above it (stops at .git, home, temp, filesystem root). */
  async function catalogAbove(start: string): Promise<Catalog | null> {
    const boundaries = boundaryFolders();
    let dir = start;
    for (let depth = 0; depth < 64; depth++) {
      if (boundaries.has(dir) || path.dirname(dir) === dir) return null;
      for (const name of CATALOG_FILE_NAMES) {
        const c = path.join(dir, name);
        if (await exists(c)) {
          const display = path.relative(process.cwd(), c) || c;
          return loadCatalog(display, c);
        }
      }
      if (await exists(path.join(dir, '.git'))) return null;
      dir = path.dirname(dir);
    }
    return null;
  }

  for (const [i, arg] of paths.entries()) {
    const abs = path.resolve(arg);
    const info: ArgInfo = { arg, abs, kind: 'file', documents: 0, above: null };
    args.push(info);
    let st;
    try {
      st = await fs.stat(abs);
    } catch (e) {
      const code = errCode(e);
      if (code === 'ELOOP') fail(arg, 'symlink loop');
      else if (code === 'ENOENT' || code === 'ENOTDIR') {
        let link = false;
        try {
          link = (await fs.lstat(abs)).isSymbolicLink();
        } catch {
          link = false;
        }
        fail(arg, link ? 'broken symbolic link: its target does not exist' : 'no such file or folder');
      } else fail(arg, `cannot read: ${describeFsError(e)}`);
      continue;
    }
    if (st.isDirectory()) {
      info.kind = 'dir';
      const real = await fs.realpath(abs);
      await walk(arg, abs, real, new Map([[real, arg]]), new Set([real]), i);
      const ownCatalog = [...catalogs.values()].some((c) => c.dir === abs);
      if (!ownCatalog) info.above = await catalogAbove(path.dirname(abs));
    } else if (st.isFile()) {
      info.documents = 1;
      candidates.push({ path: arg, abs, real: await fs.realpath(abs), arg: i });
      info.above = await catalogAbove(path.dirname(abs));
    } else {
      fail(arg, 'not a regular file or folder');
    }
  }

  // Resolve every catalog record to the real file it names.
  const entryByReal = new Map<string, CatalogEntry>();
  const entryDepth = new Map<string, number>();
  for (const catalog of catalogs.values()) {
    for (const entry of catalog.entries) {
      let real: string;
      let st;
      try {
        st = await fs.stat(entry.resolved);
        real = await fs.realpath(entry.resolved);
      } catch (e) {
        const relevant = args.some((a) => a.kind === 'dir' && (isInside(a.abs, entry.resolved) || isInside(a.abs, catalog.dir) || a.abs === catalog.dir));
        if (relevant) {
          const code = errCode(e);
          fail(
            catalog.path,
            code === 'ENOENT' || code === 'ENOTDIR'
              ? `record ${entry.record} names ${entry.file}, which does not exist`
              : `record ${entry.record} names ${entry.file}, which cannot be read: ${describeFsError(e)}`,
          );
        }
        continue;
      }
      if (!st.isFile()) {
        fail(catalog.path, `record ${entry.record} names ${entry.file}, which is a folder, not a file`);
        continue;
      }
      const depth = catalog.dir.length;
      if ((entryDepth.get(real) ?? -1) < depth) {
        entryByReal.set(real, entry);
        entryDepth.set(real, depth);
      }
      // A file the catalog names explicitly is ingested whatever its extension.
      const sk = skipped.get(real);
      if (sk) {
        skipped.delete(real);
        candidates.push({ path: sk.path, abs: sk.abs, real, arg: sk.arg });
        args[sk.arg]!.documents++;
      }
    }
  }

  for (const a of args) if (a.kind === 'dir' && a.documents === 0) fail(a.arg, NO_DOCUMENTS_REASON);

  // The ingest root of each given path.
  const roots = args.map((a, i) => {
    const defaultRoot = a.kind === 'dir' ? { display: a.arg, abs: a.abs } : { display: path.dirname(a.arg), abs: path.dirname(a.abs) };
    const above = a.above;
    if (!above) return defaultRoot;
    const namesOne = candidates.some((c) => c.arg === i && entryByReal.get(c.real)?.catalogPath === above.path);
    if (!namesOne) return defaultRoot;
    const display = path.isAbsolute(a.arg) ? above.dir : path.relative(process.cwd(), above.dir) || '.';
    return { display, abs: above.dir };
  });

  const seen = new Set<string>();
  const sources: SourceFile[] = [];
  for (const c of candidates) {
    if (seen.has(c.real)) continue; // the same file reached twice (two paths, or a link)
    seen.add(c.real);
    let bytes: Buffer;
    try {
      const st = await fs.stat(c.abs);
      if (st.size > maxBytes) {
        fail(c.path, `file too large: ${formatBytes(st.size)} (the limit is ${formatBytes(maxBytes)})`);
        continue;
      }
      bytes = await fs.readFile(c.abs);
    } catch (e) {
      fail(c.path, `cannot read file: ${describeFsError(e)}`);
      continue;
    }
    if (bytes.length > maxBytes) {
      fail(c.path, `file too large: ${formatBytes(bytes.length)} (the limit is ${formatBytes(maxBytes)})`);
      continue;
    }
    const root = roots[c.arg]!;
    sources.push({
      path: c.path,
      relPath: path.relative(root.abs, c.abs).split(path.sep).join('/'),
      root: root.display,
      bytes,
      catalog: entryByReal.get(c.real) ?? null,
    });
  }

  sources.sort((a, b) => cmp(a.path, b.path) || cmp(a.relPath, b.relPath));
  const uniq = new Map<string, IngestFailure>();
  for (const f of failures) uniq.set(`${f.path}\u0000${f.reason}`, f);
  const outFailures = [...uniq.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.reason, b.reason));
  return { sources, failures: outFailures, skipped: [...skipped.values()].map((s) => s.path).sort(cmp), warnings };
}
