import { afterEach, describe, expect, it } from 'vitest';
import { nameIndexInterval, periodically } from '../../src/services/name-indexing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('periodically', () => {
  it('runs the task again and again, never two at once, and once more when finished', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const p = periodically(async () => {
      running++;
      most = Math.max(most, running);
      await sleep(5);
      running--;
      runs++;
    }, 1);
    await sleep(60);
    const before = runs;
    await p.finish();
    expect(before).toBeGreaterThan(2);
    expect(runs).toBeGreaterThanOrEqual(before + 1);
    expect(most).toBe(1);
    const after = runs;
    await sleep(20);
    expect(runs).toBe(after); // nothing runs after finish
  });

  it('stops after a failed run, and when finished runs the task once more, throwing what that last run throws', async () => {
    let runs = 0;
    const p = periodically(async () => {
      runs++;
      throw new Error('database unavailable');
    }, 1);
    await sleep(30);
    expect(runs).toBe(1);
    await expect(p.finish()).rejects.toThrow('database unavailable');
    expect(runs).toBe(2);
  });

  it('finishes cleanly when only an earlier run failed', async () => {
    let runs = 0;
    const p = periodically(async () => {
      if (++runs === 1) throw new Error('deadlock');
    }, 1);
    await sleep(30);
    await expect(p.finish()).resolves.toBeUndefined();
    expect(runs).toBe(2);
  });

  it('does not run the task when cancelled, and drops a failure', async () => {
    let runs = 0;
    const p = periodically(async () => {
      runs++;
    }, 1000);
    await p.cancel();
    expect(runs).toBe(0);
  });
});

describe('nameIndexInterval', () => {
  afterEach(() => {
    delete process.env.ANNALS_NAME_INDEX_MS;
  });

  it('is two seconds unless ANNALS_NAME_INDEX_MS says otherwise, and ignores a value that is not a duration', () => {
    expect(nameIndexInterval()).toBe(2000);
    process.env.ANNALS_NAME_INDEX_MS = '500';
    expect(nameIndexInterval()).toBe(500);
    process.env.ANNALS_NAME_INDEX_MS = 'soon';
    expect(nameIndexInterval()).toBe(2000);
    process.env.ANNALS_NAME_INDEX_MS = '-1';
    expect(nameIndexInterval()).toBe(2000);
  });
});
