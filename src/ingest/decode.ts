/**
 * Bytes → text: refuses what is not UTF-8 text, with a reason a person can act on.
 */
import { IngestError } from './errors.js';

interface Magic {
  name: string;
  test: (b: Uint8Array) => boolean;
}

const startsWith = (b: Uint8Array, sig: number[] | string, at = 0): boolean => {
  const bytes = typeof sig === 'string' ? [...sig].map((c) => c.charCodeAt(0)) : sig;
  if (b.length < at + bytes.length) return false;
  return bytes.every((x, i) => b[at + i] === x);
};

/** Well-known file signatures ("magic numbers") of formats that are not text. */
const MAGIC: Magic[] = [
  { name: 'PNG image', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: 'JPEG image', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { name: 'GIF image', test: (b) => startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a') },
  { name: 'WebP image', test: (b) => startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8) },
  { name: 'TIFF image', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { name: 'PDF document', test: (b) => startsWith(b, '%PDF-') },
  { name: 'ZIP archive (also .docx, .xlsx, .odt, .epub)', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]) },
  { name: 'Microsoft Office document (.doc, .xls)', test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { name: 'gzip archive', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { name: 'bzip2 archive', test: (b) => startsWith(b, 'BZh') && b.length > 3 && b[3]! >= 0x31 && b[3]! <= 0x39 && !startsWith(b, 'BZh ') },
  { name: 'xz archive', test: (b) => startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) },
  { name: '7-Zip archive', test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { name: 'RAR archive', test: (b) => startsWith(b, 'Rar!\x1a\x07') },
  { name: 'MP3 audio', test: (b) => startsWith(b, 'ID3') && b.length > 3 && b[3]! < 0x10 },
  { name: 'MP4/QuickTime video', test: (b) => startsWith(b, 'ftyp', 4) },
  { name: 'SQLite database', test: (b) => startsWith(b, 'SQLite format 3\x00') },
  { name: 'executable (ELF)', test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
  { name: 'RTF document', test: (b) => startsWith(b, '{\\rtf') },
];

/** The binary format the bytes start with, or null. */
export function detectMagic(bytes: Uint8Array): string | null {
  for (const m of MAGIC) if (m.test(bytes)) return m.name;
  return null;
}

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined) return i;
      if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Bytes that Windows-1252 leaves undefined: their presence argues against that encoding. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Whether bytes that are not UTF-8 read plausibly as Latin-1 / Windows-1252 text. */
export function looksLikeLatin1(b: Uint8Array): boolean {
  let high = 0;
  let ctrl = 0;
  for (const c of b) {
    if (c >= 0x80) {
      high++;
      if (CP1252_UNDEFINED.has(c)) return false;
    } else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) ctrl++;
  }
  if (ctrl > 0) return false;
  // Western text is mostly ASCII; a single-byte legacy encoding shows as scattered high bytes.
  return high > 0 && high / b.length < 0.3;
}

function lineOf(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

const hex = (c: number) => `0x${c.toString(16).toUpperCase().padStart(2, '0')}`;

function looksLikeUtf16(b: Uint8Array): boolean {
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) return true;
  // Without a BOM: ASCII text in UTF-16 has a NUL in every other byte.
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (even > half * 0.4 && odd === 0) || (odd > half * 0.4 && even === 0);
}

/**
 * Decodes a file's bytes as UTF-8 text (a BOM is dropped), or throws IngestError:
 * "empty file", "binary file (PNG image), not text", "UTF-16 text, not UTF-8 ...",
 * "not UTF-8: invalid byte 0xE9 at byte offset 12 (line 1); looks like Latin-1/Windows-1252 ...".
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new IngestError('empty file');
  const magic = detectMagic(bytes);
  if (magic) throw new IngestError(`binary file (${magic}), not text`);
  if (looksLikeUtf16(bytes)) {
    throw new IngestError('UTF-16 text, not UTF-8; convert it with iconv -f utf-16 -t utf-8');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new IngestError(`binary file (NUL byte at byte offset ${nul}), not text`);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    const where = `invalid byte ${hex(bytes[at] ?? 0)} at byte offset ${at} (line ${lineOf(bytes, at)})`;
    if (looksLikeLatin1(bytes)) {
      const from = bytes.some((c) => c >= 0x80 && c <= 0x9f) ? 'windows-1252' : 'latin1';
      throw new IngestError(
        `not UTF-8: ${where}; looks like Latin-1/Windows-1252; convert it with iconv -f ${from} -t utf-8`,
      );
    }
    throw new IngestError(`not UTF-8: ${where}; the file is neither UTF-8 text nor a known encoding`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // (TextDecoder drops it already)

  // Text with many control characters is a binary format we do not know.
  let ctrl = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) ctrl++;
  }
  if (ctrl > 0 && ctrl / text.length > 0.01) throw new IngestError('binary file (control characters), not text');
  if (text.trim() === '') throw new IngestError('empty file');
  return text;
}
