/**
 * Metadata records as archivists write them: a catalog.yaml record or a file's YAML front matter.
 * Known keys are validated (zod); every other key is kept, as written, in `extra`.
 */
import { z } from 'zod';

/** Metadata stated by a catalog record or front matter. A key is present only when it was written. */
export interface MetaFields {
  title?: string;
  publisher?: string | null;
  url?: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  published?: string | null;
  language?: string | null;
  source?: string | null;
  rights?: string | null;
  notes?: string | null;
  extra: Record<string, unknown>;
}

export const KNOWN_META_KEYS = ['title', 'publisher', 'url', 'published', 'language', 'source', 'rights', 'notes'] as const;
type KnownKey = (typeof KNOWN_META_KEYS)[number];

const DATE_MESSAGE = 'must be a date YYYY, YYYY-MM or YYYY-MM-DD';

/** True when y-m-d names a real calendar day. */
export function isRealDate(year: number, month: number, day?: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= days;
}

/**
 * A date as archivists and publishers write it, reduced to YYYY, YYYY-MM or YYYY-MM-DD.
 * An ISO date-time keeps the date as written (its local date, no time-zone conversion).
 * Returns null when the value is not such a date.
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return year >= 1 ? m[1]! : null;
  const month = Number(m[2]);
  if (m[3] === undefined) return isRealDate(year, month) ? `${m[1]}-${m[2]}` : null;
  return isRealDate(year, month, Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const optionalText = (what: string) =>
  z.union([z.string({ error: `must be ${what}` }), z.null()], { error: `must be ${what}` }).transform((s) => {
    if (s === null) return null;
    const t = s.trim();
    return t === '' ? null : t;
  });

const fieldSchemas: Record<KnownKey, z.ZodType<unknown>> = {
  title: z
    .union([z.string(), z.null()], { error: 'must be text' })
    .transform((s) => (s === null ? undefined : s.trim() || undefined)),
  publisher: optionalText('text'),
  url: z.union([z.string(), z.null()], { error: 'must be an http(s) URL' }).transform((s, ctx) => {
    if (s === null || s.trim() === '') return null;
    const t = s.trim();
    let ok = false;
    try {
      const u = new URL(t);
      ok = u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: `must be an http(s) URL (got ${JSON.stringify(t)})` });
      return z.NEVER;
    }
    return t;
  }),
  published: z.unknown().transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const d = normalizeDate(v);
    if (d === null) {
      ctx.addIssue({ code: 'custom', message: `${DATE_MESSAGE} (got ${JSON.stringify(v)})` });
      return z.NEVER;
    }
    return d;
  }),
  language: z.union([z.string(), z.null()], { error: 'must be a language code like en or en-GB' }).transform((s, ctx) => {
    if (s === null || s.trim() === '') return null;
    const t = s.trim();
    if (!/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(t)) {
      ctx.addIssue({ code: 'custom', message: `must be a language code like en or en-GB (got ${JSON.stringify(t)})` });
      return z.NEVER;
    }
    return t.replace(/_/g, '-');
  }),
  source: optionalText('text'),
  rights: optionalText('text'),
  notes: optionalText('text'),
};

export interface MetaValidation {
  meta: MetaFields;
  /** One message per invalid key ("published: must be a date ..."); invalid keys are left out of `meta`. */
  problems: string[];
}

/**
 * Validates a record's known keys and keeps the rest in `extra`.
 * `omit` names keys that belong to the container (a catalog's `file`), not to the document.
 */
export function validateMeta(record: Record<string, unknown>, omit: readonly string[] = []): MetaValidation {
  const meta: MetaFields = { extra: {} };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (omit.includes(key)) continue;
    if ((KNOWN_META_KEYS as readonly string[]).includes(key)) {
      const k = key as KnownKey;
      const r = fieldSchemas[k].safeParse(value);
      if (!r.success) {
        problems.push(`${key}: ${r.error.issues[0]?.message ?? 'invalid value'}`);
        continue;
      }
      if (r.data === undefined) continue;
      (meta as unknown as Record<string, unknown>)[k] = r.data;
    } else {
      meta.extra[key] = value;
    }
  }
  return { meta, problems };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
