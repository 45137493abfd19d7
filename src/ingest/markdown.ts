/**
 * Markdown → plain text, minimally: the markup goes, every word of the text stays.
 * Headings lose their #, emphasis its * and _, links keep their text, images and link
 * definitions go, code fences and block-quote markers go (their content stays).
 */

import { joinKeptLines } from './clean.js';

// Escaped characters are parked in the Private Use Area while markup is removed, then restored.
const PUA = 0xe000;
const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!>~|<"'])/g;
const park = (s: string) => s.replace(ESCAPABLE, (_, c: string) => String.fromCharCode(PUA + c.charCodeAt(0)));
const unpark = (s: string) => s.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PUA));

/** Inline markup of one line. */
export function stripInlineMarkdown(line: string): string {
  let s = park(line);
  const codes: string[] = [];
  // Code spans first: nothing inside them is markup.
  s = s.replace(/(`{1,10})([^`]|[^`][\s\S]{0,2000}?[^`])\1(?!`)/g, (_, _f: string, code: string) => {
    codes.push(code.trim() === '' ? code : code.replace(/^ (.*) $/, '$1'));
    return `\ue100${codes.length - 1}\ue101`;
  });
  s = s
    .replace(/!\[([^\]]{0,500})\]\((?:[^()\s]|\([^)]{0,200}\)){0,2000}(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, '') // images
    .replace(/!\[([^\]]{0,500})\]\[[^\]]{0,200}\]/g, '')
    .replace(/\[([^\]]{1,500})\]\((?:[^()\s]|\([^)]{0,200}\)){0,2000}(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, '$1') // [text](url)
    .replace(/\[([^\]]{1,500})\]\[[^\]]{0,200}\]/g, '$1') // [text][ref]
    .replace(/<((?:https?|mailto):[^\s>]+)>/g, '$1') // <https://...>
    .replace(/~~(?=\S)([\s\S]{0,1000}?\S)~~/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]{0,1000}?\S)\1/g, (m, d: string, inner: string, off: number, all: string) => {
      // __ only at word boundaries (snake__case stays)
      if (d === '__' && (/\w/.test(all[off - 1] ?? '') || /\w/.test(all[off + m.length] ?? ''))) return m;
      return inner;
    })
    .replace(/(^|[^\w*])\*(?=[^\s*])([^*]{0,1000}?[^\s*])\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w*])\*(?=[^\s*])([^*\s])\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w_])_(?=[^\s_])([^_]{0,1000}?[^\s_]|[^\s_])_(?![\w_])/g, '$1$2');
  s = s.replace(/\ue100(\d+)\ue101/g, (_, i: string) => codes[Number(i)] ?? '');
  return unpark(s);
}

/** Converts Markdown to the plain text that is stored (and that evidence offsets index). */
export function markdownToText(md: string): string {
  const src = md.split('\n');
  // null marks a line that was all markup (an image, a link definition, a fence): it goes, and the
  // blank lines around it merge as if it had never been there.
  const out: (string | null)[] = [];
  let fence: string | null = null;
  let prevText = false; // the previous source line was paragraph text (for setext headings)

  for (const raw of src) {
    if (fence !== null) {
      if (raw.trim().startsWith(fence) && raw.trim().replace(/[`~]/g, '') === '') {
        fence = null;
        out.push(null);
        continue;
      }
      out.push(raw);
      continue;
    }
    const fm = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fm) {
      fence = fm[1]!;
      prevText = false;
      out.push(null);
      continue;
    }
    // link reference definitions: [id]: https://...
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(raw)) {
      prevText = false;
      out.push(null);
      continue;
    }
    // setext heading underline (=== or ---) under a text line
    if (prevText && /^\s{0,3}(=+|-+)\s*$/.test(raw)) {
      prevText = false;
      out.push(null);
      continue;
    }
    // thematic break
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) {
      out.push('');
      prevText = false;
      continue;
    }
    let line = raw;
    // block quotes
    while (/^\s{0,3}>/.test(line)) line = line.replace(/^\s{0,3}> ?/, '');
    // ATX headings
    const h = /^\s{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (h) {
      line = h[1] ?? '';
    } else {
      // bullets and task boxes ("- ", "* ", "+ ", "- [ ] ")
      line = line.replace(/^\s*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?/, '');
      // hard line break marker
      line = line.replace(/\\$/, '');
    }
    const stripped = stripInlineMarkdown(line);
    out.push(stripped.trim() === '' && raw.trim() !== '' && !h ? null : stripped);
    prevText = !h && stripped.trim() !== '';
  }
  return joinKeptLines(out);
}
