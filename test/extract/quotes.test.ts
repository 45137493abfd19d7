import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/quotes';
import { paragraphs } from '../../src/extract/segment';

const quotesOf = (text: string) => findQuotes(text, paragraphs(text)).map((q) => q.text);

describe('findQuotes', () => {
  it('finds curly and straight double quotations without their marks and final comma', () => {
    expect(quotesOf('“We are ready,” she said. He added: "It is over."')).toEqual(['We are ready', 'It is over']);
  });

  it('pairs a straight opening mark with a curly closing one', () => {
    expect(quotesOf('"The enemy is close,” he said.')).toEqual(['The enemy is close']);
  });

  it('ignores a closing mark that has no opening one', () => {
    expect(quotesOf('continue “to inflict pain.” pain to others”.')).toEqual(['to inflict pain']);
  });

  it('reads single curly marks as quotation marks but keeps apostrophes inside words', () => {
    expect(quotesOf('Ukraine’s leader said the attack was ‘an act of terror’ and we’ve seen it.')).toEqual(['an act of terror']);
  });

  it('does not take a quoted section heading for a quotation', () => {
    expect(quotesOf('‘The real test’: The president spoke.')).toEqual([]);
  });

  it('marks a quotation that fills its line as standalone', () => {
    const text = 'The minister spoke.\n\n“We recognize the risk.”\n\nOther news followed, “in brief” form.';
    const qs = findQuotes(text, paragraphs(text));
    expect(qs.map((q) => [q.text, q.standalone])).toEqual([
      ['We recognize the risk', true],
      ['in brief', false],
    ]);
  });

  it('continues a quotation over paragraphs when the next paragraph reopens it', () => {
    const text = '“The first part goes on\n\n“and ends here,” she said.';
    const qs = findQuotes(text, paragraphs(text));
    expect(qs).toHaveLength(1);
    expect(qs[0].text.startsWith('The first part goes on')).toBe(true);
    expect(qs[0].text.endsWith('and ends here')).toBe(true);
  });

  it('drops an opening mark left unclosed at the end of a paragraph', () => {
    expect(quotesOf('“This never closes\n\nA new paragraph.')).toEqual([]);
  });

  it('gives inner offsets that slice the quoted words exactly', () => {
    const text = 'He said “yes, indeed.” Then left.';
    const [q] = findQuotes(text, paragraphs(text));
    expect(text.slice(q.inner.start, q.inner.end)).toBe('yes, indeed');
    expect(text.slice(q.start, q.end)).toBe('“yes, indeed.”');
  });
});

describe('findQuotes: quotations inside quotations', () => {
  const all = (text: string) => findQuotes(text, paragraphs(text));

  it('finds single-quoted words inside a double quotation and marks them as nested', () => {
    const qs = all(`"She said to him, 'This will come back on you,' and he laughed," Ms Carter said.`);
    const inner = qs.find((q) => q.text === 'This will come back on you');
    expect(inner?.outer).toBe(0);
    expect(qs.find((q) => q.outer === undefined)?.text).toContain('She said to him');
  });

  it('does not take apostrophes inside a quotation for quotation marks', () => {
    const qs = all(`"We don't know the residents' names yet," the officer said.`);
    expect(qs.filter((q) => q.outer !== undefined)).toEqual([]);
  });
});

describe('straight single quotation marks', () => {
  it('reads quotations in straight single marks closed after sentence punctuation', () => {
    expect(quotesOf("'The conditions are all there: crowded camps and no water,' she said. 'If we move quickly, this can be stopped.'")).toEqual([
      'The conditions are all there: crowded camps and no water',
      'If we move quickly, this can be stopped',
    ]);
  });

  it('does not pair apostrophes or short scare quotes (negative)', () => {
    expect(quotesOf("The residents' permits were not renewed, and the farmers' union said it didn't know why.")).toEqual([]);
    expect(quotesOf("He called it 'Plan B.' and left.")).toEqual([]);
  });
});
