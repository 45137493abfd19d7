import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshArchive, type TestArchive } from '../helpers/archive';
import { runScript } from '../helpers/cli';

let a: TestArchive;
beforeAll(async () => {
  a = await freshArchive();
});
afterAll(() => a.close());

const counts = () => a.services.archive.counts();

describe('npm run seed', () => {
  it('adds the three seed documents, then finds them unchanged, and the counts stay the same', async () => {
    const first = await runScript('seed.ts', ['seeds', '--json']);
    expect(first.code, first.err).toBe(0);
    const s1 = JSON.parse(first.out);
    expect(s1.added).toHaveLength(3);
    expect(s1.failed).toEqual([]);
    expect(s1.counts.documents).toBe(3);
    expect(s1.counts.statements).toBeGreaterThan(10);

    const second = await runScript('seed.ts', ['seeds', '--json']);
    const s2 = JSON.parse(second.out);
    expect(second.code).toBe(0);
    expect(s2.added).toEqual([]);
    expect([...s2.unchanged].sort()).toEqual([...s1.added].sort());
    expect(s2.counts).toEqual(s1.counts);
  });

  it('stores every evidence excerpt exactly as text.slice(start, end) of its document', async () => {
    const rows = await a.executor.query<{ text: string; start: number; end: number; excerpt: string }>(
      'MATCH ()-[e:EVIDENCE]->(d:Document) RETURN d.text AS text, e.start AS start, e.end AS end, e.excerpt AS excerpt',
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.text.slice(r.start, r.end)).toBe(r.excerpt);
  });

  it('stores the good files of a folder, names the bad ones with a reason, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annals-seed-mixed-'));
    writeFileSync(join(dir, 'good.md'), '---\ntitle: A good report\npublished: 2030-01-02\n---\nThe minister said on Monday that the port was open.\n');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait, said the mayor.', 'latin1'));
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\nText.\n');
    const before = await counts();
    const r = await runScript('seed.ts', [dir, '--json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out);
    expect(s.added).toEqual([join(dir, 'good.md')]);
    const reasons = Object.fromEntries(s.failed.map((f: { path: string; reason: string }) => [f.path.split('/').pop(), f.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['broken.md', 'empty.txt', 'image.txt', 'latin1.txt']);
    expect(reasons['empty.txt']).toMatch(/empty/i);
    expect(reasons['image.txt']).toMatch(/binary|PNG/i);
    expect(reasons['latin1.txt']).toMatch(/UTF-8/);
    expect(reasons['broken.md']).toMatch(/front matter|YAML/i);
    expect((await counts()).documents).toBe(before.documents + 1);
  });

  it('names a missing path and exits 1 without storing anything', async () => {
    const before = await counts();
    const r = await runScript('seed.ts', ['/no/such/folder', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).failed[0]).toMatchObject({ path: '/no/such/folder' });
    expect(await counts()).toEqual(before);
  });

  it('creates no duplicates when two runs ingest the same folder at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annals-seed-race-'));
    mkdirSync(join(dir, 'docs'));
    for (let i = 0; i < 4; i++) {
      writeFileSync(join(dir, 'docs', `r${i}.txt`), `Race report ${i}\n\nOfficials in Testville said on Tuesday that ${i + 2} bridges were closed.\n`);
    }
    const before = await counts();
    const [r1, r2] = await Promise.all([runScript('seed.ts', [dir, '--json']), runScript('seed.ts', [dir, '--json'])]);
    expect(r1.code, r1.err).toBe(0);
    expect(r2.code, r2.err).toBe(0);
    const added = [...JSON.parse(r1.out).added, ...JSON.parse(r2.out).added];
    expect(new Set(added).size).toBe(4);
    expect(added).toHaveLength(4);
    expect((await counts()).documents).toBe(before.documents + 4);
    const dup = await a.executor.query<{ n: number }>('MATCH (d:Document) WITH d.sha256 AS sha, count(*) AS n WHERE n > 1 RETURN n');
    expect(dup).toEqual([]);
  });

  it('prints a usage line and exits 2 without paths', async () => {
    const r = await runScript('seed.ts', []);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage: npm run seed/);
  });
});

describe('fixity and provenance of a seeded document', () => {
  it('gives back the original bytes, whose sha256 is the one stored, and keeps unknown catalog keys', async () => {
    const { buildApp } = await import('../../src/server/app');
    const { readFileSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const app = await buildApp({ services: a.services });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query: '{ documents(first: 50) { nodes { id identity sha256 originalBase64 mediaType metadata publishedSource } } }' },
      });
      const docs = res.json().data.documents.nodes as { id: string; identity: string; sha256: string; originalBase64: string; metadata: Record<string, unknown>; publishedSource: string }[];
      const seed = docs.find((d) => d.identity === 'documents/001_45916d2d92ddb653.txt');
      expect(seed).toBeDefined();
      const onDisk = readFileSync(join(process.cwd(), 'seeds', 'documents', '001_45916d2d92ddb653.txt'));
      expect(Buffer.from(seed!.originalBase64, 'base64').equals(onDisk)).toBe(true);
      expect(createHash('sha256').update(onDisk).digest('hex')).toBe(seed!.sha256);
      expect(seed!.metadata).toMatchObject({ kind: 'article' });
      expect(seed!.publishedSource).toBe('catalog');
      const raw = await app.inject({ method: 'GET', url: `/documents/${seed!.id}/original` });
      expect(raw.statusCode).toBe(200);
      expect(raw.rawPayload.equals(onDisk)).toBe(true);
      expect(raw.headers['x-content-sha256']).toBe(seed!.sha256);
      expect((await app.inject({ method: 'GET', url: '/documents/doc_000000000000000000000000/original' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('a seed run killed midway', () => {
  it('leaves no half document, and running it again completes the work', async () => {
    const { spawn } = await import('node:child_process');
    const { inject } = await import('vitest');
    const dir = mkdtempSync(join(tmpdir(), 'annals-seed-kill-'));
    const n = 40;
    for (let i = 0; i < n; i++) {
      writeFileSync(
        join(dir, `k${String(i).padStart(2, '0')}.txt`),
        `Flood report ${i}\n\nMayor Tamsin Oduya of Riverton said on Monday that ${i + 3} streets were flooded. "We are pumping day and night," Oduya told reporters.\n`,
      );
    }
    const before = (await counts()).documents;
    // One process (tsx's CLI would run the script in a child that SIGKILL does not reach).
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', dir, '--json'], {
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: inject('neo4jPassword') },
    });
    const exited = new Promise((r) => child.on('exit', r));
    const deadline = Date.now() + 90_000;
    while ((await counts()).documents < before + 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await exited;
    const stored = await a.executor.query<{ path: string; evidence: number; mentions: number }>(
      `MATCH (d:Document) WHERE d.path STARTS WITH $dir
       RETURN d.path AS path, COUNT { (d)<-[:EVIDENCE]-() } AS evidence, COUNT { (d)<-[:MENTIONED_IN]-() } AS mentions`,
      { dir },
    );
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored.length).toBeLessThan(n);
    for (const d of stored) {
      expect(d.evidence, d.path).toBeGreaterThan(0);
      expect(d.mentions, d.path).toBeGreaterThan(0);
    }
    const again = await runScript('seed.ts', [dir, '--json']);
    expect(again.code, again.err).toBe(0);
    const s = JSON.parse(again.out);
    expect(s.added.length + s.unchanged.length).toBe(n);
    expect(s.unchanged.length).toBe(stored.length);
    expect((await counts()).documents).toBe(before + n);
  });
});
