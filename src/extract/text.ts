/**
 * Text helpers shared by the stages: a tokenizer with exact offsets, normalization for matching,
 * slugs for stable keys, edit distance, stable hashes. All pure.
 */
import { createHash } from 'node:crypto';
import { STOP_WORDS } from './lexicon.js';
import type { Span } from './types.js';

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
const LETTER_RE = /\p{L}/u;

/** Words, numbers and punctuation with offsets in `text`; possessive "’s" is its own token. */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN_RE.source, 'gu');
  re.lastIndex = offset;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < end) {
    const t = m[0];
    const s = m.index;
    if (s + t.length > end) break;
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      out.push({ text: t, start: s, end: s + t.length, kind: 'number' });
    } else if (t.length > 1 || LETTER_RE.test(t)) {
      // "St." "Feb." "Gen." keep their period.
      if (text[s + t.length] === '.' && t.length <= 5 && ABBREVIATIONS.has(t.toLowerCase())) {
        out.push({ text: t + '.', start: s, end: s + t.length + 1, kind: 'word' });
        re.lastIndex += 1;
        continue;
      }
      const n = t.length;
      if (n > 3 && (t[n - 1] === 's' || t[n - 1] === 'S') && (t[n - 2] === '’' || t[n - 2] === "'")) {
        out.push({ text: t.slice(0, n - 2), start: s, end: s + n - 2, kind: 'word' });
        out.push({ text: t.slice(n - 2), start: s + n - 2, end: s + n, kind: 'word' });
        continue;
      }
      out.push({ text: t, start: s, end: s + n, kind: 'word' });
    } else {
      out.push({ text: t, start: s, end: s + 1, kind: 'punct' });
    }
  }
  return out;
}

/** The tokens of each sentence, from one tokenization of the whole text. */
export function tokensBySentence(tokens: Token[], sentences: Span[]): Token[][] {
  const out: Token[][] = [];
  let i = 0;
  for (const s of sentences) {
    while (i < tokens.length && tokens[i].start < s.start) i++;
    let j = i;
    while (j < tokens.length && tokens[j].end <= s.end) j++;
    out.push(tokens.slice(i, j));
    i = j;
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

/** "José Núñez" → "jose-nunez" (diacritics folded). */
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

/** A surname folded over common transliteration variants ("Petrenkiy" → "petrenky", "Sokolov" stays). */
export function foldTransliteration(s: string): string {
  return slug(s)
    .replace(/iy$|yy$|ii$|ij$|yi$/, 'y')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ou/g, 'u')
    .replace(/w/g, 'v')
    .replace(/tz/g, 'ts')
    .replace(/sch/g, 'sh');
}

/**
 * Two surnames are spelling variants ("Petrenky"/"Petrenkiy"/"Petrenkyy"): equal after folding
 * transliteration variants, or one edit apart when both are long. Gendered forms of one family
 * name ("Petrov"/"Petrova") are two edits apart and stay different people.
 */
export function similarSurname(a: string, b: string): boolean {
  const x = foldTransliteration(a);
  const y = foldTransliteration(b);
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 6) return false;
  if (x.slice(0, 3) !== y.slice(0, 3)) return false;
  return editDistance(x, y) <= 1;
}

/** A bucket for fuzzy surname lookup: the first three letters after folding. */
export function surnameBucket(s: string): string {
  return foldTransliteration(s).slice(0, 3);
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
