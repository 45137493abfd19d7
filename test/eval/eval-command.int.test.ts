/**
 * The quality gate: `npm run eval` on the seed corpus against its gold file meets every target.
 * The gold file lives in shared/ beside the checkout; without it there is nothing to measure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config';
import { runScript } from '../helpers/cli';

const shared = join(PROJECT_ROOT, '..', 'shared', 'seeds');
const gold = join(shared, 'gold.json');

describe.skipIf(!existsSync(gold))('npm run eval on the seed corpus', () => {
  it('meets every target of the gold file', async () => {
    const r = await runScript('eval.ts', ['--gold', gold, shared, '--json']);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as { metrics: { name: string; value: number | null; target?: number; misses: string[] }[] };
    const missed = report.metrics.filter((m) => m.target !== undefined && (m.value ?? 0) < m.target);
    expect(missed.map((m) => `${m.name} ${m.value} < ${m.target}: ${m.misses.slice(0, 3).join('; ')}`)).toEqual([]);
    expect(report.metrics.map((m) => m.name)).toEqual(expect.arrayContaining(['quotes.found', 'quotes.speaker', 'links', 'contradictions']));
  });

  it('refuses a gold file that is not one', async () => {
    const r = await runScript('eval.ts', ['--gold', join(PROJECT_ROOT, 'package.json'), shared]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read the gold file/);
  });
});
