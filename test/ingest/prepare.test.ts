import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectSources,
  IngestError,
  prepareDocument,
  prepareSources,
  type CatalogEntry,
} from '../../src/ingest/index.js';
import { FIXTURES, source } from './helpers.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return (e as Error).message;
  }
  throw new Error('expected an IngestError');
}

const catalogEntry = (meta: CatalogEntry['meta']): CatalogEntry => ({
  catalogPath: 'catalog.yaml',
  record: 1,
  file: 'a.txt',
  resolved: '/x/a.txt',
  meta,
});

describe('prepareDocument: bytes that are not text', () => {
  it('refuses an empty file', () => {
    expect(reasonOf(() => prepareDocument(source('a.txt', '')))).toBe('empty file');
  });

  it('refuses a file of only whitespace (and a lone BOM) as empty', () => {
    expect(reasonOf(() => prepareDocument(source('a.txt', ' \n\t\r\n  ')))).toBe('empty file');
    expect(reasonOf(() => prepareDocument(source('a.txt', '\uFEFF\n')))).toBe('empty file');
  });

  it('refuses a PNG image, naming the format', () => {
    expect(reasonOf(() => prepareDocument(source('photo.txt', PNG)))).toBe('binary file (PNG image), not text');
  });

  it('refuses a PDF and other binary data with NUL bytes', () => {
    expect(reasonOf(() => prepareDocument(source('a.txt', '%PDF-1.7\n...')))).toBe('binary file (PDF document), not text');
    expect(reasonOf(() => prepareDocument(source('a.txt', Uint8Array.from([0x41, 0x42, 0x00, 0x43, 0x44, 0x45]))))).toBe(
      'binary file (NUL byte at byte offset 2), not text',
    );
  });

  it('refuses invalid UTF-8, saying at which byte offset', () => {
    const bytes = Buffer.concat([Buffer.from('Good line\nbad '), Buffer.from([0xc3, 0x28, 0x81, 0x8d]), Buffer.from(' end')]);
    expect(reasonOf(() => prepareDocument(source('a.txt', bytes)))).toBe(
      'not UTF-8: invalid byte 0xC3 at byte offset 14 (line 2); the file is neither UTF-8 text nor a known encoding',
    );
  });

  it('recognizes a Latin-1 file and says how to convert it', () => {
    const latin1 = Buffer.from('Le maire a déclaré: « Nous résistons ». Zürich, Kraków.', 'latin1');
    expect(reasonOf(() => prepareDocument(source('a.txt', latin1)))).toBe(
      'not UTF-8: invalid byte 0xE9 at byte offset 12 (line 1); looks like Latin-1/Windows-1252; convert it with iconv -f latin1 -t utf-8',
    );
  });

  it('recognizes Windows-1252 curly quotes and suggests windows-1252', () => {
    const cp1252 = Buffer.from([...Buffer.from('He said '), 0x93, ...Buffer.from('no'), 0x94, ...Buffer.from(' today.')]);
    expect(reasonOf(() => prepareDocument(source('a.txt', cp1252)))).toMatch(/looks like Latin-1\/Windows-1252; convert it with iconv -f windows-1252 -t utf-8$/);
  });

  it('recognizes UTF-16 text', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello world', 'utf16le')]);
    expect(reasonOf(() => prepareDocument(source('a.txt', utf16)))).toBe('UTF-16 text, not UTF-8; convert it with iconv -f utf-16 -t utf-8');
  });

  it('strips a UTF-8 BOM but hashes the bytes as received', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Headline here\n\nBody text.')]);
    const doc = prepareDocument(source('a.txt', bytes));
    expect(doc.text).toBe('Headline here\n\nBody text.');
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(doc.original).toEqual(bytes);
  });

  it('reports bad files by path and reason while the good ones go through (prepareSources)', () => {
    const r = prepareSources([source('good.txt', 'Fine text.'), source('empty.txt', ''), source('img.md', PNG)]);
    expect(r.documents.map((d) => d.path)).toEqual(['good.txt']);
    expect(r.failures).toEqual([
      { path: 'empty.txt', reason: 'empty file' },
      { path: 'img.md', reason: 'binary file (PNG image), not text' },
    ]);
  });
});

describe('prepareDocument: metadata', () => {
  it('gives the same sha256 for the same bytes, and a different one for different bytes', () => {
    const a = prepareDocument(source('a.txt', 'Same words.'));
    const b = prepareDocument(source('elsewhere/b.txt', 'Same words.'));
    const c = prepareDocument(source('a.txt', 'Same words!'));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).not.toBe(c.sha256);
  });

  it('lets front matter override the catalog, keeps both sets of unknown keys, and leaves front matter out of the text', () => {
    const text = '---\ntitle: From front matter\npublished: 2021-05\nbox: 7\n---\nBody text here.\n';
    const entry = catalogEntry({ title: 'From catalog', published: '2020-01-01', publisher: 'Catalog Press', extra: { kind: 'article', box: 1 } });
    const doc = prepareDocument(source('a.txt', text, entry));
    expect(doc.meta.title).toBe('From front matter');
    expect(doc.meta.titleSource).toBe('front-matter');
    expect(doc.meta.published).toBe('2021-05');
    expect(doc.meta.publishedSource).toBe('front-matter');
    expect(doc.meta.publisher).toBe('Catalog Press');
    expect(doc.meta.extra).toEqual({ kind: 'article', box: 7 });
    expect(doc.text).toBe('Body text here.');
  });

  it('uses the catalog when there is no front matter', () => {
    const doc = prepareDocument(source('a.txt', 'Body.', catalogEntry({ title: 'T', published: '2022-03-02', url: 'https://example.org/a', extra: {} })));
    expect(doc.meta).toMatchObject({ title: 'T', titleSource: 'catalog', published: '2022-03-02', publishedSource: 'catalog', publishedText: null });
    expect(doc.identity).toBe('https://example.org/a');
  });

  it('refuses broken YAML front matter, naming the line in the file', () => {
    const text = '---\ntitle: Fine\npublished: [2022\n---\nBody.\n';
    expect(reasonOf(() => prepareDocument(source('a.md', text)))).toMatch(/^broken YAML front matter at line [34]: /);
  });

  it('refuses front matter that is never closed', () => {
    expect(reasonOf(() => prepareDocument(source('a.txt', '---\ntitle: Open\nBody text.\n')))).toBe(
      'broken YAML front matter: opened with --- on line 1 but never closed with a --- line',
    );
  });

  it('refuses front matter with an invalid date, saying what a date must look like', () => {
    expect(reasonOf(() => prepareDocument(source('a.txt', '---\npublished: last Tuesday\n---\nBody.\n')))).toBe(
      'invalid front matter: published: must be a date YYYY, YYYY-MM or YYYY-MM-DD (got "last Tuesday")',
    );
  });

  it('does not take a leading horizontal rule for front matter', () => {
    const doc = prepareDocument(source('a.txt', '---\nJust a rule above this text.\n---\nMore.\n'));
    expect(doc.text).toContain('Just a rule above this text.');
  });

  it('refuses a file with only front matter', () => {
    expect(reasonOf(() => prepareDocument(source('a.md', '---\ntitle: Nothing else\n---\n\n')))).toBe('no text: the file holds only front matter');
  });

  it('takes a short headline-like first line as the title and keeps it in the text', () => {
    const doc = prepareDocument(source('dir/story.txt', 'Mayor opens new bridge\n\nThe mayor opened the bridge on Monday.'));
    expect(doc.meta.title).toBe('Mayor opens new bridge');
    expect(doc.meta.titleSource).toBe('text');
    expect(doc.text.startsWith('Mayor opens new bridge\n')).toBe(true);
  });

  it('falls back to the file name when the first line is a sentence, and uses relPath as identity without a url', () => {
    const doc = prepareDocument(source('dir/story-17.txt', 'The mayor opened the bridge on Monday, officials said.\nMore text.'));
    expect(doc.meta.title).toBe('story-17');
    expect(doc.meta.titleSource).toBe('file-name');
    expect(doc.identity).toBe('dir/story-17.txt');
  });

  it('normalizes CRLF line endings in the stored text', () => {
    const doc = prepareDocument(source('a.txt', 'Headline\r\n\r\nLine one.\r\nLine two.  \r\n'));
    expect(doc.text).toBe('Headline\n\nLine one.\nLine two.');
  });
});

describe('prepareDocument: HTML and Markdown', () => {
  it('extracts the article text from HTML, dropping scripts, styles, navigation, header, footer, asides and figures', async () => {
    const r = await collectSources([path.join(FIXTURES, 'article.html')]);
    const doc = prepareDocument(r.sources[0]!);
    expect(doc.mediaType).toBe('text/html');
    expect(doc.text).toContain('The harbour bridge reopened on Friday after eight months of repairs, the town council said.');
    expect(doc.text).toContain('“We are glad to have it back,” said council leader Anna Pike. Traffic was light in the first hours.');
    expect(doc.text).toContain('Engineers replaced the & deck\u00a0joints and repainted\nthe railings.');
    for (const gone of ['tracking', 'font-family', 'document.write', 'Skip to content', 'Home', 'Sport', 'Your town', 'Most read', 'Ferry', '©', 'Photo:', 'Share on Facebook']) {
      expect(doc.text).not.toContain(gone);
    }
    expect(doc.text.split('\n\n')[0]).toBe('Harbour bridge reopens after repairs');
  });

  it('takes HTML metadata (og:title, og:url, published time, site name, lang) where the catalog says nothing', async () => {
    const r = await collectSources([path.join(FIXTURES, 'article.html')]);
    const doc = prepareDocument(r.sources[0]!);
    expect(doc.meta).toMatchObject({
      title: 'Harbour bridge reopens after repairs',
      titleSource: 'html',
      url: 'https://gazette.example.org/news/harbour-bridge-reopens',
      published: '2021-11-05', // the date as the publisher wrote it, not shifted to UTC
      publisher: 'The Coastal Gazette',
      language: 'en-GB',
    });
    expect(doc.identity).toBe('https://gazette.example.org/news/harbour-bridge-reopens');
    const withCatalog = prepareDocument({ ...r.sources[0]!, catalog: catalogEntry({ title: 'Archivist title', published: '2021-11-06', extra: {} }) });
    expect(withCatalog.meta).toMatchObject({ title: 'Archivist title', published: '2021-11-06', publishedSource: 'catalog' });
  });

  it('takes the title from <title> or the first <h1> when there is no og:title', () => {
    const html = '<html><head><title>Plain page title</title></head><body><p>Body one.</p></body></html>';
    expect(prepareDocument(source('p.html', html)).meta.title).toBe('Plain page title');
    const h1 = '<html><body><h1>Heading One</h1><p>Body one.</p></body></html>';
    expect(prepareDocument(source('p.html', h1)).meta.title).toBe('Heading One');
  });

  it('refuses an HTML page with no article text', () => {
    const html = '<html><body><nav>Home News</nav><script>x()</script></body></html>';
    expect(reasonOf(() => prepareDocument(source('p.html', html)))).toBe('no article text found in the HTML');
  });

  it('sniffs HTML in a file named explicitly with an unknown extension', () => {
    const doc = prepareDocument(source('page.php', '<!DOCTYPE html><html><body><p>Para.</p><script>bad()</script></body></html>'));
    expect(doc.mediaType).toBe('text/html');
    expect(doc.text).toBe('Para.');
  });

  it('strips Markdown markup before storing the text, keeping every word', () => {
    const bytes = readFileSync(path.join(FIXTURES, 'article.md'));
    const doc = prepareDocument(source('article.md', bytes));
    expect(doc.mediaType).toBe('text/markdown');
    expect(doc.text).toBe(
      [
        'Library extends opening hours',
        '',
        'The central library will open until 9 p.m. from February, the library board said.',
        '',
        '"More people can come after work," said librarian Tom Reyes.',
        '',
        'Weekday hours: 9 a.m. to 9 p.m.',
        'Saturday hours: 10 a.m. to 4 p.m.',
        '',
        'Use snake_case names and 2 * 3 stays as written; file_name_here too.',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({ title: 'Library extends opening hours', publisher: 'Valley Weekly', published: '2020-01-15', extra: { shelfmark: 'VW-2020-003' } });
  });
});

describe('htmlToText', () => {
  it('without a single <article>, takes the body and drops page blocks and conventional furniture classes', async () => {
    const { htmlToText } = await import('../../src/ingest/index.js');
    const html = `<html><body>
      <div class="header">Site name</div>
      <div id="content"><h1>Title</h1><p>One.</p><p hidden>Hidden text.</p><p style="display: none">Also hidden.</p></div>
      <div class="related-stories"><p>Other story</p></div>
      <div id="newsletter-signup">Sign up now</div>
      <div role="navigation">Menu</div>
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-02-03T01:00:00Z","headline":"LD headline"}</script>
    </body></html>`;
    const r = htmlToText(html);
    expect(r.text).toBe('Title\n\nOne.');
    expect(r.meta).toMatchObject({ title: 'LD headline', published: '2020-02-03' });
  });
});
