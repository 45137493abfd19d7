import { describe, expect, it } from 'vitest';
import { EvidenceCache, type CachedPassage } from '../../src/graph/evidence-cache';
import { DEFAULT_EVIDENCE_CACHE, evidenceCacheSize } from '../../src/config';

const passages = (n: number, doc = 'doc_a'): CachedPassage[] => Array.from({ length: n }, (_, i) => ({ documentId: doc, start: i * 10, end: i * 10 + 5, excerpt: `p${i}` }));

describe('EvidenceCache', () => {
  it('gives a kept list only for the count it was kept with', () => {
    const c = new EvidenceCache(100);
    const list = passages(3);
    c.set('stm_1', list);
    expect(c.get('stm_1', 3)).toBe(list);
    expect(c.get('stm_1', 4)).toBeUndefined();
  });

  it('drops a list whose count no longer matches, so a later read keeps the new one', () => {
    const c = new EvidenceCache(100);
    c.set('stm_1', passages(3));
    expect(c.get('stm_1', 4)).toBeUndefined();
    expect(c.passages).toBe(0);
    expect(c.get('stm_1', 3)).toBeUndefined();
    c.set('stm_1', passages(4));
    expect(c.get('stm_1', 4)).toHaveLength(4);
    expect(c.passages).toBe(4);
  });

  it('lets the lists used longest ago go first when the passages exceed the bound', () => {
    const c = new EvidenceCache(5);
    c.set('stm_1', passages(2));
    c.set('stm_2', passages(2));
    expect(c.get('stm_1', 2)).toBeDefined(); // stm_2 is now the one used longest ago
    c.set('stm_3', passages(2));
    expect(c.get('stm_2', 2)).toBeUndefined();
    expect(c.get('stm_1', 2)).toBeDefined();
    expect(c.get('stm_3', 2)).toBeDefined();
    expect(c.passages).toBe(4);
  });

  it('keeps nothing with a bound of 0, no empty list, and no list longer than the bound', () => {
    const none = new EvidenceCache(0);
    none.set('stm_1', passages(1));
    expect(none.get('stm_1', 1)).toBeUndefined();
    const c = new EvidenceCache(3);
    c.set('stm_1', []);
    c.set('stm_2', passages(4));
    expect(c.get('stm_1', 0)).toBeUndefined();
    expect(c.get('stm_2', 4)).toBeUndefined();
    expect(c.passages).toBe(0);
  });

  it('replaces a list set again without counting its passages twice', () => {
    const c = new EvidenceCache(10);
    c.set('stm_1', passages(3));
    c.set('stm_1', passages(4));
    expect(c.passages).toBe(4);
  });
});

describe('evidenceCacheSize', () => {
  it('reads ANNALS_EVIDENCE_CACHE, with a default when unset or blank', () => {
    expect(evidenceCacheSize({})).toBe(DEFAULT_EVIDENCE_CACHE);
    expect(evidenceCacheSize({ ANNALS_EVIDENCE_CACHE: ' ' })).toBe(DEFAULT_EVIDENCE_CACHE);
    expect(evidenceCacheSize({ ANNALS_EVIDENCE_CACHE: '500' })).toBe(500);
    expect(evidenceCacheSize({ ANNALS_EVIDENCE_CACHE: '0' })).toBe(0);
  });

  it('rejects a value that is not a whole number of passages, naming the variable', () => {
    expect(() => evidenceCacheSize({ ANNALS_EVIDENCE_CACHE: '-1' })).toThrow(/ANNALS_EVIDENCE_CACHE/);
    expect(() => evidenceCacheSize({ ANNALS_EVIDENCE_CACHE: 'lots' })).toThrow(/whole number/);
  });
});
