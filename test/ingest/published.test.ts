import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, findPublished, normalizeDate, parseCatalog, prepareDocument } from '../../src/ingest/index.js';
import { SEED_DOCS, source } from './helpers.js';

const seedText = (name: string) => cleanText(readFileSync(path.join(SEED_DOCS, name), 'utf8')).text;

describe('findPublished', () => {
  it('finds 2022-03-02 in the text of seed 001 when there is no catalog', () => {
    expect(findPublished(seedText('001_45916d2d92ddb653.txt'))).toEqual({
      published: '2022-03-02',
      publishedSource: 'text',
      publishedText: '2022-03-02',
    });
  });

  it('finds no date in seeds 000 and 002 without a catalog (their weekdays name no date)', () => {
    const none = { published: null, publishedSource: null, publishedText: null };
    expect(findPublished(seedText('000_3eef5064c7fd04ad.txt'))).toEqual(none);
    expect(findPublished(seedText('002_25fd356c01da8ff1.txt'))).toEqual(none);
  });

  it('prefers front matter, then the catalog, then the page metadata, then the text', () => {
    const text = 'Published: 5 May 2020\n\nBody.';
    expect(findPublished(text, { frontMatter: '2021-01-01', catalog: '2022-02-02', embedded: '2023-03-03' })).toMatchObject({ published: '2021-01-01', publishedSource: 'front-matter' });
    expect(findPublished(text, { catalog: '2022-02-02', embedded: '2023-03-03' })).toMatchObject({ published: '2022-02-02', publishedSource: 'catalog', publishedText: null });
    expect(findPublished(text, { embedded: '2023-03-03T10:00:00+02:00' })).toMatchObject({ published: '2023-03-03', publishedSource: 'front-matter' });
    expect(findPublished(text)).toEqual({ published: '2020-05-05', publishedSource: 'text', publishedText: '5 May 2020' });
  });

  it.each([
    ['KYIV, March 2, 2022 (Reuters) - Russian forces shelled the city.', '2022-03-02', 'March 2, 2022'],
    ['March 2, 2022 — The city council voted on Tuesday.', '2022-03-02', 'March 2, 2022'],
    ['Wednesday, 2 March 2022\n\nThe city council voted.', '2022-03-02', 'Wednesday, 2 March 2022'],
    ['Published on Mar. 2, 2022\n\nBody.', '2022-03-02', 'Mar. 2, 2022'],
    ['Posted: 2022-03-02T08:15:00Z\n\nBody.', '2022-03-02', '2022-03-02T08:15:00Z'],
    ['Headline here\n\nBy Jane Roe | March 2, 2022 8:14 AM\n\nBody.', '2022-03-02', 'March 2, 2022'],
    ['Updated March 4, 2022; published March 2, 2022\n\nBody.', '2022-03-02', 'March 2, 2022'],
    ['Date: March 2022\n\nBody.', '2022-03', 'March 2022'],
  ])('reads the date in %j', (text, published, written) => {
    expect(findPublished(text)).toEqual({ published, publishedSource: 'text', publishedText: written });
  });

  it.each([
    ['KYIV, March 2 (Reuters) - A dateline without a year gives no date.'],
    ['The treaty was signed on March 2, 2022, in Minsk, after long talks between both delegations and observers.'],
    ['Updated March 4, 2022\n\nBody.'],
    ['Published: February 30, 2022\n\nNo such day.'],
    ['Headline\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n\nMarch 2, 2022'],
  ])('finds no publication date in %j', (text) => {
    expect(findPublished(text).published).toBeNull();
  });

  it('feeds prepareDocument: seed 001 alone gets its date from the text', () => {
    const bytes = readFileSync(path.join(SEED_DOCS, '001_45916d2d92ddb653.txt'));
    const doc = prepareDocument(source('documents/001_45916d2d92ddb653.txt', bytes));
    expect(doc.meta).toMatchObject({ published: '2022-03-02', publishedSource: 'text', publishedText: '2022-03-02' });
  });
});

describe('dates in catalogs', () => {
  it('reads an unquoted 2022-03-02 as the string "2022-03-02", never a time-zone-shifted Date', () => {
    const { catalog } = parseCatalog('%YAML 1.1\n---\ndocuments:\n  - file: a.txt\n    published: 2022-03-02\n  - file: b.txt\n    published: 2022\n', '/x/catalog.yaml');
    expect(catalog.entries.map((e) => e.meta.published)).toEqual(['2022-03-02', '2022']);
  });

  it('accepts YYYY, YYYY-MM, YYYY-MM-DD and a date-time (its date as written); refuses the rest', () => {
    expect(normalizeDate('2022')).toBe('2022');
    expect(normalizeDate('2022-03')).toBe('2022-03');
    expect(normalizeDate('2022-03-02')).toBe('2022-03-02');
    expect(normalizeDate('2022-03-02T23:30:00-05:00')).toBe('2022-03-02');
    expect(normalizeDate('2022-02-30')).toBeNull();
    expect(normalizeDate('2022-13')).toBeNull();
    expect(normalizeDate('March 2')).toBeNull();
  });

  it('explains a bad title or url in a record', () => {
    const { failures } = parseCatalog('documents:\n  - file: a.txt\n    title: [1, 2]\n    url: not a url\n  - title: no file\n', '/x/catalog.yaml');
    expect(failures.map((f) => f.reason)).toEqual([
      'record 1 (a.txt): title: must be text; that field is ignored',
      'record 1 (a.txt): url: must be an http(s) URL (got "not a url"); that field is ignored',
      'record 2: missing "file:" (the document\'s path relative to the catalog\'s folder)',
    ]);
  });
});
