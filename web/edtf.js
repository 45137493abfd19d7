// Just enough EDTF reading for the page (mirrors src/export/edtf.ts): precision, qualifiers,
// and a short description. Bounds always come from the API's earliest/latest.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function readPart(raw) {
  const uncertain = /[?%]/.test(raw);
  const approximate = /[~%]/.test(raw);
  const s = raw.replace(/[?~%]/g, '').trim();
  const none = { year: null, month: null, day: null, precision: 'unknown', uncertain, approximate };
  if (s === '' || s === '..') return none;
  const m = /^(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?(T.*)?$/.exec(s);
  if (!m) return none;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return { ...none, year };
  const precision = m[4] ? 'time' : day !== null ? 'day' : month !== null ? 'month' : 'year';
  return { year, month, day, precision, uncertain, approximate };
}

export function readEdtf(edtf) {
  const trimmed = String(edtf ?? '').trim();
  const interval = trimmed.includes('/');
  const parts = interval ? trimmed.split('/').map(readPart) : [readPart(trimmed)];
  const uncertain = parts.some((p) => p.uncertain);
  const approximate = parts.some((p) => p.approximate);
  const imprecise = interval || parts.some((p) => p.precision === 'year' || p.precision === 'month' || p.precision === 'unknown');
  return { interval, parts, uncertain, approximate, imprecise };
}

/** Drawn as a range and marked: qualified, coarser than a day, an interval, or a day or longer between bounds. */
export function isInexact(span) {
  const r = readEdtf(span.edtf);
  if (r.uncertain || r.approximate || r.imprecise) return true;
  const ms = Date.parse(span.latest) - Date.parse(span.earliest);
  return Number.isFinite(ms) && ms >= 24 * 3600 * 1000;
}

function partText(p) {
  if (p.year === null) return 'an open date';
  const y = p.year < 0 ? `${-p.year} BCE` : String(p.year);
  if (p.month === null) return y;
  if (p.day === null) return `${MONTHS[p.month - 1]} ${y}`;
  return `${p.day} ${MONTHS[p.month - 1]} ${y}`;
}

function qualified(p, text) {
  if (p.uncertain && p.approximate) return `about ${text}, uncertain`;
  if (p.approximate) return `about ${text}`;
  if (p.uncertain) return `${text}, uncertain`;
  return text;
}

export function describeEdtf(edtf) {
  const r = readEdtf(edtf);
  if (r.parts.every((p) => p.year === null)) return String(edtf);
  if (r.interval) {
    const [a, b] = r.parts;
    if (a.year === null) return `until ${qualified(b, partText(b))}`;
    if (!b || b.year === null) return `from ${qualified(a, partText(a))}`;
    return `between ${qualified(a, partText(a))} and ${qualified(b, partText(b))}`;
  }
  const p = r.parts[0];
  return qualified(p, partText(p));
}

/** "uncertain", "approximate", "approximate, uncertain", "month", "year", "range" — what makes a date inexact. */
export function inexactReason(span) {
  const r = readEdtf(span.edtf);
  const reasons = [];
  if (r.approximate) reasons.push('approximate');
  if (r.uncertain) reasons.push('uncertain');
  if (r.interval) reasons.push('range');
  else if (r.parts[0].precision === 'month') reasons.push('month only');
  else if (r.parts[0].precision === 'year') reasons.push('year only');
  else if (r.parts[0].precision === 'unknown') reasons.push('unspecified');
  if (!reasons.length && isInexact(span)) reasons.push('range');
  return reasons.join(', ');
}
