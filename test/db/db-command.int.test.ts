import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';
import { freePort } from '../../src/db/local-neo4j';

const dir = mkdtempSync(join(tmpdir(), 'annals-db-cmd-'));
const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

function db(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(tsx, ['scripts/db.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ANNALS_NEO4J_HEAP: '512m', ANNALS_NEO4J_PAGECACHE: '128m', ...env },
    timeout: 240_000,
  });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(() => {
  db(['stop', '--data', dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run db', () => {
  it('starts, reports status, refuses a second start on the same data folder, and stops leaving no JVM', async () => {
    const port = await freePort();
    const started = db(['start', '--port', String(port), '--data', dir]);
    expect(started.code, started.err).toBe(0);
    expect(started.out.split('\n').at(-1)).toBe(`bolt://127.0.0.1:${port}`);

    const st = db(['status', '--data', dir]);
    expect(st.code).toBe(0);
    const pid = Number(/pid (\d+)/.exec(st.out)?.[1]);
    expect(alive(pid)).toBe(true);
    expect(st.out).toContain(`bolt://127.0.0.1:${port}`);

    const again = db(['start', '--port', String(await freePort()), '--data', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already in use by a running Neo4j/);
    expect(again.err.split('\n')).toHaveLength(1);

    const other = mkdtempSync(join(tmpdir(), 'annals-db-cmd-port-'));
    const taken = db(['start', '--port', String(port), '--data', other]);
    rmSync(other, { recursive: true, force: true });
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(new RegExp(`Port ${port} .* already taken`));

    const stopped = db(['stop', '--data', dir]);
    expect(stopped.code).toBe(0);
    expect(alive(pid)).toBe(false);
    const after = db(['status', '--data', dir]);
    expect(after.out).toMatch(/^not running/);
  });

  it('fails with one clear line when the jars are missing', () => {
    const r = db(['start', '--port', '7999', '--data', join(dir, 'nojars')], { ANNALS_NEO4J_LIB: join(dir, 'no-such-lib') });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/jars are missing .* run `npm install`/);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('fails with one clear line when Java is missing', () => {
    // A PATH with node and nothing else.
    const bin = mkdtempSync(join(tmpdir(), 'annals-nojava-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = db(['start', '--port', '7999', '--data', join(dir, 'nojava')], { PATH: bin });
    rmSync(bin, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Java was not found/);
  });

  it('refuses an unknown command with the usage', () => {
    const r = db(['explode']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage: npm run db/);
  });
});
