/**
 * One source file → a PreparedDocument: validated, decoded, converted to text, cleaned, with metadata.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DocumentMeta, IngestFailure, PreparedDocument, TitleSource } from './types.js';
import type { SourceFile } from './collect.js';
import { DOCUMENT_EXTENSIONS } from './collect.js';
import { cleanText } from './clean.js';
import { decodeText } from './decode.js';
import { IngestError } from './errors.js';
import { splitFrontMatter } from './frontmatter.js';
import { htmlToText, type HtmlMeta } from './html.js';
import { markdownToText } from './markdown.js';
import type { MetaFields } from './meta.js';
import { findDates, findPublished } from './published.js';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The media type a file is read as: by extension, else sniffed (HTML or plain text). */
export function mediaTypeOf(filePath: string, text: string): string {
  const byExt = DOCUMENT_EXTENSIONS[path.extname(filePath).toLowerCase()];
  if (byExt) return byExt;
  return /^\s*(?:<!doctype\s+html\b|<html\b)/i.test(text) ? 'text/html' : 'text/plain';
}

/**
 * The first line as a title, when it reads like a headline: its own paragraph, short (≤ 150 characters,
 * ≤ 25 words), not ending like a sentence or a lead-in (. , ; :), not starting in lower case, not a date.
 */
export function headlineOf(text: string): string | null {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim() !== '');
  if (i < 0) return null;
  const line = lines[i]!.trim();
  const next = lines[i + 1];
  if (next !== undefined && next.trim() !== '') return null;
  if (line.length < 3 || line.length > 150) return null;
  if (line.split(/\s+/).length > 25) return null;
  if (!/\p{L}/u.test(line) || /^\p{Ll}/u.test(line)) return null;
  if (/[.,;:]["'”’)\]]*$/u.test(line)) return null;
  const dates = findDates(line);
  if (dates.length && line.replace(dates[0]!.text, '').replace(/[\s,|–—-]/gu, '').length < 3) return null;
  return line;
}

const has = <K extends keyof MetaFields>(m: MetaFields | null, k: K): boolean => !!m && m[k] !== undefined && m[k] !== null;

/**
 * Validates and converts one source file. Throws IngestError (with a reason a person can act on)
 * when the file cannot be ingested.
 */
export function prepareDocument(source: SourceFile): PreparedDocument {
  const original = source.bytes;
  const sha256 = sha256Hex(original);
  const decoded = decodeText(original).replace(/\r\n?/g, '\n');
  const mediaType = mediaTypeOf(source.path, decoded);

  let fm: MetaFields | null = null;
  let warnings: string[] = [];
  let body = decoded;
  let html: HtmlMeta | null = null;
  if (mediaType === 'text/html') {
    const r = htmlToText(body);
    body = r.text;
    html = r.meta;
  } else {
    const split = splitFrontMatter(body);
    fm = split.meta;
    warnings = split.warnings;
    body = split.body;
    if (mediaType === 'text/markdown') body = markdownToText(body);
  }

  const { text, furniture } = cleanText(body);
  if (text.trim() === '') {
    if (fm && decoded.trim() !== '') throw new IngestError('no text: the file holds only front matter');
    if (html) throw new IngestError('no article text found in the HTML');
    throw new IngestError('no text left after removing site furniture');
  }

  const cat = source.catalog?.meta ?? null;
  const field = (k: 'publisher' | 'url' | 'language' | 'source' | 'rights' | 'notes', fromHtml: string | null = null) =>
    (has(fm, k) ? (fm![k] as string) : null) ?? (has(cat, k) ? (cat![k] as string) : null) ?? fromHtml ?? null;

  let title: string;
  let titleSource: TitleSource;
  const headline = headlineOf(text);
  if (fm?.title) [title, titleSource] = [fm.title, 'front-matter'];
  else if (cat?.title) [title, titleSource] = [cat.title, 'catalog'];
  else if (html?.title) [title, titleSource] = [html.title, 'html'];
  else if (headline) [title, titleSource] = [headline, 'text'];
  else [title, titleSource] = [path.basename(source.path, path.extname(source.path)) || source.path, 'file-name'];

  const published = findPublished(text, {
    frontMatter: fm?.published ?? null,
    catalog: cat?.published ?? null,
    embedded: html?.published ?? null,
  });

  const extra: Record<string, unknown> = { ...(cat?.extra ?? {}), ...(fm?.extra ?? {}) };
  if (html?.author && !('author' in extra)) extra.author = html.author;

  const meta: DocumentMeta = {
    title,
    publisher: field('publisher', html?.publisher ?? null),
    url: field('url', html?.url ?? null),
    published: published.published,
    publishedSource: published.publishedSource,
    publishedText: published.publishedText,
    language: field('language', html?.language ?? null),
    source: field('source'),
    rights: field('rights'),
    notes: field('notes'),
    extra,
    titleSource,
  };

  return {
    path: source.path,
    identity: meta.url ?? source.relPath,
    relPath: source.relPath,
    sha256,
    original,
    mediaType,
    text,
    furniture,
    meta,
    ...(warnings.length ? { warnings } : {}),
  };
}

/**
 * prepareDocument over many files: IngestErrors become failures; a file whose identity (url or
 * relative path) another file already has is a failure too (it would overwrite the other).
 */
export function prepareSources(sources: SourceFile[]): { documents: PreparedDocument[]; failures: IngestFailure[] } {
  const documents: PreparedDocument[] = [];
  const failures: IngestFailure[] = [];
  const byIdentity = new Map<string, string>();
  for (const s of sources) {
    try {
      const doc = prepareDocument(s);
      const other = byIdentity.get(doc.identity);
      if (other !== undefined) {
        failures.push({ path: s.path, reason: `same identity (${doc.identity}) as ${other}; only the first is ingested` });
        continue;
      }
      byIdentity.set(doc.identity, s.path);
      documents.push(doc);
    } catch (e) {
      if (e instanceof IngestError) failures.push({ path: s.path, reason: e.message });
      else failures.push({ path: s.path, reason: `unexpected error: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return { documents, failures };
}
