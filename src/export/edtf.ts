/**
 * Just enough EDTF (Library of Congress Extended Date/Time Format) reading for the exports:
 * the precision of each side, whether it is qualified (uncertain ?, approximate ~, both %),
 * and a short human description. Bounds always come from the API's earliest/latest.
 */
import type { ExportTimeSpan } from './types';

export type Precision = 'year' | 'month' | 'day' | 'time' | 'unknown';

export interface EdtfPart {
  /** null for an open or unknown end ("..", "") */
  year: number | null;
  month: number | null;
  day: number | null;
  precision: Precision;
  uncertain: boolean;
  approximate: boolean;
}

export interface EdtfReading {
  interval: boolean;
  parts: EdtfPart[];
  uncertain: boolean;
  approximate: boolean;
  /** coarser than one day, an interval, or unreadable */
  imprecise: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function readPart(raw: string): EdtfPart {
  const uncertain = /[?%]/.test(raw);
  const approximate = /[~%]/.test(raw);
  const s = raw.replace(/[?~%]/g, '').trim();
  const none: EdtfPart = { year: null, month: null, day: null, precision: 'unknown', uncertain, approximate };
  if (s === '' || s === '..') return none;
  const m = /^(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?(T.*)?$/.exec(s);
  if (!m) return none;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return { ...none, year }; // seasons (21-24 ...) and the like
  const precision: Precision = m[4] ? 'time' : day !== null ? 'day' : month !== null ? 'month' : 'year';
  return { year, month, day, precision, uncertain, approximate };
}

export function readEdtf(edtf: string): EdtfReading {
  const trimmed = edtf.trim();
  // a whole-expression qualifier on a level-1 interval is not EDTF, but tolerate it
  const interval = trimmed.includes('/');
  const parts = interval ? trimmed.split('/').map(readPart) : [readPart(trimmed)];
  const uncertain = parts.some((p) => p.uncertain);
  const approximate = parts.some((p) => p.approximate);
  const imprecise = interval || parts.some((p) => p.precision === 'year' || p.precision === 'month' || p.precision === 'unknown');
  return { interval, parts, uncertain, approximate, imprecise };
}

/** True when the span should be drawn as a range and marked: qualified, coarse, an interval, or longer than a day. */
export function isInexact(span: ExportTimeSpan): boolean {
  const r = readEdtf(span.edtf);
  if (r.uncertain || r.approximate || r.imprecise) return true;
  const ms = Date.parse(span.latest) - Date.parse(span.earliest);
  return Number.isFinite(ms) && ms >= 24 * 3600 * 1000;
}

function partText(p: EdtfPart): string {
  if (p.year === null) return 'an open date';
  const y = p.year < 0 ? `${-p.year} BCE` : String(p.year);
  if (p.month === null) return y;
  if (p.day === null) return `${MONTHS[p.month - 1]} ${y}`;
  return `${p.day} ${MONTHS[p.month - 1]} ${y}`;
}

function qualified(p: EdtfPart, text: string): string {
  if (p.uncertain && p.approximate) return `about ${text}, uncertain`;
  if (p.approximate) return `about ${text}`;
  if (p.uncertain) return `${text}, uncertain`;
  return text;
}

/** "2 March 2022", "March 2022", "about 2 March 2022", "between 28 February 2022 and 2 March 2022". */
export function describeEdtf(edtf: string): string {
  const r = readEdtf(edtf);
  if (r.parts.every((p) => p.year === null)) return edtf;
  if (r.interval) {
    const [a, b] = r.parts;
    if (a.year === null) return `until ${qualified(b, partText(b))}`;
    if (b === undefined || b.year === null) return `from ${qualified(a, partText(a))}`;
    return `between ${qualified(a, partText(a))} and ${qualified(b, partText(b))}`;
  }
  const p = r.parts[0];
  return qualified(p, partText(p));
}
