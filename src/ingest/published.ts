/**
 * The publication date of a document: front matter, else catalog, else the page's own metadata
 * (HTML <meta>/JSON-LD, reported as 'front-matter': metadata embedded in the file), else the text:
 *   - "date 2022-03-02", "Published: March 2, 2022", "Posted on 2 March 2022" opening the text;
 *   - a dateline with a year: "KYIV, March 2, 2022 (Reuters) -", "March 2, 2022 — ...";
 *   - a short metadata line among the first lines ("By Jane Doe | March 2, 2022 8:14 AM").
 * Dates without a year ("KYIV, March 2 (Reuters) -") give no date: the year would be a guess.
 */
import type { PublishedSource } from './types.js';
import { isRealDate, normalizeDate } from './meta.js';

export interface PublishedInput {
  frontMatter?: string | null;
  catalog?: string | null;
  /** From the page's embedded metadata (HTML <meta>, JSON-LD). */
  embedded?: string | null;
}

export interface PublishedResult {
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when nothing states it. */
  published: string | null;
  publishedSource: PublishedSource;
  /** The date as the text writes it ("March 2, 2022"); null unless taken from the text. */
  publishedText: string | null;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const ORD = '(?:st|nd|rd|th)?';

interface DateHit {
  date: string;
  text: string;
  index: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every full date (with a year) in `s`, in order. */
export function findDates(s: string): DateHit[] {
  const hits: DateHit[] = [];
  const add = (index: number, text: string, y: number, m: number, d?: number) => {
    if (!isRealDate(y, m, d)) return;
    hits.push({ index, text, date: d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}` });
  };
  const patterns: [RegExp, (m: RegExpExecArray) => void][] = [
    [
      /\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
      (m) => add(m.index, m[0], +m[1]!, +m[2]!, +m[3]!),
    ],
    [
      new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b`, 'gi'),
      (m) => add(m.index, m[0], +m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!),
    ],
    [
      new RegExp(`\\b${WEEKDAY}(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'gi'),
      (m) => add(m.index, m[0], +m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!),
    ],
    [
      // 31/12/2022 or 12/31/2022, only when the order is unambiguous (one part above 12)
      /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g,
      (m) => {
        const a = +m[1]!;
        const b = +m[2]!;
        if (a > 12 && b <= 12) add(m.index, m[0], +m[3]!, b, a);
        else if (b > 12 && a <= 12) add(m.index, m[0], +m[3]!, a, b);
      },
    ],
    [/\b(\d{4})\/(\d{2})\/(\d{2})\b/g, (m) => add(m.index, m[0], +m[1]!, +m[2]!, +m[3]!)],
  ];
  for (const [re, fn] of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) fn(m);
  }
  // drop hits contained in an earlier, longer hit (the ISO pattern inside a date-time, etc.)
  hits.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const out: DateHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.index < last.index + last.text.length) continue;
    out.push(h);
  }
  return out;
}

/** A month and year alone ("March 2022") after a "Published"-style label. */
function monthYear(s: string): DateHit | null {
  const m = new RegExp(`^${MONTH}\\s+(\\d{4})\\b`, 'i').exec(s);
  if (!m) return null;
  const mo = MONTHS[m[1]!.toLowerCase()]!;
  return { index: 0, text: m[0], date: `${m[2]}-${pad(mo)}` };
}

const LABEL = /^(?:dated|date|first published|published|posted|publication date|pub\.? date|released|issued)\b(?:\s+on)?\s*[:\-–—]?\s*/i;
const UPDATED_BEFORE = /\b(?:updated|modified|edited|last updated|revised)\b[^\d]{0,12}$/i;
const PUBLISHED_BEFORE = /\b(?:published|posted|first published|date)\b[^\d]{0,12}$/i;
/** A dateline: "KYIV, March 2, 2022 (Reuters) -", "WASHINGTON — March 2, 2022 —". */
const DATELINE_HEAD = /^\p{Lu}[\p{Lu} .'’-]{1,40}(?:,\s*[\p{L} .]{2,30})?\s*[,—–-]\s*/u;
const SEPARATOR_AFTER = /^\s*(?:\([^)]{1,40}\)\s*)?[-–—:|]/u;

function fromText(text: string): { date: string; text: string } | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 6);
  for (const [n, line] of lines.entries()) {
    // "date 2022-03-02 ...", "Published: March 2, 2022"
    const label = LABEL.exec(line);
    if (label) {
      const rest = line.slice(label[0].length);
      const hit = findDates(rest)[0];
      if (hit && hit.index === 0) return hit;
      const my = monthYear(rest);
      if (my) return my;
    }
    // A paragraph opening with a date, or a dateline ("CITY, March 2, 2022 (Agency) -")
    if (n < 3) {
      const head = DATELINE_HEAD.exec(line);
      for (const at of head ? [0, head[0].length] : [0]) {
        const hit = findDates(line.slice(at)).find((h) => h.index === 0);
        const after = hit ? line.slice(at + hit.text.length) : '';
        if (hit && (SEPARATOR_AFTER.test(after) || after.trim() === '')) return hit;
      }
    }
    // A short metadata line: "By Jane Doe | March 2, 2022 8:14 AM", "Updated ... Published ..."
    if (line.length <= 120 && !/[.!?]["”’]?$/u.test(line)) {
      const hits = findDates(line);
      const published = hits.find((h) => PUBLISHED_BEFORE.test(line.slice(0, h.index)));
      if (published) return published;
      const first = hits.find((h) => !UPDATED_BEFORE.test(line.slice(0, h.index)));
      if (first) return first;
    }
  }
  return null;
}

/** The publication date, and where it came from. */
export function findPublished(text: string, meta: PublishedInput = {}): PublishedResult {
  const fm = meta.frontMatter ? normalizeDate(meta.frontMatter) : null;
  if (fm) return { published: fm, publishedSource: 'front-matter', publishedText: null };
  const cat = meta.catalog ? normalizeDate(meta.catalog) : null;
  if (cat) return { published: cat, publishedSource: 'catalog', publishedText: null };
  const emb = meta.embedded ? normalizeDate(meta.embedded) : null;
  if (emb) return { published: emb, publishedSource: 'front-matter', publishedText: null };
  const hit = fromText(text);
  if (hit) return { published: hit.date, publishedSource: 'text', publishedText: hit.text };
  return { published: null, publishedSource: null, publishedText: null };
}
