import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';

export const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/** Runs a script of scripts/ against the suite's Neo4j; resolves with exit code and output. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [join('scripts', script), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: inject('neo4jPassword'), ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
