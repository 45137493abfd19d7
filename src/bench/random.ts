/** A small seeded PRNG (mulberry32) and helpers: the corpus must be the same bytes for the same seed. */

export type Rng = () => number;

/** 32-bit hash of strings/numbers (FNV-1a), to derive independent streams from a seed. */
export function hash32(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const s = String(p);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2f;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const chance = (r: Rng, p: number) => r() < p;

/**
 * Zipf-like index in [0, n): a few items are very frequent, most are rare (as names in news are).
 * Inverse-CDF of a continuous power law with exponent s (s ≠ 1).
 */
export function zipf(r: Rng, n: number, s = 1.1): number {
  const u = r();
  const a = 1 - s;
  const x = Math.pow(u * (Math.pow(n + 1, a) - 1) + 1, 1 / a) - 1;
  return Math.min(n - 1, Math.max(0, Math.floor(x)));
}
