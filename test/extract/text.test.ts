import { describe, expect, it } from 'vitest';
import { contentStems, editDistance, normalizeForKey, normalizeForMatch, similarSurname, slug, stableHash, tokenize, tokensBySentence } from '../../src/extract/text';

describe('tokenize', () => {
  it('splits possessives into their own token and keeps offsets exact', () => {
    const text = 'Ukraine’s army and Russia\'s navy';
    const toks = tokenize(text);
    expect(toks.map((t) => t.text)).toEqual(['Ukraine', '’s', 'army', 'and', 'Russia', "'s", 'navy']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps dotted acronyms, abbreviations and numbers whole', () => {
    expect(tokenize('The U.S. and St. Petersburg on Feb. 24 counted 2,000.').map((t) => t.text)).toEqual([
      'The', 'U.S.', 'and', 'St.', 'Petersburg', 'on', 'Feb.', '24', 'counted', '2,000', '.',
    ]);
  });

  it('keeps contractions and hyphenated words as one token', () => {
    expect(tokenize('we’ve Russian-backed don’t').map((t) => t.text)).toEqual(['we’ve', 'Russian-backed', 'don’t']);
  });

  it('tokenizes only the given range', () => {
    expect(tokenize('one two three', 4, 7).map((t) => t.text)).toEqual(['two']);
  });

  it('groups the tokens of a whole text by sentence', () => {
    const text = 'A b. C d.';
    const groups = tokensBySentence(tokenize(text), [{ start: 0, end: 4 }, { start: 5, end: 9 }]);
    expect(groups.map((g) => g.map((t) => t.text))).toEqual([['A', 'b', '.'], ['C', 'd', '.']]);
  });
});

describe('normalization and keys', () => {
  it('normalizes for matching as the gold rules say', () => {
    expect(normalizeForMatch('  We’ve  “Won”  ')).toBe('we\'ve "won"');
  });

  it('drops punctuation for keys', () => {
    expect(normalizeForKey('“We are still here, stand firm.”')).toBe('we are still here stand firm');
  });

  it('makes slugs without diacritics or punctuation', () => {
    expect(slug('São Tomé & Príncipe')).toBe('sao-tome-principe');
    expect(slug("Kherson's mayor")).toBe('khersons-mayor');
  });

  it('hashes stably', () => {
    expect(stableHash('abc')).toBe(stableHash('abc'));
    expect(stableHash('abc')).not.toBe(stableHash('abd'));
  });
});

describe('similarSurname', () => {
  it('accepts transliteration variants of one surname', () => {
    expect(similarSurname('Zelensky', 'Zelenskiy')).toBe(true);
    expect(similarSurname('Zelenskyy', 'Zelensky')).toBe(true);
  });

  it('rejects different family members and unrelated short names', () => {
    expect(similarSurname('Navalny', 'Navalnaya')).toBe(false);
    expect(similarSurname('Lee', 'Lea')).toBe(false);
    expect(similarSurname('Johnson', 'Jackson')).toBe(false);
  });

  it('computes edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'ab')).toBe(2);
  });

  it('extracts content stems without stop words', () => {
    expect([...contentStems('the tensions that were rising')].sort()).toEqual(['risin', 'tensi']);
  });
});
