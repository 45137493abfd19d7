import { describe, expect, it } from 'vitest';
import { claimMatters, claimsConflict, detectContradictions } from '../../src/extract/contradictions';
import type { Claim, StatementRecord } from '../../src/extract/types';

const st = (key: string, speakerKey: string, claims: Claim[]): StatementRecord => ({
  key, kind: 'REPORTED', text: key, quote: null, speakerKey, speakerText: null, channel: null, saidAt: { edtf: '2022-03-02', earliest: '2022-03-02T00:00:00.000Z', latest: '2022-03-02T23:59:59.999Z', text: null }, saidInKey: null, aboutKeys: [], evidence: { start: 0, end: 1 }, claims,
});
type Control = Extract<Claim, { type: 'control' }>;
const full = (holder: string): Control => ({ type: 'control', placeKey: 'place:x', holder, full: true });
const part = (holder: string): Control => ({ type: 'control', placeKey: 'place:x', holder, full: false });
const count = (min: number | null, max: number | null, since: string | null = '2022-02-24', subject = 'people-killed'): Claim => ({ type: 'count', subject, since, min, max });

describe('claimsConflict', () => {
  it('finds full control against any control by another side', () => {
    expect(claimsConflict(full('RU'), part('UA'))).toMatch(/control of place:x/);
    expect(claimsConflict(full('RU'), full('UA'))).not.toBeNull();
  });

  it('accepts partial control by both sides, the same side, or another place', () => {
    expect(claimsConflict(part('RU'), part('UA'))).toBeNull();
    expect(claimsConflict(full('RU'), part('RU'))).toBeNull();
    expect(claimsConflict(full('RU'), { ...part('UA'), placeKey: 'place:y' })).toBeNull();
  });

  it('finds tallies of the same thing since the same day whose ranges cannot both hold', () => {
    expect(claimsConflict(count(136, null), count(2001, null))).toMatch(/people-killed since 2022-02-24/);
  });

  it('accepts tallies that can both hold or do not measure the same thing', () => {
    expect(claimsConflict(count(136, null), count(300, null))).toBeNull();
    expect(claimsConflict(count(136, null, null), count(2001, null, null))).toBeNull();
    expect(claimsConflict(count(136, null), count(2001, null, '2022-02-24', 'soldiers-killed'))).toBeNull();
  });
});

describe('detectContradictions', () => {
  it('does not pair claims made weeks apart, nor claims of unknown date (a place changes hands; a tally rises)', () => {
    const march = st('a', 'org:ru', [full('RU')]);
    const april = { ...st('b', 'org:ua', [part('UA')]), saidAt: { edtf: '2022-04-10', earliest: '2022-04-10T00:00:00.000Z', latest: '2022-04-10T23:59:59.999Z', text: null } };
    const undated = { ...st('c', 'org:ua', [part('UA')]), saidAt: null };
    expect(detectContradictions([march], [april])).toEqual([]);
    expect(detectContradictions([march], [undated])).toEqual([]);
    expect(detectContradictions([march], [st('d', 'org:ua', [part('UA')])])).toHaveLength(2);
  });

  it('reports each pair both ways, across the two lists', () => {
    const a = st('a', 'org:ru', [full('RU')]);
    const b = st('b', 'org:ua', [part('UA')]);
    expect(detectContradictions([a], [b])).toEqual([
      { a: 'a', b: 'b', reason: expect.any(String) },
      { a: 'b', b: 'a', reason: expect.any(String) },
    ]);
  });

  it('works within one document without pairing a statement with itself or duplicating pairs', () => {
    const list = [st('a', 'org:ru', [full('RU')]), st('b', 'org:ua', [part('UA')])];
    expect(detectContradictions(list, list)).toHaveLength(2);
  });

  it('does not compare statements of one speaker or without claims', () => {
    expect(detectContradictions([st('a', 'org:ru', [count(10, 10)])], [st('b', 'org:ru', [count(1000, 1000)])])).toEqual([]);
    expect(detectContradictions([st('a', 'x', [])], [st('b', 'y', [full('RU')])])).toEqual([]);
  });
});

describe('tallies without a common start date', () => {
  const placed = (min: number | null, max: number | null, placeKey: string | null = 'place:x'): Claim => ({ type: 'count', subject: 'people-killed', since: null, min, max, placeKey });
  const said = (key: string, speakerKey: string, claims: Claim[], day: string): StatementRecord => ({
    ...st(key, speakerKey, claims),
    saidAt: { edtf: day, earliest: `${day}T00:00:00.000Z`, latest: `${day}T23:59:59.999Z`, text: null },
  });

  it('conflict when they are about the same place and their ranges are disjoint', () => {
    expect(claimsConflict(placed(12, 12), placed(63, null))).toMatch(/people-killed in place:x/);
    expect(claimsConflict(placed(63, null), placed(85, 85))).toBeNull();
  });

  it('read an open bound as open: a rising toll is not a contradiction', () => {
    expect(claimsConflict(placed(12, null), placed(40, 40))).toBeNull();
    expect(claimsConflict(placed(12, 12), placed(40, null))).not.toBeNull();
  });

  it('do not conflict about different or unknown places, or at very different scales', () => {
    expect(claimsConflict(placed(12, 12), placed(63, null, 'place:y'))).toBeNull();
    expect(claimsConflict(placed(12, 12, null), placed(63, null, null))).toBeNull();
    expect(claimsConflict(placed(12, 12), placed(10_000, null))).toBeNull();
  });

  it('are compared only between statements said within two days of each other', () => {
    const a = said('a', 'x', [placed(12, 12)], '2024-05-15');
    const near = said('b', 'y', [placed(63, null)], '2024-05-16');
    const far = said('c', 'z', [placed(63, null)], '2024-05-20');
    expect(detectContradictions([a], [near]).length).toBe(2);
    expect(detectContradictions([a], [far])).toEqual([]);
  });
});

describe('outcome and status claims', () => {
  const day = (d: string) => ({ edtf: d, earliest: `${d}T00:00:00Z`, latest: `${d}T23:59:59Z`, text: null });
  const said = (key: string, speakerKey: string, claims: Claim[], d: string): StatementRecord => ({ ...st(key, speakerKey, claims), saidAt: day(d) });
  const won = (winner: string, placeKey = 'place:x'): Claim => ({ type: 'outcome', contest: 'election', placeKey, winner });
  const contained = (value: boolean, placeKey = 'place:x'): Claim => ({ type: 'status', subject: 'contained', placeKey, value });

  it('finds two winners of the same contest and opposite states of the same place in the same days', () => {
    expect(detectContradictions([said('a', 'p:a', [won('p:a')], '2022-12-05')], [said('b', 'p:b', [won('p:b')], '2022-12-05')])).toHaveLength(2);
    expect(detectContradictions([said('a', 'o:f', [contained(true)], '2024-07-17')], [said('b', 'p:m', [contained(false)], '2024-07-18')])).toHaveLength(2);
  });

  it('accepts the same winner, other places, or claims far apart in time', () => {
    expect(detectContradictions([said('a', 'p:a', [won('p:a')], '2022-12-05')], [said('b', 'p:b', [won('p:a')], '2022-12-05')])).toEqual([]);
    expect(detectContradictions([said('a', 'p:a', [won('p:a')], '2022-12-05')], [said('b', 'p:b', [won('p:b', 'place:y')], '2022-12-05')])).toEqual([]);
    expect(detectContradictions([said('a', 'o:f', [contained(false)], '2024-07-10')], [said('b', 'p:m', [contained(true)], '2024-07-18')])).toEqual([]);
  });
});

describe('claimMatters', () => {
  const claims: Claim[] = [
    { type: 'control', placeKey: 'place:x', holder: 'RU', full: true },
    { type: 'control', placeKey: 'place:x', holder: 'UA', full: false },
    { type: 'control', placeKey: 'place:y', holder: 'UA', full: true },
    { type: 'count', subject: 'people-killed', since: '2022-02-24', min: 136, max: 136 },
    { type: 'count', subject: 'people-killed', since: '2022-02-24', min: 2001, max: null },
    { type: 'count', subject: 'people-killed', since: null, min: 12, max: 12, placeKey: 'place:x' },
    { type: 'count', subject: 'people-killed', since: null, min: 900, max: 900, placeKey: 'place:x' },
    { type: 'count', subject: 'people-killed', since: '2022-03-01', min: 40, max: 40, placeKey: 'place:x' },
    { type: 'count', subject: 'people-wounded', since: '2022-02-24', min: 1, max: 1 },
    { type: 'outcome', contest: 'election', placeKey: 'place:x', winner: 'a' },
    { type: 'outcome', contest: 'election', placeKey: 'place:x', winner: 'b' },
    { type: 'status', subject: 'fire-contained', placeKey: 'place:x', value: true },
    { type: 'status', subject: 'fire-contained', placeKey: 'place:x', value: false },
  ];

  it('gives every pair of conflicting claims a matter in common, so indexing by matter finds all candidates', () => {
    let conflicts = 0;
    for (const a of claims) {
      for (const b of claims) {
        if (!claimsConflict(a, b)) continue;
        conflicts++;
        const shared = claimMatters([a]).filter((m) => claimMatters([b]).includes(m));
        expect(shared, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).not.toHaveLength(0);
      }
    }
    expect(conflicts).toBeGreaterThan(6);
  });

  it('does not put claims about different places or subjects under one matter', () => {
    const [x, , y] = claims;
    expect(claimMatters([x])).not.toEqual(claimMatters([y]));
    expect(claimMatters([claims[3]])).not.toEqual(claimMatters([claims[8]]));
  });

  it('gives no matter for a statement without claims, and each matter once', () => {
    expect(claimMatters([])).toEqual([]);
    expect(claimMatters(null)).toEqual([]);
    expect(claimMatters([claims[0], claims[1]])).toEqual(['control|place:x']);
  });
});
