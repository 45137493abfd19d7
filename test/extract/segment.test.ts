import { describe, expect, it } from 'vitest';
import { paragraphs, segment } from '../../src/extract/segment';

const sentencesOf = (text: string) => segment(text).sentences.map((s) => text.slice(s.start, s.end));

describe('segment', () => {
  it('splits a paragraph into sentences at end punctuation followed by a capital', () => {
    expect(sentencesOf('The talks ended. Both sides left. Nothing changed!')).toEqual(['The talks ended.', 'Both sides left.', 'Nothing changed!']);
  });

  it('does not split after abbreviations, initials and dotted acronyms', () => {
    const text = 'Troops entered on Feb. 24 near St. Petersburg. The U.S. President spoke to J. Smith today.';
    expect(sentencesOf(text)).toEqual(['Troops entered on Feb. 24 near St. Petersburg.', 'The U.S. President spoke to J. Smith today.']);
  });

  it('splits after a dotted acronym when a new sentence clearly starts', () => {
    expect(sentencesOf('Aid came from the U.S. The shipment arrived.')).toEqual(['Aid came from the U.S.', 'The shipment arrived.']);
  });

  it('keeps closing quotes with the sentence they end', () => {
    expect(sentencesOf('He said: “We are ready.” Then he left.')).toEqual(['He said: “We are ready.”', 'Then he left.']);
  });

  it('makes a short heading ending in a colon a sentence of its own', () => {
    expect(sentencesOf('Talks continue: A second round is expected today.')).toEqual(['Talks continue:', 'A second round is expected today.']);
    expect(sentencesOf('STORY: The port city fell.')).toEqual(['STORY:', 'The port city fell.']);
  });

  it('does not treat an attribution with a colon as a heading', () => {
    expect(sentencesOf('The mayor said: We stand firm.')).toEqual(['The mayor said: We stand firm.']);
  });

  it('numbers paragraphs by line and gives each sentence its paragraph', () => {
    const text = 'First line here.\n\nSecond line. Still second.\nThird line.';
    const { sentences, paragraphs: paras } = segment(text);
    expect(paras).toHaveLength(3);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
  });

  it('gives offsets that slice the text exactly, ignoring surrounding spaces', () => {
    const text = '  Leading space line.  \n';
    const [p] = paragraphs(text);
    expect(text.slice(p.start, p.end)).toBe('Leading space line.');
  });

  it('returns nothing for an empty text', () => {
    expect(segment('').sentences).toEqual([]);
  });
});
