import { describe, expect, it } from 'vitest';
import { corpusDigest, generateDocument, makePools, variantOf } from '../../src/bench/corpus';
import { percentile, summarize } from '../../src/bench/measure';
import { hash32, rng, zipf } from '../../src/bench/random';

describe('synthetic corpus', () => {
  const pools = makePools(42);

  it('is the same bytes for the same seed, and different for another', () => {
    expect(corpusDigest(42, 20)).toBe(corpusDigest(42, 20));
    expect(corpusDigest(7, 20)).not.toBe(corpusDigest(42, 20));
  });

  it('makes document i from (seed, i) alone, so a small corpus is a prefix of a large one', () => {
    expect(generateDocument(pools, 42, 5)).toEqual(generateDocument(makePools(42), 42, 5));
  });

  it('writes news-like documents of 2–4 KB with quotes, reported speech and dates', () => {
    const docs = Array.from({ length: 200 }, (_, i) => generateDocument(pools, 42, i));
    for (const d of docs) {
      const bytes = Buffer.byteLength(d.text);
      expect(bytes).toBeGreaterThanOrEqual(1900);
      expect(bytes).toBeLessThanOrEqual(4300);
      expect(d.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const all = docs.map((d) => d.text).join('\n');
    for (const re of [/“[^”]+,” \w+/, /"[^"]+," said /, / said on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) that /, /According to /, /told Reuters/, /Last week, /, /In \d{4}, /, /On (Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d+, /])
      expect(all).toMatch(re);
  });

  it('draws names from large pools, with a long tail and surname-only or variant mentions', () => {
    expect(pools.lastNames.length).toBeGreaterThan(5000);
    expect(pools.people.length).toBeGreaterThan(20000);
    expect(pools.cities.length).toBeGreaterThan(3000);
    expect(pools.orgs.length).toBeGreaterThan(2000);
    expect(variantOf('Darovsky')).toBe('Darovskiy');
    const people = new Set<string>();
    for (let i = 0; i < 300; i++) for (const m of generateDocument(pools, 42, i).text.matchAll(/\b([A-Z][a-z]+ [A-Z][a-z]+), a /g)) people.add(m[1]);
    expect(people.size).toBeGreaterThan(100);
  });

  it('uses none of the seed articles’ names', () => {
    const all = Array.from({ length: 100 }, (_, i) => generateDocument(pools, 42, i).text).join('\n');
    for (const name of ['Zelensky', 'Putin', 'Kherson', 'Kyiv', 'Kharkiv', 'Mariupol', 'Ukraine', 'Russia']) expect(all).not.toContain(name);
  });
});

describe('helpers', () => {
  it('rng and zipf are deterministic and in range', () => {
    const a = rng(hash32('x', 1));
    const b = rng(hash32('x', 1));
    const xs = Array.from({ length: 1000 }, () => zipf(a, 100));
    expect(xs).toEqual(Array.from({ length: 1000 }, () => zipf(b, 100)));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(100);
    expect(xs.filter((x) => x < 10).length).toBeGreaterThan(xs.filter((x) => x >= 90).length * 3);
  });

  it('computes nearest-rank percentiles', () => {
    const s = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(s, 50)).toBe(100);
    expect(percentile(s, 99)).toBe(198);
    expect(summarize([3, 1, 2]).p50Ms).toBe(2);
  });
});
