/**
 * Text helpers shared by the stages: a tokenizer with exact offsets, normalization for matching,
 * slugs for stable keys, edit distance, stable hashes. All pure.
 */
import { createHash } from 'node:crypto';
import { STOP_WORDS } from './lexicon.js';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

/** Abbreviations that keep their period (lower case, without the period). */
export const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st mt ft gen sen rep gov lt col capt sgt maj adm cmdr jr sr prof rev hon pres ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos vs inc corp co ltd bros dept est approx'
  ).split(' '),
);

const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:(?:['’](?=\p{L})|[-‐‑](?=[\p{L}\p{N}]))[\p{L}\p{M}\p{N}]+)*|\d+(?:[.,:]\d+)*|[^\s]/gu;

/** Words, numbers and punctuation with offsets; possessive "’s" is its own token. */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(offset, end);
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice))) {
    let t = m[0];
    const s = offset + m.index;
    if (/^\p{L}/u.test(t)) {
      // "St." "Feb." "Gen." keep their period.
      if (slice[m.index + t.length] === '.' && ABBREVIATIONS.has(t.toLowerCase())) {
        out.push({ text: t + '.', start: s, end: s + t.length + 1, kind: 'word' });
        TOKEN_RE.lastIndex += 1;
        continue;
      }
      const poss = /^(.{2,}?)(['’]s)$/u.exec(t);
      if (poss) {
        out.push({ text: poss[1], start: s, end: s + poss[1].length, kind: 'word' });
        out.push({ text: poss[2], start: s + poss[1].length, end: s + t.length, kind: 'word' });
        continue;
      }
      out.push({ text: t, start: s, end: s + t.length, kind: 'word' });
    } else if (/^\d/.test(t)) {
      // A trailing period after a number is punctuation ("in 2014.")
      out.push({ text: t, start: s, end: s + t.length, kind: 'number' });
    } else {
      out.push({ text: t, start: s, end: s + t.length, kind: 'punct' });
    }
    void t;
  }
  return out;
}

export const isPossessive = (t: Token | undefined): boolean => !!t && /^['’]s$/.test(t.text);
export const isCapitalized = (w: string): boolean => /^\p{Lu}/u.test(w);
export const isAllCaps = (w: string): boolean => /^\p{Lu}[\p{Lu}\d&.]+$/u.test(w) && /\p{Lu}.*\p{Lu}/u.test(w);
export const isDottedAcronym = (w: string): boolean => /^(?:\p{Lu}\.){2,}$/u.test(w);

/** Lower case, curly quotes and apostrophes made straight, whitespace collapsed (gold's matching rule). */
export function normalizeForMatch(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalized text for keys: matching form without punctuation. */
export function normalizeForKey(s: string): string {
  return normalizeForMatch(s)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Volodymyr Zelensky" → "volodymyr-zelensky" (diacritics folded). */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Short stable hash (hex). */
export function stableHash(s: string, length = 16): string {
  return createHash('sha1').update(s).digest('hex').slice(0, length);
}

/** Levenshtein distance (small strings). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Two surnames are spelling variants ("Zelensky"/"Zelenskiy"): close relative to their length. */
export function similarSurname(a: string, b: string): boolean {
  const x = slug(a);
  const y = slug(b);
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 5) return false;
  if (x.slice(0, 3) !== y.slice(0, 3)) return false;
  const d = editDistance(x, y);
  return d <= (Math.max(x.length, y.length) >= 8 ? 2 : 1);
}

/** Content-word stems (first 5 letters of words of 4+ letters, stop words removed). */
export function contentStems(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) {
    if (w.length < 4 || STOP_WORDS.has(w)) continue;
    out.add(w.slice(0, 5));
  }
  return out;
}

/** Title case for role names built from lower-case words ("deputy mayor" → "Deputy mayor"). */
export function capitalizeFirst(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
