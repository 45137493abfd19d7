import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectSources, MAX_FILE_BYTES, NO_DOCUMENTS_REASON } from '../../src/ingest/index.js';
import { SEEDS, SEED_DOCS, tempTree } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function tree(files: Record<string, string | Uint8Array>) {
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}
const names = (r: { sources: { path: string }[] }) => r.sources.map((s) => path.basename(s.path));

describe('collectSources', () => {
  it('finds .txt, .md and .html files in folders recursively, sorted by path, and lists other files as skipped', async () => {
    const dir = tree({
      'b.txt': 'Bee.',
      'a.md': 'Ay.',
      'sub/c.html': '<p>See.</p>',
      'sub/deeper/d.HTM': '<p>Dee.</p>',
      'notes.pdf': 'not a document extension',
      '.hidden.txt': 'hidden files are not picked up',
    });
    const r = await collectSources([dir]);
    expect(r.failures).toEqual([]);
    expect(r.sources.map((s) => s.relPath)).toEqual(['a.md', 'b.txt', 'sub/c.html', 'sub/deeper/d.HTM']);
    expect(r.sources.every((s) => s.root === dir)).toBe(true);
    expect(r.skipped).toEqual([path.join(dir, 'notes.pdf')]);
    expect(r.sources[1]!.bytes.toString('utf8')).toBe('Bee.');
  });

  it('gives the same list in the same order on every run', async () => {
    const dir = tree({ 'z.txt': 'z', 'y/x.txt': 'x', 'a.txt': 'a', 'm.md': 'm' });
    const one = await collectSources([dir]);
    const two = await collectSources([dir]);
    expect(one.sources.map((s) => s.path)).toEqual(two.sources.map((s) => s.path));
    expect(one.sources.map((s) => s.relPath)).toEqual(['a.txt', 'm.md', 'y/x.txt', 'z.txt']);
  });

  it('reports a missing path as "no such file or folder" and still returns the other files', async () => {
    const dir = tree({ 'ok.txt': 'Fine.' });
    const missing = path.join(dir, 'nothing-here');
    const r = await collectSources([missing, path.join(dir, 'ok.txt')]);
    expect(r.failures).toEqual([{ path: missing, reason: 'no such file or folder' }]);
    expect(names(r)).toEqual(['ok.txt']);
  });

  it('reports a folder with no documents, naming the folder', async () => {
    const dir = tree({ 'empty/readme.pdf': 'x', 'full/a.txt': 'A.' });
    const r = await collectSources([path.join(dir, 'empty'), path.join(dir, 'full')]);
    expect(r.failures).toEqual([{ path: path.join(dir, 'empty'), reason: NO_DOCUMENTS_REASON }]);
    expect(NO_DOCUMENTS_REASON).toContain('no documents (.txt, .md, .html) found');
    expect(names(r)).toEqual(['a.txt']);
  });

  it('attempts a file named explicitly whatever its extension', async () => {
    const dir = tree({ 'transcript.vtt': 'Hello there.' });
    const r = await collectSources([path.join(dir, 'transcript.vtt')]);
    expect(r.failures).toEqual([]);
    expect(r.sources.map((s) => s.relPath)).toEqual(['transcript.vtt']);
  });

  it('refuses a file over the size limit and keeps the others; the default limit is 10 MiB', async () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    const dir = tree({ 'big.txt': 'x'.repeat(200), 'small.txt': 'ok' });
    const r = await collectSources([dir], { maxBytes: 100 });
    expect(r.failures).toEqual([{ path: path.join(dir, 'big.txt'), reason: 'file too large: 200 bytes (the limit is 100 bytes)' }]);
    expect(names(r)).toEqual(['small.txt']);
  });

  it('reports a symlink loop instead of hanging, and still returns the other files', async () => {
    const dir = tree({ 'a/doc.txt': 'A document.' });
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'a', 'again')); // a/again → a
    symlinkSync(path.join(dir, 'self.txt'), path.join(dir, 'self.txt')); // a link to itself
    const r = await collectSources([dir]);
    expect(r.failures).toContainEqual({ path: path.join(dir, 'a', 'again'), reason: `symlink loop: leads back to ${path.join(dir, 'a')}` });
    expect(r.failures).toContainEqual({ path: path.join(dir, 'self.txt'), reason: 'symlink loop: the link leads back to itself' });
    expect(r.sources.map((s) => s.relPath)).toEqual(['a/doc.txt']);
  });

  it('reports a given path that is a self-referencing link as a symlink loop', async () => {
    const dir = tree({});
    const link = path.join(dir, 'loop');
    symlinkSync(link, link);
    const r = await collectSources([link]);
    expect(r.failures).toEqual([{ path: link, reason: 'symlink loop' }]);
  });

  it('reports a broken link to a document, given or found in a folder, and keeps the others', async () => {
    const dir = tree({ 'ok.txt': 'Fine.' });
    symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
    const r = await collectSources([dir, path.join(dir, 'dangling.txt')]);
    expect(r.failures).toEqual([{ path: path.join(dir, 'dangling.txt'), reason: 'broken symbolic link: its target does not exist' }]);
    expect(names(r)).toEqual(['ok.txt']);
  });

  it('takes a file reached twice (given twice, or through a link) once', async () => {
    const dir = tree({ 'docs/a.txt': 'A.' });
    symlinkSync(path.join(dir, 'docs'), path.join(dir, 'alias'));
    const r = await collectSources([dir, path.join(dir, 'docs', 'a.txt')]);
    expect(r.failures).toEqual([]);
    expect(r.sources).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file and keeps the others', async () => {
    const dir = tree({ 'locked.txt': 'secret', 'open.txt': 'fine' });
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    const r = await collectSources([dir]);
    expect(r.failures).toEqual([{ path: path.join(dir, 'locked.txt'), reason: 'cannot read file: permission denied' }]);
    expect(names(r)).toEqual(['open.txt']);
  });
});

describe('catalog.yaml', () => {
  it('attaches catalog records to their files and keeps unknown keys in extra', async () => {
    const dir = tree({
      'catalog.yaml': [
        'documents:',
        '  - file: docs/a.txt',
        '    title: "A title"',
        '    published: 2022-03-02',
        '    kind: live-blog',
        '    shelfmark: { box: 4, folder: 12 }',
      ].join('\n'),
      'docs/a.txt': 'Text A.',
      'docs/b.txt': 'Text B.',
    });
    const r = await collectSources([dir]);
    expect(r.failures).toEqual([]);
    const a = r.sources.find((s) => s.relPath === 'docs/a.txt')!;
    expect(a.catalog?.meta).toEqual({ title: 'A title', published: '2022-03-02', extra: { kind: 'live-blog', shelfmark: { box: 4, folder: 12 } } });
    expect(typeof a.catalog?.meta.published).toBe('string');
    expect(r.sources.find((s) => s.relPath === 'docs/b.txt')!.catalog).toBeNull();
  });

  it('reports a catalog naming a missing file, with the catalog path and the missing file', async () => {
    const dir = tree({ 'catalog.yaml': 'documents:\n  - file: a.txt\n  - file: gone.txt\n    title: Gone\n', 'a.txt': 'Here.' });
    const r = await collectSources([dir]);
    expect(r.failures).toEqual([{ path: path.join(dir, 'catalog.yaml'), reason: 'record 2 names gone.txt, which does not exist' }]);
    expect(names(r)).toEqual(['a.txt']);
  });

  it('reports a broken catalog with its YAML error line, and still ingests the folder without catalog data', async () => {
    const dir = tree({ 'catalog.yaml': 'documents:\n  - file: a.txt\n    title: [unclosed\n  - file: b.txt\n', 'a.txt': 'A.', 'b.txt': 'B.' });
    const r = await collectSources([dir]);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]!.path).toBe(path.join(dir, 'catalog.yaml'));
    expect(r.failures[0]!.reason).toMatch(/^broken catalog \(YAML error at line \d+: .+\); its files are ingested without catalog data$/);
    expect(names(r)).toEqual(['a.txt', 'b.txt']);
    expect(r.sources.every((s) => s.catalog === null)).toBe(true);
  });

  it('reports an invalid field of a record clearly and keeps the rest of the record', async () => {
    const dir = tree({ 'catalog.yaml': 'documents:\n  - file: a.txt\n    title: Kept\n    published: March 2\n', 'a.txt': 'A.' });
    const r = await collectSources([dir]);
    expect(r.failures).toEqual([
      {
        path: path.join(dir, 'catalog.yaml'),
        reason: 'record 1 (a.txt): published: must be a date YYYY, YYYY-MM or YYYY-MM-DD (got "March 2"); that field is ignored',
      },
    ]);
    expect(r.sources[0]!.catalog?.meta.title).toBe('Kept');
    expect(r.sources[0]!.catalog?.meta.published).toBeUndefined();
  });

  it('finds the catalog above a given sub-folder or file, so the identity (relPath) is the same either way', async () => {
    const whole = await collectSources([SEEDS]);
    const sub = await collectSources([SEED_DOCS]);
    const one = await collectSources([path.join(SEED_DOCS, '001_45916d2d92ddb653.txt')]);
    const rel = (r: typeof whole) => r.sources.map((s) => [s.relPath, s.catalog?.meta.title]);
    expect(rel(sub)).toEqual(rel(whole));
    expect(rel(one)).toEqual([['documents/001_45916d2d92ddb653.txt', '[Day seven of the Russian invasion of Ukraine]']]);
  });

  it('reads the seed catalog, whose unquoted "notes:" value contains ": ", as meant, with a warning and no failure', async () => {
    const r = await collectSources([SEEDS]);
    expect(r.failures).toEqual([]);
    expect(r.sources.map((s) => s.relPath)).toEqual([
      'documents/000_3eef5064c7fd04ad.txt',
      'documents/001_45916d2d92ddb653.txt',
      'documents/002_25fd356c01da8ff1.txt',
    ]);
    const m = r.sources[1]!.catalog!.meta;
    expect(m.published).toBe('2022-03-02');
    expect(m.notes).toBe('photo captions and credits ("Photo: ... via Getty") are captions, not article sentences');
    expect(m.extra.kind).toBe('article');
    expect(r.warnings.map((w) => w.reason).join('\n')).toMatch(/line \d+: the value of "notes:" contains ": "/);
  });

  it('ingests a file the catalog names even when its extension is not a document extension', async () => {
    const dir = tree({ 'catalog.yaml': 'documents:\n  - file: speech.vtt\n    title: Speech\n', 'speech.vtt': 'Words.' });
    writeFileSync(path.join(dir, 'other.vtt'), 'Not named.');
    const r = await collectSources([dir]);
    expect(r.failures).toEqual([]);
    expect(r.sources.map((s) => s.relPath)).toEqual(['speech.vtt']);
    expect(r.skipped).toEqual([path.join(dir, 'other.vtt')]);
  });
});
