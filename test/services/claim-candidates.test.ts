import { describe, expect, it } from 'vitest';
import { ClaimCandidates } from '../../src/services/claim-candidates';
import type { Claim, StatementRecord } from '../../src/extract/types';

const control = (place: string): Claim => ({ type: 'control', placeKey: place, holder: 'org:army', full: true });
const stmt = (key: string, ...claims: Claim[]): StatementRecord => ({
  key,
  kind: 'REPORTED',
  text: key,
  quote: null,
  speakerKey: null,
  speakerText: null,
  channel: null,
  saidAt: null,
  saidInKey: null,
  aboutKeys: [],
  evidence: { start: 0, end: 0 },
  claims,
});

/** A fake archive: the statements it holds, and the matters each read asked for. */
function archive(held: StatementRecord[]) {
  const reads: string[][] = [];
  const load = async (matters: string[]) => {
    reads.push(matters);
    return held.filter((s) => s.claims!.some((c) => c.type === 'control' && matters.includes(`control|${c.placeKey}`)));
  };
  return { reads, load };
}

const keys = (xs: StatementRecord[]) => xs.map((s) => s.key).sort();

describe('claim candidates during an ingest run', () => {
  it('reads a matter from the archive once and then answers from what it read and what the run stored', async () => {
    const a = archive([stmt('old-north', control('place:north')), stmt('old-south', control('place:south'))]);
    const c = new ClaimCandidates(a.load);
    expect(keys(await c.about(['control|place:north']))).toEqual(['old-north']);
    c.stored([stmt('new-north', control('place:north'))]);
    expect(keys(await c.about(['control|place:north', 'control|place:south']))).toEqual(['new-north', 'old-north', 'old-south']);
    expect(a.reads).toEqual([['control|place:north'], ['control|place:south']]);
  });

  it('does not answer a matter with statements about another matter read in the same query', async () => {
    const a = archive([stmt('old-north', control('place:north')), stmt('old-south', control('place:south'))]);
    const c = new ClaimCandidates(a.load);
    await c.about(['control|place:north', 'control|place:south']);
    expect(keys(await c.about(['control|place:south']))).toEqual(['old-south']);
  });

  it('reads a matter again when its read failed, instead of answering with nothing', async () => {
    let fail = true;
    const a = archive([stmt('old-north', control('place:north'))]);
    const c = new ClaimCandidates((m) => (fail ? Promise.reject(new Error('database down')) : a.load(m)));
    await expect(c.about(['control|place:north'])).rejects.toThrow('database down');
    fail = false;
    expect(keys(await c.about(['control|place:north']))).toEqual(['old-north']);
  });

  it('drops what it keeps past its limit and reads the archive again, which holds what the run stored', async () => {
    const held = [stmt('old-north', control('place:north'))];
    const a = archive(held);
    const c = new ClaimCandidates(a.load, 2);
    await c.about(['control|place:north']);
    const added = [stmt('new-1', control('place:north')), stmt('new-2', control('place:north'))];
    held.push(...added); // committed
    c.stored(added);
    expect(keys(await c.about(['control|place:north']))).toEqual(['new-1', 'new-2', 'old-north']);
    expect(a.reads).toHaveLength(2);
  });
});

describe('claim candidates while reads are under way', () => {
  it('answers every matter asked for even when what it keeps is dropped before the read returns', async () => {
    const a = archive([stmt('old-north', control('place:north')), stmt('old-south', control('place:south'))]);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = new ClaimCandidates(async (m) => {
      await gate;
      return a.load(m);
    }, 1);
    const asked = c.about(['control|place:north', 'control|place:south']);
    c.stored([stmt('new-1', control('place:east')), stmt('new-2', control('place:east'))]); // past the limit: dropped
    release();
    expect(keys(await asked)).toEqual(['old-north', 'old-south']);
  });
});
