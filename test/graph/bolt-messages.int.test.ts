import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshArchive, type TestArchive } from '../helpers/archive';
import { boltMessagePatch } from '../../src/graph/bolt-messages';

describe('large Bolt messages', () => {
  let a: TestArchive;
  beforeAll(async () => {
    a = await freshArchive();
  });
  afterAll(() => a.close());

  it('are read as one contiguous message with the driver this project installs', () => {
    expect(boltMessagePatch()).toBe('applied');
  });

  it('decode to exactly what the database sent, across many chunks and multi-byte characters', async () => {
    // About 1.5 MB in one record: far more than one Bolt chunk, with characters of 1 to 4 bytes
    // that fall across chunk boundaries, integers, floats, nulls and nested maps.
    const [row] = await a.executor.query<{ items: { i: number; s: string; f: number; n: null; m: { k: string } }[] }>(
      `RETURN [i IN range(0, 2999) | {i: i, s: 'é—' + toString(i) + reduce(acc = '', j IN range(1, i % 97) | acc + 'x€😀'), f: i / 4.0, n: null, m: {k: 'ü' + toString(i)}}] AS items`,
    );
    expect(row.items).toHaveLength(3000);
    for (const [i, item] of row.items.entries()) {
      expect(item).toEqual({ i, s: `é—${i}${'x€😀'.repeat(i % 97)}`, f: i / 4, n: null, m: { k: `ü${i}` } });
    }
  });

  it('leave small messages as they were', async () => {
    const rows = await a.executor.query<{ n: number }>('UNWIND range(1, 3) AS n RETURN n');
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3]);
  });
});
