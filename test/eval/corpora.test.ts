/**
 * Quality gate, in memory (no database): the pipeline run over each annotated corpus by
 * scripts/eval-offline.ts (the real ingest stage, cross-document resolution and contradictions)
 * meets the targets of the gold files. The seed gold lives in shared/ beside the checkout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';

interface Metric {
  name: string;
  value: number | null;
  target?: number;
  misses: string[];
}

function evaluate(folder: string, gold: string): Metric[] {
  const r = spawnSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/eval-offline.ts', folder, '--gold', gold, '--json', '--bench', '1'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).report.metrics as Metric[];
}

const missed = (metrics: Metric[], floor: Record<string, number> = {}) =>
  metrics
    .filter((m) => {
      const want = floor[m.name] ?? m.target;
      return want !== undefined && (m.value ?? 0) < want;
    })
    .map((m) => `${m.name} ${m.value?.toFixed(2)} < ${floor[m.name] ?? m.target}: ${m.misses.slice(0, 2).join('; ')}`);

const seeds = join(PROJECT_ROOT, '..', 'shared', 'seeds');

describe('extraction quality on the annotated corpora', () => {
  it.skipIf(!existsSync(join(seeds, 'gold.json')))('meets every target on the seed corpus', () => {
    expect(missed(evaluate(seeds, join(seeds, 'gold.json')))).toEqual([]);
  });

  it.each(['devcorpus', 'devcorpus2'])('meets every target on the development corpus %s', (name) => {
    const dir = join(PROJECT_ROOT, 'test', 'fixtures', name);
    expect(missed(evaluate(join(dir, 'corpus'), join(dir, 'gold.json')))).toEqual([]);
  });
});
