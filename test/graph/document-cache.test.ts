import { describe, expect, it } from 'vitest';
import { DocumentCache } from '../../src/graph/document-cache';
import { DEFAULT_DOCUMENT_CACHE, documentCacheSize } from '../../src/config';
import type { DocumentData } from '../../src/graph/models';

const doc = (id: string, over: Partial<DocumentData> = {}): DocumentData => ({
  __typename: 'Document',
  id,
  identity: `test/${id}.txt`,
  path: `${id}.txt`,
  title: `Report ${id}`,
  publisher: null,
  url: null,
  published: null,
  publishedSource: null,
  sha256: id.padEnd(64, '0'),
  text: 'The whole article.',
  version: 1,
  current: true,
  language: 'en',
  ingestedAt: '2040-01-01T00:00:00.000Z',
  ...over,
});

describe('DocumentCache', () => {
  it('keeps a record without `current` (the one property that changes) and without the article text', () => {
    const c = new DocumentCache(10);
    c.set(doc('doc_a'));
    const r = c.get('doc_a')!;
    expect(r.title).toBe('Report doc_a');
    expect(r.current).toBeUndefined();
    expect('current' in r).toBe(false);
    expect(r.text).toBeNull();
  });

  it('gives nothing for an id it never kept', () => {
    expect(new DocumentCache(10).get('doc_missing')).toBeUndefined();
  });

  it('keeps a record used again after half the cache was put since, and drops the oldest instead', () => {
    const c = new DocumentCache(4);
    for (const id of ['doc_a', 'doc_b', 'doc_c', 'doc_d']) c.set(doc(id));
    expect(c.get('doc_a')?.id).toBe('doc_a'); // three puts since: moved to the most recent end
    expect(c.get('doc_d')?.id).toBe('doc_d'); // just put: stays where it is, already among the newest
    c.set(doc('doc_e'));
    c.set(doc('doc_f'));
    expect(c.size).toBe(4);
    expect(c.get('doc_b')).toBeUndefined();
    expect(c.get('doc_c')).toBeUndefined();
    expect(['doc_a', 'doc_d', 'doc_e', 'doc_f'].map((id) => c.get(id)?.id)).toEqual(['doc_a', 'doc_d', 'doc_e', 'doc_f']);
  });

  it('drops the least recently used record first when full', () => {
    const c = new DocumentCache(2);
    c.set(doc('doc_a'));
    c.set(doc('doc_b'));
    c.get('doc_a'); // a is now the most recently used
    c.set(doc('doc_c'));
    expect(c.size).toBe(2);
    expect(c.get('doc_b')).toBeUndefined();
    expect(c.get('doc_a')?.id).toBe('doc_a');
    expect(c.get('doc_c')?.id).toBe('doc_c');
  });

  it('splits ids into the records it keeps and the ids it does not, each id once', () => {
    const c = new DocumentCache(10);
    c.set(doc('doc_a'));
    const { found, missing } = c.lookup(['doc_a', 'doc_b', 'doc_a', 'doc_b']);
    expect([...found.keys()]).toEqual(['doc_a']);
    expect(missing).toEqual(['doc_b']);
  });

  it('keeps nothing when its bound is 0', () => {
    const c = new DocumentCache(0);
    c.set(doc('doc_a'));
    expect(c.size).toBe(0);
    expect(c.get('doc_a')).toBeUndefined();
  });

  it('does not let a caller change a kept record by changing the record it passed in', () => {
    const c = new DocumentCache(10);
    const d = doc('doc_a');
    c.set(d);
    d.title = 'Changed';
    expect(c.get('doc_a')!.title).toBe('Report doc_a');
  });
});

describe('documentCacheSize', () => {
  it('reads ANNALS_DOCUMENT_CACHE, with a default when unset or blank', () => {
    expect(documentCacheSize({})).toBe(DEFAULT_DOCUMENT_CACHE);
    expect(documentCacheSize({ ANNALS_DOCUMENT_CACHE: ' ' })).toBe(DEFAULT_DOCUMENT_CACHE);
    expect(documentCacheSize({ ANNALS_DOCUMENT_CACHE: '500' })).toBe(500);
    expect(documentCacheSize({ ANNALS_DOCUMENT_CACHE: '0' })).toBe(0);
  });

  it('rejects a value that is not a whole number of records, naming the variable', () => {
    expect(() => documentCacheSize({ ANNALS_DOCUMENT_CACHE: '-1' })).toThrow(/ANNALS_DOCUMENT_CACHE/);
    expect(() => documentCacheSize({ ANNALS_DOCUMENT_CACHE: 'lots' })).toThrow(/ANNALS_DOCUMENT_CACHE/);
    expect(() => documentCacheSize({ ANNALS_DOCUMENT_CACHE: '1.5' })).toThrow(/whole number/);
  });
});
