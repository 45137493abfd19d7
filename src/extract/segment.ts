/**
 * Segmentation: paragraphs (lines; blank lines between them are common but not required) and
 * sentences within them. A sentence ends at . ! ? (and any closing quotes or brackets) followed by
 * space and a capital, digit or opening quote, unless the period closes an abbreviation ("Feb.",
 * "St.") or an initial. A short heading ending in a colon at the start of a paragraph ("Talks
 * resume:", "STORY:") is a sentence of its own.
 */
import { ABBREVIATIONS } from './text.js';
import type { Sentence, Span } from './types.js';

export interface Paragraph extends Span {
  index: number;
}

/** Lines with text, trimmed of surrounding white space. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    const start = m.index + lead;
    out.push({ start, end: start + body.length, index: out.length });
  }
  return out;
}

const SENTENCE_STARTERS = new Set(
  'The A An He She It They We I This That These Those But And In On At As After Before When While If There Its His Her Their Our'.split(
    ' ',
  ),
);

/** Heading at paragraph start: up to 7 words (or a quoted phrase) and a colon, then a capital or quote. */
const HEADING_RE = /^(?:[‘'"“][^‘'"“”’\n]{1,80}[’'"”]|[\p{L}\p{N}’'&,-]+(?:\s+[\p{L}\p{N}’'&,-]+){0,6}):\s+(?=[\p{Lu}“"‘\d])/u;

function splitParagraph(text: string, p: Paragraph): Sentence[] {
  const out: Sentence[] = [];
  let start = p.start;
  const body = text.slice(p.start, p.end);
  const heading = HEADING_RE.exec(body);
  if (heading && !/\b(?:said|says|told|wrote|posted|tweeted|added|warned)\b/i.test(heading[0])) {
    const end = p.start + heading[0].trimEnd().length;
    out.push({ start, end, paragraph: p.index });
    start = p.start + heading[0].length;
  }
  const re = /[.!?]+[”"’')\]]*(?=\s+[\p{Lu}\d“"‘(])/gu;
  re.lastIndex = start - p.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const dot = p.start + m.index;
    const end = dot + m[0].length;
    const before = text.slice(Math.max(p.start, dot - 12), dot);
    const word = /(\S+)$/.exec(before)?.[1] ?? '';
    const after = /^\s+(\S+)/.exec(text.slice(end, p.end))?.[1] ?? '';
    if (m[0] === '.') {
      const bare = word.replace(/^[(“"‘]+/, '');
      if (ABBREVIATIONS.has(bare.toLowerCase()) && !/^(?:no|inc|co|corp|ltd|est)$/i.test(bare)) continue;
      // Initials ("J. Smith") and dotted acronyms ("U.S. President") go on, unless a sentence starts.
      if (/^\p{Lu}$/u.test(bare) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(bare)) {
        if (!SENTENCE_STARTERS.has(after.replace(/[^\p{L}]/gu, ''))) continue;
      }
    }
    if (end > start) out.push({ start, end, paragraph: p.index });
    start = end;
    while (start < p.end && /\s/.test(text[start])) start++;
  }
  if (start < p.end) out.push({ start, end: p.end, paragraph: p.index });
  return out;
}

/** Sentences of the whole text, in order, with the index of their paragraph. */
export function segment(text: string): { sentences: Sentence[]; paragraphs: Paragraph[] } {
  const paras = paragraphs(text);
  const sentences = paras.flatMap((p) => splitParagraph(text, p));
  return { sentences, paragraphs: paras };
}
