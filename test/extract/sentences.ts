import type { Sentence } from '../../src/extract/types.js';

/** A tiny sentence splitter for stage tests (the product's segmenter is tested on its own). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]+?(?:[.!?]+["”’]?(?=\s+["“‘]?[A-Z])|$)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!m[0].trim()) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ start: m.index + lead, end: m.index + m[0].length, paragraph: 0 });
  }
  return out;
}
