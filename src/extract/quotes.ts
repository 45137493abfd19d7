/**
 * Quotation finder: verbatim passages in quotation marks.
 *
 *  - Double marks: curly “ ” (and „ « ») by direction; a straight " opens after a space, an opening
 *    bracket or the start of a paragraph, and closes otherwise. Marks of either kind pair up, so
 *    `"The enemy ...,”` is one quotation. A closing mark with no opening one is ignored.
 *  - A quotation left open at the end of a paragraph continues when the next paragraph opens with
 *    a quotation mark (the convention for quotes running over several paragraphs); otherwise the
 *    opening mark is dropped.
 *  - Single curly marks ‘ ’ are quotation marks when ‘ starts a word and the matching ’ is not
 *    followed by a letter (so "we’ve" and "Italy’s" stay apostrophes). Not inside double quotes.
 *  - Straight single marks ' are quotation marks only strictly: opening a capitalized word after a
 *    space or at the paragraph start, closing right after , . ! ? and not before a letter, with at
 *    least three words inside ("'The camps are full,' she said").
 *  - A quotation at the start of a paragraph followed by a colon is a section heading ("‘The real
 *    test’: ..."), not a quotation.
 *  - Inside a double quotation, single marks (curly ‘ ’ or straight ') quote someone else's words:
 *    "She said to him, 'This will come back on you,' and he laughed." Such a quotation is returned
 *    with `outer` (the start of the quotation holding it); an apostrophe ("don't", "Reid's",
 *    "residents' permits") does not open one.
 */
import type { Span } from './types.js';
import type { Paragraph } from './segment.js';

export interface QuoteSpan extends Span {
  /** The quoted words without the marks, trimmed of white space and a final , . ; : */
  inner: Span;
  text: string;
  /** The quotation fills its paragraph(s) on its own (a "soundbite" line). */
  standalone: boolean;
  /** Index of the paragraph where it starts. */
  paragraph: number;
  /** For a quotation inside another one: the start of the outer quotation. */
  outer?: number;
}

const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);

function isOpeningStraight(text: string, i: number, paraStart: number): boolean {
  if (i === paraStart) return true;
  const prev = text[i - 1];
  return /[\s([{—–\-:]/.test(prev);
}

function wordsIn(s: string): number {
  return s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

function trimInner(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,.;:]/.test(text[end - 1])) end--;
  return { start, end };
}

/** Quotations in paragraph order. */
export function findQuotes(text: string, paragraphs: Paragraph[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open: { at: number; paragraph: number } | null = null;
  for (const [pi, p] of paragraphs.entries()) {
    const doubles: Span[] = [];
    const dre = /["“”„«»]/g;
    dre.lastIndex = p.start;
    let dm: RegExpExecArray | null;
    while ((dm = dre.exec(text)) && dm.index < p.end) {
      const i = dm.index;
      const ch = text[i];
      const opening = OPENERS.has(ch) || (ch === '"' && isOpeningStraight(text, i, p.start));
      if (open && open.paragraph !== pi && i === p.start && opening) continue; // continuation mark
      if (opening && !open) {
        open = { at: i, paragraph: pi };
        continue;
      }
      if (!open) continue; // a stray closing mark
      if (opening && ch !== '"') continue; // “ inside an open quotation: ignore
      // close
      const q = { start: open.at, end: i + 1 };
      doubles.push(q);
      push(q, open.paragraph);
      nested(q, open.paragraph);
      open = null;
    }
    if (open) {
      const next = paragraphs[pi + 1];
      const continues = next && (OPENERS.has(text[next.start]) || text[next.start] === '"');
      if (!continues) open = null;
    }
    // Single curly marks outside double quotations.
    let sOpen = -1;
    const sre = /[‘’]/g;
    sre.lastIndex = p.start;
    let sm: RegExpExecArray | null;
    while ((sm = sre.exec(text)) && sm.index < p.end) {
      const i = sm.index;
      const ch = text[i];
      if (doubles.some((d) => i >= d.start && i < d.end)) continue;
      if (ch === '‘' && (i === p.start || /[\s([{—–-]/.test(text[i - 1]))) {
        sOpen = i;
      } else if (ch === '’' && sOpen >= 0 && !/\p{L}/u.test(text[i + 1] ?? '') && i - sOpen > 1) {
        push({ start: sOpen, end: i + 1 }, pi);
        sOpen = -1;
      }
    }
    // Straight single marks as quotation marks (a style some outlets use): strictly, so that
    // apostrophes ("don't", "residents' permits") never pair: ' opens a word after a space or at the
    // paragraph start, and closes right after sentence punctuation (`…water,' she said`), with at
    // least three words inside.
    let aOpen = -1;
    for (let i = text.indexOf("'", p.start); i >= 0 && i < p.end; i = text.indexOf("'", i + 1)) {
      if (doubles.some((d) => i >= d.start && i < d.end)) continue;
      const before = i === p.start ? ' ' : text[i - 1];
      const after = text[i + 1] ?? ' ';
      if (aOpen < 0) {
        if (/[\s(\[—–]/.test(before) && /\p{Lu}/u.test(after)) aOpen = i;
      } else if (/[,.!?]/.test(before) && !/\p{L}/u.test(after)) {
        if (wordsIn(text.slice(aOpen + 1, i)) >= 3) push({ start: aOpen, end: i + 1 }, pi);
        aOpen = -1;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);

  /** Single-quoted words inside a double quotation. */
  function nested(q: Span, paragraph: number): void {
    let openAt = -1;
    for (let i = q.start + 1; i < q.end - 1; i++) {
      const ch = text[i];
      if (ch !== "'" && ch !== '‘' && ch !== '’') continue;
      const before = text[i - 1] ?? ' ';
      const after = text[i + 1] ?? ' ';
      if (openAt < 0) {
        if ((ch === "'" || ch === '‘') && /[\s(\[—–:,"“]/.test(before) && /\p{L}/u.test(after)) openAt = i;
      } else if ((ch === "'" || ch === '’') && !/\p{L}/u.test(after) && /[\p{L}\p{N}.,!?]/u.test(before)) {
        const inner = trimInner(text, openAt + 1, i);
        if (inner.end > inner.start) out.push({ start: openAt, end: i + 1, inner, text: text.slice(inner.start, inner.end), standalone: false, paragraph, outer: q.start });
        openAt = -1;
      }
    }
  }

  function push(q: Span, paragraph: number): void {
    const p = paragraphs[paragraph];
    // A heading: quotation opening its paragraph, followed by a colon.
    if (q.start === p.start && /^\s*:/.test(text.slice(q.end, q.end + 3))) return;
    const inner = trimInner(text, q.start + 1, q.end - 1);
    if (inner.end <= inner.start) return;
    const last = paragraphs.find((x) => x.start <= q.end && q.end <= x.end) ?? p;
    const standalone = q.start === p.start && /^[\s.,!?]*$/.test(text.slice(q.end, last.end));
    out.push({ start: q.start, end: q.end, inner, text: text.slice(inner.start, inner.end), standalone, paragraph });
  }
}
