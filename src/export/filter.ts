/**
 * Reading the exports' filter from query parameters or command-line options: `entity` and
 * `document` ids (repeatable), `from` and `to` as a year, month, day or ISO 8601 date-time.
 * A date without a time covers its whole period (from = its first instant, to = its last).
 */
import type { TimelineFilter } from './types';

export class ExportInputError extends Error {
  override name = 'ExportInputError';
  readonly code = 'BAD_USER_INPUT';
}

const ID = /^[A-Za-z0-9_:.-]{1,200}$/;

function ids(name: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v !== 'string') throw new ExportInputError(`"${name}" must be an id`);
    for (const part of v.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (!ID.test(part)) throw new ExportInputError(`"${name}" is not an id: "${part.slice(0, 80)}"`);
      out.push(part);
    }
  }
  return [...new Set(out)];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A year, month, day or date-time as the first (edge 'from') or last (edge 'to') instant it covers, in UTC ISO form. */
export function parseDateBound(name: string, raw: unknown, edge: 'from' | 'to'): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (Array.isArray(raw)) {
    if (raw.length !== 1) throw new ExportInputError(`"${name}" may be given once`);
    raw = raw[0];
  }
  if (typeof raw !== 'string') throw new ExportInputError(`"${name}" must be a date`);
  const s = raw.trim();
  const bad = () => new ExportInputError(`"${name}" must be a date such as 2022, 2022-03, 2022-03-02 or 2022-03-02T10:00:00Z, got "${s.slice(0, 80)}"`);
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) : null;
    const d = m[3] ? Number(m[3]) : null;
    if (mo !== null && (mo < 1 || mo > 12)) throw bad();
    const lastDay = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 0)).getUTCDate();
    if (d !== null && (d < 1 || d > lastDay(y, mo!))) throw bad();
    if (edge === 'from') return `${pad(y, 4)}-${pad(mo ?? 1)}-${pad(d ?? 1)}T00:00:00.000Z`;
    const em = mo ?? 12;
    return `${pad(y, 4)}-${pad(em)}-${pad(d ?? lastDay(y, em))}T23:59:59.999Z`;
  }
  m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i.exec(s);
  if (m) {
    const t = Date.parse(s);
    if (Number.isNaN(t)) throw bad();
    return new Date(t).toISOString();
  }
  throw bad();
}

export interface RawExportQuery {
  entity?: unknown;
  document?: unknown;
  from?: unknown;
  to?: unknown;
}

export function parseExportFilter(q: RawExportQuery): TimelineFilter {
  const filter: TimelineFilter = {};
  const entityIds = ids('entity', q.entity);
  const documentIds = ids('document', q.document);
  if (entityIds.length) filter.entityIds = entityIds;
  if (documentIds.length) filter.documentIds = documentIds;
  const from = parseDateBound('from', q.from, 'from');
  const to = parseDateBound('to', q.to, 'to');
  if (from && to && from > to) throw new ExportInputError(`"from" (${from}) is after "to" (${to})`);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}
