/**
 * `npm start` as a newcomer runs it: its own Neo4j in a fresh data folder, seeded on first start,
 * GraphQL answering, and a clean stop on SIGTERM that leaves no JVM behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';
import { freePort, status } from '../../src/db/local-neo4j';

const dataDir = mkdtempSync(join(tmpdir(), 'annals-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startServer(env: NodeJS.ProcessEnv, args: string[] = []) {
  // Exactly what a newcomer runs: npm start builds dist/ (prestart) and runs it on Node.
  const child = spawn('npm', ['start', '--silent', ...(args.length ? ['--', ...args] : [])], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: '', ANNALS_DATA_DIR: dataDir, ANNALS_NEO4J_HEAP: '512m', ANNALS_NEO4J_PAGECACHE: '128m', ...env },
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, log: () => err };
}

async function waitFor(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

describe('npm start', () => {
  it('starts its own Neo4j, seeds the empty archive, answers GraphQL, and stops everything on SIGTERM', async () => {
    const port = await freePort();
    const s = startServer({ PORT: String(port), ANNALS_NEO4J_PORT: String(await freePort()) });
    await waitFor(`http://127.0.0.1:${port}/health`, 150_000).catch((e) => {
      throw new Error(`${e.message}\n${s.log()}`);
    });
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ documents(first: 5) { totalCount } }' }),
    });
    expect(await res.json()).toEqual({ data: { documents: { totalCount: 3 } } });
    const pid = status(dataDir)?.pid;
    expect(pid).toBeGreaterThan(0);

    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(status(dataDir)).toBeNull();
    expect(() => process.kill(pid!, 0)).toThrow();
  });

  it('refuses an unknown option with one line', async () => {
    const s = startServer({}, ['--bogus']);
    expect(await s.exited).toBe(1);
    expect(s.log().trim()).toMatch(/^annals: unknown option --bogus/);
    expect(s.log().trim().split('\n')).toHaveLength(1);
  });

  it('names NEO4J_URI when the database it points at does not answer', async () => {
    const s = startServer({ NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`, PORT: String(await freePort()) });
    expect(await s.exited).toBe(1);
    expect(s.log()).toMatch(/not reachable.*NEO4J_URI/);
    expect(s.log()).not.toMatch(/\n\s+at /);
  });

  it('names NEO4J_PASSWORD when the database refuses the password', async () => {
    // The data folder of the first test holds a store whose password is the default one.
    const s = startServer({ NEO4J_PASSWORD: 'not-the-password', PORT: String(await freePort()), ANNALS_NEO4J_PORT: String(await freePort()) });
    expect(await s.exited).toBe(1);
    expect(s.log()).toMatch(/NEO4J_PASSWORD/);
    expect(status(dataDir)).toBeNull();
  });
});
