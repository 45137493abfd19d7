import { describe, expect, it } from 'vitest';
import { timeInterleaved } from '../../src/bench/measure';

describe('timeInterleaved', () => {
  it('runs the contenders in turn, run by run, in a rotating order, and measures only the runs after the warm-up', async () => {
    const calls: string[] = [];
    const make = (name: string) => async (i: number) => void calls.push(`${name}${i}`);
    const [a, b] = await timeInterleaved(2, 1, [make('a'), make('b')]);
    expect(calls).toEqual(['b0', 'a0', 'a0', 'b0', 'b1', 'a1']);
    expect(a).toMatchObject({ runs: 2 });
    expect(b).toMatchObject({ runs: 2 });
  });

  it('leaves out a contender that fails, with its error, and does not stop the others', async () => {
    let calls = 0;
    const [ok, bad] = await timeInterleaved(3, 0, [async () => void calls++, async () => Promise.reject(new Error('no such index'))]);
    expect(ok).toMatchObject({ runs: 3 });
    expect(bad).toBeInstanceOf(Error);
    expect((bad as Error).message).toBe('no such index');
    expect(calls).toBe(3);
  });
});
